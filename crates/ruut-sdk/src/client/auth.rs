//! The access token: checked once at build time, then kept out of sight.
//!
//! The token travels only in a header (`api_access_token`, or `Api-Access-Token`;
//! see [`AuthHeader`](crate::AuthHeader)), marked sensitive so that the HTTP stack
//! neither prints it nor lets HTTP/2 header compression index it. Nothing in the
//! SDK prints it: every type that holds it has a `Debug` that says `[redacted]`.
//!
//! Ruut's documentation also shows the token as a query parameter
//! (`?api_access_token=`), "not recommended". The SDK does not offer it: a token in
//! the URL ends up in proxy and server access logs, in browser history and in any
//! error message that quotes the URL, and the Chatwoot server under Ruut does not
//! even read it.

use std::fmt;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::client::config::AuthHeader;
use crate::error::Error;

/// An access token that has been checked and never shows itself.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct ApiToken(String);

impl ApiToken {
    /// Checks that `raw` can be sent as a header value, as-is.
    ///
    /// Tokens from the dashboard are printable ASCII; anything else (most often a
    /// trailing newline read from a file) would be rejected by the HTTP stack at the
    /// first request, or worse, split the header. Nothing about the token itself goes
    /// into the error message.
    pub(crate) fn parse(raw: impl Into<String>) -> Result<Self, Error> {
        let raw = raw.into();
        if raw.is_empty() {
            return Err(Error::config(
                "the API token is empty: copy it from Profile Settings > Access Token",
            ));
        }
        if let Some(bad) = raw.chars().find(|c| !c.is_ascii_graphic()) {
            let what = match bad {
                '\r' | '\n' => "a line break",
                c if c.is_whitespace() => "whitespace",
                c if c.is_control() => "a control character",
                _ => "a non-ASCII character",
            };
            return Err(Error::config(format!(
                "the API token contains {what}, which cannot be sent in a header \
                 (a stray newline from a file or an environment variable?)"
            )));
        }
        Ok(Self(raw))
    }

    /// The token itself, for scrubbing it out of anything the server echoes.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// The default headers that authenticate every request.
    pub(crate) fn headers(&self, spelling: AuthHeader) -> HeaderMap {
        let mut value =
            HeaderValue::from_str(&self.0).expect("checked to be printable ASCII in parse");
        value.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert(HeaderName::from_static(spelling.name()), value);
        headers
    }
}

impl fmt::Debug for ApiToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    const TOKEN: &str = "Zx9-secret_TOKEN.123";

    #[test]
    fn printable_tokens_are_accepted_and_never_printed() {
        let token = ApiToken::parse(TOKEN).unwrap();
        assert_eq!(token.expose(), TOKEN);
        assert_eq!(format!("{token:?}"), "[redacted]");
        assert_eq!(format!("{:?}", Some(token)), "Some([redacted])");
    }

    #[test]
    fn unusable_tokens_are_config_errors_that_do_not_quote_them() {
        for (raw, says) in [
            ("", "empty"),
            ("secret-token\n", "line break"),
            ("secret\r\nX-Injected: 1", "line break"),
            ("secret token", "whitespace"),
            ("secret\ttoken", "whitespace"),
            ("secret\u{7f}token", "control character"),
            ("sécret-token", "non-ASCII"),
        ] {
            let error = ApiToken::parse(raw).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::Config, "{raw:?}");
            assert!(error.message().contains(says), "{raw:?}: {error}");
            if !raw.is_empty() {
                assert!(!error.to_string().contains("secret"), "{error}");
                assert!(!format!("{error:?}").contains("secret"), "{error:?}");
            }
        }
    }

    #[test]
    fn the_header_is_sensitive_and_spelled_as_asked() {
        let token = ApiToken::parse(TOKEN).unwrap();
        let headers = token.headers(AuthHeader::Underscore);
        let value = headers.get("api_access_token").unwrap();
        assert!(value.is_sensitive());
        assert!(!format!("{headers:?}").contains(TOKEN));

        let headers = token.headers(AuthHeader::Hyphenated);
        assert!(headers.get("Api-Access-Token").unwrap().is_sensitive());
    }
}
