//! What the workspace tests in `tests/tests/` share: the raw generated client
//! they drive the API with, a `tracing` writer that keeps what it is given,
//! and tiny TCP servers that misbehave in ways the sandbox cannot.
//!
//! Test binaries use it as `ruut_tests::…`, directly or through their support
//! modules (`tests/tests/reliability_support`, `tests/tests/sdk_support`).

pub mod raw_client;
pub mod raw_server;
pub mod trace;

pub use raw_client::raw_client;
pub use raw_server::{Behaviour, RawServer};
pub use trace::Captured;
