//! Inbox members: `listInboxMembers`, `addInboxMembers`, `setInboxMembers`
//! and `removeInboxMembers`, as Chatwoot's `InboxMembersController` does them.
//!
//! The changes name the inbox in the body (`inbox_id`): it is looked up
//! first (404), then the role (401 for an agent), then `user_ids`. A missing
//! `user_ids`, a 500 on the server (`nil - array`) when adding or replacing,
//! is a 422 here. Members show in the inbox's assignable agents.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Map, Value, json};

use crate::errors::{ApiError, json_response};
use crate::routes::inbox_bots::agent_json;
use crate::routes::inboxes::InInbox;
use crate::scope::{AccountScope, Reply, Scope};
use crate::state::Store;
use crate::validate::{Fields, body};

/// The inbox's members who belong to the account, by id, rendered as agents
/// (`fetch_updated_agents`).
fn members_json(store: &Store, account_id: i64, inbox_id: i64) -> Value {
    let mut ids = (store.inbox(account_id, inbox_id))
        .map(|i| i.settings.member_ids.clone())
        .unwrap_or_default();
    ids.sort_unstable();
    let payload: Vec<Value> = ids
        .into_iter()
        .filter(|id| store.account_user(account_id, *id).is_some())
        .filter_map(|id| agent_json(store, account_id, id))
        .collect();
    json!({"payload": payload})
}

/// `GET /api/v1/accounts/{account_id}/inbox_members/{inbox_id}`.
pub(crate) fn list(cx: Scope<'_, InInbox>) -> Reply {
    let body = members_json(&cx.store, cx.place.account.id, cx.place.id);
    Ok(json_response(StatusCode::OK, &body))
}

/// The inbox the body names, for an administrator: 404 for no such inbox
/// (or none named), then 401 for an agent. Returns it and the body.
fn admin_inbox(cx: &AccountScope<'_>, bytes: &[u8]) -> Result<(i64, Map<String, Value>), ApiError> {
    let map = body(bytes, "inbox_id")?;
    let inbox_id = match map.get("inbox_id") {
        None | Some(Value::Null) => return Err(ApiError::NotFound),
        Some(_) => Fields(&map).required_int("inbox_id")?,
    };
    cx.store
        .inbox(cx.place.id, inbox_id)
        .ok_or(ApiError::NotFound)?;
    if cx.place.role != Some("administrator") {
        return Err(ApiError::NotAuthorized);
    }
    Ok((inbox_id, map))
}

/// `user_ids`, which must be a list of integers; `None` when absent.
fn user_ids(map: &Map<String, Value>) -> Result<Option<Vec<i64>>, ApiError> {
    let bad = || ApiError::invalid("user_ids", "an array of integers");
    match map.get("user_ids") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(values)) => values
            .iter()
            .map(|v| v.as_i64().ok_or_else(bad))
            .collect::<Result<Vec<i64>, ApiError>>()
            .map(Some),
        Some(_) => Err(bad()),
    }
}

/// Adds `ids` to the members, as `inbox_members.create!` does each: a user
/// that does not exist, or one added twice, fails the whole change.
fn add(store: &Store, members: &mut Vec<i64>, ids: &[i64]) -> Result<(), ApiError> {
    for &id in ids {
        if store.user(id).is_none() {
            return Err(ApiError::Invalid {
                message: "User must exist".to_owned(),
                attributes: vec!["user".to_owned()],
            });
        }
        if members.contains(&id) {
            return Err(ApiError::Invalid {
                message: "User has already been taken".to_owned(),
                attributes: vec!["user_id".to_owned()],
            });
        }
        members.push(id);
    }
    Ok(())
}

/// A change of a member list (`store`, the members, `user_ids`).
type MemberChange = fn(&Store, &mut Vec<i64>, Vec<i64>) -> Result<(), ApiError>;

/// Runs `change` on the inbox's member list, keeping it only if it succeeds,
/// and answers every member.
fn change(mut cx: AccountScope<'_>, bytes: &[u8], change: MemberChange) -> Reply {
    let (inbox_id, map) = admin_inbox(&cx, bytes)?;
    let ids = user_ids(&map)?.ok_or_else(|| ApiError::missing("user_ids"))?;
    let account_id = cx.place.id;
    let mut members = (cx.store.inbox(account_id, inbox_id))
        .map(|i| i.settings.member_ids.clone())
        .ok_or(ApiError::NotFound)?;
    change(&cx.store, &mut members, ids)?;
    let inbox = (cx.store.inboxes.iter_mut())
        .find(|i| i.id == inbox_id && i.account_id == account_id)
        .ok_or(ApiError::NotFound)?;
    inbox.settings.member_ids = members;
    let body = members_json(&cx.store, account_id, inbox_id);
    Ok(json_response(StatusCode::OK, &body))
}

/// `POST /api/v1/accounts/{account_id}/inbox_members`: adds the users not
/// yet members.
pub(crate) fn create(cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    change(cx, &bytes, |store, members, ids| {
        let new: Vec<i64> = ids.into_iter().filter(|id| !members.contains(id)).collect();
        add(store, members, &new)
    })
}

/// `PATCH /api/v1/accounts/{account_id}/inbox_members`: makes `user_ids` the
/// members.
pub(crate) fn update(cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    change(cx, &bytes, |store, members, ids| {
        let new: Vec<i64> = (ids.iter().copied())
            .filter(|id| !members.contains(id))
            .collect();
        members.retain(|id| ids.contains(id));
        add(store, members, &new)
    })
}

/// `DELETE /api/v1/accounts/{account_id}/inbox_members`: an empty 200.
pub(crate) fn delete(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    let (inbox_id, map) = admin_inbox(&cx, &bytes)?;
    let ids = user_ids(&map)?.unwrap_or_default();
    let account_id = cx.place.id;
    if let Some(inbox) =
        (cx.store.inboxes.iter_mut()).find(|i| i.id == inbox_id && i.account_id == account_id)
    {
        inbox.settings.member_ids.retain(|id| !ids.contains(id));
    }
    Ok(StatusCode::OK.into_response())
}
