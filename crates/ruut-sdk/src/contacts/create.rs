//! Creating a contact: [`Client::create_contact`] and its
//! [`CreateContactRequest`].

use ruut_api::types::{self, ContactCreatedPayload};

use crate::client::Client;
use crate::contacts::details::detail_setters;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl Client {
    /// Creates a contact. Not retried: a repeat could create it twice.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let created = client
    ///     .create_contact()
    ///     .name("Ada Lovelace")
    ///     .email("ada@example.com")
    ///     .inbox(1)
    ///     .send()
    ///     .await?;
    /// println!("contact {}", created.contact.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_contact(&self) -> CreateContactRequest {
        CreateContactRequest {
            client: self.clone(),
            options: CallOptions::default(),
            body: types::NewContact::default(),
        }
    }
}

/// A contact being created; see [`Client::create_contact`].
#[derive(Clone, Debug)]
#[must_use = "a contact is not created until `.send().await`"]
pub struct CreateContactRequest {
    client: Client,
    options: CallOptions,
    body: types::NewContact,
}

call_options!(CreateContactRequest);
detail_setters!(CreateContactRequest);

impl CreateContactRequest {
    /// The inbox to create a contact inbox in, so that conversations can start.
    pub fn inbox(mut self, inbox_id: i64) -> Self {
        self.body.inbox_id = Some(inbox_id);
        self
    }

    /// Creates the contact. Sent once, never retried.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when the email, phone number or
    /// identifier is taken ([`Error::details`] lists which); any other kind a
    /// request can fail with.
    pub async fn send(self) -> Result<ContactCreatedPayload, Error> {
        let op = Operation::CreateContact;
        let account_id = self.client.require_account(op)?;
        let answer = self
            .client
            .call_with(&self.options, op, |raw| {
                raw.create_contact()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }
}
