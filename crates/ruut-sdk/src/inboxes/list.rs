//! Reading inboxes: [`Client::list_inboxes`], [`Client::get_inbox`].

use ruut_api::operations::Operation;
use ruut_api::types::Inbox;

use crate::client::Client;
use crate::error::Error;

impl Client {
    /// The inboxes the token's user works in, by name: every inbox of the
    /// account for an administrator, the inboxes the user is a member of
    /// for an agent.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for inbox in client.list_inboxes().await? {
    ///     println!("{} {} ({})", inbox.id, inbox.name, inbox.channel_type);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn list_inboxes(&self) -> Result<Vec<Inbox>, Error> {
        let op = Operation::ListInboxes;
        let account_id = self.require_account(op)?;
        let list = self
            .call(op, |raw| raw.list_inboxes().account_id(account_id).send())
            .await?;
        Ok(list.payload)
    }

    /// One inbox of the account.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let inbox = client.get_inbox(2).await?;
    /// println!("{} posts to {:?}", inbox.name, inbox.webhook_url);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// inbox; [`Forbidden`](crate::ErrorKind::Forbidden) for an agent
    /// who is not a member of it; any other kind a request can fail with.
    pub async fn get_inbox(&self, inbox_id: i64) -> Result<Inbox, Error> {
        let op = Operation::GetInbox;
        let account_id = self.require_account(op)?;
        self.call(op, |raw| {
            raw.get_inbox()
                .account_id(account_id)
                .inbox_id(inbox_id)
                .send()
        })
        .await
    }
}
