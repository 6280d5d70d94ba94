//! Registering the account's webhooks (administrators only):
//! [`Client::list_webhooks`], [`Client::create_webhook`] and
//! [`Client::webhook`] (update, delete).
//!
//! Receiving what they deliver is [`crate::webhook`]: give its
//! [`Verifier`](crate::webhook::Verifier) the [`RegisteredWebhook::secret`]
//! the server returns (Chatwoot 4.11.2 and later; v4.10.1 returns none and
//! does not sign).

pub(crate) mod create;
pub(crate) mod handle;

use ruut_api::enums::WebhookEventName;
use ruut_api::operations::Operation;
use ruut_api::types::{AccountWebhook, AccountWebhookInbox};

use crate::client::Client;
use crate::error::Error;
use crate::webhook::WebhookSecret;

/// A webhook registered in the account, as the webhooks API returns it.
///
/// Its `Debug` output never shows the secret.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct RegisteredWebhook {
    /// The webhook's id.
    pub id: i64,
    /// Its name; `None` when none was given.
    pub name: Option<String>,
    /// Where the deliveries go.
    pub url: String,
    /// The account's id.
    pub account_id: i64,
    /// The events delivered to it.
    pub subscriptions: Vec<WebhookEventName>,
    /// The inbox it was registered with, if any (it does not narrow the
    /// deliveries: every inbox's events are sent).
    pub inbox: Option<AccountWebhookInbox>,
    /// The key each delivery is signed with: sent by Chatwoot 4.11.2 and
    /// later, `None` from older servers (whose deliveries are unsigned).
    pub secret: Option<WebhookSecret>,
}

impl From<AccountWebhook> for RegisteredWebhook {
    fn from(w: AccountWebhook) -> Self {
        RegisteredWebhook {
            id: w.id,
            name: w.name,
            url: w.url,
            account_id: w.account_id,
            subscriptions: w.subscriptions,
            inbox: w.inbox,
            secret: w.secret.as_ref().map(|s| WebhookSecret::from(s.expose())),
        }
    }
}

impl Client {
    /// The account's webhooks, oldest first. Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for hook in client.list_webhooks().await? {
    ///     println!("{} {} {:?}", hook.id, hook.url, hook.subscriptions);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent (not an
    /// administrator); any other kind a request can fail with.
    pub async fn list_webhooks(&self) -> Result<Vec<RegisteredWebhook>, Error> {
        let op = Operation::ListWebhooks;
        let account_id = self.require_account(op)?;
        let answer = self
            .call(op, |raw| raw.list_webhooks().account_id(account_id).send())
            .await?;
        let hooks = answer.payload.webhooks.into_iter();
        Ok(hooks.map(RegisteredWebhook::from).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_secret_stays_out_of_debug_output() {
        let hook = RegisteredWebhook::from(AccountWebhook {
            id: 5,
            name: None,
            url: "https://example.com/hooks".into(),
            account_id: 1,
            subscriptions: vec![WebhookEventName::MessageCreated],
            inbox: None,
            secret: Some("s3cret-value".into()),
        });
        let shown = format!("{hook:?}");
        assert!(!shown.contains("s3cret-value"), "{shown}");
        assert!(shown.contains("<redacted>"), "{shown}");
    }
}
