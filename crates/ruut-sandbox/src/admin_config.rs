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

/// The kinds of configuration records, each with its own id sequence (as
/// each has its own table).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    CannedResponse = 0,
    Label = 1,
}

/// Every configuration record of the sandbox, and the last id of each kind.
#[derive(Clone, Debug, Default)]
pub(crate) struct AdminConfig {
    pub canned_responses: Vec<CannedResponse>,
    pub labels: Vec<Label>,
    last_ids: [i64; 2],
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
