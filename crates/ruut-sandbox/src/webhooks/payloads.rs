//! The bodies of the webhook events, in the `Webhook*Event` shapes of
//! `openapi/ruut.yaml`: webhook `message_type` is a string and `created_at`
//! an ISO string, where the REST API sends an integer and Unix seconds.

use serde_json::{Map, Value, json};

use crate::clock;
use crate::render;
use crate::state::{Contact, Conversation, Message, Store};

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

pub(super) fn conversation_event(
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
pub(super) fn contact_event(
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
pub(super) fn message_event(store: &Store, c: &Conversation, m: &Message, event: &str) -> Value {
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
