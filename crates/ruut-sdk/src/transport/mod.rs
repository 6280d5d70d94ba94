//! How one call reaches the server: the attempts the retry policy allows, each in
//! its own tracing span.
//!
//! `policy` is the [`RetryPolicy`](crate::RetryPolicy) and the waits it computes,
//! `options` the per-call overrides of it and of the timeout,
//! `rate_limit` the client-side limit every attempt waits for, `retry` the loop
//! that runs the attempts, `telemetry` what the attempts tell `tracing`.

pub(crate) mod options;
pub(crate) mod policy;
pub(crate) mod rate_limit;
pub(crate) mod retry;
pub(crate) mod telemetry;
