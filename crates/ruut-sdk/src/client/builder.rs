//! Building a [`Client`]: every setting checked once, before the first request.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use crate::client::Client;
use crate::client::auth::ApiToken;
use crate::client::config::{
    AuthHeader, DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_POOL_IDLE_TIMEOUT,
    DEFAULT_TIMEOUT, DEFAULT_USER_AGENT, ENV_ACCOUNT_ID, ENV_API_TOKEN, ENV_BASE_URL, StatusRoute,
};
use crate::client::settings::Settings;
use crate::client::url::normalize_base_url;
use crate::error::Error;
use crate::error::limits::DEFAULT_MAX_RESPONSE_BODY;
use crate::transport::policy::RetryPolicy;
use crate::transport::rate_limit::{RateLimit, RateLimiter};

impl Client {
    /// Starts configuring a client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// Builds a client from the environment: `RUUT_API_TOKEN` (required),
    /// `RUUT_BASE_URL` (default `https://app.ruut.chat`) and `RUUT_ACCOUNT_ID`
    /// (optional). To adjust other settings too, use
    /// `Client::builder().with_env()`.
    ///
    /// ```no_run
    /// let client = ruut_sdk::Client::from_env()?;
    /// # Ok::<(), ruut_sdk::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ClientBuilder::build`]; a missing `RUUT_API_TOKEN` is a
    /// [`Config`](crate::ErrorKind::Config) error.
    pub fn from_env() -> Result<Self, Error> {
        Self::builder().with_env().build()
    }
}

/// Configures and builds a [`Client`]; start with [`Client::builder`].
///
/// Setters never fail; [`build`](Self::build) checks everything at once and says
/// what is wrong, so that a bad token or URL fails at start-up, not at the first
/// request.
///
/// ```
/// use std::time::Duration;
/// use ruut_sdk::{AuthHeader, Client, ErrorKind, RetryPolicy, StatusRoute};
///
/// let client = Client::builder()
///     .base_url("https://chat.example.com/api/v1/") // normalised to https://chat.example.com
///     .api_token("my-access-token")
///     .account_id(1)
///     .timeout(Duration::from_secs(20))
///     .connect_timeout(Duration::from_secs(5))
///     .user_agent("support-bot/2.1")
///     .retry_policy(RetryPolicy::default().with_max_attempts(5))
///     .status_route(StatusRoute::AccountScoped)
///     .auth_header(AuthHeader::Hyphenated)
///     .max_response_body(4 * 1024 * 1024)
///     .build()?;
/// assert_eq!(client.base_url(), "https://chat.example.com");
///
/// let error = Client::builder().api_token("").build().unwrap_err();
/// assert_eq!(error.kind(), ErrorKind::Config);
/// # Ok::<(), ruut_sdk::Error>(())
/// ```
#[derive(Clone)]
#[must_use = "a builder does nothing until `.build()` is called"]
pub struct ClientBuilder {
    base_url: String,
    api_token: Option<String>,
    account_id: Option<i64>,
    timeout: Duration,
    connect_timeout: Duration,
    user_agent: String,
    retry_policy: RetryPolicy,
    status_route: StatusRoute,
    /// `None`: the default spelling, which the client may switch.
    auth_header: Option<AuthHeader>,
    allow_insecure_http: bool,
    max_response_body: usize,
    rate_limit: Option<RateLimit>,
    /// A problem found while reading settings (an unparsable `RUUT_ACCOUNT_ID`),
    /// reported by `build`.
    deferred: Option<String>,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self {
            base_url: DEFAULT_BASE_URL.to_owned(),
            api_token: None,
            account_id: None,
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            retry_policy: RetryPolicy::default(),
            status_route: StatusRoute::default(),
            auth_header: None,
            allow_insecure_http: false,
            max_response_body: DEFAULT_MAX_RESPONSE_BODY,
            rate_limit: None,
            deferred: None,
        }
    }
}

impl ClientBuilder {
    /// The server's address (default `https://app.ruut.chat`). A trailing slash
    /// or an `/api/v1` suffix is dropped.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// The access token from Profile Settings > Access Token (or an agent bot's).
    /// Required.
    pub fn api_token(mut self, api_token: impl Into<String>) -> Self {
        self.api_token = Some(api_token.into());
        self
    }

    /// The account to work in. Needed by every account-scoped call (conversations,
    /// contacts, messages); [`list_accounts`](Client::list_accounts) and
    /// [`get_profile`](Client::get_profile) tell which accounts the token can use.
    pub fn account_id(mut self, account_id: i64) -> Self {
        self.account_id = Some(account_id);
        self
    }

    /// How long one request may take, from sending it to reading the whole answer
    /// (default 30 s). Retries get a fresh timeout each.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long establishing a connection may take (default 10 s).
    pub fn connect_timeout(mut self, connect_timeout: Duration) -> Self {
        self.connect_timeout = connect_timeout;
        self
    }

    /// The `User-Agent` header (default `ruut-sdk-rust/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// How idempotent requests are retried (default [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, retry_policy: RetryPolicy) -> Self {
        self.retry_policy = retry_policy;
        self
    }

    /// Which route changes a conversation's status (default
    /// [`StatusRoute::Auto`]: the documented one if the server has it; see
    /// [`StatusRoute`]).
    pub fn status_route(mut self, status_route: StatusRoute) -> Self {
        self.status_route = status_route;
        self
    }

    /// How the token header is spelled. Without this call the client sends
    /// [`AuthHeader::Underscore`] and switches to [`AuthHeader::Hyphenated`] when
    /// a proxy drops it (see [`AuthHeader`]); with it, the client keeps the
    /// spelling given.
    pub fn auth_header(mut self, auth_header: AuthHeader) -> Self {
        self.auth_header = Some(auth_header);
        self
    }

    /// Allows a plain `http://` base URL to a host that is not loopback. The token
    /// then crosses the network unencrypted; meant for private networks only.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// The largest answer body the client reads, in bytes (default 8 MiB,
    /// [`DEFAULT_MAX_RESPONSE_BODY`](crate::DEFAULT_MAX_RESPONSE_BODY)). A larger
    /// one fails the call with an error of kind
    /// [`ResponseTooLarge`](crate::ErrorKind::ResponseTooLarge) instead of filling
    /// memory; real answers are far smaller. The limit counts the bytes after
    /// decompression (with the `gzip`, `brotli` or `zstd` feature), which are
    /// what is held in memory: a small compressed answer that expands past it
    /// fails the same way, having decoded no more than the limit.
    pub fn max_response_body(mut self, bytes: usize) -> Self {
        self.max_response_body = bytes;
        self
    }

    /// Paces the client's requests: every request (retries, stream pages and the
    /// several requests of one call included) waits for its turn under `limit`,
    /// shared by every clone of the client. Default: no limit. See [`RateLimit`].
    pub fn rate_limit(mut self, limit: RateLimit) -> Self {
        self.rate_limit = Some(limit);
        self
    }

    /// Applies the environment: `RUUT_API_TOKEN`, `RUUT_BASE_URL` and
    /// `RUUT_ACCOUNT_ID`, each where set and not empty. Settings made before are
    /// overridden, settings made after override the environment.
    pub fn with_env(self) -> Self {
        self.with_vars(|name| std::env::var(name).ok())
    }

    /// [`with_env`](Self::with_env) over any source of variables.
    pub(crate) fn with_vars(mut self, var: impl Fn(&str) -> Option<String>) -> Self {
        let var = |name| var(name).filter(|v: &String| !v.trim().is_empty());
        if let Some(token) = var(ENV_API_TOKEN) {
            self.api_token = Some(token);
        }
        if let Some(base_url) = var(ENV_BASE_URL) {
            self.base_url = base_url;
        }
        if let Some(account_id) = var(ENV_ACCOUNT_ID) {
            match account_id.trim().parse::<i64>() {
                Ok(id) if id > 0 => self.account_id = Some(id),
                _ => {
                    self.deferred = Some(format!(
                        "{ENV_ACCOUNT_ID} is {account_id:?}, which is not a positive account id"
                    ));
                }
            }
        }
        self
    }

    /// Checks the settings and builds the client.
    ///
    /// # Errors
    ///
    /// An [`Error`] of kind [`Config`](crate::ErrorKind::Config) when the token is
    /// missing, empty or cannot go in a header; when the base URL is malformed, or
    /// uses plain `http://` to a host that is not loopback without
    /// [`allow_insecure_http`](Self::allow_insecure_http); when the account id is
    /// not positive or `RUUT_ACCOUNT_ID` is not a number; when the user agent cannot go in a
    /// header; when the [`rate_limit`](Self::rate_limit) lets no request through; when
    /// [`max_response_body`](Self::max_response_body) is 0; or when the HTTP
    /// client cannot be set up (no TLS roots, say).
    pub fn build(self) -> Result<Client, Error> {
        if let Some(problem) = self.deferred {
            return Err(Error::config(problem));
        }
        let token = match self.api_token {
            Some(token) => ApiToken::parse(token)?,
            None => {
                return Err(Error::config(format!(
                    "no API token: call .api_token(..) or set {ENV_API_TOKEN}"
                )));
            }
        };
        let base_url = normalize_base_url(&self.base_url, self.allow_insecure_http)?;
        if let Some(id) = self.account_id.filter(|id| *id < 1) {
            return Err(Error::config(format!(
                "the account id is {id}; account ids start at 1"
            )));
        }
        if self.max_response_body == 0 {
            return Err(Error::config(
                "max_response_body is 0, so no answer could be read; the default is 8 MiB",
            ));
        }
        if let Some(limit) = &self.rate_limit {
            limit.check()?;
        }
        if reqwest::header::HeaderValue::from_str(&self.user_agent).is_err() {
            return Err(Error::config(
                "the user agent contains characters a header cannot hold",
            ));
        }

        Client::from_settings(Settings {
            base_url,
            account_id: self.account_id,
            token,
            status_route: self.status_route,
            auth_header: self.auth_header.unwrap_or_default(),
            auth_header_fixed: self.auth_header.is_some(),
            retry_policy: self.retry_policy,
            timeout: self.timeout,
            connect_timeout: self.connect_timeout,
            user_agent: self.user_agent,
            max_response_body: self.max_response_body,
            rate_limiter: self
                .rate_limit
                .map(|limit| Arc::new(RateLimiter::new(limit))),
        })
    }
}

/// The HTTP client of checked `settings`, sending the token as `spelling`.
pub(crate) fn http_client(
    settings: &Settings,
    spelling: AuthHeader,
) -> Result<reqwest::Client, Error> {
    reqwest::Client::builder()
        .default_headers(settings.token.headers(spelling))
        .user_agent(settings.user_agent.as_str())
        .timeout(settings.timeout)
        .connect_timeout(settings.connect_timeout)
        // Keep-alive, ALPN and TCP_NODELAY are reqwest's defaults; why these, and
        // the idle timeout: `DEFAULT_POOL_IDLE_TIMEOUT`.
        .pool_idle_timeout(DEFAULT_POOL_IDLE_TIMEOUT)
        // A redirect would carry the token header wherever it points (reqwest
        // strips only the headers it knows to be credentials), so none is followed.
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| {
            Error::config("the HTTP client could not be set up (TLS initialisation failed?)")
                .with_source(e)
        })
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("base_url", &self.base_url)
            .field("api_token", &self.api_token.as_ref().map(|_| "[redacted]"))
            .field("account_id", &self.account_id)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("user_agent", &self.user_agent)
            .field("retry_policy", &self.retry_policy)
            .field("status_route", &self.status_route)
            .field("auth_header", &self.auth_header)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("max_response_body", &self.max_response_body)
            .field("rate_limit", &self.rate_limit)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    const TOKEN: &str = "tok-3f9a-secret";

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn the_environment_supplies_token_url_and_account() {
        let client = Client::builder()
            .with_vars(env(&[
                (ENV_API_TOKEN, TOKEN),
                (ENV_BASE_URL, "http://127.0.0.1:3000/api/v1"),
                (ENV_ACCOUNT_ID, "7"),
            ]))
            .build()
            .unwrap();
        assert_eq!(client.base_url(), "http://127.0.0.1:3000");
        assert_eq!(client.account_id(), Some(7));
    }

    #[test]
    fn without_a_base_url_the_environment_means_ruut() {
        let client = Client::builder()
            .with_vars(env(&[(ENV_API_TOKEN, TOKEN), (ENV_BASE_URL, "  ")]))
            .build()
            .unwrap();
        assert_eq!(client.base_url(), DEFAULT_BASE_URL);
        assert_eq!(client.account_id(), None);
    }

    #[test]
    fn a_missing_token_names_both_ways_to_give_one() {
        let error = Client::builder().with_vars(env(&[])).build().unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config);
        assert!(error.message().contains(".api_token"));
        assert!(error.message().contains(ENV_API_TOKEN));
    }

    #[test]
    fn a_bad_account_id_is_reported_at_build_time() {
        let error = Client::builder()
            .with_vars(env(&[(ENV_API_TOKEN, TOKEN), (ENV_ACCOUNT_ID, "acme")]))
            .build()
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config);
        assert!(error.message().contains(ENV_ACCOUNT_ID));

        let error = Client::builder()
            .api_token(TOKEN)
            .account_id(0)
            .build()
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config);
    }

    #[test]
    fn bad_tokens_urls_and_user_agents_fail_the_build() {
        let build = |b: ClientBuilder| b.build().unwrap_err().kind();
        assert_eq!(
            build(Client::builder().api_token("a\r\nb")),
            ErrorKind::Config
        );
        assert_eq!(
            build(Client::builder().api_token(TOKEN).base_url("nope")),
            ErrorKind::Config
        );
        assert_eq!(
            build(
                Client::builder()
                    .api_token(TOKEN)
                    .base_url("http://example.com")
            ),
            ErrorKind::Config
        );
        assert_eq!(
            build(Client::builder().api_token(TOKEN).user_agent("a\nb")),
            ErrorKind::Config
        );
        assert!(
            Client::builder()
                .api_token(TOKEN)
                .base_url("http://example.com")
                .allow_insecure_http(true)
                .build()
                .is_ok()
        );
    }

    #[test]
    fn debug_never_shows_the_token() {
        let builder = Client::builder().api_token(TOKEN);
        let client = builder.clone().build().unwrap();
        for text in [
            format!("{builder:?}"),
            format!("{client:?}"),
            format!("{client:#?}"),
        ] {
            assert!(!text.contains(TOKEN), "{text}");
            assert!(text.contains("[redacted]"), "{text}");
        }
    }
}
