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

use crate::classify;

/// A convenient alias for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What kind of failure an [`Error`] is: the thing to `match` on.
///
/// The kinds follow what a caller can do about them: fix the token
/// ([`Unauthorized`](Self::Unauthorized)), fix the request
/// ([`Validation`](Self::Validation)), wait and retry
/// ([`RateLimited`](Self::RateLimited), [`Server`](Self::Server),
/// [`Timeout`](Self::Timeout), [`Connection`](Self::Connection)), or change the
/// client's configuration ([`RouteNotFound`](Self::RouteNotFound),
/// [`Config`](Self::Config)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The token is missing, unknown or revoked (HTTP 401 with "Invalid Access Token"
    /// or "You need to sign in").
    Unauthorized,
    /// The token is valid but may not do this: a policy forbids it, the user is not a
    /// member of the account, a bot token calls an endpoint bots may not use, the
    /// account is suspended, or the plan does not include it.
    ///
    /// Chatwoot answers most of these with **401**, not 403; the SDK recognises its
    /// messages and reports them here, so [`Error::status`] may be `Some(401)`.
    Forbidden,
    /// The conversation, contact or account does not exist in this account (HTTP 404
    /// from a route the server has).
    NotFound,
    /// The server has no such route at all (a routing 404, often an HTML page).
    ///
    /// Kept apart from [`NotFound`](Self::NotFound) because the cure differs: this
    /// one is fixed in the client's configuration, not by asking for another id. A
    /// stock Chatwoot server answers Ruut's documented routes this way; the error's
    /// [`hint`](Error::hint) names the setting to change.
    RouteNotFound,
    /// Ruut refused the status change because of the conversation's current state
    /// (error code `STATUS_CHANGE_FORBIDDEN`).
    StatusChangeForbidden,
    /// The server rejected the request as invalid (HTTP 400, 409 or 422): a missing
    /// parameter, a duplicate email, a message that could not be created.
    Validation,
    /// Too many requests (HTTP 429). Chatwoot sends no `Retry-After`; back off.
    RateLimited,
    /// The server failed (HTTP 5xx). 502, 503 and 504 are transient; a 500 usually
    /// means the request made the server crash and will fail again.
    Server,
    /// The request took longer than the configured timeout, or the retry deadline
    /// passed.
    Timeout,
    /// The connection could not be made or broke before the answer was complete.
    Connection,
    /// The server answered with a redirect, which the SDK does not follow: the
    /// access token would go wherever the redirect points.
    Redirect,
    /// The server answered something the SDK cannot read: a body that is not the
    /// expected JSON, or a status it does not expect.
    UnexpectedResponse,
    /// The answer's body was larger than the client's limit
    /// ([`ClientBuilder::max_response_body`](crate::ClientBuilder::max_response_body),
    /// 8 MiB by default), so it was not read. No real answer comes near it: a
    /// server or proxy is misbehaving, or the limit is set too low.
    ResponseTooLarge,
    /// The request was refused on this side before anything was sent (an invalid
    /// argument, or an account-scoped call on a client without an account id).
    InvalidRequest,
    /// The client could not be built from its settings (see
    /// [`ClientBuilder::build`](crate::ClientBuilder::build)).
    Config,
}

impl ErrorKind {
    /// A short lowercase name, for logs and metrics labels.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not found",
            Self::RouteNotFound => "route not found",
            Self::StatusChangeForbidden => "status change forbidden",
            Self::Validation => "validation failed",
            Self::RateLimited => "rate limited",
            Self::Server => "server error",
            Self::Timeout => "timed out",
            Self::Connection => "connection failed",
            Self::Redirect => "redirect refused",
            Self::UnexpectedResponse => "unexpected response",
            Self::ResponseTooLarge => "response too large",
            Self::InvalidRequest => "invalid request",
            Self::Config => "invalid configuration",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

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
    operation: Option<&'static str>,
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
    /// status the generated client did not keep.
    pub(crate) fn from_unknown_status(body: &[u8]) -> Self {
        Self::from_parts(classify::classify(None, None, body), body)
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

    /// The operation that failed, by its operationId in the OpenAPI description
    /// (`"getConversation"`), when the error came from a request.
    pub fn operation(&self) -> Option<&str> {
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

    pub(crate) fn with_operation(mut self, operation: &'static str) -> Self {
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
            d.field("operation", &operation);
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
            .with_operation("getConversation")
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
            .with_operation("createMessage")
            .with_operation("updateConversationStatus");
        assert_eq!(error.operation(), Some("createMessage"));
    }
}
