//! Changing the client's account: [`Client::update_account`] and its
//! [`UpdateAccountRequest`].

use ruut_api::types::{self, Account};

use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl Client {
    /// Changes the account's details and settings: only what is set is
    /// sent. Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let account = client
    ///     .update_account()
    ///     .name("Acme Support")
    ///     .timezone("Europe/Paris")
    ///     .auto_resolve_after(24 * 60)
    ///     .send()
    ///     .await?;
    /// println!("{}", account.name);
    /// # Ok(())
    /// # }
    /// ```
    pub fn update_account(&self) -> UpdateAccountRequest {
        UpdateAccountRequest {
            client: self.clone(),
            options: CallOptions::default(),
            body: types::AccountUpdate::default(),
        }
    }
}

/// A change of the account; see [`Client::update_account`].
#[derive(Clone, Debug)]
#[must_use = "the account is not changed until `.send().await`"]
pub struct UpdateAccountRequest {
    client: Client,
    options: CallOptions,
    body: types::AccountUpdate,
}

call_options!(UpdateAccountRequest);

/// Setters that put a `String` in an optional body field.
macro_rules! text_setters {
    ($($(#[$doc:meta])* $name:ident;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, value: impl Into<String>) -> Self {
                self.body.$name = Some(value.into());
                self
            }
        )*
    };
}

impl UpdateAccountRequest {
    text_setters! {
        /// The account's name.
        name;
        /// Its language, as a code the server knows (`en`, `fr`, `pt_BR`, ...).
        locale;
        /// The domain its emails come from (at most 100 characters).
        domain;
        /// The address customers' emails are sent to.
        support_email;
        /// Its industry (kept in `custom_attributes`).
        industry;
        /// Its company size (kept in `custom_attributes`).
        company_size;
        /// Its time zone (kept in `custom_attributes`).
        timezone;
        /// The message sent when a conversation is resolved automatically.
        auto_resolve_message;
        /// The label put on conversations resolved automatically.
        auto_resolve_label;
    }

    /// Resolve conversations after this many minutes without activity
    /// (10 to 1439856).
    pub fn auto_resolve_after(mut self, minutes: i64) -> Self {
        self.body.auto_resolve_after = Some(minutes);
        self
    }

    /// Whether automatic resolution skips conversations waiting for a reply.
    pub fn auto_resolve_ignore_waiting(mut self, ignore: bool) -> Self {
        self.body.auto_resolve_ignore_waiting = Some(ignore);
        self
    }

    /// Whether audio messages are transcribed.
    pub fn audio_transcriptions(mut self, on: bool) -> Self {
        self.body.audio_transcriptions = Some(on);
        self
    }

    /// Sends the change; the answer is the account as it is now.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is not an administrator; [`Validation`](crate::ErrorKind::Validation)
    /// for a blank name, a long domain or an `auto_resolve_after` out of
    /// range; [`NotFound`](crate::ErrorKind::NotFound) when the user is not in
    /// the account; any other kind a request can fail with.
    pub async fn send(self) -> Result<Account, Error> {
        let op = Operation::UpdateAccount;
        let account_id = self.client.require_account(op)?;
        self.client
            .call_with(&self.options, op, |raw| {
                raw.update_account()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
