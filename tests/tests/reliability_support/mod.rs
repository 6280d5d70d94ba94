//! What the reliability tests share: a sandbox and clients for it with small,
//! known timeouts; a hang guard around every call; the time budget a failing
//! call must end within; and the concurrent status-change run shared by the
//! short load test and `cargo xtask load`. The tiny TCP servers that misbehave
//! in ways the sandbox cannot (accept and stay silent, stall mid-body, stream
//! forever, record the headers that reach another host) and the captured
//! `tracing` writer come from the shared test library, `ruut_tests`.
//!
//! Every test of a `reliability_*.rs` file carries a `/// Case <id>: <what>`
//! and a `/// Expect: <outcome>` line; `cargo xtask reliability-report` turns
//! them, with the outcome of running the tests, into RELIABILITY.md (see
//! `xtask/src/reports/reliability/`). [`record`] adds what a run measured.

#![allow(dead_code)]

pub mod load;

use std::future::Future;
use std::time::{Duration, Instant};

use ruut_sandbox::Sandbox;
use ruut_sdk::{Client, ClientBuilder, Error, ErrorKind, RetryPolicy};
// Not every test binary including this module uses all of it.
#[allow(unused_imports)]
pub use ruut_tests::{Behaviour, Captured, RawServer};

/// Long and distinctive, so that a leak is found by a plain substring search.
pub const TOKEN: &str = "rt_live_RELIABILITY_9fK2xQ7mZ4";

/// How long any single call of a test may take before the test calls it a hang.
/// Far above every budget below: reaching it means something ignored its timeout.
pub const HANG_GUARD: Duration = Duration::from_secs(60);

/// The per-request timeout of the test clients: short, so that hangs end fast.
pub const TIMEOUT: Duration = Duration::from_millis(700);

/// Retries for tests: 3 attempts, milliseconds apart.
pub fn retries() -> RetryPolicy {
    RetryPolicy::default()
        .with_max_attempts(3)
        .with_base_delay(Duration::from_millis(5))
        .with_max_delay(Duration::from_millis(50))
        .with_deadline(Some(Duration::from_secs(30)))
}

/// A sandbox that accepts [`TOKEN`].
pub async fn sandbox() -> Sandbox {
    Sandbox::builder()
        .user_token(TOKEN)
        .start()
        .await
        .expect("the sandbox starts")
}

/// A builder for a client of `sandbox`: [`TIMEOUT`], [`retries`].
pub fn builder(sandbox: &Sandbox) -> ClientBuilder {
    builder_for(sandbox.base_url())
        .api_token(sandbox.user_token())
        .account_id(sandbox.account_id())
}

/// A builder for a client of any loopback server, with [`TOKEN`].
pub fn builder_for(base_url: &str) -> ClientBuilder {
    Client::builder()
        .base_url(base_url)
        .api_token(TOKEN)
        .account_id(1)
        .user_agent("ruut-reliability-tests")
        .timeout(TIMEOUT)
        .connect_timeout(TIMEOUT)
        .retry_policy(retries())
}

/// A client of `sandbox`.
pub fn client(sandbox: &Sandbox) -> Client {
    builder(sandbox).build().expect("valid settings")
}

/// Runs `call`, failing the test if it has not finished within [`HANG_GUARD`].
pub async fn guard<F: Future>(what: &str, call: F) -> F::Output {
    match tokio::time::timeout(HANG_GUARD, call).await {
        Ok(output) => output,
        Err(_) => panic!("hang: {what} did not finish within {HANG_GUARD:?}"),
    }
}

/// The longest a call may take under `policy` when every attempt runs into the
/// request timeout: each attempt's timeout, each wait's cap, and a generous
/// allowance for a loaded machine. Not a performance target: a call past it
/// ignored its timeout or its retry budget.
pub fn budget(policy: &RetryPolicy, timeout: Duration) -> Duration {
    let attempts = policy.max_attempts.max(1);
    timeout * attempts + policy.max_delay * attempts + Duration::from_secs(10)
}

/// A call's result and how long it took.
pub struct Timed<T> {
    pub result: Result<T, Error>,
    pub elapsed: Duration,
}

/// Runs `call` under the hang guard and times it.
pub async fn timed<T, F: Future<Output = Result<T, Error>>>(what: &str, call: F) -> Timed<T> {
    let started = Instant::now();
    let result = guard(what, call).await;
    Timed {
        result,
        elapsed: started.elapsed(),
    }
}

impl<T: std::fmt::Debug> Timed<T> {
    /// The error, which must be of `kind` and have come within `budget`.
    pub fn expect_error(self, kind: ErrorKind, budget: Duration) -> (Error, Duration) {
        let error = match self.result {
            Ok(value) => panic!("expected an error of kind {kind:?}, got {value:?}"),
            Err(error) => error,
        };
        assert_eq!(error.kind(), kind, "{error}");
        assert!(
            self.elapsed <= budget,
            "{kind:?} took {:?}, over its budget of {budget:?}: {error}",
            self.elapsed
        );
        (error, self.elapsed)
    }
}

/// Records what a case measured, for RELIABILITY.md: written to
/// `$RUUT_RELIABILITY_OUT/<case>.txt` when `cargo xtask reliability-report`
/// runs the tests, ignored otherwise.
pub fn record(case: &str, outcome: impl std::fmt::Display) {
    let Some(dir) = std::env::var_os("RUUT_RELIABILITY_OUT") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(format!("{case}.txt")), outcome.to_string());
}

/// `Timeout after 3 attempts in 2.1 s (budget 14.2 s)`.
pub fn describe(error: &Error, elapsed: Duration, budget: Duration) -> String {
    let attempts = match error.attempts() {
        1 => "1 attempt".to_owned(),
        n => format!("{n} attempts"),
    };
    format!(
        "{:?}{} after {attempts} in {:.1} s (budget {:.0} s)",
        error.kind(),
        error
            .status()
            .map(|s| format!(" (HTTP {s})"))
            .unwrap_or_default(),
        elapsed.as_secs_f64(),
        budget.as_secs_f64(),
    )
}

/// Asserts that the token appears nowhere in an error: its `Display`, its
/// `Debug`, its body excerpt and every source in its chain.
pub fn assert_no_token(error: &Error) {
    let mut texts = vec![format!("{error}"), format!("{error:?}")];
    texts.extend(error.body_excerpt().map(str::to_owned));
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        texts.push(format!("{cause} {cause:?}"));
        source = cause.source();
    }
    for text in texts {
        assert!(!text.contains(TOKEN), "the token leaked: {text}");
    }
}
