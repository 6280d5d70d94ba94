//! The choices a client is built with, and their defaults.

use std::time::Duration;

/// The server the client talks to unless told otherwise.
pub const DEFAULT_BASE_URL: &str = "https://app.ruut.chat";
/// How long one request may take, from sending it to reading the whole answer.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// How long establishing a connection may take.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long an idle connection stays in the client's pool before it is closed.
///
/// The connection settings, and why (figures in `BENCHMARKS.md`, section 6,
/// measured through a throttled link with a 50 ms round trip):
///
/// * **Keep-alive, one pool shared by every clone.** The SDK's workload is many
///   small calls to one host; a new connection costs a round trip for TCP and
///   one or two more for TLS before the request is even sent. Measured: 1,000
///   sequential calls open one TCP connection, and a new connection per call
///   costs about twice the time a call.
/// * **HTTP/2 where the server offers it.** Over `https` the client offers `h2`
///   and `http/1.1` (ALPN) and takes what the server picks; Chatwoot's nginx
///   configuration (`deployment/nginx_chatwoot.conf`) serves `http2`. HTTP/2
///   gains most with many calls in flight (one connection instead of one each);
///   sequential calls cost the same. It is never forced: over plain `http` (a
///   Puma without proxy, the sandbox) there is no negotiation, and prior
///   knowledge would break HTTP/1.1-only servers.
/// * **Idle connections are dropped after 60 s** (reqwest's default is 90 s):
///   below nginx's `keepalive_timeout` (75 s, 65 s in Debian's `nginx.conf`), so
///   the client closes an idle connection before the server does, rather than
///   sending a request on a connection the server is closing at that moment.
///   Puma alone closes idle connections after 20 s; a request that meets a
///   closed connection is retried by the retry policy when it is idempotent.
/// * **`TCP_NODELAY`** (reqwest's default): a request's headers and body are not
///   held back waiting for an acknowledgement.
pub const DEFAULT_POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(60);
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
/// * [`Auto`](Self::Auto), the default, works on Ruut and on a stock Chatwoot
///   server alike: the client tries Ruut's documented route, and if the server
///   answers it with a routing 404 (the router found no such route, so nothing ran
///   and nothing changed) it switches to the account-scoped route, sends the change
///   there, and keeps using that route for its lifetime, in all its clones. The
///   switch is a `tracing` event naming both routes;
///   [`Client::status_route`](crate::Client::status_route) then says
///   `AccountScoped`. A 404 for a conversation that does not exist is a record 404
///   and switches nothing.
/// * [`Documented`](Self::Documented) is the route in Ruut's API documentation:
///   `PATCH /api/v1/conversations/{id}/status`. It takes every status including
///   `scheduling`, and keeps the reason and the agent with the change itself.
///   A server without it answers [`RouteNotFound`](crate::ErrorKind::RouteNotFound).
/// * [`AccountScoped`](Self::AccountScoped) is the route of the Chatwoot server
///   under Ruut: `POST /api/v1/accounts/{account_id}/conversations/{id}/toggle_status`.
///   It needs an account id, knows no `scheduling` (asking for it is an error
///   before any request), and takes no reason or agent: the SDK keeps the reason as
///   a private note on the conversation, as Ruut's docs advise for the audit trail,
///   and turns the agent into an assignment, so that the same call does the same
///   thing on both routes.
///
/// Either way the answer is a [`StatusChange`](crate::StatusChange).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StatusRoute {
    /// The documented route, or the account-scoped one if the server lacks it.
    #[default]
    Auto,
    /// Ruut's documented `PATCH /api/v1/conversations/{id}/status`.
    Documented,
    /// Chatwoot's `POST /api/v1/accounts/{account_id}/conversations/{id}/toggle_status`.
    AccountScoped,
}

/// How the access-token header is spelled.
///
/// The server reads either. Nginx, in front of many self-hosted installations,
/// drops headers whose names contain underscores unless told otherwise
/// (`underscores_in_headers on`); behind such a proxy the server answers as if no
/// token had been sent (Devise's 401 "You need to sign in or sign up before
/// continuing."). A client left with the default spelling then resends the
/// request once as [`Hyphenated`](Self::Hyphenated) and keeps that spelling for
/// its lifetime, in all its clones
/// ([`Client::auth_header`](crate::Client::auth_header) says which is in force). A
/// client given a spelling explicitly
/// ([`ClientBuilder::auth_header`](crate::ClientBuilder::auth_header)) keeps it,
/// and its error's hint names the other.
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
