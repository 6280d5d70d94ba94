//! The state shared by every request: records, tokens, faults and the journal.

use crate::auth::Tokens;
use crate::faults::FaultQueue;
use crate::journal::Journal;
use crate::state::Shared;

/// Everything a running sandbox shares between requests and its handle.
#[derive(Debug)]
pub(crate) struct App {
    /// The records, behind one lock.
    pub store: Shared,
    /// The tokens the sandbox accepts.
    pub tokens: Tokens,
    /// Queued faults.
    pub faults: FaultQueue,
    /// Every request received.
    pub journal: Journal,
    /// Strict-Chatwoot mode: Ruut's documented routes do not exist.
    pub chatwoot_only: bool,
    /// The largest request body accepted, in bytes (larger ones get 413).
    pub body_limit: usize,
    /// Where events are delivered as webhooks, if anywhere.
    pub webhooks: crate::webhooks::Webhooks,
    /// The request limit, if one was set.
    pub throttle: Option<crate::throttle::Throttle>,
}
