//! Changing a conversation: both status routes, priority and assignment.
//!
//! - `toggleConversationStatus` (Chatwoot): `snoozed_until` in Unix seconds,
//!   the legacy toggle when `status` is omitted, auto-assignment when a human
//!   agent opens, and `{payload: {...}}` without `meta`. `scheduling` is not a
//!   status this route knows: Chatwoot answers it with a 500, the sandbox with
//!   a 422 (the spec's `ToggleableStatus` excludes it, and a 500 would fail
//!   conformance checks).
//! - `updateConversationStatus` (Ruut's documented route): finds the
//!   conversation by display id in the caller's accounts (lowest account id
//!   first), accepts `reason`, `agent_id` and an RFC 3339 `snooze_time`, also
//!   `scheduling`, and answers 403 `STATUS_CHANGE_FORBIDDEN` for a locked
//!   conversation. `agent_id` naming an agent of the account assigns them;
//!   any other value is only kept in the audit trail.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use ruut_api::enums::{ConversationPriority, ConversationStatus};
use serde_json::{Value, json};

use super::conversations::TOGGLEABLE;
use crate::auth::Caller;
use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::render::{self, to_json};
use crate::scope::{ConversationScope, Reply};
use crate::state::{AssigneeRef, StatusChange};
use crate::validate::{Fields, body, path_id};

const STATUSES: [&str; 5] = ["open", "pending", "resolved", "snoozed", "scheduling"];
pub(crate) const PRIORITIES: [&str; 4] = ["low", "medium", "high", "urgent"];

/// `POST .../conversations/{conversation_id}/toggle_status`.
pub(crate) fn toggle_status(mut cx: ConversationScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "status")?;
    let f = Fields(&map);
    let status = f.one_of("status", &TOGGLEABLE, false)?;
    let snoozed_until = f.int("snoozed_until")?.map(clock::clamp_unix);
    let (caller, role) = (cx.caller, cx.role());
    let body = cx.change(|cx| {
        let c = cx.conversation_mut();
        let before = c.status.clone();
        let target = match status {
            Some(s) => ConversationStatus::from(s),
            // The legacy toggle: open becomes resolved, anything else open.
            None if before == ConversationStatus::Open => ConversationStatus::Resolved,
            None => ConversationStatus::Open,
        };
        let handoff = matches!(caller, Caller::Bot(_))
            && before == ConversationStatus::Pending
            && target == ConversationStatus::Open;
        c.set_status(target.clone(), snoozed_until);
        if let (ConversationStatus::Open, Some("agent"), Caller::User(user_id)) =
            (&target, role, caller)
        {
            c.assignee = Some(AssigneeRef::User(user_id));
        }
        c.status_log.push(StatusChange {
            status: target.as_str().to_owned(),
            reason: None,
            agent_id: None,
            at: clock::now(),
        });
        json!({"payload": {
            "success": if handoff { Value::Null } else { Value::Bool(true) },
            "conversation_id": c.display_id,
            "current_status": c.status.as_str(),
            "snoozed_until": c.snoozed_until.map(clock::iso_millis),
        }})
    });
    Ok(json_response(StatusCode::OK, &body))
}

/// `PATCH /api/v1/conversations/{conversation_id}/status` (Ruut's route).
pub(crate) fn update_status(mut cx: ConversationScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "status")?;
    let f = Fields(&map);
    let status = f
        .one_of("status", &STATUSES, false)?
        .ok_or_else(|| ApiError::missing("status"))?;
    let reason = f.string("reason", false)?;
    let agent_id = f.ruut_id("agent_id")?;
    let snooze_time = match f.string("snooze_time", false)? {
        None => None,
        Some(text) => Some(
            clock::parse_rfc3339(&text)
                .ok_or_else(|| ApiError::invalid("snooze_time", "an RFC 3339 date-time"))?,
        ),
    };
    let agent = agent_id
        .as_deref()
        .and_then(|id| path_id(id).ok())
        .filter(|id| cx.store.account_user(cx.account_id(), *id).is_some());
    if cx.conversation().locked {
        return Err(ApiError::StatusChangeForbidden);
    }
    cx.change(|cx| {
        let c = cx.conversation_mut();
        c.set_status(ConversationStatus::from(status.as_str()), snooze_time);
        if let Some(agent) = agent {
            c.assignee = Some(AssigneeRef::User(agent));
        }
        c.status_log.push(StatusChange {
            status,
            reason,
            agent_id,
            at: clock::now(),
        });
    });
    Ok(json_response(
        StatusCode::OK,
        &render::ruut_conversation(&cx.store, cx.conversation()),
    ))
}

/// `POST .../conversations/{conversation_id}/toggle_priority`: 200, empty body.
pub(crate) fn toggle_priority(mut cx: ConversationScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "priority")?;
    let priority = Fields(&map).one_of("priority", &PRIORITIES, true)?;
    cx.change(|cx| {
        let c = cx.conversation_mut();
        c.priority = priority.map(ConversationPriority::from);
        c.touch();
    });
    Ok(StatusCode::OK.into_response())
}

/// `POST .../conversations/{conversation_id}/assignments`.
pub(crate) fn assign(mut cx: ConversationScope<'_>, bytes: Bytes) -> Reply {
    let (account_id, store) = (cx.account_id(), &cx.store);
    let map = body(&bytes, "assignee_id")?;
    let f = Fields(&map);
    // The key present with null unassigns (the server branches on `key?`).
    let unassign = map.get("assignee_id").is_some_and(Value::is_null);
    let assignee_id = if unassign {
        None
    } else {
        f.int("assignee_id")?
    };
    let kind = f.one_of("assignee_type", &["User", "AgentBot"], false)?;
    let team_id = f.int("team_id")?;

    let (assignee, team, answer) = if unassign {
        (Some(None), None, None)
    } else if let Some(id) = assignee_id {
        if kind.as_deref() == Some("AgentBot") {
            let bot = store
                .bot(id)
                .filter(|b| b.account_id == Some(account_id))
                .ok_or(ApiError::NotFound)?;
            (Some(Some(AssigneeRef::Bot(bot.id))), None, None)
        } else {
            // An unknown agent unassigns, and the answer is null (as Chatwoot does).
            let user = store.account_user(account_id, id).map(|u| u.id);
            (Some(user.map(AssigneeRef::User)), None, None)
        }
    } else if let Some(id) = team_id {
        let team = store.team(account_id, id).map(|t| t.id);
        let answer = team
            .and_then(|t| render::team(store, account_id, t, cx.user_id()))
            .map(|t| to_json(&t));
        (None, Some(team), answer)
    } else {
        (None, None, None)
    };
    cx.change(|cx| {
        let c = cx.conversation_mut();
        if let Some(a) = assignee {
            c.assignee = a;
        }
        if let Some(t) = team {
            c.team_id = t;
        }
        c.touch();
    });
    let answer = match (assignee, answer) {
        (Some(Some(a)), _) => {
            render::assignee(&cx.store, account_id, a).map_or(Value::Null, |v| to_json(&v))
        }
        (_, Some(team)) => team,
        _ => Value::Null,
    };
    Ok(json_response(StatusCode::OK, &answer))
}
