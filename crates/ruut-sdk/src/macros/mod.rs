//! Macros, saved lists of actions run on conversations:
//! [`Client::list_macros`], [`Client::get_macro`], [`Client::create_macro`]
//! and [`Client::saved_macro`] (update, delete, execute).
//!
//! `macro` is a Rust keyword, so the handle is `saved_macro(id)`.

pub(crate) mod actions;
pub(crate) mod create;
pub(crate) mod handle;

use ruut_api::operations::Operation;
use ruut_api::types::Macro;

use crate::client::Client;
use crate::error::Error;

impl Client {
    /// The macros the caller may use: the account's global ones and the
    /// caller's personal ones, by id.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for m in client.list_macros().await? {
    ///     println!("{} {} ({} actions)", m.id, m.name, m.actions.len());
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn list_macros(&self) -> Result<Vec<Macro>, Error> {
        let op = Operation::ListMacros;
        let account_id = self.require_account(op)?;
        let answer = self
            .call(op, |raw| raw.list_macros().account_id(account_id).send())
            .await?;
        Ok(answer.payload)
    }

    /// Fetches one macro: a global one, or the caller's own.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let m = client.get_macro(3).await?;
    /// println!("{}: {:?}", m.name, m.visibility);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for another agent's
    /// personal macro; [`NotFound`](crate::ErrorKind::NotFound) when there is
    /// no such macro; any other kind a request can fail with.
    pub async fn get_macro(&self, macro_id: i64) -> Result<Macro, Error> {
        let op = Operation::GetMacro;
        let account_id = self.require_account(op)?;
        let answer = self
            .call(op, |raw| {
                raw.get_macro()
                    .account_id(account_id)
                    .macro_id(macro_id)
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }
}
