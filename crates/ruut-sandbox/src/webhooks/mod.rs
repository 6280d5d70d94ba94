//! Webhook deliveries. The sandbox POSTs a signed JSON event whenever a
//! conversation is created, changes status or is otherwise updated (assignee,
//! team, priority, labels, custom attributes), someone types, a message is
//! created, or a contact is created or changed, as the real server does
//! (chatwoot-api.md §6), to:
//!
//! - every webhook registered in the event's account (`createWebhook`) that
//!   subscribed to the event, signed with that webhook's own secret, as
//!   Chatwoot's `WebhookListener#deliver_account_webhooks` picks them;
//! - the URL given to [`SandboxBuilder::webhook`], if any: every event of
//!   every account, signed with the builder's secret
//!   ([`SandboxBuilder::unsigned_webhook`] signs nothing, like servers before
//!   Chatwoot 4.11.2).
//!
//! URLs that came in through the API are delivered to on loopback hosts only,
//! unless the builder says otherwise ([`reach`]).
//!
//! The parts: [`payloads`] renders the bodies (the `Webhook*Event` schemas of
//! `openapi/ruut.yaml`), [`watch`] announces a conversation's changes,
//! [`delivery`] sends. Signing is `X-Chatwoot-Signature: sha256=<hex>`, the
//! HMAC-SHA256 with the secret of `"{timestamp}.{body}"`, with
//! `X-Chatwoot-Timestamp` and `X-Chatwoot-Delivery`, computed independently of
//! `ruut-sdk`'s code so the SDK's tests check one against the other.
//!
//! A handler only renders the event and queues one delivery per target; one
//! background task sends the queue in order. When the queue is full (a
//! receiver far behind) new deliveries are dropped.
//!
//! [`SandboxBuilder::webhook`]: crate::SandboxBuilder::webhook
//! [`SandboxBuilder::unsigned_webhook`]: crate::SandboxBuilder::unsigned_webhook

mod delivery;
mod payloads;
mod reach;
mod watch;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tokio::sync::mpsc;

use crate::automation::{Event, Trigger, Triggers};
use crate::delivery_progress::Progress;
use crate::inbox_config::bot_urls;
use crate::state::{Contact, Conversation, Store};
use delivery::{Delivery, deliver_all};
pub(crate) use payloads::push_data;
use payloads::{contact_event, conversation_event, message_event};
pub(crate) use watch::Watch;

/// How long a delivery may take before it is abandoned, as the real server's
/// `WEBHOOK_TIMEOUT`.
pub const WEBHOOK_TIMEOUT: Duration = Duration::from_secs(5);

/// Deliveries waiting at most; more are dropped.
const QUEUE: usize = 256;

/// The URL the builder says to deliver every event to.
#[derive(Clone, Default)]
pub(crate) struct WebhookConfig {
    url: Option<String>,
    secret: Option<String>,
    /// Whether URLs from the API are delivered to beyond loopback ([`reach`]).
    pub(crate) beyond_loopback: bool,
}

impl fmt::Debug for WebhookConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookConfig")
            .field("url", &self.url)
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .field("beyond_loopback", &self.beyond_loopback)
            .finish()
    }
}

impl WebhookConfig {
    /// Deliveries to `url`, signed with `secret` when there is one.
    pub(crate) fn target(&mut self, url: String, secret: Option<String>) {
        self.url = Some(url);
        self.secret = secret;
    }
}

/// The running side: the builder's target and the queue feeding the delivery task.
#[derive(Debug)]
pub(crate) struct Webhooks {
    /// The events queued for the automation rules ([`crate::automation`]),
    /// taken where the webhooks are made.
    pub(crate) triggers: Triggers,
    configured: WebhookConfig,
    queue: mpsc::Sender<Delivery>,
    progress: Arc<Progress>,
}

impl Webhooks {
    /// Starts the delivery task on the current runtime.
    pub(crate) fn start(config: &WebhookConfig) -> Webhooks {
        let progress = Arc::<Progress>::default();
        let (queue, deliveries) = mpsc::channel(QUEUE);
        tokio::spawn(deliver_all(deliveries, progress.clone()));
        Webhooks {
            triggers: Triggers::default(),
            configured: config.clone(),
            queue,
            progress,
        }
    }

    /// Waits until every delivery queued so far (and meanwhile) has been
    /// made; `Err` with the number left when `timeout` passes first.
    pub(crate) async fn settled(&self, timeout: Duration) -> Result<(), u64> {
        self.progress.settled(timeout).await
    }

    /// Whether an event of the account would go anywhere (to skip rendering
    /// and watching when nothing listens).
    pub(crate) fn active(&self, store: &Store, account_id: i64) -> bool {
        self.configured.url.is_some() || store.account_webhooks.any_in(account_id)
    }

    /// Queues `event` (a body with its `event` name) for every target that
    /// wants it: the builder's URL, and the account's webhooks subscribed to it.
    pub(crate) fn send(&self, store: &Store, account_id: i64, event: Value) {
        let name = event
            .get("event")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let registered = store.account_webhooks.subscribed(account_id, name);
        let registered = registered.filter(|w| self.reachable(&w.url));
        let targets: Vec<(String, Option<String>)> = self
            .configured
            .url
            .iter()
            .map(|url| (url.clone(), self.configured.secret.clone()))
            .chain(registered.map(|w| (w.url.clone(), Some(w.secret.clone()))))
            .collect();
        self.queue(targets, &event);
    }

    /// Queues `event` for the agent bots of conversation `c` ([`bot_urls`]),
    /// signed with the builder's secret.
    pub(crate) fn send_to_bots(&self, store: &Store, c: &Conversation, event: &Value) {
        let secret = &self.configured.secret;
        let targets = bot_urls(store, c)
            .into_iter()
            .filter(|url| self.reachable(url))
            .map(|url| (url, secret.clone()))
            .collect();
        self.queue(targets, event);
    }

    /// Queues `event` for `url` alone, unsigned, as `WebhookJob` sends the
    /// `send_webhook_event` action of a macro or an automation rule.
    pub(crate) fn send_unsigned(&self, url: &str, event: &Value) {
        if self.reachable(url) {
            self.queue(vec![(url.to_owned(), None)], event);
        }
    }

    /// Whether a URL that came in through the API may be delivered to ([`reach`]).
    fn reachable(&self, url: &str) -> bool {
        self.configured.beyond_loopback || reach::loopback(url)
    }

    /// Whether conversation `c`'s events would go anywhere: the account's
    /// targets or its agent bots.
    pub(crate) fn watched(&self, store: &Store, c: &Conversation) -> bool {
        self.active(store, c.account_id) || !bot_urls(store, c).is_empty()
    }

    fn queue(&self, targets: Vec<(String, Option<String>)>, event: &Value) {
        if targets.is_empty() {
            return;
        }
        let body = Arc::new(serde_json::to_vec(event).unwrap_or_default());
        for (url, secret) in targets {
            self.progress.queue_one();
            let delivery = Delivery {
                url,
                secret,
                body: body.clone(),
            };
            // A full queue drops the delivery: never block a request, never pile up.
            if self.queue.try_send(delivery).is_err() {
                self.progress.end_one();
            }
        }
    }
}

// ---------------------------------------------------------------- hooks

impl Webhooks {
    /// `conversation_created` for a new conversation, then `message_created`
    /// for its first message if it has one (that one to its bots too).
    pub(crate) fn conversation_created(&self, store: &Store, c: &Conversation) {
        self.trigger(store, c, Event::ConversationCreated, None);
        if self.active(store, c.account_id) {
            let event = conversation_event(store, c, "conversation_created", None);
            self.send(store, c.account_id, event);
        }
        self.message_created(store, c);
    }

    /// `message_created` for a conversation's newest message, if it has one.
    pub(crate) fn message_created(&self, store: &Store, c: &Conversation) {
        // Activity messages start no rule (`ignore_message_created_event?`).
        if let Some(m) = c.messages.last().filter(|m| m.message_type != 2) {
            self.trigger(store, c, Event::MessageCreated, Some(m.id));
        }
        if let Some(m) = c.messages.last().filter(|_| self.watched(store, c)) {
            let event = message_event(store, c, m, "message_created");
            self.send_to_bots(store, c, &event);
            self.send(store, c.account_id, event);
        }
    }

    /// Queues an automation trigger for conversation `c`.
    pub(crate) fn trigger(
        &self,
        store: &Store,
        c: &Conversation,
        event: Event,
        message_id: Option<i64>,
    ) {
        let trigger = Trigger {
            event,
            account_id: c.account_id,
            conversation_id: c.display_id,
            message_id,
            changed: serde_json::Map::new(),
        };
        self.triggers.push(store, trigger);
    }

    /// `message_updated` for a changed message (a new status, or deleted).
    pub(crate) fn message_updated(&self, store: &Store, c: &Conversation, message_id: i64) {
        let found = c.messages.iter().find(|m| m.id == message_id);
        if let Some(m) = found.filter(|_| self.watched(store, c)) {
            let event = message_event(store, c, m, "message_updated");
            self.send_to_bots(store, c, &event);
            self.send(store, c.account_id, event);
        }
    }

    /// `contact_created` for a new contact.
    pub(crate) fn contact_created(&self, store: &Store, contact: &Contact) {
        if self.active(store, contact.account_id) {
            let event = contact_event(store, contact, "contact_created", None);
            self.send(store, contact.account_id, event);
        }
    }

    /// `contact_updated` for a changed contact, with Chatwoot's
    /// `changed_attributes` (`[{attribute: {previous_value, current_value}}]`).
    pub(crate) fn contact_updated(&self, store: &Store, contact: &Contact, changed: Vec<Value>) {
        if self.active(store, contact.account_id) {
            let event = contact_event(store, contact, "contact_updated", Some(changed));
            self.send(store, contact.account_id, event);
        }
    }
}
