//! Creating an API inbox: [`Client::create_inbox`] and its
//! [`CreateInboxRequest`].

use ruut_api::operations::Operation;
use ruut_api::types::{self, Inbox};

use crate::client::Client;
use crate::error::Error;
use crate::inboxes::settings::settings_setters;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Creates an API inbox named `name` (the channel for integrations: its
    /// events go to [`webhook_url`](CreateInboxRequest::webhook_url)).
    /// Administrators only. Not retried: a repeat could create it twice.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let inbox = client
    ///     .create_inbox("Support API")
    ///     .webhook_url("https://example.com/ruut")
    ///     .greeting("Hello! An agent will be with you shortly.")
    ///     .send()
    ///     .await?;
    /// println!("inbox {} ({:?})", inbox.id, inbox.inbox_identifier);
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_inbox(&self, name: impl Into<String>) -> CreateInboxRequest {
        let channel = types::InboxChannelCreate {
            type_: "api".to_owned(),
            additional_attributes: Default::default(),
            hmac_mandatory: None,
            webhook_url: None,
        };
        CreateInboxRequest {
            client: self.clone(),
            options: CallOptions::default(),
            body: types::InboxCreate {
                name: name.into(),
                channel,
                allow_messages_after_resolved: None,
                business_name: None,
                csat_survey_enabled: None,
                enable_auto_assignment: None,
                enable_email_collect: None,
                greeting_enabled: None,
                greeting_message: None,
                lock_to_single_conversation: None,
                out_of_office_message: None,
                sender_name_type: None,
                timezone: None,
                working_hours_enabled: None,
            },
        }
    }
}

/// An API inbox being created; see [`Client::create_inbox`].
#[derive(Clone, Debug)]
#[must_use = "an inbox is not created until `.send().await`"]
pub struct CreateInboxRequest {
    client: Client,
    options: CallOptions,
    body: types::InboxCreate,
}

call_options!(CreateInboxRequest);
settings_setters!(CreateInboxRequest);

impl CreateInboxRequest {
    /// Where the server POSTs the inbox's events (at most 2048 characters).
    pub fn webhook_url(mut self, url: impl Into<String>) -> Self {
        self.body.channel.webhook_url = Some(url.into());
        self
    }

    /// Whether contacts of the Client API must send an identifier HMAC.
    pub fn hmac_mandatory(mut self, mandatory: bool) -> Self {
        self.body.channel.hmac_mandatory = Some(mandatory);
        self
    }

    /// Creates the inbox. Sent once, never retried.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent, not an administrator;
    /// [`Validation`](crate::ErrorKind::Validation) for a blank name or a bad
    /// setting; any other kind a request can fail with.
    pub async fn send(self) -> Result<Inbox, Error> {
        let op = Operation::CreateInbox;
        let account_id = self.client.require_account(op)?;
        self.client
            .call_with(&self.options, op, |raw| {
                raw.create_inbox()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
