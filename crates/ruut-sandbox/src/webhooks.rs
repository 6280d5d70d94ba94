//! Webhook deliveries: with [`SandboxBuilder::webhook`] the sandbox POSTs a
//! signed JSON event to a URL whenever a conversation is created, changes status
//! or is otherwise updated (assignee, team, priority, labels, custom attributes),
//! someone types, a message is created, or a contact is created or changed, as the
//! real server does (chatwoot-api.md §6). Agent bots with an `outgoing_url`
//! get the events of their conversations (those of the inbox routed to them,
//! and those assigned to them) as `AgentBotListener` sends them:
//! `message_created`, `message_updated`, `conversation_opened`,
//! `conversation_resolved`, signed with the same secret, whether or not a
//! URL is configured.
//!
//! - **Shapes**: the `Webhook*Event` schemas of `openapi/ruut.yaml`, so webhook
//!   `message_type` is a string and `created_at` an ISO string.
//! - **Signing**: `X-Chatwoot-Signature: sha256=<hex>`, the HMAC-SHA256 with the
//!   secret of `"{timestamp}.{body}"`, with `X-Chatwoot-Timestamp` and
//!   `X-Chatwoot-Delivery`; [`SandboxBuilder::unsigned_webhook`] sends none of
//!   them, like servers before Chatwoot 4.11.2. The HMAC here is computed
//!   independently of `ruut-sdk`'s, so the SDK's tests check one against the other.
//! - **Delivery**: a handler only renders the event and queues it; one background
//!   task POSTs the queue in order, each with a 5 second timeout and a single
//!   attempt whatever the answer (no retry storm). When the queue is full (a
//!   receiver far behind) new events are dropped.
//!
//! [`SandboxBuilder::webhook`]: crate::SandboxBuilder::webhook
//! [`SandboxBuilder::unsigned_webhook`]: crate::SandboxBuilder::unsigned_webhook

use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;
use std::time::Duration;

use hmac::{Hmac, KeyInit, Mac};
use ruut_api::enums::{ConversationPriority, ConversationStatus};
use serde_json::{Map, Value, json};
use sha2::Sha256;
use tokio::sync::mpsc;

use crate::clock;
use crate::delivery_progress::Progress;
use crate::inbox_config::bot_urls;
use crate::render;
use crate::state::{AssigneeRef, Contact, Conversation, Message, Store};

/// How long a delivery may take before it is abandoned, as the real server's
/// `WEBHOOK_TIMEOUT`.
pub const WEBHOOK_TIMEOUT: Duration = Duration::from_secs(5);

/// Events waiting for delivery at most; more are dropped.
const QUEUE: usize = 256;

/// Where the builder says to deliver webhooks.
#[derive(Clone, Default)]
pub(crate) struct WebhookConfig {
    url: Option<String>,
    secret: Option<String>,
}

impl fmt::Debug for WebhookConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WebhookConfig")
            .field("url", &self.url)
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl WebhookConfig {
    /// Deliveries to `url`, signed with `secret` when there is one.
    pub(crate) fn new(url: String, secret: Option<String>) -> Self {
        Self {
            url: Some(url),
            secret,
        }
    }
}

/// The running side: a queue feeding the delivery task. Each event goes to
/// the configured URL (`None`) or to an agent bot's `outgoing_url`.
#[derive(Debug)]
pub(crate) struct Webhooks {
    queue: mpsc::Sender<(Option<String>, Value)>,
    /// Whether a URL is configured for the account's webhook.
    account: bool,
    progress: Arc<Progress>,
}

impl Webhooks {
    /// Starts the delivery task on the current runtime (agent bots with an
    /// `outgoing_url` get deliveries even when no URL is configured).
    pub(crate) fn start(config: &WebhookConfig) -> Webhooks {
        let progress = Arc::<Progress>::default();
        let (queue, events) = mpsc::channel(QUEUE);
        let url = config.url.clone();
        let account = url.is_some();
        let delivery = deliver_all(url, config.secret.clone(), events, progress.clone());
        tokio::spawn(delivery);
        Webhooks {
            queue,
            account,
            progress,
        }
    }

    /// Waits until every event queued so far (and meanwhile) has been
    /// delivered; `Err` with the number left when `timeout` passes first.
    pub(crate) async fn settled(&self, timeout: Duration) -> Result<(), u64> {
        self.progress.settled(timeout).await
    }

    /// Whether events go to a configured URL.
    pub(crate) fn enabled(&self) -> bool {
        self.account
    }

    /// Queues an event for the configured URL.
    pub(crate) fn send(&self, event: Value) {
        if self.account {
            self.queue_for(None, event);
        }
    }

    fn queue_for(&self, bot_url: Option<String>, event: Value) {
        self.progress.queue_one();
        // A full queue drops the event: never block a request, never pile up.
        if self.queue.try_send((bot_url, event)).is_err() {
            self.progress.end_one();
        }
    }

    /// Queues `event` for the configured URL and for the agent bots of the
    /// conversation (see [`bot_urls`]); renders it only if anyone gets it.
    fn deliver(&self, store: &Store, c: &Conversation, event: impl FnOnce() -> Value) {
        let bots = bot_urls(store, c);
        if !self.account && bots.is_empty() {
            return;
        }
        let event = event();
        for url in bots {
            self.queue_for(Some(url), event.clone());
        }
        self.send(event);
    }
}

/// POSTs every queued event in order, once each, to its bot's URL or to
/// `url`; signed with `secret` when there is one (the bots' deliveries too).
async fn deliver_all(
    url: Option<String>,
    secret: Option<String>,
    mut events: mpsc::Receiver<(Option<String>, Value)>,
    progress: Arc<Progress>,
) {
    // Built at the first event: most sandboxes deliver nothing, and building
    // an HTTP client (its TLS roots) is not free.
    let mut client = None;
    let ids = std::collections::hash_map::RandomState::new();
    let mut sequence = 0_u64;
    while let Some((bot_url, event)) = events.recv().await {
        sequence += 1;
        let target = bot_url.as_ref().or(url.as_ref());
        if client.is_none() {
            client = reqwest::Client::builder()
                .timeout(WEBHOOK_TIMEOUT)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .ok();
        }
        let (Some(target), Some(client)) = (target, &client) else {
            progress.end_one();
            continue;
        };
        let body = serde_json::to_vec(&event).unwrap_or_default();
        let mut request = client
            .post(target)
            .header(reqwest::header::CONTENT_TYPE, "application/json");
        if let Some(secret) = &secret {
            let timestamp = clock::now().to_string();
            request = request
                .header("X-Chatwoot-Signature", signature(secret, &timestamp, &body))
                .header("X-Chatwoot-Timestamp", timestamp)
                .header("X-Chatwoot-Delivery", delivery_id(&ids, sequence));
        }
        // One attempt; the answer, a timeout or a refused connection are all final.
        let _ = request.body(body).send().await;
        progress.end_one();
    }
}

/// `sha256=` and the hex HMAC-SHA256 of `"{timestamp}.{body}"`.
fn signature(secret: &str, timestamp: &str, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes())
        .expect("HMAC takes any key length");
    mac.update(format!("{timestamp}.").as_bytes());
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// A random version-4 UUID for one delivery.
fn delivery_id(keys: &std::collections::hash_map::RandomState, sequence: u64) -> String {
    let half = |salt: u64| {
        let mut hasher = keys.build_hasher();
        hasher.write_u64(sequence);
        hasher.write_u64(salt);
        hasher.finish()
    };
    let (high, low) = (half(1), half(2));
    let high = (high & !0xF000) | 0x4000; // version 4
    let low = (low & !(0b11 << 62)) | (0b10 << 62); // RFC 4122 variant
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xFFFF,
        high & 0xFFFF,
        low >> 48,
        low & 0xFFFF_FFFF_FFFF
    )
}

// ---------------------------------------------------------------- hooks

impl Webhooks {
    /// `conversation_created` for a new conversation, then `message_created`
    /// for its first message if it has one (that one to its bots too).
    pub(crate) fn conversation_created(&self, store: &Store, c: &Conversation) {
        if self.enabled() {
            self.send(conversation_event(store, c, "conversation_created", None));
        }
        self.message_created(store, c);
    }

    /// `message_created` for a conversation's newest message, if it has one.
    pub(crate) fn message_created(&self, store: &Store, c: &Conversation) {
        if let Some(m) = c.messages.last() {
            self.deliver(store, c, || message_event(store, c, m, "message_created"));
        }
    }

    /// `message_updated` for a changed message (a new status, or deleted).
    pub(crate) fn message_updated(&self, store: &Store, c: &Conversation, message_id: i64) {
        if let Some(m) = c.messages.iter().find(|m| m.id == message_id) {
            self.deliver(store, c, || message_event(store, c, m, "message_updated"));
        }
    }

    /// `contact_created` for a new contact.
    pub(crate) fn contact_created(&self, store: &Store, contact: &Contact) {
        if self.enabled() {
            self.send(contact_event(store, contact, "contact_created", None));
        }
    }

    /// `contact_updated` for a changed contact, with Chatwoot's
    /// `changed_attributes` (`[{attribute: {previous_value, current_value}}]`).
    pub(crate) fn contact_updated(&self, store: &Store, contact: &Contact, changed: Vec<Value>) {
        if self.enabled() {
            let event = contact_event(store, contact, "contact_updated", Some(changed));
            self.send(event);
        }
    }
}

/// What a conversation looked like before a change, to announce the change after it.
pub(crate) struct Watch {
    account_id: i64,
    display_id: i64,
    before: Option<Snapshot>,
}

#[derive(Clone, PartialEq)]
struct Snapshot {
    status: ConversationStatus,
    snoozed_until: Option<i64>,
    priority: Option<ConversationPriority>,
    assignee: Option<AssigneeRef>,
    team_id: Option<i64>,
    labels: Vec<String>,
    custom_attributes: Value,
}

impl Snapshot {
    fn of(c: &Conversation) -> Snapshot {
        Snapshot {
            status: c.status.clone(),
            snoozed_until: c.snoozed_until,
            priority: c.priority.clone(),
            assignee: c.assignee,
            team_id: c.team_id,
            labels: c.labels.clone(),
            custom_attributes: Value::Object(c.custom_attributes.clone()),
        }
    }
}

impl Watch {
    /// Remembers the conversation as it is now (nothing when webhooks are off).
    pub(crate) fn conversation(
        webhooks: &Webhooks,
        store: &Store,
        account_id: i64,
        display_id: i64,
    ) -> Watch {
        let watched = store
            .conversation(account_id, display_id)
            .filter(|c| webhooks.enabled() || !bot_urls(store, c).is_empty());
        let before = watched.map(Snapshot::of);
        Watch {
            account_id,
            display_id,
            before,
        }
    }

    /// Sends `conversation_status_changed` if the status changed, and
    /// `conversation_updated` if the assignee, team, priority, labels or custom
    /// attributes changed.
    pub(crate) fn finish(self, webhooks: &Webhooks, store: &Store) {
        let (Some(before), Some(c)) = (
            self.before,
            store.conversation(self.account_id, self.display_id),
        ) else {
            return;
        };
        let after = Snapshot::of(c);
        let iso = |t: Option<i64>| t.map_or(Value::Null, |t| json!(clock::iso_millis(t)));
        let id = |a: Option<AssigneeRef>| match a {
            Some(AssigneeRef::User(id) | AssigneeRef::Bot(id)) => json!(id),
            None => Value::Null,
        };
        let priority = |p: &Option<ConversationPriority>| json!(p.as_ref().map(|p| p.as_str()));

        let status = changes([
            (
                before.status != after.status,
                "status",
                json!(before.status.as_str()),
                json!(after.status.as_str()),
            ),
            (
                before.snoozed_until != after.snoozed_until,
                "snoozed_until",
                iso(before.snoozed_until),
                iso(after.snoozed_until),
            ),
        ]);
        if before.status != after.status {
            let event = conversation_event(store, c, "conversation_status_changed", Some(status));
            webhooks.send(event);
            // The bots get `conversation_opened` / `conversation_resolved` instead.
            let name = match after.status {
                ConversationStatus::Open => Some("conversation_opened"),
                ConversationStatus::Resolved => Some("conversation_resolved"),
                _ => None,
            };
            for url in name.map(|_| bot_urls(store, c)).unwrap_or_default() {
                let event = conversation_event(store, c, name.unwrap_or_default(), None);
                webhooks.queue_for(Some(url), event);
            }
        }

        let updated = changes([
            (
                before.assignee != after.assignee,
                "assignee_id",
                id(before.assignee),
                id(after.assignee),
            ),
            (
                before.team_id != after.team_id,
                "team_id",
                json!(before.team_id),
                json!(after.team_id),
            ),
            (
                before.priority != after.priority,
                "priority",
                priority(&before.priority),
                priority(&after.priority),
            ),
            (
                before.labels != after.labels,
                "label_list",
                json!(before.labels),
                json!(after.labels),
            ),
            (
                before.custom_attributes != after.custom_attributes,
                "custom_attributes",
                before.custom_attributes.clone(),
                after.custom_attributes.clone(),
            ),
        ]);
        if !updated.is_empty() {
            let event = conversation_event(store, c, "conversation_updated", Some(updated));
            webhooks.send(event);
        }
    }
}

/// Chatwoot's `changed_attributes`, from `(changed, attribute, previous, current)`
/// rows: the rows that changed.
fn changes<const N: usize>(rows: [(bool, &str, Value, Value); N]) -> Vec<Value> {
    rows.into_iter()
        .filter(|row| row.0)
        .map(|(_, name, previous, current)| {
            json!({ name: {"previous_value": previous, "current_value": current} })
        })
        .collect()
}

// ---------------------------------------------------------------- payloads

/// `{id, name}` of an account.
fn account(store: &Store, id: i64) -> Value {
    json!({"id": id, "name": store.account(id).map(|a| a.name.clone())})
}

/// A conversation as webhooks send it (Chatwoot's `push_data`), rendered from the
/// REST shape: `channel` moves up from `meta`, `first_reply_created_at` becomes an
/// ISO string or null, unset `meta` members become null, REST-only keys go.
pub(crate) fn push_data(store: &Store, c: &Conversation) -> Value {
    let mut value = render::conversation(store, c, None);
    let Value::Object(map) = &mut value else {
        return value;
    };
    for key in [
        "account_id",
        "uuid",
        "muted",
        "sla_policy_id",
        "last_non_activity_message",
        "assignee_last_seen_at",
    ] {
        map.remove(key);
    }
    let mut channel = Value::Null;
    if let Some(Value::Object(meta)) = map.get_mut("meta") {
        channel = meta.remove("channel").unwrap_or(Value::Null);
        for key in ["assignee", "assignee_type", "team"] {
            meta.entry(key).or_insert(Value::Null);
        }
    }
    map.insert("channel".into(), channel);
    let first_reply =
        (c.first_reply_created_at > 0).then(|| clock::iso_millis(c.first_reply_created_at));
    map.insert("first_reply_created_at".into(), json!(first_reply));
    map.insert(
        "contact_inbox".into(),
        json!({
            "contact_id": c.contact_id,
            "inbox_id": c.inbox_id,
            "source_id": c.source_id,
            "hmac_verified": false,
        }),
    );
    value
}

fn conversation_event(
    store: &Store,
    c: &Conversation,
    event: &str,
    changed: Option<Vec<Value>>,
) -> Value {
    let mut value = push_data(store, c);
    if let Value::Object(map) = &mut value {
        map.insert("event".into(), json!(event));
        if let Some(changed) = changed {
            map.insert("changed_attributes".into(), Value::Array(changed));
        }
    }
    value
}

/// A contact as the `contact_*` webhooks send it (`Contact#webhook_data`).
fn contact_event(
    store: &Store,
    contact: &Contact,
    event: &str,
    changed: Option<Vec<Value>>,
) -> Value {
    let mut value = render::contact_json(store, contact, false);
    if let Value::Object(map) = &mut value {
        for key in ["availability_status", "last_activity_at", "created_at"] {
            map.remove(key);
        }
        map.insert("avatar".into(), json!(""));
        map.insert("account".into(), account(store, contact.account_id));
        map.insert("event".into(), json!(event));
        if let Some(changed) = changed {
            map.insert("changed_attributes".into(), Value::Array(changed));
        }
    }
    value
}

/// `message_created` for the conversation's newest message, from its REST shape.
fn message_event(store: &Store, c: &Conversation, m: &Message, event: &str) -> Value {
    let mut value = render::message(store, c, m);
    let Value::Object(map) = &mut value else {
        return value;
    };
    for key in ["inbox_id", "conversation_id", "status", "echo_id"] {
        map.remove(key);
    }
    const TYPES: [&str; 4] = ["incoming", "outgoing", "activity", "template"];
    let kind = usize::try_from(m.message_type)
        .ok()
        .and_then(|i| TYPES.get(i).copied())
        .map_or_else(|| m.message_type.to_string(), str::to_owned);
    let inbox = store.inbox(c.account_id, c.inbox_id);
    let fields: Map<String, Value> = [
        ("event", json!(event)),
        ("message_type", json!(kind)),
        ("created_at", json!(clock::iso_millis(m.created_at))),
        ("additional_attributes", json!({})),
        ("account", account(store, c.account_id)),
        (
            "inbox",
            json!({"id": c.inbox_id, "name": inbox.map(|i| i.name.clone())}),
        ),
        ("conversation", push_data(store, c)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    map.extend(fields);
    map.entry("sender").or_insert(Value::Null);
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_match_python_hmac() {
        // python3 -c 'import hmac,hashlib; print(hmac.new(b"s3cret", b"1772446565.{}", hashlib.sha256).hexdigest())'
        assert_eq!(
            signature("s3cret", "1772446565", b"{}"),
            "sha256=43c48789347d8028183f7378d87cd4c270ea28baee2fc37419445a6ce6e69913"
        );
    }

    #[test]
    fn delivery_ids_are_distinct_version_4_uuids() {
        let keys = std::collections::hash_map::RandomState::new();
        let (a, b) = (delivery_id(&keys, 1), delivery_id(&keys, 2));
        assert_ne!(a, b);
        for id in [a, b] {
            assert_eq!(id.len(), 36, "{id}");
            assert_eq!(&id[14..15], "4", "{id}");
            assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "{id}");
        }
    }
}
