//! A local, in-memory server that behaves like the Ruut API (Chatwoot under
//! Ruut), for the quickstart, the SDK's tests, other teams, and your own
//! bot's tests: Ruut's answer to stripe-mock.
//!
//! It serves every operation of `openapi/ruut.yaml` over real HTTP, with
//! seeded, deterministic data, the real server's auth and error shapes, both
//! status routes, pagination, webhooks, and fault injection for testing clients.
//!
//! # Testing your bot with it
//!
//! Add it as a dev-dependency (`[dev-dependencies] ruut-sandbox = "…"`), start
//! one per test (each is its own server on a free port of 127.0.0.1), and:
//!
//! 1. **seed** the records the test needs ([`Sandbox::seed`]: accounts,
//!    inboxes, contacts, conversations in any state, messages; ids chosen or
//!    read back);
//! 2. **drive** what the server would do on its own ([`Sandbox::customer_message`],
//!    [`Sandbox::expire_snooze`], [`Sandbox::agent_resolves`]), with the
//!    signed webhooks it would send;
//! 3. **expect** what your code sent ([`Sandbox::expect`]: operation, path
//!    parameters, query, body fields; a failure lists what did arrive);
//! 4. **inject faults** per operation and call count ([`Sandbox::inject`]).
//!
//! A bot that thanks every customer who writes, retrying once when the API
//! fails, and its test (this crate cannot use `ruut-sdk`, which tests against
//! it; the same test with the SDK is `ruut-sdk`'s example `bot_testing`):
//!
//! ```
//! use std::time::Duration;
//!
//! use axum::{Json, Router, extract::State, routing::post};
//! use ruut_sandbox::{ConversationStatus, Fault, MessageKind, Operation, Sandbox};
//! use serde_json::{Value, json};
//!
//! /// Where the bot sends its replies.
//! #[derive(Clone)]
//! struct Api {
//!     base_url: String,
//!     token: String,
//!     http: reqwest::Client,
//! }
//!
//! /// The bot under test: its webhook handler.
//! async fn on_webhook(State(api): State<Api>, Json(event): Json<Value>) {
//!     if event["event"] != "message_created" || event["message_type"] != "incoming" {
//!         return;
//!     }
//!     let url = format!(
//!         "{}/api/v1/accounts/{}/conversations/{}/messages",
//!         api.base_url, event["account"]["id"], event["conversation"]["id"]
//!     );
//!     let reply = json!({"content": "Thanks, we are on it!"});
//!     for _attempt in 0..2 {
//!         let sent = api.http.post(&url).header("api_access_token", &api.token);
//!         let answer = sent.json(&reply).send().await;
//!         if answer.is_ok_and(|a| a.status().is_success()) {
//!             break;
//!         }
//!     }
//! }
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! // In your tests/bot.rs, this is the body of a `#[tokio::test] async fn`.
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
//! let hook = format!("http://{}/webhooks", listener.local_addr().unwrap());
//! let sandbox = Sandbox::builder().webhook(hook, "secret").start().await.unwrap();
//! let api = Api {
//!     base_url: sandbox.base_url().to_owned(),
//!     token: sandbox.bot_token().to_owned(),
//!     http: reqwest::Client::new(),
//! };
//! let bot = Router::new().route("/webhooks", post(on_webhook)).with_state(api);
//! tokio::spawn(async move { axum::serve(listener, bot).await });
//!
//! // 1. Seed: a pending conversation, assigned to the bot, with one message.
//! let account = sandbox.account_id();
//! let conversation = sandbox
//!     .seed()
//!     .conversation(account)
//!     .status(ConversationStatus::Pending)
//!     .assigned_to_bot()
//!     .message(MessageKind::Incoming, "Hi")
//!     .create()
//!     .unwrap();
//! // 4. Fault: the bot's first reply is answered with a 500.
//! sandbox.inject(Operation::CreateMessage, Fault::InternalServerError, 1);
//! // 2. Drive: the customer writes; the webhook goes to the bot.
//! sandbox
//!     .customer_message(account, conversation.id, "Where is my order?")
//!     .unwrap();
//! // 3. Expect: the bot replied there, and tried again after the 500.
//! let thanks = sandbox
//!     .expect(Operation::CreateMessage)
//!     .path("conversation_id", conversation.id)
//!     .body("content", "Thanks, we are on it!");
//! thanks.arrivals(2, Duration::from_secs(30)).await.unwrap();
//! thanks.times(2);
//! assert_eq!(sandbox.message_count(account, conversation.id), 3);
//! # }
//! ```
//!
//! The expectations panic in test style (`once`, `times`, `never`,
//! `at_least`, pointing at your test's line) or return an
//! [`ExpectationError`] (`verify`, `arrivals`): see [`Expectation`].
//!
//! # Running it by hand
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use ruut_sandbox::{Fault, Operation, Sandbox};
//!
//! let sandbox = Sandbox::start().await?;
//! println!("{} with token {}", sandbox.base_url(), sandbox.user_token());
//! // The next two answers of getConversation are 429s.
//! sandbox.inject(
//!     Operation::GetConversation,
//!     Fault::TooManyRequests { retry_after: None },
//!     2,
//! );
//! sandbox.shutdown().await;
//! # Ok(())
//! # }
//! ```
//!
//! Behaviour worth knowing (see the crate README for the rest):
//!
//! - **Auth** as chatwoot-api.md §3: `api_access_token` or `Api-Access-Token`;
//!   missing, unknown, bot-on-a-user-endpoint and not-a-member are all 401s
//!   with their own bodies; unknown records are 404. Bots may use the account
//!   of [`SeedInfo::bot_id`] only.
//! - **Unknown routes** answer Rails' routing 404: `{"status":404,"error":"Not Found"}`
//!   when `Accept` asks for JSON only, an HTML page otherwise. Wrong methods on
//!   known paths answer 405 with an `Allow` header.
//! - **Strict-Chatwoot mode** ([`SandboxBuilder::chatwoot_only`]) removes Ruut's
//!   documented routes.
//! - **Validation** follows the spec's schemas: a body or query value of the
//!   wrong type or outside an enum is a 422 `{"error": ...}`, malformed JSON
//!   too; ids in the path that are not integers are 404s; bodies over the
//!   limit are 413s.
//! - **Times**: timed snoozes are checked lazily on every request, so a
//!   conversation whose `snoozed_until` passed reads back as open.
//!   `snoozed_until` values outside 1970..=9999 are clamped into that range.

#![forbid(unsafe_code)]

mod account_details;
mod account_webhooks;
mod actions;
mod admin_config;
mod admin_seed;
mod app;
mod audit;
mod auth;
mod automation;
mod automation_rules;
mod clock;
mod compression;
mod conversation_extra;
mod csat;
mod delivery_progress;
mod errors;
mod events;
mod expect;
mod faults;
mod files;
mod filter;
mod fixtures;
mod help_center;
mod ids;
mod inbox_config;
mod integrations;
mod journal;
mod macros;
mod notes;
mod operations;
mod paging;
mod people;
mod pipeline;
mod records;
mod render;
mod reporting;
mod routes;
mod sandbox;
mod scope;
mod seed;
mod seed_info;
mod server;
mod setup_error;
mod state;
mod throttle;
mod validate;
mod visibility;
mod webhooks;

pub use compression::{Compression, UnknownCompression};
pub use conversation_extra::Transcript;
pub use expect::{Expectation, ExpectationError};
pub use faults::{Fault, FaultSpec};
pub use fixtures::{
    AccountSeed, ContactSeed, ConversationSeed, InboxSeed, MessageKind, SeededConversation, Seeder,
};
pub use journal::RecordedRequest;
pub use render::CHATWOOT_VERSION;
/// The statuses and priorities the seeders and server events take (the SDK's own types).
pub use ruut_api::enums::{ConversationPriority, ConversationStatus};
/// The operations of `openapi/ruut.yaml` (the same type as [`ruut_api::operations::Operation`]).
pub use ruut_api::operations::Operation;
pub use sandbox::{
    DEFAULT_BODY_LIMIT, DEFAULT_BOT_TOKEN, DEFAULT_SEED, DEFAULT_USER_TOKEN, Sandbox,
    SandboxBuilder,
};
pub use seed::SeedInfo;
pub use setup_error::SetupError;
pub use state::StatusChange;
pub use webhooks::WEBHOOK_TIMEOUT;

/// Whether the sandbox serves an operation in its default (Ruut) mode: it
/// answers the operation's method and path with its own behaviour, rather
/// than with Rails' routing 404.
///
/// Every operation of the spec should be served; the workspace's coverage
/// test asks this for each of [`Operation::ALL`] and names the ones that are
/// not. In strict-Chatwoot mode ([`SandboxBuilder::chatwoot_only`]) the
/// operations whose source is Ruut's documentation are left out as well.
///
/// ```
/// use ruut_sandbox::Operation;
///
/// assert!(ruut_sandbox::handles(Operation::GetConversation));
/// ```
pub fn handles(operation: Operation) -> bool {
    routes::handles(operation)
}
