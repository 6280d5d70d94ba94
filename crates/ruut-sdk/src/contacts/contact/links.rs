//! What a contact is linked to: [`ContactHandle::conversations`],
//! [`ContactHandle::contactable_inboxes`] and [`ContactHandle::add_inbox`]
//! with its [`AddContactInboxRequest`].

use ruut_api::types::{self, ContactInbox, Conversation};

use crate::contacts::contact::ContactHandle;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl ContactHandle {
    /// The contact's conversations that the token's user may see, most recent
    /// activity first: at most 20, the server does not page them.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for conversation in client.contact(11).conversations().await? {
    ///     println!("{} is {}", conversation.id, conversation.status);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such contact;
    /// any other kind a request can fail with.
    pub async fn conversations(&self) -> Result<Vec<Conversation>, Error> {
        let op = Operation::ListContactConversations;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let answer = client
            .call(op, |raw| {
                raw.list_contact_conversations()
                    .account_id(account_id)
                    .contact_id(self.id())
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }

    /// The inboxes a new conversation with the contact could start in, each
    /// with the source id it would use (API inboxes always; email, SMS and
    /// WhatsApp inboxes when the contact has an email or a phone number).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for reachable in client.contact(11).contactable_inboxes().await? {
    ///     println!("{:?} as {}", reachable.inbox.map(|i| i.id), reachable.source_id);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such contact;
    /// any other kind a request can fail with.
    pub async fn contactable_inboxes(&self) -> Result<Vec<ContactInbox>, Error> {
        let op = Operation::ListContactableInboxes;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let answer = client
            .call(op, |raw| {
                raw.list_contactable_inboxes()
                    .account_id(account_id)
                    .contact_id(self.id())
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }

    /// Adds the contact to an inbox (its identity there, which conversations
    /// start from). Without [`source_id`](AddContactInboxRequest::source_id)
    /// the server makes one.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let contact_inbox = client.contact(11).add_inbox(2).source_id("crm-11").send().await?;
    /// assert_eq!(contact_inbox.source_id, "crm-11");
    /// # Ok(())
    /// # }
    /// ```
    pub fn add_inbox(&self, inbox_id: i64) -> AddContactInboxRequest {
        AddContactInboxRequest {
            contact: self.clone(),
            options: CallOptions::default(),
            body: types::NewContactInbox {
                inbox_id,
                source_id: None,
                hmac_verified: None,
            },
        }
    }
}

/// A contact being added to an inbox; see [`ContactHandle::add_inbox`].
#[derive(Clone, Debug)]
#[must_use = "the contact is not added until `.send().await`"]
pub struct AddContactInboxRequest {
    contact: ContactHandle,
    options: CallOptions,
    body: types::NewContactInbox,
}

call_options!(AddContactInboxRequest);

impl AddContactInboxRequest {
    /// The contact's id in the channel (an email address for an email inbox,
    /// a phone number for SMS, anything for an API inbox).
    pub fn source_id(mut self, source_id: impl Into<String>) -> Self {
        self.body.source_id = Some(source_id.into());
        self
    }

    /// Whether the contact's identity was verified with the inbox's HMAC.
    pub fn hmac_verified(mut self, verified: bool) -> Self {
        self.body.hmac_verified = Some(verified);
        self
    }

    /// Adds the contact. Sent once, never retried: without a source id a
    /// repeat would add a second identity.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such contact
    /// or inbox; [`Validation`](crate::ErrorKind::Validation) when the inbox
    /// needs a source id the contact lacks (an email inbox and no email); any
    /// other kind a request can fail with.
    pub async fn send(self) -> Result<ContactInbox, Error> {
        let op = Operation::CreateContactInbox;
        let client = self.contact.client();
        let account_id = client.require_account(op)?;
        client
            .call_with(&self.options, op, |raw| {
                raw.create_contact_inbox()
                    .account_id(account_id)
                    .contact_id(self.contact.id())
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
