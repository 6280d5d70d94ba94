//! One registered webhook, to act on: [`WebhookHandle`] (update, delete).

use ruut_api::enums::WebhookEventName;
use ruut_api::operations::Operation;
use ruut_api::types::AccountWebhookUpdate;

use super::RegisteredWebhook;
use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Acts on one of the account's webhooks. Sends nothing by itself; the
    /// account's webhooks are listed by [`list_webhooks`](Self::list_webhooks).
    pub fn webhook(&self, webhook_id: i64) -> WebhookHandle {
        WebhookHandle {
            client: self.clone(),
            id: webhook_id,
        }
    }
}

/// One registered webhook, to act on; see [`Client::webhook`].
///
/// ```no_run
/// use ruut_sdk::enums::WebhookEventName;
///
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let hook = client.webhook(5);
/// hook.update()
///     .subscriptions([WebhookEventName::ConversationStatusChanged])
///     .send()
///     .await?;
/// hook.delete().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct WebhookHandle {
    client: Client,
    id: i64,
}

impl WebhookHandle {
    /// The webhook's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Changes the fields set on the returned request and keeps the others.
    /// Administrators only.
    pub fn update(&self) -> UpdateWebhookRequest {
        UpdateWebhookRequest {
            handle: self.clone(),
            options: CallOptions::default(),
            body: AccountWebhookUpdate::default(),
        }
    }

    /// Deletes the webhook: no more deliveries go to it. Administrators only.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// webhook; [`Forbidden`](crate::ErrorKind::Forbidden) for an
    /// agent; any other kind a request can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteWebhook;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_webhook()
                    .account_id(account_id)
                    .webhook_id(self.id)
                    .send()
            })
            .await
    }
}

/// A webhook's changes; see [`WebhookHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the webhook is not changed until `.send().await`"]
pub struct UpdateWebhookRequest {
    handle: WebhookHandle,
    options: CallOptions,
    body: AccountWebhookUpdate,
}

call_options!(UpdateWebhookRequest);

impl UpdateWebhookRequest {
    /// A new URL.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.body.url = Some(url.into());
        self
    }

    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// Replaces the events delivered (at least one).
    pub fn subscriptions<E: Into<WebhookEventName>>(
        mut self,
        events: impl IntoIterator<Item = E>,
    ) -> Self {
        self.body.subscriptions = events.into_iter().map(Into::into).collect();
        self
    }

    /// The inbox to register it with.
    pub fn inbox(mut self, inbox_id: i64) -> Self {
        self.body.inbox_id = Some(inbox_id);
        self
    }

    /// Sends the changes; the answer is the webhook as it is now (its
    /// secret unchanged).
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) as on create;
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// webhook; [`Forbidden`](crate::ErrorKind::Forbidden) for an
    /// agent; any other kind a request can fail with.
    pub async fn send(self) -> Result<RegisteredWebhook, Error> {
        let op = Operation::UpdateWebhook;
        let client = &self.handle.client;
        let account_id = client.require_account(op)?;
        let answer = client
            .call_with(&self.options, op, |raw| {
                raw.update_webhook()
                    .account_id(account_id)
                    .webhook_id(self.handle.id)
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(answer.payload.webhook.into())
    }
}
