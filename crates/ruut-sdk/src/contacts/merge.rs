//! Merging two contacts: [`Client::merge_contacts`].

use ruut_api::types::{self, Contact};

use crate::client::Client;
use crate::error::Error;
use ruut_api::operations::Operation;

impl Client {
    /// Merges the contact `mergee` into `base`: the mergee's conversations,
    /// messages, inboxes and notes move to the base contact, its details
    /// fill the base contact's blanks (the base contact's own values win),
    /// and the mergee is deleted (with its labels). The answer is the base
    /// contact. Sent once, never retried: a repeat finds no mergee.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let merged = client.merge_contacts(11, 12).await?;
    /// assert_eq!(merged.id, 11);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when either contact is not in
    /// the account; any other kind a request can fail with.
    pub async fn merge_contacts(&self, base: i64, mergee: i64) -> Result<Contact, Error> {
        let op = Operation::MergeContacts;
        let account_id = self.require_account(op)?;
        let body = types::ContactMerge {
            base_contact_id: base,
            mergee_contact_id: mergee,
        };
        self.call(op, |raw| {
            raw.merge_contacts()
                .account_id(account_id)
                .body(body.clone())
                .send()
        })
        .await
    }
}
