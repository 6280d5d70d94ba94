//! The one error type of the SDK, and the kinds users match on.
//!
//! Every failure, whether the builder refused a setting, the request never left,
//! the connection broke or the server said no, is an [`Error`]. Match on
//! [`Error::kind`] to decide what to do; the other accessors say what happened in
//! detail (the HTTP status, the server's own message, the operation, a piece of the
//! body) for logs and bug reports.
//!
//! The access token never appears in an error: it is not part of any request the
//! error describes, and the client scrubs it from anything the server echoed back.

use std::borrow::Cow;
use std::fmt;
use std::time::Duration;

use ruut_api::operations::Operation;

pub(crate) mod classify;
pub(crate) mod convert;
pub(crate) mod kind;
pub(crate) mod limits;
pub(crate) mod retry_after;

pub use kind::ErrorKind;

/// A convenient alias for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error from the SDK. See [`ErrorKind`] for what went wrong in broad terms.
///
/// ```
/// use ruut_sdk::{Error, ErrorKind};
///
/// // The classification is a pure function of the response, so it can be tried
/// // out (and tested) without a server.
/// let body = br#"{"error":{"code":"STATUS_CHANGE_FORBIDDEN","message":"Conversation is locked"}}"#;
/// let error = Error::from_http_response(403, Some("application/json"), body);
/// assert_eq!(error.kind(), ErrorKind::StatusChangeForbidden);
/// assert_eq!(error.code(), Some("STATUS_CHANGE_FORBIDDEN"));
/// assert_eq!(error.message(), "Conversation is locked");
/// assert!(!error.is_retryable());
/// ```
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    message: String,
    status: Option<u16>,
    code: Option<String>,
    details: Option<serde_json::Value>,
    hint: Option<Cow<'static, str>>,
    operation: Option<Operation>,
    body_excerpt: Option<String>,
    retry_after: Option<Duration>,
    attempts: u32,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self {
            inner: Box::new(Inner {
                kind,
                message: message.into(),
                status: None,
                code: None,
                details: None,
                hint: None,
                operation: None,
                body_excerpt: None,
                retry_after: None,
                attempts: 0,
                source: None,
            }),
        }
    }

    pub(crate) fn config(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Config, message)
    }

    pub(crate) fn invalid_request(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidRequest, message)
    }

    /// Classifies an HTTP error response from its status, `Content-Type` and body.
    ///
    /// This is what the client does with every error response; it is public so
    /// that answers obtained through [`Client::raw`](crate::Client::raw) can be
    /// classified the same way. It understands every error body the server sends:
    /// `{"error": "text"}`, Ruut's `{"error": {"code", "message", "details"}}`,
    /// `{"errors": [...]}`, `{"message", "attributes"}`, Rails' routing
    /// `{"status": 404, "error": "Not Found"}`, plain text such as `Retry later`,
    /// and HTML pages.
    pub fn from_http_response(status: u16, content_type: Option<&str>, body: &[u8]) -> Self {
        Self::from_parts(classify::classify(Some(status), content_type, body), body)
    }

    /// Like [`from_http_response`](Self::from_http_response), for a body whose
    /// status may be unknown (the generated client drops it when it cannot decode
    /// the body, and only an observing hook may have seen it) and whose
    /// `Content-Type` is.
    pub(crate) fn from_body(status: Option<u16>, body: &[u8]) -> Self {
        Self::from_parts(classify::classify(status, None, body), body)
    }

    fn from_parts(c: classify::Classified, body: &[u8]) -> Self {
        let mut error = Self::new(c.kind, c.message);
        error.inner.status = c.status;
        error.inner.code = c.code;
        error.inner.details = c.details;
        error.inner.hint = c.hint.map(Cow::Borrowed);
        error.inner.body_excerpt = classify::excerpt(body);
        error
    }

    /// The broad kind of failure; the thing to `match` on.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The HTTP status of the answer, when there was one and it is known.
    pub fn status(&self) -> Option<u16> {
        self.inner.status
    }

    /// What went wrong in words: the server's own message when it sent one
    /// (`"Resource could not be found"`), otherwise the SDK's description.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// The error code of Ruut's documented envelope (`STATUS_CHANGE_FORBIDDEN`),
    /// when the server sent one.
    pub fn code(&self) -> Option<&str> {
        self.inner.code.as_deref()
    }

    /// Further detail the server sent: the envelope's `details`, the attributes that
    /// failed validation, or the list of `errors`.
    pub fn details(&self) -> Option<&serde_json::Value> {
        self.inner.details.as_ref()
    }

    /// What to do about it, when the SDK knows (for example, which builder setting
    /// makes a [`RouteNotFound`](ErrorKind::RouteNotFound) go away).
    pub fn hint(&self) -> Option<&str> {
        self.inner.hint.as_deref()
    }

    /// The operation that failed (its `Display` is the operationId in the OpenAPI
    /// description, `getConversation`), when the error came from a request.
    pub fn operation(&self) -> Option<Operation> {
        self.inner.operation
    }

    /// The first bytes of the response body (at most 512, cut at a character
    /// boundary), for logs and bug reports.
    pub fn body_excerpt(&self) -> Option<&str> {
        self.inner.body_excerpt.as_deref()
    }

    /// How long the server asked to wait before trying again (`Retry-After`, in
    /// seconds or as an HTTP date), when it said.
    pub fn retry_after(&self) -> Option<Duration> {
        self.inner.retry_after
    }

    /// How many requests were sent for the call that failed: 1 without retries, 0
    /// when the error arose before anything was sent.
    pub fn attempts(&self) -> u32 {
        self.inner.attempts
    }

    /// Whether the failure is transient, so that the same request may succeed
    /// later: rate limiting, timeouts, broken connections and HTTP 502, 503 and 504.
    ///
    /// The client already retries idempotent requests on these (see
    /// [`RetryPolicy`](crate::RetryPolicy)); it never repeats requests that create
    /// something, because a lost answer does not mean the request was lost. For
    /// those, this tells whether a repeat could help, not whether it is safe.
    pub fn is_retryable(&self) -> bool {
        match self.inner.kind {
            ErrorKind::RateLimited | ErrorKind::Timeout | ErrorKind::Connection => true,
            ErrorKind::Server => matches!(self.inner.status, Some(502..=504)),
            _ => false,
        }
    }

    pub(crate) fn with_operation(mut self, operation: Operation) -> Self {
        self.inner.operation.get_or_insert(operation);
        self
    }

    pub(crate) fn with_status(mut self, status: u16) -> Self {
        self.inner.status = Some(status);
        self
    }

    pub(crate) fn with_hint(mut self, hint: impl Into<Cow<'static, str>>) -> Self {
        self.inner.hint = Some(hint.into());
        self
    }

    pub(crate) fn with_message(mut self, message: impl Into<String>) -> Self {
        self.inner.message = message.into();
        self
    }

    pub(crate) fn with_retry_after(mut self, retry_after: Option<Duration>) -> Self {
        self.inner.retry_after = retry_after;
        self
    }

    pub(crate) fn with_attempts(mut self, attempts: u32) -> Self {
        self.inner.attempts = attempts;
        self
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        self.inner.source = Some(Box::new(source));
        self
    }

    /// Replaces `secret` wherever the server may have echoed it back.
    pub(crate) fn redact(mut self, secret: &str) -> Self {
        const REDACTED: &str = "[redacted]";
        // Scrubbing a very short string would mangle messages and protect nothing:
        // real tokens are long.
        if secret.len() < 8 {
            return self;
        }
        let inner = &mut *self.inner;
        if inner.message.contains(secret) {
            inner.message = inner.message.replace(secret, REDACTED);
        }
        if let Some(excerpt) = inner.body_excerpt.as_mut().filter(|e| e.contains(secret)) {
            *excerpt = excerpt.replace(secret, REDACTED);
        }
        if let Some(details) = inner.details.as_mut() {
            redact_json(details, secret, REDACTED);
        }
        if let Some(code) = inner.code.as_mut().filter(|c| c.contains(secret)) {
            *code = code.replace(secret, REDACTED);
        }
        self
    }
}

fn redact_json(value: &mut serde_json::Value, secret: &str, with: &str) {
    match value {
        serde_json::Value::String(s) if s.contains(secret) => *s = s.replace(secret, with),
        serde_json::Value::Array(items) => {
            items.iter_mut().for_each(|v| redact_json(v, secret, with))
        }
        serde_json::Value::Object(map) => {
            map.values_mut().for_each(|v| redact_json(v, secret, with))
        }
        _ => {}
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.inner;
        if let Some(operation) = inner.operation {
            write!(f, "{operation}: ")?;
        }
        write!(f, "{}", inner.kind)?;
        if let Some(status) = inner.status {
            write!(f, " (HTTP {status})")?;
        }
        if !inner.message.is_empty() {
            write!(f, ": {}", inner.message)?;
        }
        if inner.attempts > 1 {
            write!(f, " (after {} attempts)", inner.attempts)?;
        }
        if let Some(hint) = &inner.hint {
            write!(f, "; {hint}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `Inner` holds nothing secret (the client scrubs the token before an error
        // leaves it); spelled out so that the fields read in a useful order.
        let inner = &*self.inner;
        let mut d = f.debug_struct("Error");
        d.field("kind", &inner.kind)
            .field("message", &inner.message);
        if let Some(status) = inner.status {
            d.field("status", &status);
        }
        if let Some(operation) = inner.operation {
            d.field("operation", &operation.id());
        }
        if let Some(code) = &inner.code {
            d.field("code", code);
        }
        if let Some(details) = &inner.details {
            d.field("details", details);
        }
        if let Some(hint) = &inner.hint {
            d.field("hint", hint);
        }
        if let Some(retry_after) = inner.retry_after {
            d.field("retry_after", &retry_after);
        }
        d.field("attempts", &inner.attempts);
        if let Some(excerpt) = &inner.body_excerpt {
            d.field("body_excerpt", excerpt);
        }
        if let Some(source) = &inner.source {
            d.field("source", source);
        }
        d.finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner
            .source
            .as_deref()
            .map(|s| s as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_operation_kind_status_message_attempts_and_hint() {
        let error = Error::from_http_response(503, Some("text/plain"), b"Service Unavailable")
            .with_operation(Operation::GetConversation)
            .with_attempts(3)
            .with_hint("try again later");
        assert_eq!(
            error.to_string(),
            "getConversation: server error (HTTP 503): Service Unavailable (after 3 attempts); try again later"
        );
    }

    #[test]
    fn only_transient_failures_are_retryable() {
        let retryable = |status: u16| {
            Error::from_http_response(status, Some("text/plain"), b"x").is_retryable()
        };
        for status in [429, 502, 503, 504] {
            assert!(retryable(status), "{status}");
        }
        for status in [400, 401, 403, 404, 422, 500] {
            assert!(!retryable(status), "{status}");
        }
        assert!(Error::new(ErrorKind::Timeout, "slow").is_retryable());
        assert!(Error::new(ErrorKind::Connection, "reset").is_retryable());
        assert!(!Error::config("bad").is_retryable());
    }

    #[test]
    fn redaction_reaches_message_excerpt_and_details() {
        let secret = "s3cr3t-token-value";
        let body = format!(r#"{{"message":"bad token {secret}","attributes":["{secret}"]}}"#);
        let error = Error::from_http_response(422, Some("application/json"), body.as_bytes())
            .redact(secret);
        let everything = format!("{error} {error:?} {:?}", error.details());
        assert!(!everything.contains(secret), "{everything}");
        assert!(everything.contains("[redacted]"));
    }

    #[test]
    fn operation_is_set_once() {
        let error = Error::new(ErrorKind::NotFound, "gone")
            .with_operation(Operation::CreateMessage)
            .with_operation(Operation::UpdateConversationStatus);
        assert_eq!(error.operation(), Some(Operation::CreateMessage));
    }
}
