//! Every webhook example in `openapi/ruut.yaml` parses into the right typed event,
//! and loses nothing on the way.

use std::collections::BTreeSet;

use ruut_sdk::enums::{ConversationStatus, WebhookMessageType};
use ruut_sdk::webhook::{WebhookError, WebhookEvent, changed_attribute};
use serde_json::{Value, json};

const SPEC: &str = include_str!("../../../openapi/ruut.yaml");

fn spec() -> Value {
    yaml_serde::from_str(SPEC).expect("the spec is YAML")
}

/// Follows a local `$ref`.
fn resolve<'a>(spec: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(reference) => spec
            .pointer(reference.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("unresolved {reference}")),
        None => node,
    }
}

/// `(event name, example name, example value)` for every example under `x-webhooks`.
fn webhook_examples(spec: &Value) -> Vec<(String, String, Value)> {
    let hooks = spec["x-webhooks"].as_object().expect("x-webhooks");
    let mut out = Vec::new();
    for (event, item) in hooks {
        let media = &item["post"]["requestBody"]["content"]["application/json"];
        let examples = media["examples"].as_object().expect("examples");
        assert!(!examples.is_empty(), "{event} has no example");
        for (name, example) in examples {
            let value = resolve(spec, example)["value"].clone();
            out.push((event.clone(), name.clone(), value));
        }
    }
    out
}

/// The name of the variant an event parsed into.
fn variant(event: &WebhookEvent) -> &'static str {
    match event {
        WebhookEvent::ConversationCreated(_) => "conversation_created",
        WebhookEvent::ConversationStatusChanged(_) => "conversation_status_changed",
        WebhookEvent::ConversationUpdated(_) => "conversation_updated",
        WebhookEvent::MessageCreated(_) => "message_created",
        WebhookEvent::MessageUpdated(_) => "message_updated",
        WebhookEvent::ContactCreated(_) => "contact_created",
        WebhookEvent::ContactUpdated(_) => "contact_updated",
        WebhookEvent::ConversationTypingOn(_) => "conversation_typing_on",
        WebhookEvent::ConversationTypingOff(_) => "conversation_typing_off",
        WebhookEvent::Unknown { .. } => "unknown",
        _ => "a variant this test does not know",
    }
}

/// Checks that everything in `example` is in `typed`: a key the typed struct
/// dropped would be a misspelt or undeclared field. Nulls and empty lists may
/// become absent, and date-times may be spelled differently.
fn assert_kept(example: &Value, typed: &Value, path: &str) {
    match (example, typed) {
        (Value::Object(want), Value::Object(got)) => {
            for (key, value) in want {
                let at = format!("{path}.{key}");
                match got.get(key) {
                    Some(kept) => assert_kept(value, kept, &at),
                    None if value.is_null() || value == &json!([]) => {}
                    None => panic!("{at} was dropped: the schema does not declare it"),
                }
            }
        }
        (Value::Array(want), Value::Array(got)) => {
            assert_eq!(want.len(), got.len(), "{path}");
            for (i, (w, g)) in want.iter().zip(got).enumerate() {
                assert_kept(w, g, &format!("{path}[{i}]"));
            }
        }
        (Value::String(want), Value::String(got)) if want != got => {
            let instant = |s: &str| chrono::DateTime::parse_from_rfc3339(s).ok();
            assert!(
                instant(want).is_some() && instant(want) == instant(got),
                "{path}: {want:?} became {got:?}"
            );
        }
        _ => assert_eq!(example, typed, "{path}"),
    }
}

#[test]
fn every_webhook_example_in_the_spec_parses_into_its_variant() {
    let spec = spec();
    let examples = webhook_examples(&spec);
    let mut events = BTreeSet::new();
    for (event, name, value) in &examples {
        assert_eq!(
            value["event"],
            json!(event),
            "{name}: `event` differs from its x-webhooks key"
        );
        let parsed =
            WebhookEvent::from_value(value.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(variant(&parsed), event, "{name}");
        assert_eq!(parsed.name(), event, "{name}");
        let typed = serde_json::to_value(&parsed).expect("serialises");
        assert_kept(value, &typed, name);
        // The raw body parses the same way.
        let raw = serde_json::to_vec(value).expect("serialises");
        assert_eq!(WebhookEvent::parse(&raw), Ok(parsed), "{name}");
        events.insert(event.clone());
    }
    let expected: BTreeSet<String> = [
        "conversation_created",
        "conversation_status_changed",
        "conversation_updated",
        "message_created",
        "message_updated",
        "contact_created",
        "contact_updated",
        "conversation_typing_on",
        "conversation_typing_off",
    ]
    .map(String::from)
    .into();
    assert_eq!(events, expected, "one x-webhooks entry per typed event");
}

#[test]
fn every_webhook_schema_is_used_by_a_delivery() {
    let spec = spec();
    let hooks = spec["x-webhooks"].to_string();
    for schema in [
        "WebhookConversationEvent",
        "WebhookMessageEvent",
        "WebhookContactEvent",
        "WebhookTypingEvent",
    ] {
        assert!(hooks.contains(&format!("schemas/{schema}\"")), "{schema}");
    }
}

fn example(name: &str) -> WebhookEvent {
    let spec = spec();
    let value = spec["components"]["examples"][name]["value"].clone();
    WebhookEvent::from_value(value).expect("parses")
}

#[test]
fn the_status_change_example_is_typed() {
    let event = example("WebhookConversationStatusChanged");
    let change = event.status_transition().expect("a status change");
    assert_eq!(change.previous, Some(ConversationStatus::Pending));
    assert_eq!(change.current, ConversationStatus::Open);
    assert_eq!(event.conversation_id(), Some(42));
    assert_eq!(event.changed_attributes().len(), 2);
}

#[test]
fn conversation_updates_carry_a_status_change_only_when_the_status_changed() {
    let event = example("WebhookConversationUpdated");
    assert_eq!(event.status_transition(), None);
    let assignee = changed_attribute(event.changed_attributes(), "assignee_id").expect("listed");
    assert_eq!(assignee.previous_value, None);
    assert_eq!(assignee.current_value, Some(json!(7)));

    let resolved = WebhookEvent::from_value(json!({
        "event": "conversation_updated", "id": 5, "inbox_id": 1, "status": "resolved",
        "changed_attributes": [{"status": {"previous_value": "open", "current_value": "resolved"}}]
    }))
    .expect("parses");
    let change = resolved.status_transition().expect("a status change");
    assert_eq!(change.current, ConversationStatus::Resolved);
}

#[test]
fn a_status_change_without_changed_attributes_falls_back_to_the_status() {
    let event = WebhookEvent::from_value(json!({
        "event": "conversation_status_changed", "id": 5, "inbox_id": 1, "status": "scheduling"
    }))
    .expect("parses");
    let change = event.status_transition().expect("a status change");
    assert_eq!(change.previous, None);
    assert_eq!(change.current, ConversationStatus::Scheduling);
}

#[test]
fn message_events_keep_the_webhook_only_shapes() {
    let WebhookEvent::MessageCreated(message) = example("WebhookMessageCreated") else {
        panic!("not a message");
    };
    assert_eq!(message.message_type, WebhookMessageType::Incoming);
    let created = message.created_at.expect("a time");
    assert_eq!(created.timestamp(), 1_772_446_565);
    let conversation = message.conversation.as_ref().expect("a conversation");
    assert_eq!(conversation.status, ConversationStatus::Pending);
    assert_eq!(conversation.messages[0].message_type, Some(0));

    let odd = WebhookEvent::from_value(json!({
        "event": "message_created", "id": 1, "message_type": "voice_note"
    }))
    .expect("an unknown message type is kept");
    let WebhookEvent::MessageCreated(odd) = odd else {
        panic!("not a message");
    };
    assert_eq!(odd.message_type, WebhookMessageType::from("voice_note"));
}

#[test]
fn unknown_events_are_kept_whole() {
    let body = json!({"event": "webwidget_triggered", "id": 3, "extra": {"a": [1, 2]}});
    let event = WebhookEvent::from_value(body.clone()).expect("not an error");
    assert_eq!(
        event,
        WebhookEvent::Unknown {
            event: "webwidget_triggered".into(),
            payload: body.clone()
        }
    );
    assert_eq!(event.name(), "webwidget_triggered");
    assert_eq!(event.conversation_id(), None);
    assert_eq!(serde_json::to_value(&event).expect("serialises"), body);
}

#[test]
fn bodies_that_are_not_events_are_bad_bodies() {
    for body in [
        &b"not json"[..],
        b"[]",
        b"{}",
        br#"{"event": 3}"#,
        br#"{"event": "conversation_created", "id": 1}"#,
        br#"{"event": "conversation_typing_on", "user": {"id": 1}}"#,
    ] {
        let error = WebhookEvent::parse(body).expect_err("rejected");
        assert!(
            matches!(error, WebhookError::BadBody(_)),
            "{}: {error}",
            String::from_utf8_lossy(body)
        );
    }
}
