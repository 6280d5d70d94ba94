//! The [`Client`]: settings, the generated client underneath, and the one path
//! every request takes (retries, telemetry, error conversion, token scrubbing).

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use futures::FutureExt;
use progenitor_client::ResponseValue;

use crate::auth::ApiToken;
use crate::builder::ClientBuilder;
use crate::config::{AuthHeader, StatusRoute};
use crate::error::Error;
use crate::retry::{self, Operation, RetryPolicy};
use crate::{convert, telemetry};

/// A client for the Ruut API. Cheap to clone; clones share one connection pool.
///
/// Build one with [`Client::builder`] or [`Client::from_env`]. Calls are grouped by
/// what they act on:
///
/// * accounts: [`list_accounts`](Self::list_accounts), [`profile`](Self::profile),
///   [`account`](Self::account), [`server_info`](Self::server_info);
/// * conversations: [`conversations`](Self::conversations) to list,
///   [`get_conversation`](Self::get_conversation),
///   [`create_conversation`](Self::create_conversation), and
///   [`conversation`](Self::conversation) for everything done to one (status changes,
///   priority, assignment, messages);
/// * contacts: [`contacts`](Self::contacts), [`contact`](Self::contact),
///   [`create_contact`](Self::create_contact).
///
/// Anything else the API offers is one step away through [`raw`](Self::raw).
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    raw: ruut_api::Client,
    http: reqwest::Client,
    settings: Settings,
}

/// The checked settings a client was built with.
#[derive(Clone)]
pub(crate) struct Settings {
    pub base_url: String,
    pub account_id: Option<i64>,
    pub token: ApiToken,
    pub status_route: StatusRoute,
    pub auth_header: AuthHeader,
    pub retry_policy: RetryPolicy,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub user_agent: String,
    pub max_response_body: usize,
}

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

    pub(crate) fn from_settings(settings: Settings, http: reqwest::Client) -> Self {
        // `new_with_client`, never `new`: the latter builds its own reqwest client
        // and panics if TLS cannot be initialised.
        // The state carries the response-size cap the generated client's hook
        // applies to every answer (see `limits`).
        let state =
            ruut_api::ClientState::default().with_max_response_body(settings.max_response_body);
        let raw = ruut_api::Client::new_with_client(&settings.base_url, http.clone(), state);
        Self {
            inner: Arc::new(Inner {
                raw,
                http,
                settings,
            }),
        }
    }

    /// The generated client underneath, authenticated and configured like this one,
    /// for operations the SDK does not wrap. Its calls are not retried, and its
    /// errors are the generated ones ([`Error::from_http_response`] classifies their
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
        &self.inner.raw
    }

    /// The normalised base URL, for example `https://app.ruut.chat`.
    pub fn base_url(&self) -> &str {
        &self.inner.settings.base_url
    }

    /// The account account-scoped calls work in, if one was set.
    pub fn account_id(&self) -> Option<i64> {
        self.inner.settings.account_id
    }

    /// The route status changes take.
    pub fn status_route(&self) -> StatusRoute {
        self.inner.settings.status_route
    }

    /// The retry policy of idempotent calls.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.inner.settings.retry_policy
    }

    /// A client like this one, working in another account. It shares this one's
    /// connection pool.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for account in client.profile().await?.accounts {
    ///     let counts = client.with_account_id(account.id).conversations().counts().await?;
    ///     println!("{}: {} open", account.name, counts.all_count);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn with_account_id(&self, account_id: i64) -> Self {
        let mut settings = self.inner.settings.clone();
        settings.account_id = Some(account_id);
        Self::from_settings(settings, self.inner.http.clone())
    }

    /// The account id, or the error an account-scoped call makes without one.
    pub(crate) fn require_account(&self, op: Operation) -> Result<i64, Error> {
        self.account_id().ok_or_else(|| {
            Error::invalid_request(format!(
                "{} is account-scoped, and this client has no account id: set \
                 .account_id(..) or RUUT_ACCOUNT_ID (list_accounts() or profile() tell \
                 which accounts the token can use)",
                op.id
            ))
            .with_operation(op.id)
        })
    }

    /// Sends one operation through the generated client: with retries if it is
    /// idempotent, a span per attempt, and errors converted and scrubbed of the token.
    ///
    /// `send` builds and sends the request afresh for every attempt.
    pub(crate) async fn call<'a, T, E, F, Fut>(
        &'a self,
        op: Operation,
        mut send: F,
    ) -> Result<T, Error>
    where
        F: FnMut(&'a ruut_api::Client) -> Fut,
        Fut: Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
        E: serde::Serialize,
    {
        let raw = &self.inner.raw;
        let token = self.inner.settings.token.expose();
        // `then` keeps either the request future or the error conversion, never
        // both: an `async move` block awaiting `send(raw)` would hold the request
        // future twice (as a captured value and as the awaited one).
        retry::run(&self.inner.settings.retry_policy, op, || {
            send(raw).then(move |result| async move {
                match result {
                    Ok(response) => {
                        telemetry::succeeded(response.status().as_u16());
                        Ok(response.into_inner())
                    }
                    Err(e) => {
                        let error = convert::from_api(e)
                            .await
                            .with_operation(op.id)
                            .redact(token);
                        telemetry::failed(&error);
                        Err(error)
                    }
                }
            })
        })
        .await
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.inner.settings;
        f.debug_struct("Client")
            .field("base_url", &s.base_url)
            .field("account_id", &s.account_id)
            .field("api_token", &s.token)
            .field("status_route", &s.status_route)
            .field("auth_header", &s.auth_header)
            .field("retry_policy", &s.retry_policy)
            .field("timeout", &s.timeout)
            .field("connect_timeout", &s.connect_timeout)
            .field("user_agent", &s.user_agent)
            .field("max_response_body", &s.max_response_body)
            .finish()
    }
}
