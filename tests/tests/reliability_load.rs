//! Concurrency under injected faults: many SDK tasks change the statuses of
//! many conversations at once, 1% of the requests meet a 503, and nothing is
//! lost: every call ends in success or a typed error, and each
//! conversation's final state is the last change the sandbox's log accepted.
//!
//! The short run is part of `cargo test`; `cargo xtask load` runs the
//! `#[ignore]`d long one (64 tasks for 10 s), then the sandbox under wrk.

mod reliability_support;

use std::sync::Arc;
use std::time::Duration;

use reliability_support::load::{self, LoadConfig};
use reliability_support::record;

/// Case load.status-changes-short: 16 SDK tasks for 2 s changing the statuses of 50 conversations, 1% of requests answered 503.
/// Expect: every call ends in success or a typed error; each conversation's final status is the last change its status log accepted; every accepted change is logged.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_status_changes_lose_nothing() {
    let sandbox = Arc::new(reliability_support::sandbox().await);
    let report = load::run(
        sandbox,
        LoadConfig {
            tasks: 16,
            duration: Duration::from_secs(2),
            conversations: 50,
            fault_every: 100,
        },
    )
    .await;
    assert!(report.calls > 0 && report.successes > 0, "{report}");
    record("load.status-changes-short", &report);
}

/// The long run behind `cargo xtask load`; its settings come from
/// `RUUT_LOAD_*` (see [`LoadConfig::from_env`]) and its report goes to
/// stdout and to `$RUUT_LOAD_REPORT` when set.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "long: run by `cargo xtask load`"]
async fn long_concurrent_status_changes() {
    let config = LoadConfig::from_env(LoadConfig {
        tasks: 64,
        duration: Duration::from_secs(10),
        conversations: 50,
        fault_every: 100,
    });
    let sandbox = Arc::new(reliability_support::sandbox().await);
    let report = load::run(sandbox, config).await;
    let text = format!(
        "{} tasks, {} conversations, one request in {} answered 503: {report}",
        config.tasks, config.conversations, config.fault_every
    );
    println!("load report: {text}");
    if let Some(path) = std::env::var_os("RUUT_LOAD_REPORT") {
        std::fs::write(path, &text).expect("write the load report");
    }
}
