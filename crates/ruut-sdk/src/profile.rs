//! Changing the token's user: [`Client::update_profile`] (its
//! [`UpdateProfileRequest`]), [`Client::set_availability`] and
//! [`Client::set_auto_offline`].

use ruut_api::enums::AvailabilityStatus;
use ruut_api::types::{self, Profile};
use serde_json::Value;

use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl Client {
    /// Changes the token's user: only what is set is sent. The answer is
    /// the user, as [`get_profile`](Self::get_profile) reads it.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let me = client
    ///     .update_profile()
    ///     .display_name("Ada")
    ///     .message_signature("-- Ada, Acme Support")
    ///     .send()
    ///     .await?;
    /// assert_eq!(me.available_name.as_deref(), Some("Ada"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn update_profile(&self) -> UpdateProfileRequest {
        UpdateProfileRequest {
            client: self.clone(),
            options: CallOptions::default(),
            body: types::ProfileUpdate::default(),
        }
    }

    /// Sets the token's user's availability in the client's account; the
    /// answer is the user (the account's entry in `accounts` shows it).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// use ruut_sdk::enums::AvailabilityStatus;
    ///
    /// client.set_availability(AvailabilityStatus::Busy).await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the user is not in the
    /// account; [`Validation`](crate::ErrorKind::Validation) for a value the
    /// server does not know; any other kind a request can fail with.
    pub async fn set_availability(
        &self,
        availability: AvailabilityStatus,
    ) -> Result<Profile, Error> {
        let op = Operation::SetAvailability;
        let account_id = self.require_account(op)?;
        let body = types::AvailabilityRequest {
            account_id,
            availability,
        };
        self.call(op, |raw| raw.set_availability().body(body.clone()).send())
            .await
    }

    /// Sets whether the token's user reads as offline while disconnected,
    /// in the client's account; the answer is the user.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// client.set_auto_offline(false).await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the user is not in the
    /// account; any other kind a request can fail with.
    pub async fn set_auto_offline(&self, auto_offline: bool) -> Result<Profile, Error> {
        let op = Operation::SetAutoOffline;
        let account_id = self.require_account(op)?;
        let body = types::AutoOfflineRequest {
            account_id,
            auto_offline: Some(auto_offline),
        };
        self.call(op, |raw| raw.set_auto_offline().body(body.clone()).send())
            .await
    }
}

/// A change of the token's user; see [`Client::update_profile`].
#[derive(Clone, Debug)]
#[must_use = "the profile is not changed until `.send().await`"]
pub struct UpdateProfileRequest {
    client: Client,
    options: CallOptions,
    body: types::ProfileUpdate,
}

call_options!(UpdateProfileRequest);

impl UpdateProfileRequest {
    /// The user's full name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// The name shown to customers instead of the full name.
    pub fn display_name(mut self, name: impl Into<String>) -> Self {
        self.body.display_name = Some(name.into());
        self
    }

    /// A new email; it replaces the current one once the user confirms it.
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.body.email = Some(email.into());
        self
    }

    /// The signature added to the user's email replies.
    pub fn message_signature(mut self, signature: impl Into<String>) -> Self {
        self.body.message_signature = Some(signature.into());
        self
    }

    /// The user's phone number (kept in `custom_attributes`).
    pub fn phone_number(mut self, phone: impl Into<String>) -> Self {
        self.body.phone_number = Some(phone.into());
        self
    }

    /// Replaces the dashboard's settings for the user.
    pub fn ui_settings(mut self, settings: serde_json::Map<String, Value>) -> Self {
        self.body.ui_settings = Some(types::Attributes(settings));
        self
    }

    /// Sends the change; the answer is the user as it is now. An empty
    /// change is refused by the server (422).
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) for an empty change; any
    /// other kind a request can fail with.
    pub async fn send(self) -> Result<Profile, Error> {
        let op = Operation::UpdateProfile;
        self.client
            .call_with(&self.options, op, |raw| {
                raw.update_profile().body(self.body.clone()).send()
            })
            .await
    }
}
