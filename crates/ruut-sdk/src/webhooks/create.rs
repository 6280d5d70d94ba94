//! Registering a webhook: [`Client::create_webhook`] and its
//! [`CreateWebhookRequest`].

use ruut_api::enums::WebhookEventName;
use ruut_api::operations::Operation;
use ruut_api::types::AccountWebhookCreate;

use super::RegisteredWebhook;
use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Registers `url` to receive the account's events: the ones named with
    /// [`subscribe`](CreateWebhookRequest::subscribe), at least one.
    /// Administrators only. Not retried: a repeat would answer "Url has
    /// already been taken".
    ///
    /// ```no_run
    /// use ruut_sdk::enums::WebhookEventName;
    /// use ruut_sdk::webhook::Verifier;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let hook = client
    ///     .create_webhook("https://crm.example.com/hooks")
    ///     .name("CRM sync")
    ///     .subscribe(WebhookEventName::ConversationCreated)
    ///     .subscribe(WebhookEventName::MessageCreated)
    ///     .send()
    ///     .await?;
    /// // Newer servers sign each delivery with the webhook's own secret.
    /// let verifier = match hook.secret {
    ///     Some(secret) => Verifier::new(secret),
    ///     None => Verifier::unsigned_only(),
    /// };
    /// # let _ = verifier;
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_webhook(&self, url: impl Into<String>) -> CreateWebhookRequest {
        CreateWebhookRequest {
            client: self.clone(),
            options: CallOptions::default(),
            body: AccountWebhookCreate {
                url: url.into(),
                subscriptions: Vec::new(),
                name: None,
                inbox_id: None,
            },
        }
    }
}

/// A webhook being registered; see [`Client::create_webhook`].
#[derive(Clone, Debug)]
#[must_use = "a webhook is not registered until `.send().await`"]
pub struct CreateWebhookRequest {
    client: Client,
    options: CallOptions,
    body: AccountWebhookCreate,
}

call_options!(CreateWebhookRequest);

impl CreateWebhookRequest {
    /// Adds an event to deliver (a name or a [`WebhookEventName`]).
    pub fn subscribe(mut self, event: impl Into<WebhookEventName>) -> Self {
        self.body.subscriptions.push(event.into());
        self
    }

    /// Adds several events to deliver.
    pub fn subscribe_all<E: Into<WebhookEventName>>(
        mut self,
        events: impl IntoIterator<Item = E>,
    ) -> Self {
        self.body
            .subscriptions
            .extend(events.into_iter().map(Into::into));
        self
    }

    /// A name for the webhook.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// The inbox to register it with (stored and shown; it does not narrow
    /// the deliveries).
    pub fn inbox(mut self, inbox_id: i64) -> Self {
        self.body.inbox_id = Some(inbox_id);
        self
    }

    /// Registers the webhook. Sent once, never retried.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when the url is not an
    /// http(s) URL or is already registered, or no (or an unknown) event is
    /// subscribed; [`Forbidden`](crate::ErrorKind::Forbidden) for an
    /// agent; any other kind a request can fail with.
    pub async fn send(self) -> Result<RegisteredWebhook, Error> {
        let op = Operation::CreateWebhook;
        let account_id = self.client.require_account(op)?;
        let answer = self
            .client
            .call_with(&self.options, op, |raw| {
                raw.create_webhook()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(answer.payload.webhook.into())
    }
}
