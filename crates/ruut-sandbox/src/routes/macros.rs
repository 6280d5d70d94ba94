//! Macros: `listMacros`, `createMacro`, `getMacro`, `updateMacro`,
//! `deleteMacro` (Chatwoot's `MacrosController`, `MacroPolicy`); running
//! one is [`super::macro_execution`].
//!
//! Where the server fails with a 500 (no `name` or `actions` on create, an
//! unknown `visibility`, update or delete of an unknown id) the sandbox
//! answers a 422 or a 404; an unknown action name is a 422 whose `error` is
//! the server's message as a string (the server sends it inside an object).

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Map, Value, json};

use crate::auth::Caller;
use crate::errors::{ApiError, json_response};
use crate::macros::{ACTIONS, Macro, macro_json};
use crate::scope::{Account, AccountScope, InAccount, Path, Place, Reply, Scope};
use crate::state::Store;
use crate::validate::{Fields, body};

/// `{macro_id}` of the account, found (404 otherwise); the policy is the
/// handler's, as it depends on the action.
pub(crate) struct InMacro {
    account: Account,
    pub index: usize,
}

impl Place for InMacro {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        let index = store
            .macros
            .index(account.id, path.id("macro_id")?)
            .ok_or(ApiError::NotFound)?;
        Ok(InMacro { account, index })
    }
}

impl InAccount for InMacro {
    fn account(&self) -> Account {
        self.account
    }
}

/// A route scoped to a macro.
pub(crate) type MacroScope<'a> = Scope<'a, InMacro>;

impl MacroScope<'_> {
    /// The macro.
    pub fn found(&self) -> &Macro {
        &self.store.macros.list[self.place.index]
    }

    /// Whether the caller administers the account.
    pub fn admin(&self) -> bool {
        self.role() == Some("administrator")
    }
}

/// The `actions` of a body: objects with a known `action_name`.
fn actions(value: &Value) -> Result<Vec<Value>, ApiError> {
    let Value::Array(items) = value else {
        return Err(ApiError::invalid("actions", "a list"));
    };
    let mut unknown = Vec::new();
    for item in items {
        let name = item.get("action_name").and_then(Value::as_str);
        match name {
            Some(name) if ACTIONS.contains(&name) => {}
            Some(name) => unknown.push(name.to_owned()),
            None => return Err(ApiError::invalid("actions", "objects with an action_name")),
        }
        if item.get("action_params").is_some_and(|p| !p.is_array()) {
            return Err(ApiError::invalid("action_params", "a list"));
        }
    }
    if !unknown.is_empty() {
        let message = format!(
            "Macro execution actions {} not supported.",
            unknown.join(",")
        );
        return Err(ApiError::Unprocessable(message));
    }
    Ok(items.clone())
}

/// `Macro#set_visibility`: an agent's macro is personal; an administrator's
/// is what was sent, or none.
fn visibility(map: &Map<String, Value>, admin: bool) -> Result<Option<&'static str>, ApiError> {
    let sent = Fields(map).one_of("visibility", &["personal", "global"], true)?;
    if !admin {
        return Ok(Some("personal"));
    }
    Ok(match sent.as_deref() {
        Some("global") => Some("global"),
        Some(_) => Some("personal"),
        None => None,
    })
}

fn one(store: &Store, m: &Macro) -> Reply {
    let body = json!({"payload": macro_json(store, m)});
    Ok(json_response(StatusCode::OK, &body))
}

/// `GET /api/v1/accounts/{account_id}/macros`.
pub(crate) fn list(cx: AccountScope<'_>) -> Reply {
    let (account_id, user_id) = (cx.account_id(), cx.user_id());
    let listed: Vec<Value> = cx
        .store
        .macros
        .in_account(account_id)
        .filter(|m| m.listed_for(user_id))
        .map(|m| macro_json(&cx.store, m))
        .collect();
    Ok(json_response(StatusCode::OK, &json!({"payload": listed})))
}

/// `POST /api/v1/accounts/{account_id}/macros`.
pub(crate) fn create(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "name")?;
    let name = Fields(&map).required_string("name")?;
    let actions = actions(
        map.get("actions")
            .ok_or_else(|| ApiError::missing("actions"))?,
    )?;
    let admin = cx.role() == Some("administrator");
    let visibility = visibility(&map, admin)?;
    let id = cx.store.macros.take_id();
    let created = Macro {
        id,
        account_id: cx.account_id(),
        name,
        visibility,
        created_by: cx.user_id(),
        updated_by: cx.user_id(),
        actions,
    };
    cx.store.macros.list.push(created.clone());
    one(&cx.store, &created)
}

/// `GET /api/v1/accounts/{account_id}/macros/{macro_id}`.
pub(crate) fn show(cx: MacroScope<'_>) -> Reply {
    if !cx.found().usable_by(cx.user_id()) {
        return Err(ApiError::NotAuthorized);
    }
    one(&cx.store, cx.found())
}

/// `PATCH /api/v1/accounts/{account_id}/macros/{macro_id}`.
pub(crate) fn update(mut cx: MacroScope<'_>, bytes: Bytes) -> Reply {
    if !cx.found().editable_by(cx.user_id(), cx.admin()) {
        return Err(ApiError::NotAuthorized);
    }
    let map = body(&bytes, "macro")?;
    let mut changed = cx.found().clone();
    if let Some(name) = Fields(&map).string("name", false)? {
        changed.name = name;
    }
    if let Some(sent) = map.get("actions") {
        changed.actions = actions(sent)?;
    }
    changed.visibility = visibility(&map, cx.admin())?;
    changed.updated_by = cx.user_id();
    let index = cx.place.index;
    cx.store.macros.list[index] = changed.clone();
    one(&cx.store, &changed)
}

/// `DELETE /api/v1/accounts/{account_id}/macros/{macro_id}`: an empty 200.
pub(crate) fn delete(mut cx: MacroScope<'_>) -> Reply {
    if !cx.found().deletable_by(&cx.store, cx.user_id(), cx.admin()) {
        return Err(ApiError::NotAuthorized);
    }
    let index = cx.place.index;
    cx.store.macros.list.remove(index);
    Ok(StatusCode::OK.into_response())
}
