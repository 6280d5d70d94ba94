//! The actions macros and automation rules run on a conversation (Chatwoot's
//! `ActionService`, with `Macros::ExecutionService` and
//! `AutomationRules::ActionService` on top).
//!
//! Applied: assign_agent (`"self"` for a macro, `"nil"`; the agent must be a
//! member of the account, where the server wants an inbox member or an
//! administrator), assign_team (`"nil"`, `0`), remove_assigned_team,
//! add_label, remove_label, change_status, resolve_conversation,
//! open_conversation, pending_conversation, snooze_conversation (until the
//! next reply), change_priority (`"nil"`), mute_conversation (resolved, the
//! contact blocked), send_message, add_private_note, send_webhook_event (the
//! conversation's `push_data` with `event` `macro.executed` or
//! `automation_event.<the rule's event>`, POSTed unsigned as `WebhookJob`
//! does, to loopback hosts unless the sandbox allows more). Skipped:
//! send_attachment, send_email_transcript, send_email_to_team. An action
//! that does not apply (a bad parameter) is skipped, as the server's rescue
//! skips a failing one.

use ruut_api::enums::{ConversationPriority, ConversationStatus};
use serde_json::Value;

use crate::app::App;
use crate::fixtures::{MessageKind, new_message};
use crate::state::{AssigneeRef, SenderRef, Store};
use crate::webhooks::push_data;

/// Who runs the actions: an agent running a macro, or an automation rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Actor {
    /// The user running a macro (`"self"` means them; their messages are theirs).
    User(i64),
    /// The automation rule with this id (its messages have no sender and
    /// carry `content_attributes.automation_rule_id`).
    Rule(i64),
}

/// The conversation an action works on, and who runs it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Target {
    /// The conversation's index in the store.
    pub index: usize,
    /// Its account.
    pub account_id: i64,
    /// Who runs the action.
    pub actor: Actor,
}

/// Applies one `{action_name, action_params}`; anything that does not fit is skipped.
pub(crate) fn apply(store: &mut Store, app: &App, t: Target, action: &Value) {
    let name = action
        .get("action_name")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let params: &[Value] = action
        .get("action_params")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice);
    let first = params.first();
    let text = first.and_then(Value::as_str);
    match name {
        "assign_agent" => {
            let assignee = match (text, first.and_then(Value::as_i64)) {
                (Some("nil"), _) => None,
                (Some("self"), _) => match t.actor {
                    Actor::User(id) => Some(id),
                    Actor::Rule(_) => return,
                },
                (_, Some(id)) if store.account_user(t.account_id, id).is_some() => Some(id),
                _ => return,
            };
            let c = &mut store.conversations[t.index];
            c.assignee = assignee.map(AssigneeRef::User);
            c.touch();
        }
        "assign_team" => {
            let unassign = first
                .is_none_or(|v| matches!(v.as_str(), Some("nil" | "0")) || v.as_i64() == Some(0));
            let team = match first.and_then(Value::as_i64) {
                _ if unassign => None,
                Some(id) if store.team(t.account_id, id).is_some() => Some(id),
                _ => return,
            };
            store.conversations[t.index].team_id = team;
            store.conversations[t.index].touch();
        }
        "remove_assigned_team" => store.conversations[t.index].team_id = None,
        "add_label" | "remove_label" => {
            let labels: Vec<String> = params
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect();
            let c = &mut store.conversations[t.index];
            if name == "add_label" {
                for label in labels {
                    if !c.labels.contains(&label) {
                        c.labels.push(label);
                    }
                }
            } else {
                c.labels.retain(|l| !labels.contains(l));
            }
            c.touch();
        }
        "change_status" => {
            let status = ConversationStatus::from(text.unwrap_or_default());
            let settable = ["open", "pending", "resolved", "snoozed"].contains(&status.as_str());
            if settable {
                store.conversations[t.index].set_status(status, None);
            }
        }
        "resolve_conversation" => {
            store.conversations[t.index].set_status(ConversationStatus::Resolved, None)
        }
        "open_conversation" => {
            store.conversations[t.index].set_status(ConversationStatus::Open, None)
        }
        "pending_conversation" => {
            store.conversations[t.index].set_status(ConversationStatus::Pending, None)
        }
        "snooze_conversation" => {
            store.conversations[t.index].set_status(ConversationStatus::Snoozed, None)
        }
        "change_priority" => {
            let priority = match text {
                Some("nil") => None,
                Some(p) if !ConversationPriority::from(p).is_unknown() => {
                    Some(ConversationPriority::from(p))
                }
                _ => return,
            };
            store.conversations[t.index].priority = priority;
            store.conversations[t.index].touch();
        }
        "mute_conversation" => {
            store.conversations[t.index].set_status(ConversationStatus::Resolved, None);
            let contact_id = store.conversations[t.index].contact_id;
            if let Some(i) = store.contact_index(t.account_id, contact_id) {
                store.contacts[i].blocked = true;
            }
        }
        "send_message" | "add_private_note" => {
            let Some(content) = text else { return };
            let kind = if name == "send_message" {
                MessageKind::Outgoing
            } else {
                MessageKind::Note
            };
            let sender = match t.actor {
                Actor::User(id) => Some(SenderRef::User(id)),
                Actor::Rule(_) => None,
            };
            let mut message = new_message(store, sender, kind, content.to_owned());
            if let Actor::Rule(rule_id) = t.actor {
                let attrs = &mut message.content_attributes;
                attrs.insert("automation_rule_id".into(), rule_id.into());
            }
            store.conversations[t.index].add_message(message);
            app.webhooks
                .message_created(store, &store.conversations[t.index]);
        }
        "send_webhook_event" => {
            let Some(url) = text.filter(|url| !url.is_empty()) else {
                return;
            };
            let event = match t.actor {
                Actor::User(_) => "macro.executed".to_owned(),
                Actor::Rule(id) => match store.automation_rules.get(t.account_id, id) {
                    Some(rule) => format!("automation_event.{}", rule.event_name),
                    None => return,
                },
            };
            let mut payload = push_data(store, &store.conversations[t.index]);
            if let Value::Object(map) = &mut payload {
                map.insert("event".into(), event.into());
            }
            app.webhooks.send_unsigned(url, &payload);
        }
        // send_attachment, send_email_transcript, send_email_to_team: not applied.
        _ => {}
    }
}
