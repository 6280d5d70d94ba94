//! `executeMacro`: runs a macro's actions on conversations, as Chatwoot's
//! `MacrosExecutionJob` and `Macros::ExecutionService` (with
//! `ActionService`) do, but before answering: the server answers first and
//! runs the job later.
//!
//! Applied: assign_agent (`"self"`, `"nil"`; the agent must be a member of
//! the account, where the server wants an inbox member or an administrator),
//! assign_team (`"nil"`, `0`), remove_assigned_team, add_label,
//! remove_label, change_status, resolve_conversation, snooze_conversation
//! (until the next reply), change_priority (`"nil"`), mute_conversation
//! (resolved, the contact blocked), send_message, add_private_note. Skipped:
//! send_attachment, send_email_transcript, send_webhook_event. An action
//! that does not apply (a bad parameter) is skipped, as the server's rescue
//! skips a failing one. The conversation and message webhooks go out as for
//! any other change.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use ruut_api::enums::{ConversationPriority, ConversationStatus};
use serde_json::Value;

use super::macros::MacroScope;
use crate::app::App;
use crate::errors::ApiError;
use crate::fixtures::{MessageKind, new_message};
use crate::scope::Reply;
use crate::state::{AssigneeRef, SenderRef, Store};
use crate::validate::body;
use crate::webhooks::Watch;

/// `POST /api/v1/accounts/{account_id}/macros/{macro_id}/execute`: an empty 200.
pub(crate) fn execute(mut cx: MacroScope<'_>, bytes: Bytes) -> Reply {
    if !cx.found().usable_by(cx.user_id()) {
        return Err(ApiError::NotAuthorized);
    }
    let map = body(&bytes, "conversation_ids")?;
    let ids = match map.get("conversation_ids") {
        Some(Value::Array(items)) => items
            .iter()
            .map(Value::as_i64)
            .collect::<Option<Vec<i64>>>()
            .ok_or_else(|| ApiError::invalid("conversation_ids", "a list of integers"))?,
        Some(_) => return Err(ApiError::invalid("conversation_ids", "a list of integers")),
        None => return Err(ApiError::missing("conversation_ids")),
    };
    let (account_id, actions) = (cx.account_id(), cx.found().actions.clone());
    let user_id = cx.user_id().unwrap_or_default();
    let app = cx.app;
    let store = &mut *cx.store;
    for display_id in ids {
        let Some(index) = store.conversation_index(account_id, display_id) else {
            continue;
        };
        let watch = Watch::conversation(&app.webhooks, store, account_id, display_id);
        for action in &actions {
            apply(
                store,
                app,
                Target {
                    index,
                    account_id,
                    user_id,
                },
                action,
            );
        }
        watch.finish(&app.webhooks, store);
    }
    Ok(StatusCode::OK.into_response())
}

/// The conversation an action works on, and who runs it.
#[derive(Clone, Copy)]
struct Target {
    index: usize,
    account_id: i64,
    user_id: i64,
}

/// Applies one `{action_name, action_params}`; anything that does not fit is skipped.
fn apply(store: &mut Store, app: &App, t: Target, action: &Value) {
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
                (Some("self"), _) => Some(t.user_id),
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
            let message = new_message(store, SenderRef::User(t.user_id), kind, content.to_owned());
            store.conversations[t.index].add_message(message);
            app.webhooks
                .message_created(store, &store.conversations[t.index]);
        }
        // send_attachment, send_email_transcript, send_webhook_event: not applied.
        _ => {}
    }
}
