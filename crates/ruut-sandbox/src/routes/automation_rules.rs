//! Automation rules: `listAutomationRules`, `createAutomationRule`,
//! `getAutomationRule`, `updateAutomationRule`, `deleteAutomationRule`,
//! `cloneAutomationRule` (Chatwoot's `AutomationRulesController`,
//! administrators only). Stored only: see [`crate::automation_rules`].
//!
//! The model's validations answer 422 with the server's message as a string
//! (the server puts it in an object under `error`); where the server fails
//! with a 500 (a missing NOT NULL field, an unknown id) the sandbox answers
//! 422 or 404.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Map, Value, json};

use super::administrator::{AdminAccount, AdminLookup, AdminRecord};
use crate::automation_rules::{ACTION_NAMES, AutomationRule, CONDITION_KEYS, rule_json};
use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::scope::{Path, Reply, Scope};
use crate::state::Store;
use crate::validate::{Fields, body};

/// `{automation_rule_id}` of the account: its place in the list.
pub(crate) struct RuleAt(usize);

impl AdminLookup for RuleAt {
    fn lookup(store: &Store, account_id: i64, path: &Path<'_>) -> Result<Self, ApiError> {
        let id = path.id("automation_rule_id")?;
        store
            .automation_rules
            .index(account_id, id)
            .map(RuleAt)
            .ok_or(ApiError::NotFound)
    }
}

type RuleScope<'a> = Scope<'a, AdminRecord<RuleAt>>;

/// A list of objects (`conditions`, `actions`).
fn objects(value: &Value, key: &str) -> Result<Vec<Value>, ApiError> {
    match value {
        Value::Array(items) if items.iter().all(Value::is_object) => Ok(items.clone()),
        _ => Err(ApiError::invalid(key, "a list of objects")),
    }
}

/// The names in `items[key]` that are not in `allowed`.
fn unknown(items: &[Value], key: &str, allowed: &[&str]) -> Vec<String> {
    items
        .iter()
        .map(|item| item.get(key).and_then(Value::as_str).unwrap_or_default())
        .filter(|name| !allowed.contains(name))
        .map(str::to_owned)
        .collect()
}

/// `AutomationRule`'s validations, in the model's order.
fn validate(rule: &AutomationRule) -> Result<(), ApiError> {
    let fail = |message: String| Err(ApiError::Unprocessable(message));
    let conditions = unknown(&rule.conditions, "attribute_key", CONDITION_KEYS);
    if !conditions.is_empty() {
        return fail(format!(
            "Automation conditions {} not supported.",
            conditions.join(",")
        ));
    }
    let actions = unknown(&rule.actions, "action_name", ACTION_NAMES);
    if !actions.is_empty() {
        return fail(format!(
            "Automation actions {} not supported.",
            actions.join(",")
        ));
    }
    let operator = |c: &Value| c.get("query_operator").filter(|v| !v.is_null()).cloned();
    if rule
        .conditions
        .iter()
        .filter(|c| operator(c).is_none())
        .count()
        > 1
    {
        return fail("Automation conditions should have query operator.".to_owned());
    }
    for condition in &rule.conditions {
        let Some(op) = operator(condition) else {
            continue;
        };
        let text = op.as_str().map(str::to_uppercase);
        if !matches!(text.as_deref(), Some("" | "AND" | "OR")) {
            return fail("Query operator must be either \"AND\" or \"OR\"".to_owned());
        }
    }
    Ok(())
}

/// Applies the fields of a body to `rule`.
fn apply(rule: &mut AutomationRule, map: &Map<String, Value>) -> Result<(), ApiError> {
    let f = Fields(map);
    if let Some(name) = f.string("name", false)? {
        rule.name = name;
    }
    if map.contains_key("description") {
        rule.description = f.string("description", true)?;
    }
    if let Some(event) = f.string("event_name", false)? {
        rule.event_name = event;
    }
    if let Some(active) = f.bool("active")? {
        rule.active = active;
    }
    if let Some(conditions) = map.get("conditions") {
        rule.conditions = objects(conditions, "conditions")?;
    }
    if let Some(actions) = map.get("actions") {
        rule.actions = objects(actions, "actions")?;
    }
    Ok(())
}

fn wrapped(rule: &AutomationRule) -> Reply {
    Ok(json_response(
        StatusCode::OK,
        &json!({"payload": rule_json(rule)}),
    ))
}

/// `GET /api/v1/accounts/{account_id}/automation_rules`.
pub(crate) fn list(cx: Scope<'_, AdminAccount>) -> Reply {
    let account_id = cx.place.0.id;
    let rules: Vec<Value> = cx
        .store
        .automation_rules
        .in_account(account_id)
        .map(rule_json)
        .collect();
    Ok(json_response(StatusCode::OK, &json!({"payload": rules})))
}

/// `POST /api/v1/accounts/{account_id}/automation_rules`: the bare rule.
pub(crate) fn create(mut cx: Scope<'_, AdminAccount>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "name")?;
    for required in ["name", "event_name", "conditions", "actions"] {
        if map.get(required).is_none_or(Value::is_null) {
            return Err(ApiError::missing(required));
        }
    }
    let mut rule = AutomationRule {
        id: 0,
        account_id: cx.place.0.id,
        name: String::new(),
        description: None,
        event_name: String::new(),
        conditions: Vec::new(),
        actions: Vec::new(),
        active: true,
        created_at: clock::now(),
    };
    apply(&mut rule, &map)?;
    validate(&rule)?;
    rule.id = cx.store.automation_rules.take_id();
    cx.store.automation_rules.list.push(rule.clone());
    Ok(json_response(StatusCode::OK, &rule_json(&rule)))
}

/// `GET /api/v1/accounts/{account_id}/automation_rules/{automation_rule_id}`.
pub(crate) fn show(cx: RuleScope<'_>) -> Reply {
    wrapped(&cx.store.automation_rules.list[cx.place.found.0])
}

/// `PATCH /api/v1/accounts/{account_id}/automation_rules/{automation_rule_id}`.
pub(crate) fn update(mut cx: RuleScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "automation_rule")?;
    let index = cx.place.found.0;
    let mut rule = cx.store.automation_rules.list[index].clone();
    apply(&mut rule, &map)?;
    validate(&rule)?;
    cx.store.automation_rules.list[index] = rule.clone();
    wrapped(&rule)
}

/// `DELETE /api/v1/accounts/{account_id}/automation_rules/{automation_rule_id}`.
pub(crate) fn delete(mut cx: RuleScope<'_>) -> Reply {
    let index = cx.place.found.0;
    cx.store.automation_rules.list.remove(index);
    Ok(StatusCode::OK.into_response())
}

/// `POST .../automation_rules/{automation_rule_id}/clone`: a copy with a new id.
pub(crate) fn clone(mut cx: RuleScope<'_>) -> Reply {
    let mut copy = cx.store.automation_rules.list[cx.place.found.0].clone();
    copy.id = cx.store.automation_rules.take_id();
    copy.created_at = clock::now();
    cx.store.automation_rules.list.push(copy.clone());
    wrapped(&copy)
}
