//! The [`Sandbox`] handle and its [`SandboxBuilder`].

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use ruut_api::operations::Operation;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::app::App;
use crate::auth::Tokens;
use crate::compression::Compression;
use crate::faults::{Fault, FaultQueue};
use crate::journal::{Journal, RecordedRequest};
use crate::seed::{self, SeedInfo};
use crate::state::{Shared, StatusChange};
use crate::throttle::Throttle;
use crate::webhooks::{WebhookConfig, Webhooks};

/// The user token used when none is given. Obviously fake, on purpose.
pub const DEFAULT_USER_TOKEN: &str = "sandbox-user-token";
/// The agent-bot token used when none is given.
pub const DEFAULT_BOT_TOKEN: &str = "sandbox-bot-token";
/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 1;
/// The default request body limit (1 MiB); larger bodies get 413.
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// Options for a [`Sandbox`]; start one with [`SandboxBuilder::start`].
#[derive(Clone, Debug)]
#[must_use]
pub struct SandboxBuilder {
    seed: u64,
    port: u16,
    user_token: String,
    bot_token: String,
    chatwoot_only: bool,
    body_limit: usize,
    webhooks: WebhookConfig,
    rate_limit: Option<(u32, Duration)>,
    compression: Compression,
}

impl Default for SandboxBuilder {
    fn default() -> Self {
        Self {
            seed: DEFAULT_SEED,
            port: 0,
            user_token: DEFAULT_USER_TOKEN.to_owned(),
            bot_token: DEFAULT_BOT_TOKEN.to_owned(),
            chatwoot_only: false,
            body_limit: DEFAULT_BODY_LIMIT,
            webhooks: Default::default(),
            rate_limit: None,
            compression: Compression::Off,
        }
    }
}

impl SandboxBuilder {
    /// The seed of the generated data (same seed, same data). Default [`DEFAULT_SEED`].
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The port to listen on, on 127.0.0.1. Default 0: any free port.
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// The user's access token. Default [`DEFAULT_USER_TOKEN`].
    pub fn user_token(mut self, token: impl Into<String>) -> Self {
        self.user_token = token.into();
        self
    }

    /// The agent bot's access token. Default [`DEFAULT_BOT_TOKEN`].
    pub fn bot_token(mut self, token: impl Into<String>) -> Self {
        self.bot_token = token.into();
        self
    }

    /// Strict-Chatwoot mode: Ruut's documented routes (`GET /api/v1/accounts`,
    /// `PATCH /api/v1/conversations/{id}/status`) answer as unknown routes.
    pub fn chatwoot_only(mut self, on: bool) -> Self {
        self.chatwoot_only = on;
        self
    }

    /// The largest request body accepted, in bytes. Default [`DEFAULT_BODY_LIMIT`].
    pub fn body_limit(mut self, bytes: usize) -> Self {
        self.body_limit = bytes;
        self
    }

    /// Limits the requests the sandbox accepts to `limit` per `period`, as
    /// rack-attack does in front of Chatwoot (3000 a minute per IP by default
    /// there); over the limit the answer is its 429 `Retry later\n`, without
    /// `Retry-After`. The sandbox's own `/__sandbox/*` routes are exempt. Default: no
    /// limit. [`Sandbox::throttled`] counts the 429s.
    pub fn rate_limit(mut self, limit: u32, period: Duration) -> Self {
        self.rate_limit = Some((limit, period));
        self
    }

    /// Compresses answers as nginx in front of Chatwoot does, with the encodings
    /// `compression` names, when the client's `Accept-Encoding` takes them.
    /// Default [`Compression::Off`]. See [`Compression`].
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// use ruut_sandbox::{Compression, Sandbox};
    /// let sandbox = Sandbox::builder().compression(Compression::Gzip).start().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn compression(mut self, compression: Compression) -> Self {
        self.compression = compression;
        self
    }

    /// Delivers webhooks to `url`, signed with `secret` as Chatwoot 4.11.2 and
    /// later sign them: every event of every account. Default: none (webhooks
    /// registered with `createWebhook` get their account's subscribed events
    /// either way, signed with their own secrets).
    ///
    /// Events: `conversation_created`, `conversation_status_changed`,
    /// `conversation_updated` (assignee, team or priority), `message_created` and
    /// `contact_created`, with the bodies of the spec's `Webhook*Event` schemas and
    /// the headers `X-Chatwoot-Signature: sha256=<hex>` (HMAC-SHA256 with `secret`
    /// of `"{timestamp}.{body}"`), `X-Chatwoot-Timestamp` and `X-Chatwoot-Delivery`.
    /// Requests only queue the event; a background task POSTs the queue in order,
    /// once each, with a [`WEBHOOK_TIMEOUT`](crate::WEBHOOK_TIMEOUT) timeout.
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// let sandbox = ruut_sandbox::Sandbox::builder()
    ///     .webhook("http://127.0.0.1:8787/webhooks", "my-secret")
    ///     .start()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn webhook(mut self, url: impl Into<String>, secret: impl Into<String>) -> Self {
        self.webhooks.target(url.into(), Some(secret.into()));
        self
    }

    /// Delivers webhooks to `url` without signature headers, as servers before
    /// Chatwoot 4.11.2 do.
    pub fn unsigned_webhook(mut self, url: impl Into<String>) -> Self {
        self.webhooks.target(url.into(), None);
        self
    }

    /// Whether URLs that come in through the API (registered webhooks, agent
    /// bots' `outgoing_url`, the `send_webhook_event` action of macros and
    /// automation rules) are delivered to on any host. Default: `false`,
    /// loopback hosts only (`localhost`, `127.0.0.0/8`, `::1`), so that nothing
    /// a test or a fuzzer registers makes the sandbox reach out of the machine.
    /// The URL of [`webhook`](Self::webhook) is always delivered to.
    pub fn webhooks_beyond_loopback(mut self, on: bool) -> Self {
        self.webhooks.beyond_loopback = on;
        self
    }

    /// Binds 127.0.0.1 and starts serving on the current tokio runtime.
    ///
    /// Fails if the port cannot be bound, or if the two tokens are equal or empty.
    pub async fn start(self) -> std::io::Result<Sandbox> {
        if self.user_token.is_empty() || self.bot_token.is_empty() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the sandbox tokens must not be empty",
            ));
        }
        if self.user_token == self.bot_token {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "the user token and the bot token must differ",
            ));
        }
        let listener =
            TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, self.port))).await?;
        let addr = listener.local_addr()?;
        let (mut store, seed_info) = seed::build(self.seed);
        // The seeded bot's token is the builder's (a reset replaces it).
        if let Some(bot) = store.bots.iter_mut().find(|b| b.id == seed_info.bot_id) {
            bot.access_token.clone_from(&self.bot_token);
        }
        // Attachment URLs are absolute, as the server's are.
        store.files.origin = format!("http://{addr}");
        let app = Arc::new(App {
            store: Shared::new(store),
            tokens: Tokens {
                user: self.user_token.clone(),
                user_id: seed_info.user_id,
                bot_id: seed_info.bot_id,
            },
            faults: FaultQueue::default(),
            journal: Journal::default(),
            chatwoot_only: self.chatwoot_only,
            body_limit: self.body_limit,
            webhooks: Webhooks::start(&self.webhooks),
            throttle: self
                .rate_limit
                .map(|(limit, period)| Throttle::new(limit, period)),
        });
        let router = self.compression.apply(crate::routes::router(app.clone()));
        let (tx, rx) = oneshot::channel();
        let task = tokio::spawn(crate::server::serve(listener, router, rx));
        Ok(Sandbox {
            base_url: format!("http://{addr}"),
            addr,
            user_token: self.user_token,
            bot_token: self.bot_token,
            seed_info,
            app,
            shutdown: Some(tx),
            task: Some(task),
        })
    }
}

/// A running sandbox server. Dropping the handle stops it; so does [`Sandbox::shutdown`],
/// which also waits until every connection is closed.
#[derive(Debug)]
pub struct Sandbox {
    base_url: String,
    addr: SocketAddr,
    user_token: String,
    bot_token: String,
    seed_info: SeedInfo,
    app: Arc<App>,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl Sandbox {
    /// Starts a sandbox with the default options on an ephemeral port of 127.0.0.1.
    pub async fn start() -> std::io::Result<Sandbox> {
        Self::builder().start().await
    }

    /// Options for a sandbox.
    pub fn builder() -> SandboxBuilder {
        SandboxBuilder::default()
    }

    /// The base URL, e.g. `http://127.0.0.1:41234` (no trailing slash).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The address the sandbox listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The user's access token.
    pub fn user_token(&self) -> &str {
        &self.user_token
    }

    /// The agent bot's access token.
    pub fn bot_token(&self) -> &str {
        &self.bot_token
    }

    /// The main seeded account's id.
    pub fn account_id(&self) -> i64 {
        self.seed_info.account_id
    }

    /// Well-known ids of the seeded data.
    pub fn seed_info(&self) -> &SeedInfo {
        &self.seed_info
    }

    /// Queues the next `times` answers of an operation as this fault, first in
    /// first out (faults of other operations are queued apart).
    ///
    /// ```no_run
    /// # async fn demo() -> std::io::Result<()> {
    /// use ruut_sandbox::{Fault, Operation, Sandbox};
    ///
    /// let sandbox = Sandbox::start().await?;
    /// sandbox.inject(Operation::CreateMessage, Fault::DropConnection, 1);
    /// # Ok(())
    /// # }
    /// ```
    pub fn inject(&self, operation: Operation, fault: Fault, times: u32) {
        self.app.faults.push(operation, fault, times);
    }

    /// Drops every queued fault.
    pub fn clear_faults(&self) {
        self.app.faults.clear();
    }

    /// Every request received so far, oldest first (the token redacted).
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.app.journal.all()
    }

    /// How many requests the [`rate_limit`](SandboxBuilder::rate_limit) answered
    /// with 429 so far (0 without a limit).
    pub fn throttled(&self) -> u64 {
        self.app.throttle.as_ref().map_or(0, Throttle::throttled)
    }

    /// Forgets the recorded requests.
    pub fn clear_requests(&self) {
        self.app.journal.clear();
    }

    /// How many messages a conversation has now (0 if it does not exist).
    pub fn message_count(&self, account_id: i64, conversation_id: i64) -> usize {
        self.app
            .store
            .lock()
            .conversation(account_id, conversation_id)
            .map_or(0, |c| c.messages.len())
    }

    /// The ids of a conversation's messages, oldest first (none if it does not exist).
    pub fn message_ids(&self, account_id: i64, conversation_id: i64) -> Vec<i64> {
        self.app
            .store
            .lock()
            .conversation(account_id, conversation_id)
            .map_or_else(Vec::new, |c| c.messages.iter().map(|m| m.id).collect())
    }

    /// The status changes made to a conversation through either status route,
    /// oldest first, with the `reason` and `agent_id` Ruut's route was given.
    pub fn status_changes(&self, account_id: i64, conversation_id: i64) -> Vec<StatusChange> {
        self.app
            .store
            .lock()
            .conversation(account_id, conversation_id)
            .map_or_else(Vec::new, |c| c.status_log.clone())
    }

    /// The state shared with the server (for the kit's modules).
    pub(crate) fn app(&self) -> &App {
        &self.app
    }

    /// Stops the server and waits until it has closed every connection.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}
