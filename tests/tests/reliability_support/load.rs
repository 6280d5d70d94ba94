//! Many SDK tasks changing the statuses of many conversations at once, with
//! injected 503s, and the proof that nothing was lost or reordered: for every
//! conversation, the status the sandbox ends with is the last change its
//! `status_changes` log accepted, and every change a client saw succeed is in
//! that log.
//!
//! The short run is a normal test (`reliability_load.rs`); `cargo xtask load`
//! runs the same code for longer with more tasks (its `#[ignore]`d test).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use ruut_api::operations::Operation;
use ruut_sandbox::{Fault, Sandbox};
use ruut_sdk::types::ToggleableStatus;
use ruut_sdk::{Client, ConversationStatus, ErrorKind, RetryPolicy};

/// The operation the load changes statuses through.
const OPERATION: Operation = Operation::UpdateConversationStatus;

/// The statuses the load sets (no timed snooze: it could expire mid-run).
const STATUSES: [&str; 3] = ["open", "pending", "resolved"];

/// How big a run is.
#[derive(Clone, Copy, Debug)]
pub struct LoadConfig {
    /// Concurrent tasks, each with its own clone of one client.
    pub tasks: usize,
    /// How long tasks keep starting calls.
    pub duration: Duration,
    /// Conversations changed (created for the run).
    pub conversations: usize,
    /// One call in this many meets an injected 503 (100: 1%).
    pub fault_every: u64,
}

impl LoadConfig {
    /// The settings of `cargo xtask load`, overridable by `RUUT_LOAD_TASKS`,
    /// `RUUT_LOAD_SECS`, `RUUT_LOAD_CONVERSATIONS` and `RUUT_LOAD_FAULT_EVERY`.
    pub fn from_env(default: LoadConfig) -> LoadConfig {
        let var = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
        LoadConfig {
            tasks: var("RUUT_LOAD_TASKS").map_or(default.tasks, |v| v as usize),
            duration: var("RUUT_LOAD_SECS").map_or(default.duration, Duration::from_secs),
            conversations: var("RUUT_LOAD_CONVERSATIONS")
                .map_or(default.conversations, |v| v as usize),
            fault_every: var("RUUT_LOAD_FAULT_EVERY").map_or(default.fault_every, |v| v.max(1)),
        }
    }
}

/// What a run did.
#[derive(Debug, Default)]
pub struct LoadReport {
    pub calls: u64,
    pub successes: u64,
    /// Requests sent beyond the first of each call (from the SDK's retry events).
    pub retries: u64,
    pub faults_injected: u64,
    pub errors: BTreeMap<String, u64>,
    pub conversations: usize,
    /// Entries in the sandbox's status logs written by the run.
    pub logged_changes: u64,
    pub elapsed: Duration,
    /// The slowest call, retries included.
    pub slowest: Duration,
}

impl std::fmt::Display for LoadReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let errors = if self.errors.is_empty() {
            "none".to_owned()
        } else {
            self.errors
                .iter()
                .map(|(kind, n)| format!("{kind} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        write!(
            f,
            "{} calls in {:.1} s ({:.0}/s): {} succeeded; {} retries after {} injected 503s; \
             errors by kind: {errors}; slowest call {:.2} s; {} conversations, final state = \
             last logged change for each, {} changes logged",
            self.calls,
            self.elapsed.as_secs_f64(),
            self.calls as f64 / self.elapsed.as_secs_f64().max(0.001),
            self.successes,
            self.retries,
            self.faults_injected,
            self.slowest.as_secs_f64(),
            self.conversations,
            self.logged_changes,
        )
    }
}

/// Counts the SDK's retry events (`INFO` "retrying after a transient
/// failure"), written by a global `tracing` subscriber at `INFO`.
#[derive(Clone, Default)]
pub struct RetryCounter(Arc<AtomicU64>);

impl std::io::Write for RetryCounter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(bytes);
        let n = text.matches("retrying after a transient failure").count() as u64;
        self.0.fetch_add(n, Ordering::Relaxed);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl RetryCounter {
    /// Installs the counter as the process's `tracing` subscriber (once).
    pub fn install() -> RetryCounter {
        static COUNTER: std::sync::OnceLock<RetryCounter> = std::sync::OnceLock::new();
        COUNTER
            .get_or_init(|| {
                let counter = RetryCounter::default();
                let writer = counter.clone();
                let subscriber = tracing_subscriber::fmt()
                    .with_max_level(tracing::Level::INFO)
                    .with_writer(move || writer.clone())
                    .finish();
                tracing::subscriber::set_global_default(subscriber)
                    .expect("no other global subscriber in this test binary");
                counter
            })
            .clone()
    }

    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// One client's view of one call that succeeded: which conversation, what status.
type Accepted = (i64, String);

/// Runs the load against `sandbox` and checks the final state; panics with
/// the reason if anything was lost, reordered, or hung.
pub async fn run(sandbox: Arc<Sandbox>, config: LoadConfig) -> LoadReport {
    let counter = RetryCounter::install();
    let retries_before = counter.get();
    let seed = sandbox.seed_info().clone();
    let client = Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .account_id(sandbox.account_id())
        .timeout(Duration::from_secs(10))
        .retry_policy(
            RetryPolicy::default()
                .with_max_attempts(3)
                .with_base_delay(Duration::from_millis(5))
                .with_max_delay(Duration::from_millis(50)),
        )
        .build()
        .expect("valid settings");

    // Fresh conversations, so that nothing seeded (a lock, a timed snooze)
    // interferes.
    let mut ids = Vec::with_capacity(config.conversations);
    for _ in 0..config.conversations {
        let created = client
            .create_conversation(seed.api_inbox_id)
            .contact(seed.contact_ids[0])
            .status(ToggleableStatus::Open)
            .send()
            .await
            .expect("a conversation for the load");
        ids.push(created.id);
    }
    let ids = Arc::new(ids);

    let calls = Arc::new(AtomicU64::new(0));
    let faults = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let deadline = started + config.duration;
    let mut tasks = Vec::with_capacity(config.tasks);
    for task in 0..config.tasks {
        let (client, sandbox, ids) = (client.clone(), sandbox.clone(), ids.clone());
        let (calls, faults) = (calls.clone(), faults.clone());
        tasks.push(tokio::spawn(async move {
            let mut rng = fastrand_like(task as u64 + 1);
            let mut accepted: Vec<Accepted> = Vec::new();
            let mut errors: BTreeMap<String, u64> = BTreeMap::new();
            let mut slowest = Duration::ZERO;
            while Instant::now() < deadline {
                let n = calls.fetch_add(1, Ordering::Relaxed) + 1;
                if n % config.fault_every == 0 {
                    sandbox.inject(
                        OPERATION,
                        Fault::ServiceUnavailable { retry_after: None },
                        1,
                    );
                    faults.fetch_add(1, Ordering::Relaxed);
                }
                let id = ids[(rng() % ids.len() as u64) as usize];
                let status = STATUSES[(rng() % STATUSES.len() as u64) as usize];
                let call_started = Instant::now();
                let result = tokio::time::timeout(
                    super::HANG_GUARD,
                    client
                        .conversation(id)
                        .set_status(ConversationStatus::from(status))
                        .send(),
                )
                .await
                .unwrap_or_else(|_| panic!("hang: a status change of #{id} never ended"));
                slowest = slowest.max(call_started.elapsed());
                match result {
                    Ok(change) => {
                        assert_eq!(change.status.as_str(), status, "#{id}");
                        accepted.push((id, status.to_owned()));
                    }
                    Err(error) => {
                        assert!(
                            matches!(
                                error.kind(),
                                ErrorKind::Server
                                    | ErrorKind::RateLimited
                                    | ErrorKind::Timeout
                                    | ErrorKind::Connection
                            ),
                            "only transient failures are expected under load: {error}"
                        );
                        *errors.entry(format!("{:?}", error.kind())).or_default() += 1;
                    }
                }
            }
            (accepted, errors, slowest)
        }));
    }

    let mut report = LoadReport {
        conversations: ids.len(),
        ..LoadReport::default()
    };
    let mut accepted_by_id: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for task in tasks {
        let (accepted, errors, slowest) = task.await.expect("a load task panicked");
        report.successes += accepted.len() as u64;
        report.slowest = report.slowest.max(slowest);
        for (id, status) in accepted {
            accepted_by_id.entry(id).or_default().push(status);
        }
        for (kind, n) in errors {
            *report.errors.entry(kind).or_default() += n;
        }
    }
    report.elapsed = started.elapsed();
    report.calls = calls.load(Ordering::Relaxed);
    report.faults_injected = faults.load(Ordering::Relaxed);
    report.retries = counter.get() - retries_before;
    sandbox.clear_faults();
    assert_eq!(
        report.successes + report.errors.values().sum::<u64>(),
        report.calls,
        "every call ended in success or a typed error"
    );

    // The proof: per conversation, the final state is the last logged change,
    // and the log holds exactly the changes the clients saw succeed (failed
    // calls met a canned 503 and changed nothing; one that timed out might
    // have, so the log may exceed the successes by that many).
    let maybe_applied = ["Timeout", "Connection"]
        .iter()
        .map(|k| report.errors.get(*k).copied().unwrap_or(0))
        .sum::<u64>();
    for &id in ids.iter() {
        let log: Vec<String> = sandbox
            .status_changes(seed.account_id, id)
            .into_iter()
            .map(|change| change.status)
            .collect();
        report.logged_changes += log.len() as u64;
        let accepted = accepted_by_id.remove(&id).unwrap_or_default();
        let now = client
            .get_conversation(id)
            .await
            .expect("the conversation reads back");
        match log.last() {
            Some(last) => assert_eq!(
                now.status.as_str(),
                last,
                "#{id}: the final state is not the last accepted change"
            ),
            None => assert_eq!(now.status, ConversationStatus::Open, "#{id}"),
        }
        let mut logged = log.clone();
        for status in &accepted {
            let at = logged
                .iter()
                .position(|s| s == status)
                .unwrap_or_else(|| panic!("#{id}: an accepted change to {status} is not logged"));
            logged.swap_remove(at);
        }
        assert!(
            logged.len() as u64 <= maybe_applied,
            "#{id}: {} logged changes no client saw accepted",
            logged.len()
        );
    }
    report
}

/// A small xorshift generator per task: the load needs spread, not quality,
/// and the tests crate does not depend on a random-number crate.
fn fastrand_like(seed: u64) -> impl FnMut() -> u64 {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    }
}
