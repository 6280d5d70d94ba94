//! The kinds of failure: what callers match on.

use std::fmt;

/// What kind of failure an [`Error`](crate::Error) is: the thing to `match` on.
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
    /// messages and reports them here, so [`Error::status`](crate::Error::status) may be `Some(401)`.
    Forbidden,
    /// The conversation, contact or account does not exist in this account (HTTP 404
    /// from a route the server has).
    NotFound,
    /// The server has no such route at all (a routing 404, often an HTML page).
    ///
    /// Kept apart from [`NotFound`](Self::NotFound) because the cure differs: this
    /// one is fixed in the client's configuration, not by asking for another id. A
    /// stock Chatwoot server answers Ruut's documented routes this way; the error's
    /// [`hint`](crate::Error::hint) names the setting to change.
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
    /// A message's files are more than the server takes, found before anything
    /// was sent: a file over [`MAX_ATTACHMENT_BYTES`](crate::MAX_ATTACHMENT_BYTES)
    /// (the server's 40 MB), or more than
    /// [`MAX_ATTACHMENTS`](crate::MAX_ATTACHMENTS) files on one message.
    AttachmentTooLarge,
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
            Self::AttachmentTooLarge => "attachment too large",
            Self::Config => "invalid configuration",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
