//! How one call reaches the server: the attempts the retry policy allows, each in
//! its own tracing span.
//!
//! `policy` is the [`RetryPolicy`](crate::RetryPolicy) and the waits it computes,
//! `retry` the loop that runs the attempts, `telemetry` what the attempts tell
//! `tracing`.

pub(crate) mod policy;
pub(crate) mod retry;
pub(crate) mod telemetry;
