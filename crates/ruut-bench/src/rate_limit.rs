//! Benchmark 7: client-side rate limiting.
//!
//! A bulk job (64 tasks on clones of one client, each reading a conversation
//! a few times) against a sandbox that enforces a rack-attack-like limit
//! ([`ruut_sandbox::SandboxBuilder::rate_limit`]: 429 `Retry later` without
//! `Retry-After`), side by side in one run, three ways:
//!
//! * no client limit, the default retry policy (429s are retried after a
//!   back-off);
//! * no client limit, no retries (every 429 is a failed call);
//! * the client paced at the server's limit ([`ruut_sdk::RateLimit`]).
//!
//! For each: the requests the server saw, the 429s it answered, the calls
//! that failed, and the job's wall time, beside the least time in which the
//! job can finish without meeting a 429.

use std::time::{Duration, Instant};

use ruut_sandbox::Sandbox;
use ruut_sdk::{Client, RateLimit, RetryPolicy};

use crate::report::Report;
use crate::stats::{Summary, repetitions};

/// The server's limit, requests per second (and the client's, when paced).
const LIMIT: u32 = 50;
/// Tasks in flight, each on its own clone of the client.
const TASKS: usize = 64;

/// How the job's client is set up.
#[derive(Clone, Copy, Debug)]
enum Variant {
    Unpaced,
    UnpacedNoRetries,
    Paced,
}

impl Variant {
    const ALL: [Variant; 3] = [Variant::Unpaced, Variant::UnpacedNoRetries, Variant::Paced];

    fn label(self) -> &'static str {
        match self {
            Variant::Unpaced => "no client limit, default retries",
            Variant::UnpacedNoRetries => "no client limit, no retries",
            Variant::Paced => "client limit = server limit (`RateLimit::per_second(50)`)",
        }
    }

    fn client(self, sandbox: &Sandbox) -> Result<Client, String> {
        let builder = Client::builder()
            .base_url(sandbox.base_url())
            .api_token(sandbox.user_token())
            .account_id(sandbox.account_id());
        let builder = match self {
            Variant::Unpaced => builder,
            Variant::UnpacedNoRetries => builder.retry_policy(RetryPolicy::none()),
            Variant::Paced => builder.rate_limit(RateLimit::per_second(LIMIT)),
        };
        builder.build().map_err(|e| format!("client: {e}"))
    }
}

/// What one run of the job did.
#[derive(Clone, Copy, Debug, Default)]
struct Outcome {
    seconds: f64,
    requests: usize,
    throttled: u64,
    failed: usize,
}

/// Runs benchmark 7 and adds its section to `report`.
pub async fn run(quick: bool, report: &mut Report) -> Result<(), String> {
    let (reps, reads) = if quick { (1, 2) } else { (3, 4) };
    let calls = TASKS * reads;
    let mut outcomes: Vec<Vec<Outcome>> = vec![Vec::new(); Variant::ALL.len()];
    // Round-robin over the variants so that a change in the machine's load
    // falls on all three alike.
    for round in 0..reps {
        for (i, variant) in Variant::ALL.into_iter().enumerate() {
            let outcome = job(variant, reads).await?;
            eprintln!(
                "  rate limit round {}/{reps}, {}: {:.2} s, {} requests, {} answered 429, {} failed",
                round + 1,
                variant.label(),
                outcome.seconds,
                outcome.requests,
                outcome.throttled,
                outcome.failed
            );
            outcomes[i].push(outcome);
        }
    }

    report.section("7. Client-side rate limiting");
    report.para(&format!(
        "A bulk job of {calls} getConversation calls ({TASKS} tasks on clones of one client, \
         {reads} reads each) against an in-process sandbox limited to {LIMIT} requests a second \
         as rack-attack limits Chatwoot (429 `Retry later`, no `Retry-After`). The three clients \
         run round-robin, {}; median (min–max). The server's bucket starts full ({LIMIT} \
         requests), so no client can finish in less than ({calls} − {LIMIT}) / {LIMIT} = {:.2} s \
         without meeting a 429; the paced client sends one request every 1/{LIMIT} s from the \
         start, {:.2} s in all.",
        repetitions(reps),
        (calls as f64 - f64::from(LIMIT)) / f64::from(LIMIT),
        calls as f64 / f64::from(LIMIT)
    ));
    let mut rows = Vec::new();
    for (variant, runs) in Variant::ALL.iter().zip(&outcomes) {
        let pick = |f: fn(&Outcome) -> f64| Summary::of(&runs.iter().map(f).collect::<Vec<_>>());
        rows.push(vec![
            variant.label().to_owned(),
            pick(|o| o.requests as f64).show(0),
            pick(|o| o.throttled as f64).show(0),
            pick(|o| o.failed as f64).show(0),
            format!("{} s", pick(|o| o.seconds).show(2)),
        ]);
    }
    report.table(
        &[
            "client",
            "requests the server saw",
            "answered 429",
            "calls failed",
            "wall time",
        ],
        &rows,
    );
    let paced = &outcomes[2];
    let worst = paced.iter().map(|o| o.throttled).max().unwrap_or(0);
    report.target(
        "client-side rate limiting: a 64-task job paced at the server's limit meets no 429",
        worst == 0 && paced.iter().all(|o| o.failed == 0),
        &format!("{worst} answered 429"),
    );
    report.end_targets();
    Ok(())
}

/// One run of the job with a fresh sandbox, so every variant starts with a
/// full bucket.
async fn job(variant: Variant, reads: usize) -> Result<Outcome, String> {
    let sandbox = Sandbox::builder()
        .rate_limit(LIMIT, Duration::from_secs(1))
        .start()
        .await
        .map_err(|e| format!("sandbox: {e}"))?;
    let client = variant.client(&sandbox)?;
    let id = sandbox.seed_info().open_conversation_id;
    sandbox.clear_requests();
    let started = Instant::now();
    let tasks: Vec<_> = (0..TASKS)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                let mut failed = 0;
                for _ in 0..reads {
                    failed += usize::from(client.get_conversation(id).await.is_err());
                }
                failed
            })
        })
        .collect();
    let mut failed = 0;
    for task in tasks {
        failed += task.await.map_err(|e| format!("a task panicked: {e}"))?;
    }
    Ok(Outcome {
        seconds: started.elapsed().as_secs_f64(),
        requests: sandbox.requests().len(),
        throttled: sandbox.throttled(),
        failed,
    })
}
