//! Announcing a conversation's changes: [`Watch`] remembers a conversation
//! before a change and, after it, sends `conversation_status_changed` and
//! `conversation_updated` with Chatwoot's `changed_attributes`.

use ruut_api::enums::{ConversationPriority, ConversationStatus};
use serde_json::{Value, json};

use super::Webhooks;
use super::payloads::conversation_event;
use crate::automation::{self, Event, Trigger};
use crate::clock;
use crate::state::{AssigneeRef, Conversation, Store};

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
    /// Remembers the conversation as it is now (nothing when no webhook and
    /// no agent bot would hear of its changes).
    pub(crate) fn conversation(
        webhooks: &Webhooks,
        store: &Store,
        account_id: i64,
        display_id: i64,
    ) -> Watch {
        let before = store
            .conversation(account_id, display_id)
            .filter(|c| {
                webhooks.watched(store, c) || automation::watches_changes(store, account_id)
            })
            .map(Snapshot::of);
        Watch {
            account_id,
            display_id,
            before,
        }
    }

    /// Sends `conversation_status_changed` if the status changed, and
    /// `conversation_updated` if the assignee, team, priority, labels or custom
    /// attributes changed; queues the automation triggers of those changes.
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
            let event = conversation_event(
                store,
                c,
                "conversation_status_changed",
                Some(status.clone()),
            );
            webhooks.send(store, self.account_id, event);
            // The bots get `conversation_opened` / `conversation_resolved` instead.
            let to_bots = match after.status {
                ConversationStatus::Open => Some("conversation_opened"),
                ConversationStatus::Resolved => Some("conversation_resolved"),
                _ => None,
            };
            if let Some(name) = to_bots {
                let event = conversation_event(store, c, name, None);
                webhooks.send_to_bots(store, c, &event);
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
        if before.status != after.status {
            let opened = match after.status {
                ConversationStatus::Open => Some(Event::ConversationOpened),
                ConversationStatus::Resolved => Some(Event::ConversationResolved),
                _ => None,
            };
            if let Some(event) = opened {
                webhooks.trigger(store, c, event, None);
            }
        }
        if !updated.is_empty() || !status.is_empty() {
            let changed = status.iter().chain(&updated).filter_map(Value::as_object);
            let trigger = Trigger {
                event: Event::ConversationUpdated,
                account_id: self.account_id,
                conversation_id: self.display_id,
                message_id: None,
                // Rails' `previous_changes`: `{attribute: [before, after]}`.
                changed: changed
                    .flatten()
                    .map(|(name, v)| {
                        (
                            name.clone(),
                            json!([v["previous_value"], v["current_value"]]),
                        )
                    })
                    .collect(),
            };
            webhooks.triggers.push(store, trigger);
        }
        if !updated.is_empty() {
            let event = conversation_event(store, c, "conversation_updated", Some(updated));
            webhooks.send(store, self.account_id, event);
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
