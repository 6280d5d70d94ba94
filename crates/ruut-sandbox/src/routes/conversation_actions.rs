//! Acting on one conversation besides its status and assignment:
//! `updateConversation`, `deleteConversation`, custom attributes, mute and
//! unmute, read and unread, and the e-mailed transcript
//! (`app/controllers/api/v1/accounts/conversations_controller.rb`).
//!
//! - `updateConversation` permits `priority` and `sla_policy_id` only; any
//!   other key (the official Python SDK's `assignee_id`) is dropped, and the
//!   answer is the conversation, as the server's strong parameters do. An
//!   unknown priority is a 422 here, a 500 (enum error) there.
//! - `deleteConversation` is for administrators (`ConversationPolicy#destroy?`).
//! - The spec requires a JSON body where the server would take none (an
//!   empty `PATCH` is a no-op there): an empty body is a 422 here, as on the
//!   other routes with a required body.
//! - Mute resolves the conversation and blocks its contact (`muted` is the
//!   contact's `blocked`), each with an activity message.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use ruut_api::enums::{ConversationPriority, ConversationStatus};
use serde_json::{Map, Value, json};

use super::status::PRIORITIES;
use crate::auth::Caller;
use crate::clock;
use crate::conversation_extra::Transcript;
use crate::errors::{ApiError, json_response};
use crate::render;
use crate::scope::{ConversationScope, Reply};
use crate::state::{AssigneeRef, Attrs, Message};
use crate::validate::{Fields, body};

/// Incoming messages an `unread_count` counts at most (`last(10)`).
const UNREAD_CAP: usize = 10;

/// A JSON object body; an empty body counts as `{}` (for a route whose every
/// input is a missing-parameter error anyway).
fn optional_body(bytes: &[u8]) -> Result<Map<String, Value>, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    body(bytes, "")
}

/// 200 with an empty body, as Rails' `head :ok`.
pub(super) fn ok_empty() -> Reply {
    Ok(StatusCode::OK.into_response())
}

/// The conversation, as the conversation partial renders it.
fn conversation_answer(cx: &ConversationScope<'_>) -> Response {
    let body = render::conversation(&cx.store, cx.conversation(), cx.user_id());
    json_response(StatusCode::OK, &body)
}

/// `PATCH .../conversations/{conversation_id}`.
pub(crate) fn update(mut cx: ConversationScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "priority")?;
    let f = Fields(&map);
    let priority = map
        .contains_key("priority")
        .then(|| f.one_of("priority", &PRIORITIES, true))
        .transpose()?;
    let sla_policy_id = match map.get("sla_policy_id") {
        None => None,
        Some(Value::Null) => Some(None),
        Some(v) => Some(Some(v.as_i64().ok_or_else(|| {
            ApiError::invalid("sla_policy_id", "an integer or null")
        })?)),
    };
    cx.change(|cx| {
        let c = cx.conversation_mut();
        if let Some(priority) = priority {
            c.priority = priority.map(|p| ConversationPriority::from(p.as_str()));
        }
        if let Some(sla) = sla_policy_id {
            c.extra.sla_policy_id = sla;
        }
        c.touch();
    });
    Ok(conversation_answer(&cx))
}

/// `DELETE .../conversations/{conversation_id}`: administrators only.
pub(crate) fn delete(cx: ConversationScope<'_>) -> Reply {
    if cx.role() != Some("administrator") {
        return Err(ApiError::NotAuthorized);
    }
    cx.remove_conversation();
    ok_empty()
}

/// `POST .../conversations/{conversation_id}/custom_attributes`.
pub(crate) fn custom_attributes(mut cx: ConversationScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "custom_attributes")?;
    let attributes = Fields(&map)
        .object("custom_attributes")?
        .unwrap_or_default();
    let answer = json!({"custom_attributes": attributes});
    cx.change(|cx| {
        let c = cx.conversation_mut();
        c.custom_attributes = attributes;
        c.touch();
    });
    Ok(json_response(StatusCode::OK, &answer))
}

/// The calling user's name, for activity messages.
fn caller_name(cx: &ConversationScope<'_>) -> String {
    let name = match cx.caller {
        Caller::User(id) => cx.store.user(id).map(|u| u.name.clone()),
        Caller::Bot(id) => cx.store.bot(id).map(|b| b.name.clone()),
    };
    name.unwrap_or_default()
}

/// Blocks or unblocks the conversation's contact, adds the activity message
/// and sends its `message_created`.
fn set_muted(cx: &mut ConversationScope<'_>, muted: bool) {
    let (account_id, contact_id) = (cx.account_id(), cx.conversation().contact_id);
    if let Some(index) = cx.store.contact_index(account_id, contact_id) {
        cx.store.contacts[index].blocked = muted;
    }
    let text = if muted {
        "has muted the conversation"
    } else {
        "has unmuted the conversation"
    };
    let content = format!("{} {text}", caller_name(cx));
    let id = cx.store.take_message_id();
    let c = cx.conversation_mut();
    c.messages.push(Message {
        id,
        content: Some(content),
        message_type: 2,
        content_type: "text".to_owned(),
        content_attributes: Attrs::new(),
        private: false,
        status: "sent",
        created_at: clock::now(),
        sender: None,
        source_id: None,
        echo_id: None,
    });
    c.touch();
    cx.app
        .webhooks
        .message_created(&cx.store, cx.conversation());
}

/// `POST .../conversations/{conversation_id}/mute`: resolved, contact blocked.
pub(crate) fn mute(mut cx: ConversationScope<'_>) -> Reply {
    cx.change(|cx| {
        cx.conversation_mut()
            .set_status(ConversationStatus::Resolved, None);
    });
    set_muted(&mut cx, true);
    ok_empty()
}

/// `POST .../conversations/{conversation_id}/unmute`: contact unblocked.
pub(crate) fn unmute(mut cx: ConversationScope<'_>) -> Reply {
    set_muted(&mut cx, false);
    ok_empty()
}

/// Incoming messages after `since` (all of them when unset), at most 10.
fn unread_since(messages: &[Message], since: i64) -> i64 {
    let count = messages
        .iter()
        .filter(|m| m.message_type == 0 && (since == 0 || m.created_at > since))
        .count();
    i64::try_from(count.min(UNREAD_CAP)).unwrap_or(0)
}

/// `POST .../conversations/{conversation_id}/unread`: seen until just before
/// the last incoming message.
pub(crate) fn unread(mut cx: ConversationScope<'_>) -> Reply {
    let c = cx.conversation_mut();
    let seen = c
        .messages
        .iter()
        .rev()
        .find(|m| m.message_type == 0)
        .map_or(0, |m| m.created_at - 1);
    c.agent_last_seen_at = seen;
    c.extra.assignee_last_seen_at = seen;
    c.unread_count = unread_since(&c.messages, seen);
    Ok(conversation_answer(&cx))
}

/// `POST .../conversations/{conversation_id}/update_last_seen`: seen now,
/// unless nothing is unread and the caller looked within the hour.
pub(crate) fn mark_read(mut cx: ConversationScope<'_>) -> Reply {
    let now = clock::now();
    let assignee = matches!(
        (cx.conversation().assignee, cx.caller),
        (Some(AssigneeRef::User(a)), Caller::User(u)) if a == u
    );
    let c = cx.conversation_mut();
    let stale = |seen: i64| seen == 0 || seen < now - 3_600;
    let due = c.unread_count > 0
        || stale(c.agent_last_seen_at)
        || (assignee && stale(c.extra.assignee_last_seen_at));
    if due {
        c.agent_last_seen_at = now;
        if assignee {
            c.extra.assignee_last_seen_at = now;
        }
        c.unread_count = 0;
    }
    Ok(conversation_answer(&cx))
}

/// `POST .../conversations/{conversation_id}/transcript`: recorded, not e-mailed.
pub(crate) fn transcript(mut cx: ConversationScope<'_>, bytes: Bytes) -> Reply {
    let map = optional_body(&bytes)?;
    let email = Fields(&map)
        .string("email", true)?
        .filter(|e| !e.trim().is_empty())
        .ok_or_else(|| ApiError::Unprocessable("email param missing".to_owned()))?;
    let transcript = Transcript {
        account_id: cx.account_id(),
        conversation_id: cx.display_id(),
        email,
        messages: cx.conversation().messages.len(),
    };
    cx.store.transcripts.push(transcript);
    ok_empty()
}
