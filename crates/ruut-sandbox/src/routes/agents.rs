//! The users of an account (`AgentsController`, `AssignableAgentsController`):
//! `listAgents`, `createAgent`, `updateAgent`, `deleteAgent`,
//! `bulkCreateAgents` and `listAssignableAgents`.
//!
//! Creating, changing and removing are for administrators only
//! (`UserPolicy`): for create and bulk create the role is checked first; for
//! update and delete the agent is looked up first (`before_action
//! :fetch_agent` runs before `check_authorization`), so an unknown id is a
//! 404 for anyone. Bodies are read flat or inside `agent` (Rails' parameter
//! wrapping). Where the server fails with a 500 (a new user without a name,
//! an unknown role, no `emails`) the sandbox answers 422.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Map, Value};

use crate::auth::Caller;
use crate::errors::{ApiError, json_response};
use crate::people::{agent, agents_json};
use crate::render::to_json;
use crate::scope::{Account, AccountScope, InAccount, Path, Place, Reply, Scope};
use crate::state::{Membership, Store, User};
use crate::validate::{Fields, Query, body, path_id};

const ROLES: [&str; 2] = ["agent", "administrator"];
const AVAILABILITIES: [&str; 3] = ["online", "offline", "busy"];

/// A role or availability as the store keeps it.
fn known(value: &str, allowed: &[&'static str]) -> &'static str {
    allowed
        .iter()
        .find(|a| **a == value)
        .copied()
        .unwrap_or(allowed[0])
}

/// 401 unless the caller is an administrator of the account.
pub(crate) fn administrator(account: Account) -> Result<(), ApiError> {
    match account.role {
        Some("administrator") => Ok(()),
        _ => Err(ApiError::NotAuthorized),
    }
}

/// The body's fields, flat or inside `key` (Rails' parameter wrapping); an
/// empty one is Rails' "param is missing".
pub(crate) fn wrapped(bytes: &[u8], key: &str) -> Result<Map<String, Value>, ApiError> {
    let map = body(bytes, key)?;
    let inner = match map.get(key) {
        Some(Value::Object(inner)) => inner.clone(),
        _ => map,
    };
    if inner.is_empty() {
        return Err(ApiError::missing(key));
    }
    Ok(inner)
}

/// An agent of the account: `{agent_id}` in `{account_id}`, found before the
/// caller's role is checked.
pub(crate) struct InAgent {
    account: Account,
    id: i64,
}

impl Place for InAgent {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        let id = path.id("agent_id")?;
        store
            .account_user(account.id, id)
            .ok_or(ApiError::NotFound)?;
        administrator(account)?;
        Ok(InAgent { account, id })
    }
}

impl InAccount for InAgent {
    fn account(&self) -> Account {
        self.account
    }
}

/// The agent `user_id` of the account as a 200.
fn answer(store: &Store, account_id: i64, user_id: i64) -> Reply {
    let agent = agent(store, account_id, user_id).ok_or(ApiError::NotFound)?;
    Ok(json_response(StatusCode::OK, &to_json(&agent)))
}

/// `GET /api/v1/accounts/{account_id}/agents`: by name, case-insensitively.
pub(crate) fn list(cx: AccountScope<'_>) -> Reply {
    let account_id = cx.account_id();
    let mut users: Vec<&User> = cx
        .store
        .memberships
        .iter()
        .filter(|m| m.account_id == account_id)
        .filter_map(|m| cx.store.user(m.user_id))
        .collect();
    users.sort_by_key(|u| (u.name.to_lowercase(), u.id));
    let ids: Vec<i64> = users.iter().map(|u| u.id).collect();
    Ok(json_response(
        StatusCode::OK,
        &agents_json(&cx.store, account_id, &ids),
    ))
}

/// What `AgentBuilder` is given.
struct NewAgent {
    email: String,
    name: Option<String>,
    role: &'static str,
    availability: &'static str,
    auto_offline: bool,
}

/// Devise's email check (`/\A[^@\s]+@[^@\s]+\z/`).
fn valid_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            let ok = |s: &str| !s.is_empty() && !s.contains(['@', ' ', '\t', '\n', '\r']);
            ok(local) && ok(domain)
        }
        None => false,
    }
}

/// A validation failure of one attribute.
fn invalid(message: &str, attribute: &str) -> ApiError {
    ApiError::Invalid {
        message: message.to_owned(),
        attributes: vec![attribute.to_owned()],
    }
}

/// `AgentBuilder#perform`: the user with this email (made if there is none)
/// joins the account. Answers the user's id.
fn build(store: &mut Store, account_id: i64, new: NewAgent) -> Result<i64, ApiError> {
    let email = new.email.trim().to_lowercase();
    let existing = store.users.iter().find(|u| u.email == email).map(|u| u.id);
    let user_id = match existing {
        Some(id) if store.role(id, account_id).is_some() => {
            return Err(invalid("User has already been taken", "user_id"));
        }
        Some(id) => id,
        None => {
            if email.is_empty() {
                return Err(invalid("Email can't be blank", "email"));
            }
            if !valid_email(&email) {
                return Err(invalid("Email is invalid", "email"));
            }
            let name = new
                .name
                .ok_or_else(|| invalid("Name can't be blank", "name"))?;
            let id = store.take_user_id();
            store.users.push(User {
                id,
                name,
                email,
                confirmed: false,
                details: Default::default(),
            });
            id
        }
    };
    store.memberships.push(Membership {
        user_id,
        account_id,
        role: new.role,
        availability: new.availability,
        auto_offline: new.auto_offline,
    });
    Ok(user_id)
}

/// `POST /api/v1/accounts/{account_id}/agents`.
pub(crate) fn create(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    administrator(cx.place)?;
    let map = wrapped(&bytes, "agent")?;
    let f = Fields(&map);
    let new = NewAgent {
        email: f.string("email", true)?.unwrap_or_default(),
        name: f.string("name", true)?,
        role: known(&f.one_of("role", &ROLES, true)?.unwrap_or_default(), &ROLES),
        availability: known(
            &f.one_of("availability", &AVAILABILITIES, true)?
                .unwrap_or_default(),
            &AVAILABILITIES,
        ),
        auto_offline: f.bool("auto_offline")?.unwrap_or(true),
    };
    let account_id = cx.account_id();
    let id = build(&mut cx.store, account_id, new)?;
    answer(&cx.store, account_id, id)
}

/// `PATCH /api/v1/accounts/{account_id}/agents/{agent_id}`.
pub(crate) fn update(mut cx: Scope<'_, InAgent>, bytes: Bytes) -> Reply {
    let map = wrapped(&bytes, "agent")?;
    let f = Fields(&map);
    let name = f.string("name", true)?;
    let role = f.one_of("role", &ROLES, true)?;
    let availability = f.one_of("availability", &AVAILABILITIES, true)?;
    let auto_offline = f.bool("auto_offline")?;
    f.string("email", true)?;
    let (account_id, id) = (cx.account_id(), cx.place.id);
    let store = &mut cx.store;
    if let (Some(name), Some(user)) = (name, store.users.iter_mut().find(|u| u.id == id)) {
        user.name = name;
    }
    if let Some(member) = store
        .memberships
        .iter_mut()
        .find(|m| m.user_id == id && m.account_id == account_id)
    {
        if let Some(role) = role {
            member.role = known(&role, &ROLES);
        }
        if let Some(availability) = availability {
            member.availability = known(&availability, &AVAILABILITIES);
        }
        if let Some(auto_offline) = auto_offline {
            member.auto_offline = auto_offline;
        }
    }
    answer(&cx.store, account_id, id)
}

/// `DELETE /api/v1/accounts/{account_id}/agents/{agent_id}`: an empty 200.
pub(crate) fn delete(mut cx: Scope<'_, InAgent>) -> Reply {
    let (account_id, id) = (cx.account_id(), cx.place.id);
    cx.store.remove_from_account(account_id, id);
    Ok(StatusCode::OK.into_response())
}

/// `POST /api/v1/accounts/{account_id}/agents/bulk_create`: an empty 200;
/// emails that fail are skipped.
pub(crate) fn bulk_create(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    administrator(cx.place)?;
    let map = body(&bytes, "emails")?;
    let bad = || ApiError::invalid("emails", "an array of strings");
    let emails = match map.get("emails") {
        None | Some(Value::Null) => return Err(ApiError::missing("emails")),
        Some(v) => v.as_array().ok_or_else(bad)?,
    };
    let emails = emails
        .iter()
        .map(|e| e.as_str().map(str::to_owned).ok_or_else(bad))
        .collect::<Result<Vec<String>, ApiError>>()?;
    let account_id = cx.account_id();
    for email in emails {
        let name = email.split('@').next().unwrap_or_default().to_owned();
        let new = NewAgent {
            email,
            name: Some(name),
            role: "agent",
            availability: "offline",
            auto_offline: false,
        };
        // As the server does, a failure skips that email only.
        let _skipped = build(&mut cx.store, account_id, new);
    }
    Ok(StatusCode::OK.into_response())
}

/// `GET /api/v1/accounts/{account_id}/assignable_agents?inbox_ids[]=...`:
/// the members of every inbox, then the administrators.
pub(crate) fn assignable(cx: AccountScope<'_>, query: Query) -> Reply {
    let account_id = cx.account_id();
    let store = &cx.store;
    let ids = query
        .all("inbox_ids[]")
        .into_iter()
        .map(path_id)
        .collect::<Result<Vec<i64>, ApiError>>()?;
    if ids.is_empty() {
        return Err(ApiError::NotFound);
    }
    let admin = cx.role() == Some("administrator");
    for id in &ids {
        store.inbox(account_id, *id).ok_or(ApiError::NotFound)?;
    }
    let caller = cx.user_id();
    if !admin
        && !ids
            .iter()
            .all(|id| caller.is_some_and(|u| store.inbox_member(*id, u)))
    {
        return Err(ApiError::NotAuthorized);
    }
    let mut members: Vec<&Membership> = store
        .memberships
        .iter()
        .filter(|m| m.account_id == account_id)
        .collect();
    members.sort_by_key(|m| m.user_id);
    let mut chosen: Vec<i64> = members
        .iter()
        .filter(|m| {
            ids.iter()
                .all(|inbox| store.inbox_member(*inbox, m.user_id))
        })
        .map(|m| m.user_id)
        .collect();
    for m in members.iter().filter(|m| m.role == "administrator") {
        if !chosen.contains(&m.user_id) {
            chosen.push(m.user_id);
        }
    }
    let payload = agents_json(store, account_id, &chosen);
    Ok(json_response(
        StatusCode::OK,
        &serde_json::json!({ "payload": payload }),
    ))
}
