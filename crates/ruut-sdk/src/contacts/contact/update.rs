//! Changing a contact's details: [`ContactHandle::update`] and its
//! [`UpdateContactRequest`], and [`ContactHandle::remove_custom_attributes`].

use ruut_api::types::{self, Contact};
use serde_json::Value;

use crate::contacts::contact::ContactHandle;
use crate::contacts::details::detail_setters;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl ContactHandle {
    /// Changes the contact's details: only what is set is sent. Custom and
    /// additional attributes are merged into the contact's (to remove keys,
    /// use [`remove_custom_attributes`](Self::remove_custom_attributes)).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let contact = client
    ///     .contact(11)
    ///     .update()
    ///     .email("ada@example.com")
    ///     .custom_attribute("plan", "gold")
    ///     .send()
    ///     .await?;
    /// assert_eq!(contact.email.as_deref(), Some("ada@example.com"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn update(&self) -> UpdateContactRequest {
        UpdateContactRequest {
            contact: self.clone(),
            options: CallOptions::default(),
            body: types::ContactUpdate::default(),
        }
    }

    /// Removes these keys from the contact's custom attributes (keys it does
    /// not have are ignored); the answer is the contact.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let contact = client.contact(11).remove_custom_attributes(["plan"]).await?;
    /// assert!(!contact.custom_attributes.is_some_and(|a| a.contains_key("plan")));
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such contact;
    /// any other kind a request can fail with.
    pub async fn remove_custom_attributes<K: Into<String>>(
        &self,
        keys: impl IntoIterator<Item = K>,
    ) -> Result<Contact, Error> {
        let op = Operation::RemoveContactCustomAttributes;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let body = types::ContactCustomAttributeKeys {
            custom_attributes: keys.into_iter().map(Into::into).collect(),
        };
        let answer = client
            .call(op, |raw| {
                raw.remove_contact_custom_attributes()
                    .account_id(account_id)
                    .contact_id(self.id())
                    .body(body.clone())
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }
}

/// A change of a contact's details; see [`ContactHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the contact is not changed until `.send().await`"]
pub struct UpdateContactRequest {
    contact: ContactHandle,
    options: CallOptions,
    body: types::ContactUpdate,
}

call_options!(UpdateContactRequest);
detail_setters!(UpdateContactRequest);

/// Sets `key` to `value` in an attribute map, making the map if needed.
fn put(map: &mut Option<types::Attributes>, key: String, value: Value) {
    map.get_or_insert_with(|| types::Attributes(serde_json::Map::new()))
        .0
        .insert(key, value);
}

impl UpdateContactRequest {
    /// An image URL the server fetches, in the background, as the avatar.
    pub fn avatar_url(mut self, url: impl Into<String>) -> Self {
        self.body.avatar_url = Some(url.into());
        self
    }

    /// Sets one custom attribute (the others are kept).
    pub fn custom_attribute(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        put(&mut self.body.custom_attributes, key.into(), value.into());
        self
    }

    /// Sets one additional attribute (`company_name`, `city`, ...; the others
    /// are kept).
    pub fn additional_attribute(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        put(
            &mut self.body.additional_attributes,
            key.into(),
            value.into(),
        );
        self
    }

    /// Sends the change; the answer is the contact as it is now.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when the email, phone
    /// number or identifier is another contact's ([`Error::details`] lists
    /// which); [`NotFound`](crate::ErrorKind::NotFound) when there is no such
    /// contact; any other kind a request can fail with.
    pub async fn send(self) -> Result<Contact, Error> {
        let op = Operation::UpdateContact;
        let client = self.contact.client();
        let account_id = client.require_account(op)?;
        let answer = client
            .call_with(&self.options, op, |raw| {
                raw.update_contact()
                    .account_id(account_id)
                    .contact_id(self.contact.id())
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }
}
