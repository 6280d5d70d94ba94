//! The settings check of `Integrations::Hook#validate_settings_json_schema`:
//! the hook's settings against its app's `settings_json_schema`
//! (`JSONSchemer.schema(...).valid?(settings)`).
//!
//! The catalogue's schemas use only `type: object` with `properties` of type
//! `string`, `boolean`, `integer` or `object`, `required` and
//! `additionalProperties: false`; this checks exactly those keywords.

use serde_json::Value;

/// Whether `value` matches `schema`, for the keywords the catalogue uses.
pub(crate) fn valid(schema: &Value, value: &Value) -> bool {
    if let Some(kind) = schema.get("type").and_then(Value::as_str)
        && !has_type(kind, value)
    {
        return false;
    }
    let Some(object) = value.as_object() else {
        return true;
    };
    let properties = schema.get("properties").and_then(Value::as_object);
    let required = schema.get("required").and_then(Value::as_array);
    if required
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .any(|key| !object.contains_key(key))
    {
        return false;
    }
    let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
    object
        .iter()
        .all(|(key, item)| match properties.and_then(|p| p.get(key)) {
            Some(property) => valid(property, item),
            None => !closed,
        })
}

/// JSON Schema's `type` keyword for one type name.
fn has_type(kind: &str, value: &Value) -> bool {
    match kind {
        "object" => value.is_object(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "array" => value.is_array(),
        "null" => value.is_null(),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn dyte() -> Value {
        json!({
            "type": "object",
            "properties": {"api_key": {"type": "string"}, "organization_id": {"type": "string"}},
            "required": ["api_key", "organization_id"],
            "additionalProperties": false
        })
    }

    #[test]
    fn required_keys_types_and_no_others() {
        let schema = dyte();
        assert!(valid(
            &schema,
            &json!({"api_key": "k", "organization_id": "o"})
        ));
        assert!(!valid(&schema, &json!({})));
        assert!(!valid(&schema, &json!({"api_key": "k"})));
        assert!(!valid(
            &schema,
            &json!({"api_key": 1, "organization_id": "o"})
        ));
        assert!(!valid(
            &schema,
            &json!({"api_key": "k", "organization_id": "o", "x": 1})
        ));
        assert!(!valid(&schema, &json!("k")));
    }

    #[test]
    fn objects_and_integers() {
        let schema = json!({"type": "object", "properties": {
            "credentials": {"type": "object"}, "code": {"type": "integer"}}});
        assert!(valid(
            &schema,
            &json!({"credentials": {"a": 1}, "code": 3, "other": true})
        ));
        assert!(!valid(&schema, &json!({"credentials": "a"})));
        assert!(!valid(&schema, &json!({"code": 1.5})));
    }
}
