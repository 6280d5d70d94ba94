//! An inbox's agents and agent bot: `listInboxAssignableAgents`,
//! `getInboxAgentBot` and `setInboxAgentBot`, as `InboxesController` does them.
//!
//! An inbox routed to a bot hands its new conversations to it: they start
//! `pending` (see `conversations::create`) and the bot's `outgoing_url` gets
//! their events (see [`crate::webhooks`]).

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Map, Value, json};

use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::render;
use crate::routes::agent_bots::bot_json;
use crate::routes::inboxes::InInbox;
use crate::scope::{Reply, Scope};
use crate::state::{AssigneeRef, Bot, Store};
use crate::validate::{Fields, body};

/// An agent of the account as `models/_agent.json.jbuilder` renders one.
pub(crate) fn agent_json(store: &Store, account_id: i64, user_id: i64) -> Option<Value> {
    let agent = render::assignee(store, account_id, AssigneeRef::User(user_id))?;
    Some(render::to_json(&agent))
}

/// `Inbox#assignable_agents`: the members who belong to the account, then the
/// account's administrators, each once.
pub(crate) fn assignable(store: &Store, account_id: i64, inbox_id: i64) -> Vec<i64> {
    let mut members: Vec<i64> = store
        .inbox(account_id, inbox_id)
        .map(|i| i.settings.member_ids.clone())
        .unwrap_or_default();
    members.retain(|id| store.account_user(account_id, *id).is_some());
    members.sort_unstable();
    let mut admins: Vec<i64> = (store.memberships.iter())
        .filter(|m| m.account_id == account_id && m.role == "administrator")
        .map(|m| m.user_id)
        .collect();
    admins.sort_unstable();
    for id in admins {
        if !members.contains(&id) {
            members.push(id);
        }
    }
    members
}

/// `GET /api/v1/accounts/{account_id}/inboxes/{inbox_id}/assignable_agents`.
pub(crate) fn assignable_agents(cx: Scope<'_, InInbox>) -> Reply {
    let account_id = cx.account_id();
    let payload: Vec<Value> = assignable(&cx.store, account_id, cx.place.id)
        .into_iter()
        .filter_map(|id| agent_json(&cx.store, account_id, id))
        .collect();
    Ok(json_response(StatusCode::OK, &json!({"payload": payload})))
}

/// A bot as `models/_agent_bot.json.jbuilder` renders it without the
/// presenter: `access_token` is the access-token record.
fn raw_bot_json(bot: &Bot, account_id: i64) -> Value {
    let mut value = bot_json(bot, account_id);
    let at = json!(clock::iso_millis(bot.token_at));
    value["access_token"] = json!({
        "id": bot.id,
        "owner_type": "AgentBot",
        "owner_id": bot.id,
        "token": bot.access_token,
        "created_at": at,
        "updated_at": at,
    });
    value
}

/// `GET /api/v1/accounts/{account_id}/inboxes/{inbox_id}/agent_bot`.
pub(crate) fn agent_bot(cx: Scope<'_, InInbox>) -> Reply {
    let store = &cx.store;
    let bot = (store.inbox(cx.account_id(), cx.place.id))
        .and_then(|inbox| inbox.settings.agent_bot_id)
        .and_then(|id| store.bot(id));
    let bot = bot.map_or_else(
        || Value::Object(Map::new()),
        |b| raw_bot_json(b, cx.account_id()),
    );
    Ok(json_response(StatusCode::OK, &json!({"agent_bot": bot})))
}

/// `POST /api/v1/accounts/{account_id}/inboxes/{inbox_id}/set_agent_bot`:
/// the bot is looked up (unscoped, as `AgentBot.find`) before the role is checked.
pub(crate) fn set_agent_bot(mut cx: Scope<'_, InInbox>, bytes: Bytes) -> Reply {
    let map = if bytes.iter().all(u8::is_ascii_whitespace) {
        Map::new()
    } else {
        body(&bytes, "agent_bot")?
    };
    let bot_id = match map.get("agent_bot") {
        None | Some(Value::Null) => None,
        Some(_) => Some(Fields(&map).required_int("agent_bot")?),
    };
    if let Some(id) = bot_id {
        cx.store.bot(id).ok_or(ApiError::NotFound)?;
    }
    if cx.role() != Some("administrator") {
        return Err(ApiError::NotAuthorized);
    }
    let id = cx.place.id;
    cx.inbox_mut(id)?.settings.agent_bot_id = bot_id;
    Ok(StatusCode::OK.into_response())
}
