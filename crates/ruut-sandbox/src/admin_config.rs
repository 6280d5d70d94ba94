//! An account's configuration records: canned responses, labels, custom
//! attribute definitions and custom filters (Chatwoot's `CannedResponse`,
//! `Label`, `CustomAttributeDefinition` and `CustomFilter` models), their
//! wire shapes, and how their bodies are read.
//!
//! The routes are in `routes/canned_responses.rs`, `routes/labels.rs`,
//! `routes/attribute_definitions.rs` and `routes/custom_filters.rs`.

use serde_json::{Map, Value, json};

use crate::clock::iso_millis;
use crate::errors::ApiError;
use crate::validate::body;

/// A saved reply.
#[derive(Clone, Debug)]
pub(crate) struct CannedResponse {
    pub id: i64,
    pub account_id: i64,
    pub short_code: String,
    pub content: String,
    pub created_at: i64,
    pub updated_at: i64,
}

impl CannedResponse {
    /// The model's own JSON (`render json: @canned_response`): ISO times.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "content": self.content,
            "short_code": self.short_code,
            "account_id": self.account_id,
            "created_at": iso_millis(self.created_at),
            "updated_at": iso_millis(self.updated_at),
        })
    }
}

/// An account's label (the records `A/labels` manages; conversations and
/// contacts carry labels as free strings).
#[derive(Clone, Debug)]
pub(crate) struct Label {
    pub id: i64,
    pub account_id: i64,
    pub title: String,
    pub description: Option<String>,
    pub color: String,
    pub show_on_sidebar: Option<bool>,
}

impl Label {
    /// `labels/show.json.jbuilder`.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "color": self.color,
            "show_on_sidebar": self.show_on_sidebar,
        })
    }
}

/// A custom attribute the account defines.
#[derive(Clone, Debug)]
pub(crate) struct AttributeDefinition {
    pub id: i64,
    pub account_id: i64,
    pub display_name: String,
    pub key: String,
    /// One of `CustomAttributeDisplayType`'s values.
    pub display_type: String,
    /// `conversation_attribute` or `contact_attribute`.
    pub model: String,
    pub description: Option<String>,
    pub values: Vec<Value>,
    pub regex_pattern: Option<String>,
    pub regex_cue: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl AttributeDefinition {
    /// `models/_custom_attribute_definition.json.jbuilder`.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "attribute_display_name": self.display_name,
            "attribute_display_type": self.display_type,
            "attribute_description": self.description,
            "attribute_key": self.key,
            "regex_pattern": self.regex_pattern,
            "regex_cue": self.regex_cue,
            "attribute_values": self.values,
            "attribute_model": self.model,
            "default_value": null,
            "created_at": iso_millis(self.created_at),
            "updated_at": iso_millis(self.updated_at),
        })
    }
}

/// A filter one user saved ("custom view").
#[derive(Clone, Debug)]
pub(crate) struct CustomFilter {
    pub id: i64,
    pub account_id: i64,
    pub user_id: i64,
    pub name: String,
    /// `conversation`, `contact` or `report`.
    pub filter_type: String,
    /// The filter body (`{"payload": [...]}`), as it was sent.
    pub query: Map<String, Value>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl CustomFilter {
    /// `models/_custom_filter.json.jbuilder`.
    pub fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.name,
            "filter_type": self.filter_type,
            "query": self.query,
            "created_at": iso_millis(self.created_at),
            "updated_at": iso_millis(self.updated_at),
        })
    }
}

/// The kinds of configuration records, each with its own id sequence (as
/// each has its own table).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    CannedResponse = 0,
    Label = 1,
    AttributeDefinition = 2,
    CustomFilter = 3,
}

/// Every configuration record of the sandbox, and the last id of each kind.
#[derive(Clone, Debug, Default)]
pub(crate) struct AdminConfig {
    pub canned_responses: Vec<CannedResponse>,
    pub labels: Vec<Label>,
    pub attribute_definitions: Vec<AttributeDefinition>,
    pub custom_filters: Vec<CustomFilter>,
    last_ids: [i64; 4],
}

impl AdminConfig {
    /// Hands out the next id of `kind` (never one given before).
    pub fn take_id(&mut self, kind: Kind) -> i64 {
        let last = &mut self.last_ids[kind as usize];
        *last += 1;
        *last
    }
}

/// The fields of a body as Rails' `params.require(wrapper)` sees them: the
/// object under `wrapper` when the body has one, else the body's top-level
/// keys among the model's `attributes` (`wrap_parameters`). No such field is
/// the 422 "param is missing or the value is empty: {wrapper}".
pub(crate) fn wrapped(
    bytes: &[u8],
    wrapper: &str,
    attributes: &[&str],
) -> Result<Map<String, Value>, ApiError> {
    let map = body(bytes, wrapper)?;
    let fields = match map.get(wrapper) {
        Some(Value::Object(inner)) => inner.clone(),
        Some(_) => return Err(ApiError::invalid(wrapper, "an object")),
        None => map
            .into_iter()
            .filter(|(k, _)| attributes.contains(&k.as_str()))
            .collect(),
    };
    if fields.is_empty() {
        return Err(ApiError::missing(wrapper));
    }
    Ok(fields)
}

/// A 422 `{"message", "attributes"}` from `(attribute, full message)` pairs,
/// as `render_record_invalid` joins them.
pub(crate) fn invalid(errors: &[(&str, String)]) -> Result<(), ApiError> {
    if errors.is_empty() {
        return Ok(());
    }
    let message = errors
        .iter()
        .map(|(_, m)| m.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut attributes: Vec<String> = Vec::new();
    for (attribute, _) in errors {
        if !attributes.iter().any(|a| a == attribute) {
            attributes.push((*attribute).to_owned());
        }
    }
    Err(ApiError::Invalid {
        message,
        attributes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_wrapped_as_rails_wraps_them() {
        let top = wrapped(br#"{"content": "x", "other": 1}"#, "note", &["content"]);
        assert_eq!(top.map(|m| m.len()), Ok(1));
        let inner = wrapped(br#"{"note": {"content": "x"}}"#, "note", &["content"]);
        assert!(inner.is_ok());
        assert_eq!(
            wrapped(br#"{"other": 1}"#, "note", &["content"]),
            Err(ApiError::missing("note"))
        );
    }

    #[test]
    fn validation_errors_join_and_dedupe() {
        let errors = [
            ("title", "Title must not be blank".to_owned()),
            ("title", "Title is invalid".to_owned()),
        ];
        assert_eq!(
            invalid(&errors),
            Err(ApiError::Invalid {
                message: "Title must not be blank, Title is invalid".to_owned(),
                attributes: vec!["title".to_owned()],
            })
        );
    }
}
