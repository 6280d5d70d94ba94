//! A local, in-memory server that behaves like the Ruut API (Chatwoot under
//! Ruut), for the quickstart, the SDK's tests and other teams: Ruut's answer
//! to stripe-mock.
//!
//! It serves every operation of `openapi/ruut.yaml` over real HTTP, with
//! seeded, deterministic data, the real server's auth and error shapes, both
//! status routes, pagination, and fault injection for testing clients.
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

mod app;
mod auth;
mod clock;
mod errors;
mod faults;
mod journal;
mod operations;
mod pipeline;
mod render;
mod routes;
mod sandbox;
mod scope;
mod seed;
mod server;
mod state;
mod throttle;
mod validate;
mod webhooks;

pub use faults::{Fault, FaultSpec};
pub use journal::RecordedRequest;
pub use render::CHATWOOT_VERSION;
/// The operations of `openapi/ruut.yaml` (the same type as [`ruut_api::operations::Operation`]).
pub use ruut_api::operations::Operation;
pub use sandbox::{
    DEFAULT_BODY_LIMIT, DEFAULT_BOT_TOKEN, DEFAULT_SEED, DEFAULT_USER_TOKEN, Sandbox,
    SandboxBuilder,
};
pub use seed::SeedInfo;
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
