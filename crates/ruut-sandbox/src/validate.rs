//! Reading and checking request input: path ids, query strings and JSON bodies.
//!
//! Every check follows the spec's schema (types, enums, required fields,
//! nullability) and fails with an [`ApiError`], never a panic: an id in the
//! path that is not an integer is a 404 (as Rails' `find` does), anything
//! else that does not match the schema is a 422 `{"error": "..."}`.

use serde_json::{Map, Value};

use crate::errors::ApiError;

/// Parses an id from a path segment: an optional `-` and ASCII digits only.
pub(crate) fn path_id(segment: &str) -> Result<i64, ApiError> {
    let digits = segment.strip_prefix('-').unwrap_or(segment);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::NotFound);
    }
    segment.parse().map_err(|_| ApiError::NotFound)
}

/// A decoded query string.
#[derive(Clone, Debug, Default)]
pub(crate) struct Query(Vec<(String, String)>);

impl Query {
    /// Decodes `a=1&b=2` (form encoding; `labels[]` may repeat).
    pub fn parse(raw: Option<&str>) -> Self {
        Self(
            form_urlencoded::parse(raw.unwrap_or("").as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        )
    }

    /// The last value of a parameter, as Rails reads repeated scalars.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a repeated parameter.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// An `integer` parameter.
    pub fn int(&self, name: &str) -> Result<Option<i64>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => path_id(v)
                .map(Some)
                .map_err(|_| ApiError::invalid(name, "an integer")),
        }
    }

    /// A `boolean` parameter (`true` or `false`).
    pub fn bool(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some("true") => Ok(Some(true)),
            Some("false") => Ok(Some(false)),
            Some(_) => Err(ApiError::invalid(name, "true or false")),
        }
    }

    /// A parameter whose value must be one of `allowed`.
    pub fn one_of(&self, name: &str, allowed: &[&str]) -> Result<Option<&str>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) if allowed.contains(&v) => Ok(Some(v)),
            Some(_) => Err(ApiError::invalid(
                name,
                &format!("one of {}", allowed.join(", ")),
            )),
        }
    }
}

/// Parses a JSON request body that must be an object. An empty body is a
/// missing parameter when the body is required, and `{}` otherwise.
pub(crate) fn body(bytes: &[u8], required: &str) -> Result<Map<String, Value>, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::missing(required));
    }
    match serde_json::from_slice::<Value>(bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(ApiError::Unprocessable(
            "the request body must be a JSON object".to_owned(),
        )),
        Err(e) => Err(ApiError::Unprocessable(format!(
            "the request body is not valid JSON: {e}"
        ))),
    }
}

/// Typed access to the fields of a JSON body; `null` counts as absent only for
/// fields the schema marks nullable.
pub(crate) struct Fields<'a>(pub &'a Map<String, Value>);

impl Fields<'_> {
    fn present(&self, key: &str, nullable: bool) -> Result<Option<&Value>, ApiError> {
        match self.0.get(key) {
            None => Ok(None),
            Some(Value::Null) if nullable => Ok(None),
            Some(Value::Null) => Err(ApiError::invalid(key, "present (not null)")),
            Some(v) => Ok(Some(v)),
        }
    }

    /// An `integer` field (int64).
    pub fn int(&self, key: &str) -> Result<Option<i64>, ApiError> {
        match self.present(key, false)? {
            None => Ok(None),
            Some(v) => v
                .as_i64()
                .map(Some)
                .ok_or_else(|| ApiError::invalid(key, "an integer")),
        }
    }

    /// A required `integer` field.
    pub fn required_int(&self, key: &str) -> Result<i64, ApiError> {
        self.int(key)?.ok_or_else(|| ApiError::missing(key))
    }

    /// A `string` field (`nullable` as the schema says).
    pub fn string(&self, key: &str, nullable: bool) -> Result<Option<String>, ApiError> {
        match self.present(key, nullable)? {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(ApiError::invalid(key, "a string")),
        }
    }

    /// A required `string` field.
    pub fn required_string(&self, key: &str) -> Result<String, ApiError> {
        self.string(key, false)?
            .ok_or_else(|| ApiError::missing(key))
    }

    /// A `boolean` field.
    pub fn bool(&self, key: &str) -> Result<Option<bool>, ApiError> {
        match self.present(key, false)? {
            None => Ok(None),
            Some(v) => v
                .as_bool()
                .map(Some)
                .ok_or_else(|| ApiError::invalid(key, "true or false")),
        }
    }

    /// An `object` field (free-form attributes).
    pub fn object(&self, key: &str) -> Result<Option<Map<String, Value>>, ApiError> {
        match self.present(key, false)? {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(map.clone())),
            Some(_) => Err(ApiError::invalid(key, "an object")),
        }
    }

    /// A string field whose value must be one of `allowed`.
    pub fn one_of(
        &self,
        key: &str,
        allowed: &[&str],
        nullable: bool,
    ) -> Result<Option<String>, ApiError> {
        match self.string(key, nullable)? {
            None => Ok(None),
            Some(v) if allowed.contains(&v.as_str()) => Ok(Some(v)),
            Some(_) => Err(ApiError::invalid(
                key,
                &format!("one of {}", allowed.join(", ")),
            )),
        }
    }

    /// An id that may be an integer or a string (Ruut's `RuutId`).
    pub fn ruut_id(&self, key: &str) -> Result<Option<String>, ApiError> {
        match self.present(key, false)? {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(v) if v.is_i64() => Ok(Some(v.to_string())),
            Some(_) => Err(ApiError::invalid(key, "an integer or a string")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_ids_are_strict_integers() {
        assert_eq!(path_id("42"), Ok(42));
        assert_eq!(path_id("-3"), Ok(-3));
        for bad in [
            "",
            "abc",
            "1.5",
            "+1",
            "1e3",
            "1abc",
            "-",
            "99999999999999999999",
        ] {
            assert_eq!(path_id(bad), Err(ApiError::NotFound), "{bad}");
        }
    }

    #[test]
    fn query_reads_repeated_and_typed_values() {
        let q = Query::parse(Some("labels%5B%5D=a&labels[]=b&page=2&page=3&x=true"));
        assert_eq!(q.all("labels[]"), ["a", "b"]);
        assert_eq!(q.int("page"), Ok(Some(3)));
        assert_eq!(q.bool("x"), Ok(Some(true)));
        assert!(Query::parse(Some("page=abc")).int("page").is_err());
    }

    #[test]
    fn bodies_must_be_json_objects() {
        assert!(body(b"", "status").is_err());
        assert!(body(b"{", "status").is_err());
        assert!(body(b"[1]", "status").is_err());
        assert!(body(b"{\"a\":1}", "status").is_ok());
    }

    #[test]
    fn fields_check_types() {
        let map = body(br#"{"a":1,"b":"x","c":null,"d":1.5}"#, "x").unwrap_or_default();
        let f = Fields(&map);
        assert_eq!(f.int("a"), Ok(Some(1)));
        assert!(f.int("b").is_err());
        assert!(f.int("c").is_err());
        assert!(f.int("d").is_err());
        assert_eq!(f.string("c", true), Ok(None));
        assert_eq!(f.ruut_id("a"), Ok(Some("1".to_owned())));
    }
}
