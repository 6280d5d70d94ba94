//! An account's webhooks: `listWebhooks`, `createWebhook`, `updateWebhook`,
//! `deleteWebhook` (Chatwoot's `WebhooksController`, administrators only).
//!
//! The fields come at the top level (Rails wraps them into `webhook`) or
//! inside `webhook`; a body with neither is a 422 "param is missing or the
//! value is empty: webhook". The model's validations answer 422 with
//! `message` and `attributes`, in the model's order: the url's uniqueness in
//! the account ("Url has already been taken"), its format ("Url is invalid":
//! the sandbox wants `http(s)://` and no whitespace, where the server's
//! unanchored `URI` regexp is looser), and the subscriptions ("Subscriptions
//! Invalid events": not a non-empty list of known event names).
//!
//! Registered webhooks receive the account's subscribed events, signed with
//! their own secret ([`crate::webhooks`]).

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Map, Value, json};

use super::administrator::{AdminAccount, AdminLookup, AdminRecord};
use crate::account_webhooks::{ALLOWED_EVENTS, AccountWebhook, new_secret, webhook_json};
use crate::errors::{ApiError, json_response};
use crate::scope::{Path, Reply, Scope};
use crate::state::Store;
use crate::validate::body;

/// The attributes Rails wraps into `webhook` from the top level.
const ATTRIBUTES: &[&str] = &[
    "name",
    "url",
    "subscriptions",
    "inbox_id",
    "webhook_type",
    "account_id",
    "id",
];

/// `{webhook_id}` of the account: its place in the list.
pub(crate) struct WebhookAt(usize);

impl AdminLookup for WebhookAt {
    fn lookup(store: &Store, account_id: i64, path: &Path<'_>) -> Result<Self, ApiError> {
        let id = path.id("webhook_id")?;
        store
            .account_webhooks
            .index(account_id, id)
            .map(WebhookAt)
            .ok_or(ApiError::NotFound)
    }
}

/// The `webhook` parameters of a body.
fn params(bytes: &Bytes) -> Result<Map<String, Value>, ApiError> {
    let map = body(bytes, "webhook")?;
    match map.get("webhook") {
        Some(Value::Object(inner)) => return Ok(inner.clone()),
        Some(_) => return Err(ApiError::missing("webhook")),
        None => {}
    }
    let wrapped: Map<String, Value> = map
        .into_iter()
        .filter(|(key, _)| ATTRIBUTES.contains(&key.as_str()))
        .collect();
    if wrapped.is_empty() {
        return Err(ApiError::missing("webhook"));
    }
    Ok(wrapped)
}

/// Applies the permitted fields to `hook`; a field of the wrong type is
/// kept as a value the validations then refuse.
fn apply(hook: &mut AccountWebhook, params: &Map<String, Value>) -> Result<(), ApiError> {
    if let Some(url) = params.get("url") {
        hook.url = url.as_str().unwrap_or_default().to_owned();
    }
    if let Some(subscriptions) = params.get("subscriptions") {
        hook.subscriptions = match subscriptions {
            Value::Array(items) => items
                .iter()
                .map(|item| {
                    item.as_str()
                        .map_or_else(|| item.to_string(), str::to_owned)
                })
                .collect(),
            // Not a list: nothing the model would accept.
            _ => Vec::new(),
        };
    }
    match params.get("name") {
        None => {}
        Some(Value::Null) => hook.name = None,
        Some(Value::String(name)) => hook.name = Some(name.clone()),
        Some(_) => return Err(ApiError::invalid("name", "a string")),
    }
    match params.get("inbox_id") {
        None => {}
        Some(Value::Null) => hook.inbox_id = None,
        Some(v) => {
            hook.inbox_id = Some(
                v.as_i64()
                    .ok_or_else(|| ApiError::invalid("inbox_id", "an integer"))?,
            )
        }
    }
    Ok(())
}

/// The model's validations, as one 422 listing every failure.
fn validate(store: &Store, hook: &AccountWebhook) -> Result<(), ApiError> {
    let mut failures: Vec<(&str, &str)> = Vec::new();
    let taken = store
        .account_webhooks
        .list
        .iter()
        .any(|w| w.account_id == hook.account_id && w.id != hook.id && w.url == hook.url);
    if taken {
        failures.push(("url", "Url has already been taken"));
    }
    if !is_http_url(&hook.url) {
        failures.push(("url", "Url is invalid"));
    }
    let known = hook
        .subscriptions
        .iter()
        .all(|s| ALLOWED_EVENTS.contains(&s.as_str()));
    if hook.subscriptions.is_empty() || !known {
        failures.push(("subscriptions", "Subscriptions Invalid events"));
    }
    if failures.is_empty() {
        return Ok(());
    }
    let mut attributes: Vec<String> = failures.iter().map(|f| f.0.to_owned()).collect();
    attributes.dedup();
    Err(ApiError::Invalid {
        message: failures.iter().map(|f| f.1).collect::<Vec<_>>().join(", "),
        attributes,
    })
}

/// `http://` or `https://`, then at least one character, and no whitespace.
fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace))
}

fn one(store: &Store, hook: &AccountWebhook) -> Reply {
    let body = json!({"payload": {"webhook": webhook_json(store, hook)}});
    Ok(json_response(StatusCode::OK, &body))
}

/// `GET /api/v1/accounts/{account_id}/webhooks`: oldest first.
pub(crate) fn list(cx: Scope<'_, AdminAccount>) -> Reply {
    let account_id = cx.place.0.id;
    let hooks: Vec<Value> = cx
        .store
        .account_webhooks
        .in_account(account_id)
        .map(|w| webhook_json(&cx.store, w))
        .collect();
    let body = json!({"payload": {"webhooks": hooks}});
    Ok(json_response(StatusCode::OK, &body))
}

/// `POST /api/v1/accounts/{account_id}/webhooks`.
pub(crate) fn create(mut cx: Scope<'_, AdminAccount>, bytes: Bytes) -> Reply {
    let params = params(&bytes)?;
    let mut hook = AccountWebhook {
        id: 0,
        account_id: cx.place.0.id,
        name: None,
        url: String::new(),
        subscriptions: Vec::new(),
        inbox_id: None,
        secret: new_secret(),
    };
    apply(&mut hook, &params)?;
    validate(&cx.store, &hook)?;
    hook.id = cx.store.account_webhooks.take_id();
    cx.store.account_webhooks.list.push(hook.clone());
    one(&cx.store, &hook)
}

/// `PATCH /api/v1/accounts/{account_id}/webhooks/{webhook_id}`.
pub(crate) fn update(mut cx: Scope<'_, AdminRecord<WebhookAt>>, bytes: Bytes) -> Reply {
    let params = params(&bytes)?;
    let index = cx.place.found.0;
    let mut hook = cx.store.account_webhooks.list[index].clone();
    apply(&mut hook, &params)?;
    validate(&cx.store, &hook)?;
    cx.store.account_webhooks.list[index] = hook.clone();
    one(&cx.store, &hook)
}

/// `DELETE /api/v1/accounts/{account_id}/webhooks/{webhook_id}`: an empty 200.
pub(crate) fn delete(mut cx: Scope<'_, AdminRecord<WebhookAt>>) -> Reply {
    let index = cx.place.found.0;
    cx.store.account_webhooks.list.remove(index);
    Ok(StatusCode::OK.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_must_be_http() {
        for good in ["https://example.com/hooks", "http://127.0.0.1:9/x"] {
            assert!(is_http_url(good), "{good}");
        }
        for bad in [
            "",
            "https://",
            "ftp://example.com",
            "example.com",
            "https://a b",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn fields_come_wrapped_or_at_the_top_level() {
        let top = params(&Bytes::from_static(br#"{"url":"https://a","other":1}"#));
        assert_eq!(top.ok().map(|m| m.len()), Some(1));
        let inner = params(&Bytes::from_static(br#"{"webhook":{"url":"https://a"}}"#));
        assert!(inner.is_ok());
        assert!(params(&Bytes::from_static(br#"{"other":1}"#)).is_err());
    }
}
