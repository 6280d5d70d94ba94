//! Integrations: `listIntegrationApps`, `getIntegrationApp` (any member), `createIntegrationHook`,
//! `updateIntegrationHook`, `deleteIntegrationHook` (administrators only:
//! Chatwoot's `HookPolicy`).
//!
//! `HooksController` looks the hook up (`before_action :fetch_hook`) before
//! `check_authorization`, so on update and delete an unknown id is a 404 for
//! everyone and an agent gets the 401 only for a hook that exists.
//!
//! The fields come at the top level (Rails wraps the model's attributes into
//! `hook`) or inside `hook`; a body with neither is a 422 "param is missing or
//! the value is empty: hook".

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Map, Value, json};

use super::administrator::AdminAccount;
use crate::auth::Caller;
use crate::errors::{ApiError, json_response};
use crate::integrations::{Hook, app_json, catalogue, hook_json};
use crate::scope::{Account, InAccount, Path, Place, Reply, Scope};
use crate::state::Store;
use crate::validate::body;

/// The attributes Rails wraps into `hook` from the top level
/// (`Integrations::Hook.attribute_names`).
const ATTRIBUTES: &[&str] = &[
    "id",
    "access_token",
    "hook_type",
    "settings",
    "status",
    "created_at",
    "updated_at",
    "account_id",
    "app_id",
    "inbox_id",
    "reference_id",
];

/// `{hook_id}` of the account, found before the caller's role is checked.
pub(crate) struct HookAt {
    account: Account,
    index: usize,
}

impl Place for HookAt {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        let id = path.id("hook_id")?;
        let index = store
            .hooks
            .index(account.id, id)
            .ok_or(ApiError::NotFound)?;
        if account.role != Some("administrator") {
            return Err(ApiError::NotAuthorized);
        }
        Ok(HookAt { account, index })
    }
}

impl InAccount for HookAt {
    fn account(&self) -> Account {
        self.account
    }
}

/// The `hook` parameters of a body.
fn params(bytes: &Bytes) -> Result<Map<String, Value>, ApiError> {
    let map = body(bytes, "hook")?;
    match map.get("hook") {
        Some(Value::Object(inner)) if !inner.is_empty() => return Ok(inner.clone()),
        Some(_) => return Err(ApiError::missing("hook")),
        None => {}
    }
    let wrapped: Map<String, Value> = map
        .into_iter()
        .filter(|(key, _)| ATTRIBUTES.contains(&key.as_str()))
        .collect();
    if wrapped.is_empty() {
        return Err(ApiError::missing("hook"));
    }
    Ok(wrapped)
}

/// `status` and `settings`, where the parameters have them.
fn apply_changes(hook: &mut Hook, params: &Map<String, Value>) -> Result<(), ApiError> {
    match params.get("status") {
        None => {}
        // The enum's names and values; the server raises a 500 on anything else.
        Some(Value::String(s)) if s == "enabled" => hook.enabled = true,
        Some(Value::String(s)) if s == "disabled" => hook.enabled = false,
        Some(v) if v.as_i64() == Some(1) => hook.enabled = true,
        Some(v) if v.as_i64() == Some(0) => hook.enabled = false,
        Some(v) => {
            return Err(ApiError::Unprocessable(format!(
                "{v} is not a valid status"
            )));
        }
    }
    match params.get("settings") {
        None => {}
        Some(settings @ Value::Object(_)) => hook.settings = settings.clone(),
        Some(_) => return Err(ApiError::invalid("settings", "an object")),
    }
    Ok(())
}

/// `GET /api/v1/accounts/{account_id}/integrations/apps`: the active apps.
pub(crate) fn list_apps(cx: Scope<'_, Account>) -> Reply {
    let account = cx.place;
    let admin = account.role == Some("administrator");
    let apps: Vec<Value> = catalogue::all()
        .iter()
        .filter(|app| app.active())
        .map(|app| app_json(&cx.store, app, account.id, admin))
        .collect();
    Ok(json_response(StatusCode::OK, &json!({ "payload": apps })))
}

/// `{app_id}`: an app of the catalogue, in an account of the caller's.
pub(crate) struct AppAt {
    account: Account,
    app: &'static catalogue::App,
}

impl Place for AppAt {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        // The server answers 500 here (its view renders a nil app).
        let app = path
            .text("app_id")
            .and_then(catalogue::find)
            .ok_or(ApiError::NotFound)?;
        Ok(AppAt { account, app })
    }
}

impl InAccount for AppAt {
    fn account(&self) -> Account {
        self.account
    }
}

/// `GET /api/v1/accounts/{account_id}/integrations/apps/{app_id}`: any app
/// of the catalogue, active or not.
pub(crate) fn show_app(cx: Scope<'_, AppAt>) -> Reply {
    let AppAt { account, app } = cx.place;
    let admin = account.role == Some("administrator");
    let body = app_json(&cx.store, app, account.id, admin);
    Ok(json_response(StatusCode::OK, &body))
}

/// `POST /api/v1/accounts/{account_id}/integrations/hooks`.
pub(crate) fn create(mut cx: Scope<'_, AdminAccount>, bytes: Bytes) -> Reply {
    let params = params(&bytes)?;
    let app_id = match params.get("app_id") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(ApiError::invalid("app_id", "a string")),
    };
    let inbox_id = match params.get("inbox_id") {
        None | Some(Value::Null) => None,
        Some(v) => Some(
            v.as_i64()
                .ok_or_else(|| ApiError::invalid("inbox_id", "an integer"))?,
        ),
    };
    let hook_type = catalogue::find(&app_id).map_or("account", |app| app.hook_type());
    let mut hook = Hook {
        id: 0,
        account_id: cx.place.0.id,
        app_id,
        inbox_id,
        enabled: true,
        hook_type: hook_type.to_owned(),
        settings: json!({}),
    };
    apply_changes(&mut hook, &params)?;
    hook.validate(&cx.store)?;
    hook.id = cx.store.hooks.take_id();
    cx.store.hooks.list.push(hook.clone());
    Ok(json_response(
        StatusCode::OK,
        &hook_json(&cx.store, &hook, true),
    ))
}

/// `PATCH /api/v1/accounts/{account_id}/integrations/hooks/{hook_id}`.
pub(crate) fn update(mut cx: Scope<'_, HookAt>, bytes: Bytes) -> Reply {
    let params = params(&bytes)?;
    let index = cx.place.index;
    let mut hook = cx.store.hooks.list[index].clone();
    apply_changes(&mut hook, &params)?;
    hook.validate(&cx.store)?;
    cx.store.hooks.list[index] = hook.clone();
    Ok(json_response(
        StatusCode::OK,
        &hook_json(&cx.store, &hook, true),
    ))
}

/// `DELETE /api/v1/accounts/{account_id}/integrations/hooks/{hook_id}`: an
/// empty 200.
pub(crate) fn delete(mut cx: Scope<'_, HookAt>) -> Reply {
    let index = cx.place.index;
    cx.store.hooks.list.remove(index);
    Ok(StatusCode::OK.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_come_wrapped_or_at_the_top_level() {
        let top = params(&Bytes::from_static(br#"{"app_id":"dyte","other":1}"#));
        assert_eq!(top.ok().map(|m| m.len()), Some(1));
        let inner = params(&Bytes::from_static(br#"{"hook":{"status":"disabled"}}"#));
        assert!(inner.is_ok());
        assert!(params(&Bytes::from_static(br#"{"other":1}"#)).is_err());
        assert!(params(&Bytes::from_static(br#"{}"#)).is_err());
    }

    #[test]
    fn status_takes_the_enums_names_and_values() {
        let mut hook = Hook {
            id: 1,
            account_id: 1,
            app_id: "dyte".into(),
            inbox_id: None,
            enabled: true,
            hook_type: "account".into(),
            settings: json!({}),
        };
        let set = |hook: &mut Hook, status: Value| {
            let params: Map<String, Value> = [("status".to_owned(), status)].into_iter().collect();
            apply_changes(hook, &params)
        };
        assert!(set(&mut hook, json!("disabled")).is_ok());
        assert!(!hook.enabled);
        assert!(set(&mut hook, json!(1)).is_ok());
        assert!(hook.enabled);
        assert!(set(&mut hook, json!("on")).is_err());
        assert!(set(&mut hook, json!(true)).is_err());
    }
}
