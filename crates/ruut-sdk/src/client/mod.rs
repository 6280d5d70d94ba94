//! The [`Client`] and what it is made of: its settings (the choices in `config`,
//! checked by `builder` with the help of `auth` and `url` into `settings`) and the
//! one path every request takes (`call`: retries, telemetry, error conversion,
//! token scrubbing).

use std::fmt;
use std::sync::Arc;

use crate::client::config::{AuthHeader, StatusRoute};
use crate::client::learned::{Learned, Route};
use crate::client::settings::Settings;
use crate::error::Error;
use crate::transport::policy::RetryPolicy;

pub(crate) mod auth;
pub(crate) mod builder;
pub(crate) mod call;
pub(crate) mod config;
pub(crate) mod download;
pub(crate) mod json_body;
pub(crate) mod learned;
pub(crate) mod settings;
pub(crate) mod spelling;
pub(crate) mod url;

/// A client for the Ruut API. Cheap to clone; clones share one connection pool,
/// and what the client learns about its server (see [`StatusRoute::Auto`] and
/// [`AuthHeader`]).
///
/// Build one with [`Client::builder`] or [`Client::from_env`]. Calls are grouped by
/// what they act on:
///
/// * accounts: [`list_accounts`](Self::list_accounts),
///   [`get_profile`](Self::get_profile), [`get_account`](Self::get_account),
///   [`get_server_info`](Self::get_server_info);
/// * conversations: [`conversations`](Self::conversations) to list and count,
///   [`get_conversation`](Self::get_conversation),
///   [`create_conversation`](Self::create_conversation), and
///   [`conversation`](Self::conversation) for everything done to one (status changes,
///   priority, assignment, messages);
/// * contacts: [`contacts`](Self::contacts) to list,
///   [`search_contacts`](Self::search_contacts), [`get_contact`](Self::get_contact),
///   [`create_contact`](Self::create_contact).
///
/// The names follow one scheme: a fetch of one thing is `get_*`; a plural noun
/// (`conversations()`) is a listing query, ending in `send()` for one page or
/// `stream()` for every item; `create_*` and the handle's intent-named methods
/// (`resolve()`, `reply(..)`) return a request to complete and `send()`; a call
/// whose inputs are all required (`assign(agent_id)`) is a plain `async fn`.
///
/// Anything else the API offers is one step away through [`raw`](Self::raw).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    /// The generated client sending the spelling the client was built with.
    raw: ruut_api::Client,
    settings: Settings,
    learned: Arc<Learned>,
}

impl Client {
    pub(crate) fn from_settings(settings: Settings) -> Result<Self, Error> {
        let raw = make_raw(&settings, settings.auth_header)?;
        Ok(Self {
            inner: Arc::new(Inner {
                raw,
                settings,
                learned: Arc::default(),
            }),
        })
    }

    /// A generated client for this client's server, sending `spelling`.
    pub(crate) fn make_raw(&self, spelling: AuthHeader) -> Result<ruut_api::Client, Error> {
        make_raw(&self.inner.settings, spelling)
    }

    pub(crate) fn learned(&self) -> &Learned {
        &self.inner.learned
    }

    /// The generated client underneath, authenticated and configured like this one,
    /// for operations the SDK does not wrap. Its calls are not retried, and its
    /// errors are the generated ones ([`Error::from_http_response`](crate::Error::from_http_response) classifies their
    /// bodies the SDK's way).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let list = client
    ///     .raw()
    ///     .list_conversations()
    ///     .account_id(1)
    ///     .updated_within(3600)
    ///     .send()
    ///     .await?;
    /// println!("{} conversations changed in the last hour", list.data.payload.len());
    /// # Ok(())
    /// # }
    /// ```
    pub fn raw(&self) -> &ruut_api::Client {
        self.raw_in_force()
    }

    /// The normalised base URL, for example `https://app.ruut.chat`.
    pub fn base_url(&self) -> &str {
        &self.inner.settings.base_url
    }

    /// The account account-scoped calls work in, if one was set.
    pub fn account_id(&self) -> Option<i64> {
        self.inner.settings.account_id
    }

    /// The route status changes take: the one the client was built with, or, for
    /// [`StatusRoute::Auto`], the one it has found to work (`Auto` until the first
    /// status change or [`probe`](Self::probe) tells).
    pub fn status_route(&self) -> StatusRoute {
        match self.inner.settings.status_route {
            StatusRoute::Auto => match self.inner.learned.status_route.get() {
                Route::Unknown => StatusRoute::Auto,
                Route::Documented => StatusRoute::Documented,
                Route::Fallback => StatusRoute::AccountScoped,
            },
            chosen => chosen,
        }
    }

    /// The retry policy of idempotent calls.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.settings.retry_policy
    }

    /// A client like this one, working in another account. It shares this one's
    /// connection pool and what it learned about the server.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for account in client.get_profile().await?.accounts {
    ///     let counts = client.with_account_id(account.id).conversations().counts().await?;
    ///     println!("{}: {} open", account.name, counts.all_count);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn with_account_id(&self, account_id: i64) -> Self {
        let mut settings = self.inner.settings.clone();
        settings.account_id = Some(account_id);
        Self {
            inner: Arc::new(Inner {
                raw: self.inner.raw.clone(),
                settings,
                learned: Arc::clone(&self.inner.learned),
            }),
        }
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.inner.settings;
        f.debug_struct("Client")
            .field("base_url", &s.base_url)
            .field("account_id", &s.account_id)
            .field("api_token", &s.token)
            .field("status_route", &self.status_route())
            .field("auth_header", &self.auth_header())
            .field("retry_policy", &s.retry_policy)
            .field("timeout", &s.timeout)
            .field("connect_timeout", &s.connect_timeout)
            .field("user_agent", &s.user_agent)
            .field("max_response_body", &s.max_response_body)
            .field("rate_limit", &s.rate_limiter)
            .finish()
    }
}

/// A generated client for the server of `settings`, sending the token as
/// `spelling`.
fn make_raw(settings: &Settings, spelling: AuthHeader) -> Result<ruut_api::Client, Error> {
    let http = builder::http_client(settings, spelling)?;
    // `new_with_client`, never `new`: the latter builds its own reqwest client
    // and panics if TLS cannot be initialised.
    // The state carries the response-size cap the generated client's hook
    // applies to every answer (see `error::limits`).
    let state = ruut_api::ClientState::default().with_max_response_body(settings.max_response_body);
    Ok(ruut_api::Client::new_with_client(
        &settings.base_url,
        http,
        state,
    ))
}
