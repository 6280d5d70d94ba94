//! Custom attribute definitions: `listCustomAttributeDefinitions`,
//! `getCustomAttributeDefinition`, `createCustomAttributeDefinition`,
//! `updateCustomAttributeDefinition`, `deleteCustomAttributeDefinition`
//! (Chatwoot's `CustomAttributeDefinitionsController`, no policy: any member).
//!
//! The model requires a display name and a key unique per account and
//! model; on create the key must not be one of `STANDARD_ATTRIBUTES`. A
//! display type or model outside its enum raises on the server (a 500): here
//! it is a 422 with Rails' `ArgumentError` message. Deleting answers 204.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use ruut_api::enums::{CustomAttributeDisplayType, CustomAttributeModel};
use serde_json::{Map, Value};

use crate::admin_config::{AttributeDefinition, Kind, invalid, wrapped};
use crate::auth::Caller;
use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::scope::{Account, AccountScope, InAccount, Path, Place, Reply, Scope};
use crate::state::Store;
use crate::validate::{Fields, Query};

/// The model's attributes Rails wraps from the top level of a body.
const ATTRIBUTES: &[&str] = &[
    "id",
    "attribute_display_name",
    "attribute_key",
    "attribute_display_type",
    "default_value",
    "attribute_model",
    "account_id",
    "attribute_description",
    "attribute_values",
    "regex_pattern",
    "regex_cue",
];

/// `CustomAttributeDefinition::STANDARD_ATTRIBUTES`: keys a definition of
/// each model may not take.
const STANDARD_CONVERSATION: &[&str] = &[
    "status",
    "priority",
    "assignee_id",
    "inbox_id",
    "team_id",
    "display_id",
    "campaign_id",
    "labels",
    "browser_language",
    "country_code",
    "referer",
    "created_at",
    "last_activity_at",
];
const STANDARD_CONTACT: &[&str] = &[
    "name",
    "email",
    "phone_number",
    "identifier",
    "country_code",
    "city",
    "created_at",
    "last_activity_at",
    "referer",
    "blocked",
];

/// A definition: `{custom_attribute_definition_id}` in `{account_id}`.
pub(crate) struct InDefinition {
    account: Account,
    index: usize,
}

impl Place for InDefinition {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        let id = path.id("custom_attribute_definition_id")?;
        let index = store
            .config
            .attribute_definitions
            .iter()
            .position(|d| d.id == id && d.account_id == account.id)
            .ok_or(ApiError::NotFound)?;
        Ok(InDefinition { account, index })
    }
}

impl InAccount for InDefinition {
    fn account(&self) -> Account {
        self.account
    }
}

/// A route scoped to a definition.
type DefinitionScope<'a> = Scope<'a, InDefinition>;

/// A value of a Rails enum attribute, which must be one of `known`.
fn enum_value(value: &str, known: &[&str], attribute: &str) -> Result<String, ApiError> {
    if known.contains(&value) {
        Ok(value.to_owned())
    } else {
        Err(ApiError::Unprocessable(format!(
            "'{value}' is not a valid {attribute}"
        )))
    }
}

/// Applies the fields a body sends to `d`.
fn apply(d: &mut AttributeDefinition, fields: &Map<String, Value>) -> Result<(), ApiError> {
    let f = Fields(fields);
    if let Some(name) = f.string("attribute_display_name", false)? {
        d.display_name = name;
    }
    if let Some(key) = f.string("attribute_key", false)? {
        d.key = key;
    }
    if let Some(kind) = f.string("attribute_display_type", false)? {
        let known = CustomAttributeDisplayType::KNOWN;
        d.display_type = enum_value(&kind, known, "attribute_display_type")?;
    }
    if let Some(model) = f.string("attribute_model", false)? {
        d.model = enum_value(&model, CustomAttributeModel::KNOWN, "attribute_model")?;
    }
    if fields.contains_key("attribute_description") {
        d.description = f.string("attribute_description", true)?;
    }
    if fields.contains_key("regex_pattern") {
        d.regex_pattern = f.string("regex_pattern", true)?;
    }
    if fields.contains_key("regex_cue") {
        d.regex_cue = f.string("regex_cue", true)?;
    }
    match fields.get("attribute_values") {
        None => {}
        Some(Value::Array(values)) if values.iter().all(Value::is_string) => {
            d.values = values.clone();
        }
        Some(_) => return Err(ApiError::invalid("attribute_values", "a list of strings")),
    }
    Ok(())
}

/// Checks a definition as the model's validations do (`creating` adds the
/// standard-key check).
fn validate(store: &Store, d: &AttributeDefinition, creating: bool) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if d.display_name.trim().is_empty() {
        let message = "Attribute display name can't be blank".to_owned();
        errors.push(("attribute_display_name", message));
    }
    if d.key.trim().is_empty() {
        errors.push(("attribute_key", "Attribute key can't be blank".to_owned()));
    }
    let taken = store.config.attribute_definitions.iter().any(|o| {
        o.id != d.id && o.account_id == d.account_id && o.model == d.model && o.key == d.key
    });
    if taken {
        let message = "Attribute key has already been taken".to_owned();
        errors.push(("attribute_key", message));
    }
    let standard = match d.model.as_str() {
        "contact_attribute" => STANDARD_CONTACT,
        _ => STANDARD_CONVERSATION,
    };
    if creating && standard.contains(&d.key.as_str()) {
        let message = "Attribute key The provided key is not allowed as it might conflict \
                       with default attributes."
            .to_owned();
        errors.push(("attribute_key", message));
    }
    invalid(&errors)
}

/// `GET /api/v1/accounts/{account_id}/custom_attribute_definitions`.
pub(crate) fn list(cx: AccountScope<'_>, query: Query) -> Reply {
    // The server lists every definition for an empty value, and none for an
    // unknown one; the schema rules out both.
    let model = query.one_of("attribute_model", CustomAttributeModel::KNOWN)?;
    let account_id = cx.account_id();
    let body: Vec<Value> = cx
        .store
        .config
        .attribute_definitions
        .iter()
        .filter(|d| d.account_id == account_id && model.is_none_or(|m| d.model == m))
        .map(AttributeDefinition::to_json)
        .collect();
    Ok(json_response(StatusCode::OK, &Value::Array(body)))
}

/// `GET .../custom_attribute_definitions/{custom_attribute_definition_id}`.
pub(crate) fn show(cx: DefinitionScope<'_>) -> Reply {
    let body = cx.store.config.attribute_definitions[cx.place.index].to_json();
    Ok(json_response(StatusCode::OK, &body))
}

/// `POST /api/v1/accounts/{account_id}/custom_attribute_definitions`.
pub(crate) fn create(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    let fields = wrapped(&bytes, "custom_attribute_definition", ATTRIBUTES)?;
    let now = clock::now();
    let mut definition = AttributeDefinition {
        id: 0,
        account_id: cx.account_id(),
        display_name: String::new(),
        key: String::new(),
        display_type: "text".to_owned(),
        model: "conversation_attribute".to_owned(),
        description: None,
        values: Vec::new(),
        regex_pattern: None,
        regex_cue: None,
        created_at: now,
        updated_at: now,
    };
    apply(&mut definition, &fields)?;
    validate(&cx.store, &definition, true)?;
    definition.id = cx.store.config.take_id(Kind::AttributeDefinition);
    let body = definition.to_json();
    cx.store.config.attribute_definitions.push(definition);
    Ok(json_response(StatusCode::OK, &body))
}

/// `PATCH .../custom_attribute_definitions/{custom_attribute_definition_id}`.
pub(crate) fn update(mut cx: DefinitionScope<'_>, bytes: Bytes) -> Reply {
    let fields = wrapped(&bytes, "custom_attribute_definition", ATTRIBUTES)?;
    let index = cx.place.index;
    let mut definition = cx.store.config.attribute_definitions[index].clone();
    apply(&mut definition, &fields)?;
    validate(&cx.store, &definition, false)?;
    definition.updated_at = clock::now();
    let body = definition.to_json();
    cx.store.config.attribute_definitions[index] = definition;
    Ok(json_response(StatusCode::OK, &body))
}

/// `DELETE .../custom_attribute_definitions/{custom_attribute_definition_id}`:
/// an empty 204.
pub(crate) fn delete(mut cx: DefinitionScope<'_>) -> Reply {
    let index = cx.place.index;
    cx.store.config.attribute_definitions.remove(index);
    Ok(StatusCode::NO_CONTENT.into_response())
}
