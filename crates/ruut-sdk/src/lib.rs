//! The Rust SDK for the [Ruut](https://app.ruut.chat) customer-support chat API.
//!
//! ```no_run
//! use futures::TryStreamExt;
//! use ruut_sdk::types::ConversationStatusFilter;
//! use ruut_sdk::{Client, ErrorKind};
//!
//! #[tokio::main]
//! async fn main() -> Result<(), ruut_sdk::Error> {
//!     // Reads RUUT_API_TOKEN and RUUT_ACCOUNT_ID (and RUUT_BASE_URL, if set).
//!     let client = Client::from_env()?;
//!
//!     let mut open = client
//!         .conversations()
//!         .status(ConversationStatusFilter::Open)
//!         .stream();
//!     while let Some(conversation) = open.try_next().await? {
//!         let change = client
//!             .conversation(conversation.id)
//!             .resolve()
//!             .reason("Answered by the FAQ bot")
//!             .send()
//!             .await;
//!         match change {
//!             Ok(change) => println!("#{} is now {}", change.conversation_id, change.status),
//!             Err(e) if e.kind() == ErrorKind::StatusChangeForbidden => {
//!                 println!("#{} is locked: {}", conversation.id, e.message());
//!             }
//!             Err(e) => return Err(e),
//!         }
//!     }
//!     Ok(())
//! }
//! ```
//!
//! `cargo run -p ruut-sdk --example quickstart` walks Ruut's documented workflow
//! against an in-process sandbox server, no account needed.
//!
//! # Configuration
//!
//! [`Client::builder`] takes the base URL (default `https://app.ruut.chat`, with a
//! trailing slash or `/api/v1` forgiven), the access token, the account id,
//! timeouts, the user agent, the [`RetryPolicy`], the [`StatusRoute`] and the
//! [`AuthHeader`] spelling; [`Client::from_env`] reads `RUUT_API_TOKEN`,
//! `RUUT_BASE_URL` and `RUUT_ACCOUNT_ID`. Every setting is checked by
//! [`build`](ClientBuilder::build): a missing token, a token that cannot go in a
//! header, a malformed URL or plain `http://` to a remote host is an error of kind
//! [`Config`](ErrorKind::Config) at start-up, not at the first request.
//!
//! # The token
//!
//! The token travels in the `api_access_token` header, marked sensitive. Behind a
//! proxy that drops underscore headers (nginx's default) the server answers as if
//! no token had come; the client then resends once as `Api-Access-Token` and keeps
//! that spelling (see [`AuthHeader`]). No `Debug`
//! output, error message or tracing event of this crate contains it. Redirects are
//! not followed, since the header would travel with them. The query-parameter form
//! Ruut's docs mention is not offered: tokens in URLs end up in logs.
//!
//! # Conversation statuses
//!
//! [`ConversationStatus`] is the type the generated structs carry, with helpers
//! (`is_active`, `is_closed`, `is_deferred`) and an `Unknown(String)` for statuses
//! a future server may add. Status changes are intent-named calls on
//! [`Client::conversation`]: [`resolve`](ConversationHandle::resolve),
//! [`reopen`](ConversationHandle::reopen),
//! [`mark_pending`](ConversationHandle::mark_pending),
//! [`snooze_until`](ConversationHandle::snooze_until),
//! [`snooze_until_reply`](ConversationHandle::snooze_until_reply) and
//! [`schedule`](ConversationHandle::schedule), each with an optional reason and
//! agent. They work over Ruut's documented route or the account-scoped route of
//! the Chatwoot server underneath: by default ([`StatusRoute::Auto`]) the client
//! finds out which the server has, at the first status change, and keeps to it.
//! The answer is a [`StatusChange`] either way.
//!
//! # Finding out what the server offers
//!
//! [`Client::probe`] reads the server's version, the status route it has, the
//! token header spelling that reaches it and the accounts the token reaches,
//! without changing anything, and teaches the client what it found
//! ([`ProbeReport`]).
//!
//! # Errors
//!
//! Every call returns [`Error`], whose [`kind`](Error::kind) is what to match on.
//! It keeps the HTTP status, the server's message and details, Ruut's error code,
//! the operation and an excerpt of the body, and knows whether it
//! [`is_retryable`](Error::is_retryable). Every error body the server sends is
//! understood, including plain text and HTML.
//!
//! # Retries and timeouts
//!
//! Idempotent calls (reads, status changes, priority, assignment) are retried on
//! rate limiting, timeouts, broken connections and HTTP 502/503/504, with
//! exponential backoff and full jitter, honouring `Retry-After`; calls that create
//! something are sent once. See [`RetryPolicy`]. Each request has a timeout (30 s)
//! and a connect timeout (10 s) by default; the timeout covers reading the answer.
//! An answer's body may be at most 8 MiB
//! ([`max_response_body`](ClientBuilder::max_response_body)); a larger one is an
//! error of kind [`ResponseTooLarge`](ErrorKind::ResponseTooLarge), so that a
//! misbehaving server or proxy cannot fill memory. Of an error answer the client
//! reads at most 64 KiB.
//!
//! # Naming
//!
//! The calls follow one scheme, so that the name of a call says what it does:
//!
//! * A fetch of one thing is `get_*` on the [`Client`]:
//!   [`get_conversation`](Client::get_conversation), [`get_contact`](Client::get_contact),
//!   [`get_profile`](Client::get_profile), [`get_account`](Client::get_account),
//!   [`get_server_info`](Client::get_server_info).
//! * A handle acts on one thing and never fetches it; making one sends nothing:
//!   [`client.conversation(id)`](Client::conversation) is a [`ConversationHandle`].
//! * A call whose inputs are all required is a plain `async fn` taking them:
//!   [`assign(agent_id)`](ConversationHandle::assign),
//!   [`set_priority(..)`](ConversationHandle::set_priority),
//!   [`list_accounts()`](Client::list_accounts).
//! * A call with optional inputs is a builder, `Clone` and `#[must_use]`, whose
//!   setters take and return it and whose `send(self)` sends it: a `…Request` to
//!   change something ([`StatusRequest`] from
//!   [`resolve()`](ConversationHandle::resolve) and the other status methods,
//!   [`MessageRequest`] from [`reply(text)`](ConversationHandle::reply) and
//!   [`note(text)`](ConversationHandle::note), [`CreateConversationRequest`],
//!   [`CreateContactRequest`]), a `…Query` to list ([`ConversationQuery`],
//!   [`ContactQuery`], [`ContactSearchQuery`], [`MessageQuery`]).
//! * A query's `send(self)` fetches one page ([`ConversationPage`],
//!   [`ContactPage`], [`MessagePage`]: the items, and what the server said about
//!   the rest); its `stream(self)` is every item, a
//!   [`Stream`](futures::Stream) that fetches the next page while the current one
//!   is consumed: one request in flight, at most two pages held.
//! * No type of this crate shares a name with one of [`types`] (a test checks).
//!
//! # Features
//!
//! | feature | default | |
//! |---|---|---|
//! | `rustls` | yes | TLS through rustls |
//! | `native-tls` | | TLS through the platform's library (OpenSSL on Linux; its headers are needed to build) |
//! | `gzip` | | accept gzip-compressed answers |
//! | `brotli` | | accept brotli-compressed answers |
//! | `zstd` | | accept zstd-compressed answers (builds the zstd C library) |
//! | `axum` | | `webhook::axum::VerifiedWebhook`, an axum extractor that verifies and parses webhook deliveries |
//!
//! Without `rustls` or `native-tls` the client speaks plain HTTP only (a local
//! server, such as `ruut-sandbox`). Compressed answers are decoded before the
//! [`max_response_body`](ClientBuilder::max_response_body) cap counts them. The
//! project's CI checks the crate with no default features, with each feature
//! alone and with all of them, and runs its tests with all of them.
//!
//! # Tracing
//!
//! Each attempt at a request is a `tracing` span `ruut.request` with the
//! operation, the attempt number and the HTTP status; retries are events in it.
//!
//! # Beyond the wrapper
//!
//! [`Client::raw`] is the generated [`ruut_api::Client`], authenticated and
//! configured, for whatever this crate does not wrap; [`types`] and [`enums`] are
//! its data types. The table below (generated from the spec) says which
//! operations have a call here and which are reached through [`Client::raw`] only.
//!
#![doc = include_str!("coverage.md")]
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod account_update;
mod accounts;
mod agent_bots;
mod agents;
mod audit_logs;
mod automation_rules;
mod canned_responses;
mod client;
mod contacts;
mod conversations;
mod csat;
mod custom_attributes;
mod custom_filters;
mod error;
pub mod filter;
mod help_center;
mod inboxes;
mod integrations;
mod labels;
mod macros;
mod pagination;
mod probe;
mod profile;
mod reports;
mod teams;
mod transport;
pub mod webhook;
mod webhooks;

pub use account_update::UpdateAccountRequest;
pub use agent_bots::create::CreateAgentBotRequest;
pub use agent_bots::handle::{AgentBotHandle, UpdateAgentBotRequest};
pub use agent_bots::info::{AccessToken, AgentBotInfo};
pub use agents::agent::{AgentHandle, UpdateAgentRequest};
pub use agents::create::CreateAgentRequest;
pub use audit_logs::{AuditLogPage, AuditLogQuery};
pub use automation_rules::create::CreateAutomationRuleRequest;
pub use automation_rules::handle::{AutomationRuleHandle, UpdateAutomationRuleRequest};
pub use canned_responses::{CannedResponseHandle, UpdateCannedResponseRequest};
pub use client::Client;
pub use client::builder::ClientBuilder;
pub use client::config::DEFAULT_POOL_IDLE_TIMEOUT;
pub use client::config::{
    AuthHeader, DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT, DEFAULT_USER_AGENT,
    ENV_ACCOUNT_ID, ENV_API_TOKEN, ENV_BASE_URL, StatusRoute,
};
pub use client::download::{AttachmentDownload, MAX_REDIRECTS};
pub use contacts::contact::ContactHandle;
pub use contacts::contact::links::AddContactInboxRequest;
pub use contacts::contact::update::UpdateContactRequest;
pub use contacts::create::CreateContactRequest;
pub use contacts::page::ContactPage;
pub use contacts::query::ContactQuery;
pub use contacts::search::ContactSearchQuery;
pub use conversations::bulk::BulkUpdateRequest;
pub use conversations::conversation::ConversationHandle;
pub use conversations::conversation::attachments::{AttachmentPage, AttachmentQuery};
pub use conversations::conversation::message::{MessageHandle, UpdateMessageRequest};
pub use conversations::conversation::messages::{MessagePage, MessageQuery, MessageRequest};
pub use conversations::conversation::status::{StatusChange, StatusRequest};
pub use conversations::conversation::typing::TypingRequest;
pub use conversations::conversation::update::UpdateConversationRequest;
pub use conversations::conversation::upload::{
    FileAttachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS,
};
pub use conversations::create::CreateConversationRequest;
pub use conversations::page::ConversationPage;
pub use conversations::query::ConversationQuery;
pub use conversations::search::{ConversationSearchPage, ConversationSearchQuery};
pub use csat::{CsatResponsePage, CsatResponseQuery};
pub use custom_attributes::{
    CreateCustomAttributeDefinitionRequest, CustomAttributeDefinitionHandle,
    UpdateCustomAttributeDefinitionRequest,
};
pub use custom_filters::{CustomFilterHandle, SavedFilterAttribute, UpdateCustomFilterRequest};
pub use error::limits::DEFAULT_MAX_RESPONSE_BODY;
pub use error::{Error, ErrorKind, Result};
pub use help_center::{
    ArticleHandle, ArticlePage, ArticleQuery, CategoryHandle, CategoryPage, CategoryQuery,
    CreateArticleRequest, CreateCategoryRequest, CreatePortalRequest, PortalArticles,
    PortalCategories, PortalHandle, UpdateArticleRequest, UpdateCategoryRequest,
    UpdatePortalRequest,
};
pub use inboxes::create::CreateInboxRequest;
pub use inboxes::handle::{InboxHandle, UpdateInboxRequest};
pub use integrations::IntegrationsHandle;
pub use integrations::create::CreateIntegrationHookRequest;
pub use integrations::hook::{IntegrationHookHandle, UpdateIntegrationHookRequest};
pub use labels::{CreateLabelRequest, LabelHandle, UpdateLabelRequest};
pub use macros::create::CreateMacroRequest;
pub use macros::handle::{MacroHandle, UpdateMacroRequest};
pub use probe::ProbeReport;
pub use profile::UpdateProfileRequest;
pub use reports::bots::BotSummaryRequest;
pub use reports::breakdowns::{BreakdownRequest, OutgoingGroup};
pub use reports::downloads::{DownloadReportRequest, ReportCsv};
pub use reports::events::{ReportingEventPage, ReportingEventQuery};
pub use reports::label_matrix::InboxLabelMatrixRequest;
pub use reports::labels::LabelBreakdownRequest;
pub use reports::metrics::{SummaryRequest, TimeseriesRequest};
pub use reports::{GroupBy, ReportRange, ReportSubject, ReportsHandle};
pub use teams::create::CreateTeamRequest;
pub use teams::team::{TeamHandle, UpdateTeamRequest};
pub use transport::options::CallOptions;
pub use transport::policy::RetryPolicy;
pub use transport::rate_limit::RateLimit;
pub use webhooks::RegisteredWebhook;
pub use webhooks::create::CreateWebhookRequest;
pub use webhooks::handle::{UpdateWebhookRequest, WebhookHandle};

/// The generated client this crate wraps, for [`Client::raw`].
pub use ruut_api;
/// Forward-compatible enums for server-owned values.
pub use ruut_api::enums;
pub use ruut_api::enums::{ConversationPriority, ConversationStatus};
/// The operations of the API, as [`Error::operation`] names them.
pub use ruut_api::operations::Operation;
/// A credential an answer carries (an inbox's `hmac_token`, a bot's token in
/// the generated types, a webhook's `secret`): a string hidden from `Debug`.
pub use ruut_api::secret::Secret;
/// The server's data types: conversations, messages, contacts, accounts, filters.
pub use ruut_api::types;

/// The README's example compiles (`cargo test --doc`), so crates.io's page
/// cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
