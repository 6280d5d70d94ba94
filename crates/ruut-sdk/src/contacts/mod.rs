//! Contacts: listing them (`query`), searching them (`search`), both a
//! [`ContactPage`](crate::ContactPage) at a time (`page`), fetching one (here),
//! creating one (`create`), acting on one (`contact`) and merging two (`merge`).

use ruut_api::types::Contact;

use crate::client::Client;
use crate::error::Error;
use ruut_api::operations::Operation;

pub(crate) mod contact;
pub(crate) mod create;
mod details;
pub(crate) mod merge;
pub(crate) mod page;
pub(crate) mod query;
pub(crate) mod search;

impl Client {
    /// Fetches one contact.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let contact = client.get_contact(11).await?;
    /// println!("{}", contact.name.as_deref().unwrap_or("(no name)"));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such contact; any
    /// other kind a request can fail with.
    pub async fn get_contact(&self, contact_id: i64) -> Result<Contact, Error> {
        let op = Operation::GetContact;
        let account_id = self.require_account(op)?;
        let answer = self
            .call(op, |raw| {
                raw.get_contact()
                    .account_id(account_id)
                    .contact_id(contact_id)
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }
}
