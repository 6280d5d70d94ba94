//! The choices a client is built with, and their defaults.

use std::time::Duration;

/// The server the client talks to unless told otherwise.
pub const DEFAULT_BASE_URL: &str = "https://app.ruut.chat";
/// How long one request may take, from sending it to reading the whole answer.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// How long establishing a connection may take.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The `User-Agent` the client sends unless told otherwise.
pub const DEFAULT_USER_AGENT: &str = concat!("ruut-sdk-rust/", env!("CARGO_PKG_VERSION"));

/// The environment variable holding the access token.
pub const ENV_API_TOKEN: &str = "RUUT_API_TOKEN";
/// The environment variable holding the base URL.
pub const ENV_BASE_URL: &str = "RUUT_BASE_URL";
/// The environment variable holding the account id.
pub const ENV_ACCOUNT_ID: &str = "RUUT_ACCOUNT_ID";

/// Which route changes a conversation's status.
///
/// * [`Documented`](Self::Documented), the default, is the route in Ruut's API
///   documentation: `PATCH /api/v1/conversations/{id}/status`. It takes every
///   status including `scheduling`, and keeps the reason and the agent with the
///   change itself. Pick it for Ruut.
/// * [`AccountScoped`](Self::AccountScoped) is the route of the Chatwoot server
///   under Ruut: `POST /api/v1/accounts/{account_id}/conversations/{id}/toggle_status`.
///   Pick it for a stock Chatwoot server, which answers the documented route with a
///   routing 404 (the error says so and names this setting). It needs an account
///   id, knows no `scheduling` (asking for it is an error before any request), and
///   takes no reason or agent: the SDK keeps the reason as a private note on the
///   conversation, as Ruut's docs advise for the audit trail, and turns the agent
///   into an assignment, so that the same call does the same thing on both routes.
///
/// Either way the answer is a [`StatusChange`](crate::StatusChange).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StatusRoute {
    /// Ruut's documented `PATCH /api/v1/conversations/{id}/status`.
    #[default]
    Documented,
    /// Chatwoot's `POST /api/v1/accounts/{account_id}/conversations/{id}/toggle_status`.
    AccountScoped,
}

/// How the access-token header is spelled.
///
/// The server reads either. Nginx, in front of many self-hosted installations,
/// drops headers whose names contain underscores unless told otherwise
/// (`underscores_in_headers on`); behind such a proxy every request answers 401,
/// and [`Hyphenated`](Self::Hyphenated) is the cure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthHeader {
    /// `api_access_token`, as Ruut's documentation spells it.
    #[default]
    Underscore,
    /// `Api-Access-Token`, which survives proxies that drop underscores.
    Hyphenated,
}

impl AuthHeader {
    /// The header's name as sent on the wire (HTTP header names are
    /// case-insensitive; the client sends them in lowercase).
    pub fn name(&self) -> &'static str {
        match self {
            Self::Underscore => "api_access_token",
            Self::Hyphenated => "api-access-token",
        }
    }
}
