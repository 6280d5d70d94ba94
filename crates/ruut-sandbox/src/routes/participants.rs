//! A conversation's participants (`participants_controller.rb`): list, add
//! (answering only those newly added), set (the whole list) and remove (by
//! `user_ids[]` in the query). Ids that are not agents of the account are
//! left out, where the server's model validation fails silently; a missing
//! `user_ids`, a 500 on the server (`nil - array`), is a 422 here when adding
//! or setting, and removes nobody when removing (the spec cannot require the
//! bracketed query parameter; see `UserIdsQuery`).

use axum::http::StatusCode;
use bytes::Bytes;
use serde_json::Value;

use super::conversation_actions::ok_empty;
use crate::errors::{ApiError, json_response};
use crate::render::{self, to_json};
use crate::scope::{ConversationScope, Reply};
use crate::state::AssigneeRef;
use crate::validate::{Query, body, path_id};

/// The agents `ids` names, as the agent partial renders them.
fn agents(cx: &ConversationScope<'_>, ids: &[i64]) -> Reply {
    let list: Vec<Value> = ids
        .iter()
        .filter_map(|id| render::assignee(&cx.store, cx.account_id(), AssigneeRef::User(*id)))
        .map(|a| to_json(&a))
        .collect();
    Ok(json_response(StatusCode::OK, &Value::Array(list)))
}

/// `user_ids` of the body, kept to the agents of the account, without repeats.
fn user_ids(cx: &ConversationScope<'_>, bytes: &[u8]) -> Result<Vec<i64>, ApiError> {
    let map = body(bytes, "user_ids")?;
    let bad = || ApiError::invalid("user_ids", "an array of integers");
    let values = match map.get("user_ids") {
        None | Some(Value::Null) => return Err(ApiError::missing("user_ids")),
        Some(v) => v.as_array().ok_or_else(bad)?,
    };
    let mut ids: Vec<i64> = Vec::new();
    for value in values {
        let id = value.as_i64().ok_or_else(bad)?;
        if cx.store.account_user(cx.account_id(), id).is_some() && !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// `GET .../conversations/{conversation_id}/participants`.
pub(crate) fn list(cx: ConversationScope<'_>) -> Reply {
    let ids = cx.conversation().extra.participants.clone();
    agents(&cx, &ids)
}

/// `POST .../conversations/{conversation_id}/participants`: answers the newly added.
pub(crate) fn add(mut cx: ConversationScope<'_>, bytes: Bytes) -> Reply {
    let ids = user_ids(&cx, &bytes)?;
    let current = &mut cx.conversation_mut().extra.participants;
    let added: Vec<i64> = ids.into_iter().filter(|id| !current.contains(id)).collect();
    current.extend(&added);
    agents(&cx, &added)
}

/// `PATCH .../conversations/{conversation_id}/participants`: answers them all.
pub(crate) fn set(mut cx: ConversationScope<'_>, bytes: Bytes) -> Reply {
    let ids = user_ids(&cx, &bytes)?;
    let current = &mut cx.conversation_mut().extra.participants;
    current.retain(|id| ids.contains(id));
    let added: Vec<i64> = ids.into_iter().filter(|id| !current.contains(id)).collect();
    current.extend(added);
    let all = current.clone();
    agents(&cx, &all)
}

/// `DELETE .../conversations/{conversation_id}/participants?user_ids[]=...`.
pub(crate) fn remove(mut cx: ConversationScope<'_>, query: Query) -> Reply {
    // Without any the server fails (500); here nobody is removed.
    let ids = query
        .all("user_ids[]")
        .into_iter()
        .map(|v| path_id(v).map_err(|_| ApiError::invalid("user_ids[]", "integers")))
        .collect::<Result<Vec<i64>, ApiError>>()?;
    cx.conversation_mut()
        .extra
        .participants
        .retain(|id| !ids.contains(id));
    ok_empty()
}
