//! Deleting a contact: [`ContactHandle::delete`].

use crate::contacts::contact::ContactHandle;
use crate::error::Error;
use ruut_api::operations::Operation;

impl ContactHandle {
    /// Deletes the contact, and with it its conversations and notes.
    /// Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// client.contact(11).delete().await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user is
    /// an agent, not an administrator; [`NotFound`](crate::ErrorKind::NotFound)
    /// when there is no such contact; any other kind a request can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteContact;
        let client = self.client();
        let account_id = client.require_account(op)?;
        client
            .call(op, |raw| {
                raw.delete_contact()
                    .account_id(account_id)
                    .contact_id(self.id())
                    .send()
            })
            .await
    }
}
