//! Whether an automation rule's conditions hold for a trigger
//! (`AutomationRules::ConditionsFilterService`).
//!
//! The server builds one SQL query over the conversation joined with its
//! contact and its messages (only the new message for `message_created`) and
//! asks whether any row matches: so a message condition holds for a
//! conversation event when any of its messages matches. The conditions are
//! the filters' ([`crate::filter`]) with the message keys `content` and
//! `message_type` (`incoming`, `outgoing`, `activity`, `template` or their
//! numbers). A rule whose conditions do not check matches nothing, as the
//! server's validation fails it. `attribute_changed` conditions
//! (`values: {from: [...], to: [...]}`) compare the trigger's changes, chained
//! by their `query_operator` as the server chains them.

use serde_json::{Map, Value, json};

use super::Trigger;
use crate::automation_rules::AutomationRule;
use crate::clock;
use crate::filter::keys::{self, Field, Kind};
use crate::filter::{Entity, Filter};
use crate::state::{Contact, Conversation, Message, Store};

/// Whether `rule`'s conditions hold for `trigger` on conversation `c`.
pub(super) fn hold(
    store: &Store,
    rule: &AutomationRule,
    c: &Conversation,
    trigger: &Trigger,
) -> bool {
    let (changed, plain): (Vec<&Value>, Vec<&Value>) = rule.conditions.iter().partition(|q| {
        q.get("filter_operator").and_then(Value::as_str) == Some("attribute_changed")
    });
    let Some(filter) = parse(store, c.account_id, &plain) else {
        return false;
    };
    let contact = store.contact(c.account_id, c.contact_id);
    let one = |m: Option<&Message>| filter.matches(|key, kind| field(c, contact, m, key, kind));
    let base = match trigger.message_id {
        Some(id) => c
            .messages
            .iter()
            .find(|m| m.id == id)
            .is_some_and(|m| one(Some(m))),
        None if c.messages.is_empty() => one(None),
        None => c.messages.iter().any(|m| one(Some(m))),
    };
    if changed.is_empty() {
        return base;
    }
    changes_hold(&changed, base, &trigger.changed)
}

/// `filter_based_on_attribute_change`: every changed-attribute condition
/// must name an attribute that changed (else the server's lookup fails and
/// the rule does not match); one whose from and to fit joins the result
/// with `AND` (both) or `OR` (either) of the rest of the conditions.
fn changes_hold(conditions: &[&Value], base: bool, changed: &Map<String, Value>) -> bool {
    let (mut matched, mut current) = (false, true);
    for q in conditions {
        let key = q
            .get("attribute_key")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let Some(Value::Array(pair)) = changed.get(key) else {
            return false;
        };
        let listed = |side: &str, v: Option<&Value>| {
            let values = q
                .pointer(&format!("/values/{side}"))
                .and_then(Value::as_array);
            values.is_some_and(|list| list.iter().any(|x| same(x, v.unwrap_or(&Value::Null))))
        };
        if listed("from", pair.first()) && listed("to", pair.get(1)) {
            let and = q.get("query_operator").and_then(Value::as_str) == Some("AND");
            matched = matched
                || if and {
                    current && base
                } else {
                    current || base
                };
        }
        current = matched;
    }
    matched
}

/// A listed value and a changed value are the same (`"2"` and `2` too, as
/// the server's `in?` over form values compares ids given as text).
fn same(listed: &Value, value: &Value) -> bool {
    listed == value
        || (listed.as_str().is_some()
            && listed.as_str() == value.as_i64().map(|n| n.to_string()).as_deref())
}

/// The plain conditions as a filter; `None` when they do not check.
fn parse(store: &Store, account_id: i64, plain: &[&Value]) -> Option<Filter> {
    let mut payload: Vec<Value> = plain
        .iter()
        .map(|q| message_type_numbers((*q).clone()))
        .collect();
    // The changed-attribute conditions are left out: the last kept one ends the query.
    if let Some(Value::Object(last)) = payload.last_mut() {
        last.remove("query_operator");
    }
    let body = Map::from_iter([("payload".to_owned(), Value::Array(payload))]);
    let custom = |key: &str| {
        keys::defined_kind(store, account_id, "conversation_attribute", key)
            .or_else(|| keys::defined_kind(store, account_id, "contact_attribute", key))
    };
    Filter::parse(
        &body,
        Entity::Automation,
        custom,
        clock::now().div_euclid(86_400),
    )
    .ok()
}

/// `message_type` values as the numbers the column holds.
fn message_type_numbers(mut q: Value) -> Value {
    if q.get("attribute_key").and_then(Value::as_str) != Some("message_type") {
        return q;
    }
    if let Some(Value::Array(values)) = q.get_mut("values") {
        for v in values.iter_mut() {
            let number = match v.as_str() {
                Some("incoming") => 0,
                Some("outgoing") => 1,
                Some("activity") => 2,
                Some("template") => 3,
                _ => continue,
            };
            *v = json!(number);
        }
    }
    q
}

/// The value of `key` in the row of conversation `c`, its contact and
/// message `m` (a conversation key first, then a contact's, then a message's).
fn field(
    c: &Conversation,
    contact: Option<&Contact>,
    m: Option<&Message>,
    key: &str,
    kind: Kind,
) -> Field {
    if kind.is_custom() {
        let own = keys::conversation_field(c, key, kind);
        return match (own, contact) {
            (Field::Null, Some(contact)) => keys::contact_field(contact, key, kind),
            (own, _) => own,
        };
    }
    if Entity::Conversation.standard(key).is_some() {
        return keys::conversation_field(c, key, kind);
    }
    if Entity::Contact.standard(key).is_some() {
        return contact.map_or(Field::Null, |contact| {
            keys::contact_field(contact, key, kind)
        });
    }
    match (key, m) {
        ("content", Some(m)) => m.content.clone().map_or(Field::Null, Field::Text),
        ("message_type", Some(m)) => Field::Int(m.message_type),
        _ => Field::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changes(pairs: &[(&str, Value, Value)]) -> Map<String, Value> {
        pairs
            .iter()
            .map(|(k, a, b)| ((*k).to_owned(), json!([a, b])))
            .collect()
    }

    #[test]
    fn a_changed_attribute_must_fit_from_and_to() {
        let q = json!({"attribute_key": "status", "filter_operator": "attribute_changed",
            "values": {"from": ["open"], "to": ["resolved"]}, "query_operator": "AND"});
        let resolved = changes(&[("status", json!("open"), json!("resolved"))]);
        let pending = changes(&[("status", json!("open"), json!("pending"))]);
        assert!(changes_hold(&[&q], true, &resolved));
        assert!(
            !changes_hold(&[&q], false, &resolved),
            "AND with the other conditions"
        );
        assert!(!changes_hold(&[&q], true, &pending));
        assert!(
            !changes_hold(&[&q], true, &Map::new()),
            "an attribute that did not change"
        );
    }

    #[test]
    fn or_joins_a_changed_attribute_with_the_rest() {
        let q = json!({"attribute_key": "assignee_id", "filter_operator": "attribute_changed",
            "values": {"from": [null], "to": ["7"]}, "query_operator": "OR"});
        let assigned = changes(&[("assignee_id", Value::Null, json!(7))]);
        assert!(
            changes_hold(&[&q], false, &assigned),
            "ids given as text match"
        );
    }

    #[test]
    fn message_types_read_as_numbers() {
        let q = json!({"attribute_key": "message_type", "values": ["incoming", "template", 1]});
        assert_eq!(message_type_numbers(q)["values"], json!([0, 3, 1]));
        let other = json!({"attribute_key": "content", "values": ["incoming"]});
        assert_eq!(message_type_numbers(other.clone()), other);
    }
}
