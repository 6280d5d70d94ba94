//! [`Secret`]: the credentials some answers carry (an agent bot's token, an
//! inbox's HMAC token, a webhook's signing secret), kept out of `Debug`.
//!
//! The schema `Secret` in `openapi/ruut.yaml` is generated as this type
//! (through progenitor's `with_replacement`), so a `{:?}` of an inbox, a bot
//! or a webhook, in a log line or a panic, never shows the credential. On the
//! wire it is a plain string.

use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

/// A credential the server sent: a string whose `Debug` is redacted and which
/// has no `Display`. Read it with [`expose`](Secret::expose) where it is used.
///
/// ```
/// let token = ruut_api::secret::Secret::from("s3cr3t");
/// assert_eq!(format!("{token:?}"), "Secret([redacted])");
/// assert_eq!(token.expose(), "s3cr3t");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(transparent)]
pub struct Secret(String);

impl Secret {
    /// The credential itself, to use it (sign, authenticate); never log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The credential, consuming the wrapper.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

impl FromStr for Secret {
    type Err = Infallible;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(Secret::from(value))
    }
}

impl schemars::JsonSchema for Secret {
    fn schema_name() -> String {
        "Secret".to_owned()
    }

    fn json_schema(_: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
        schemars::schema::SchemaObject {
            instance_type: Some(schemars::schema::InstanceType::String.into()),
            ..Default::default()
        }
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_hides_the_value_and_the_wire_keeps_it() {
        let secret: Secret = serde_json::from_str("\"hunter2\"").unwrap();
        assert!(!format!("{secret:?}").contains("hunter2"));
        assert!(!format!("{:?}", Some(&secret)).contains("hunter2"));
        assert_eq!(serde_json::to_string(&secret).unwrap(), "\"hunter2\"");
        assert_eq!(secret.clone().into_inner(), "hunter2");
    }
}
