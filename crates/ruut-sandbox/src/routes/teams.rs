//! Teams and their members (`TeamsController`, `TeamMembersController`):
//! `listTeams`, `getTeam`, `createTeam`, `updateTeam`, `deleteTeam`,
//! `listTeamMembers`, `addTeamMembers`, `setTeamMembers`, `removeTeamMembers`.
//!
//! Changes are for administrators only (`TeamPolicy`, `TeamMemberPolicy`);
//! the team is looked up before the role is checked (`before_action
//! :fetch_team` comes first), and member ids that are not users of the
//! account are the server's 401 "Invalid User IDs". Names are stored in lower
//! case and unique in the account. Where the server fails with a 500 (no
//! `user_ids`) the sandbox answers 422, or removes nobody when removing.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Map, Value};

use super::agents::{administrator, wrapped};
use crate::auth::Caller;
use crate::errors::{ApiError, json_response};
use crate::people::agents_json;
use crate::render::{self, to_json};
use crate::scope::{Account, AccountScope, InAccount, Path, Place, Reply, Scope};
use crate::state::{Store, Team};
use crate::validate::{Fields, Query, body, path_id};

/// A team: `{team_id}` in `{account_id}`.
pub(crate) struct InTeam {
    account: Account,
    id: i64,
}

impl Place for InTeam {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        let id = path.id("team_id")?;
        store.team(account.id, id).ok_or(ApiError::NotFound)?;
        Ok(InTeam { account, id })
    }
}

impl InAccount for InTeam {
    fn account(&self) -> Account {
        self.account
    }
}

/// A route scoped to a team.
type TeamScope<'a> = Scope<'a, InTeam>;

impl TeamScope<'_> {
    fn team_mut(&mut self) -> &mut Team {
        let (account_id, id) = (self.account_id(), self.place.id);
        let found = self
            .store
            .teams
            .iter_mut()
            .find(|t| t.id == id && t.account_id == account_id);
        found.expect("the team found by the scope, in the locked store")
    }
}

/// The team partial, with the `null` description the server sends.
fn team_json(store: &Store, account_id: i64, id: i64, user_id: Option<i64>) -> Value {
    let mut value =
        render::team(store, account_id, id, user_id).map_or(Value::Null, |t| to_json(&t));
    if let Value::Object(map) = &mut value {
        map.entry("description").or_insert(Value::Null);
    }
    value
}

/// The team as a 200.
fn answer(cx: &TeamScope<'_>) -> Reply {
    let body = team_json(&cx.store, cx.account_id(), cx.place.id, cx.user_id());
    Ok(json_response(StatusCode::OK, &body))
}

/// A team's name as `Team` validates it: present, lower case, unique.
fn checked_name(
    store: &Store,
    account_id: i64,
    id: Option<i64>,
    name: &str,
) -> Result<String, ApiError> {
    let invalid = |message: &str| ApiError::Invalid {
        message: message.to_owned(),
        attributes: vec!["name".to_owned()],
    };
    if name.trim().is_empty() {
        return Err(invalid("Name must not be blank"));
    }
    let name = name.to_lowercase();
    let taken = store
        .teams
        .iter()
        .any(|t| t.account_id == account_id && Some(t.id) != id && t.name == name);
    if taken {
        return Err(invalid("Name has already been taken"));
    }
    Ok(name)
}

/// `GET /api/v1/accounts/{account_id}/teams`.
pub(crate) fn list(cx: AccountScope<'_>) -> Reply {
    let account_id = cx.account_id();
    let list: Vec<Value> = cx
        .store
        .teams
        .iter()
        .filter(|t| t.account_id == account_id)
        .map(|t| team_json(&cx.store, account_id, t.id, cx.user_id()))
        .collect();
    Ok(json_response(StatusCode::OK, &Value::Array(list)))
}

/// `GET /api/v1/accounts/{account_id}/teams/{team_id}`.
pub(crate) fn show(cx: TeamScope<'_>) -> Reply {
    answer(&cx)
}

/// `POST /api/v1/accounts/{account_id}/teams`.
pub(crate) fn create(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    administrator(cx.place)?;
    let map = wrapped(&bytes, "team")?;
    let f = Fields(&map);
    let account_id = cx.account_id();
    let name = f.string("name", true)?.unwrap_or_default();
    let description = f.string("description", true)?;
    let allow_auto_assign = f.bool("allow_auto_assign")?.unwrap_or(true);
    let name = checked_name(&cx.store, account_id, None, &name)?;
    let id = cx.store.take_team_id();
    cx.store.teams.push(Team {
        id,
        account_id,
        name,
        description,
        member_ids: Vec::new(),
        allow_auto_assign,
    });
    let body = team_json(&cx.store, account_id, id, cx.user_id());
    Ok(json_response(StatusCode::OK, &body))
}

/// `PATCH /api/v1/accounts/{account_id}/teams/{team_id}`.
pub(crate) fn update(mut cx: TeamScope<'_>, bytes: Bytes) -> Reply {
    administrator(cx.place.account)?;
    let map = wrapped(&bytes, "team")?;
    let f = Fields(&map);
    let name = match f.string("name", true)? {
        Some(name) => Some(checked_name(
            &cx.store,
            cx.account_id(),
            Some(cx.place.id),
            &name,
        )?),
        None => None,
    };
    let description = map
        .contains_key("description")
        .then(|| f.string("description", true))
        .transpose()?;
    let allow_auto_assign = f.bool("allow_auto_assign")?;
    let team = cx.team_mut();
    if let Some(name) = name {
        team.name = name;
    }
    if let Some(description) = description {
        team.description = description;
    }
    if let Some(allow) = allow_auto_assign {
        team.allow_auto_assign = allow;
    }
    answer(&cx)
}

/// `DELETE /api/v1/accounts/{account_id}/teams/{team_id}`: its conversations
/// lose the team; an empty 200.
pub(crate) fn delete(mut cx: TeamScope<'_>) -> Reply {
    administrator(cx.place.account)?;
    let (account_id, id) = (cx.account_id(), cx.place.id);
    let store = &mut cx.store;
    store
        .teams
        .retain(|t| !(t.id == id && t.account_id == account_id));
    for conversation in store
        .conversations
        .iter_mut()
        .filter(|c| c.account_id == account_id)
    {
        if conversation.team_id == Some(id) {
            conversation.team_id = None;
        }
    }
    Ok(StatusCode::OK.into_response())
}

/// The agents `ids` names, as a 200.
fn members_answer(cx: &TeamScope<'_>, ids: &[i64]) -> Reply {
    Ok(json_response(
        StatusCode::OK,
        &agents_json(&cx.store, cx.account_id(), ids),
    ))
}

/// `GET .../teams/{team_id}/team_members`.
pub(crate) fn members(mut cx: TeamScope<'_>) -> Reply {
    let ids = cx.team_mut().member_ids.clone();
    members_answer(&cx, &ids)
}

/// The body's `user_ids`, without repeats.
fn body_ids(map: &Map<String, Value>) -> Result<Vec<i64>, ApiError> {
    let bad = || ApiError::invalid("user_ids", "an array of integers");
    let values = match map.get("user_ids") {
        None | Some(Value::Null) => return Err(ApiError::missing("user_ids")),
        Some(v) => v.as_array().ok_or_else(bad)?,
    };
    let mut ids: Vec<i64> = Vec::new();
    for value in values {
        let id = value.as_i64().ok_or_else(bad)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// The administrator check, then `validate_member_id_params`: every id must
/// be a user of the account.
fn checked_ids(cx: &TeamScope<'_>, ids: Vec<i64>) -> Result<Vec<i64>, ApiError> {
    let account_id = cx.account_id();
    if ids
        .iter()
        .any(|id| cx.store.role(*id, account_id).is_none())
    {
        return Err(ApiError::InvalidUserIds);
    }
    Ok(ids)
}

/// The `user_ids` of a POST or PATCH body, checked.
fn requested(cx: &TeamScope<'_>, bytes: &[u8]) -> Result<Vec<i64>, ApiError> {
    administrator(cx.place.account)?;
    let ids = body_ids(&body(bytes, "user_ids")?)?;
    checked_ids(cx, ids)
}

/// `POST .../teams/{team_id}/team_members`: answers the newly added.
pub(crate) fn add(mut cx: TeamScope<'_>, bytes: Bytes) -> Reply {
    let ids = requested(&cx, &bytes)?;
    let team = cx.team_mut();
    let added: Vec<i64> = ids
        .into_iter()
        .filter(|id| !team.member_ids.contains(id))
        .collect();
    team.member_ids.extend(&added);
    members_answer(&cx, &added)
}

/// `PATCH .../teams/{team_id}/team_members`: answers them all.
pub(crate) fn set(mut cx: TeamScope<'_>, bytes: Bytes) -> Reply {
    let ids = requested(&cx, &bytes)?;
    let team = cx.team_mut();
    team.member_ids.retain(|id| ids.contains(id));
    let added: Vec<i64> = ids
        .into_iter()
        .filter(|id| !team.member_ids.contains(id))
        .collect();
    team.member_ids.extend(added);
    let all = team.member_ids.clone();
    members_answer(&cx, &all)
}

/// `DELETE .../teams/{team_id}/team_members?user_ids[]=...` (or a JSON
/// body with `user_ids`): an empty 200.
pub(crate) fn remove(mut cx: TeamScope<'_>, (query, bytes): (Query, Bytes)) -> Reply {
    administrator(cx.place.account)?;
    let mut ids = query
        .all("user_ids[]")
        .into_iter()
        .map(|v| path_id(v).map_err(|_| ApiError::invalid("user_ids[]", "integers")))
        .collect::<Result<Vec<i64>, ApiError>>()?;
    if ids.is_empty() && !bytes.iter().all(u8::is_ascii_whitespace) {
        ids = body_ids(&body(&bytes, "user_ids")?)?;
    }
    let ids = checked_ids(&cx, ids)?;
    cx.team_mut().member_ids.retain(|id| !ids.contains(id));
    Ok(StatusCode::OK.into_response())
}
