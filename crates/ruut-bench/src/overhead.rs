//! Benchmark 1: the same calls through ruut-sdk, the generated client and
//! hand-written reqwest, against the canned server; repetitions interleaved.

use std::hint::black_box;
use std::time::Instant;

use futures::{StreamExt, TryStreamExt};

use crate::alloc;
use crate::clients::{Clients, Kind};
use crate::report::Report;
use crate::server::SERVER_THREAD;
use crate::stats::{self, Summary, percentile};

const N: usize = Kind::ALL.len();

/// How much work one run does.
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    /// Repetitions of each (client, workload, mode).
    pub reps: usize,
    /// Requests per sequential repetition.
    pub sequential: usize,
    /// Requests per concurrent repetition.
    pub concurrent: usize,
    /// Requests in flight in the concurrent mode.
    pub in_flight: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Workload {
    GetConversation,
    Resolve,
}

impl Workload {
    fn title(self) -> &'static str {
        match self {
            Workload::GetConversation => {
                "getConversation (`GET /api/v1/accounts/1/conversations/{id}`)"
            }
            Workload::Resolve => {
                "status change (`PATCH /api/v1/conversations/{id}/status`, `{\"status\":\"resolved\"}`)"
            }
        }
    }

    fn short(self) -> &'static str {
        match self {
            Workload::GetConversation => "getConversation",
            Workload::Resolve => "status change",
        }
    }
}

async fn call(clients: &Clients, kind: Kind, workload: Workload, id: i64) -> Result<(), String> {
    match workload {
        Workload::GetConversation => {
            black_box(clients.get_conversation(kind, id).await?);
        }
        Workload::Resolve => {
            black_box(clients.resolve(kind, id).await?);
        }
    }
    Ok(())
}

/// One repetition's figures.
#[derive(Clone, Copy, Debug, Default)]
struct Rep {
    p50_us: f64,
    p99_us: f64,
    per_second: f64,
    allocs: f64,
    bytes: f64,
    cpu_us: f64,
    server_cpu_us: f64,
}

struct Meter {
    start: Instant,
    cpu: Option<u64>,
    server_cpu: Option<u64>,
    alloc: alloc::Snapshot,
}

impl Meter {
    fn start() -> Meter {
        Meter {
            alloc: alloc::snapshot(),
            cpu: stats::thread_cpu_ns(),
            server_cpu: stats::named_thread_cpu_ns(SERVER_THREAD),
            start: Instant::now(),
        }
    }

    fn finish(self, requests: usize) -> Rep {
        let elapsed = self.start.elapsed().as_secs_f64();
        let cpu = stats::thread_cpu_ns();
        let server_cpu = stats::named_thread_cpu_ns(SERVER_THREAD);
        let alloc = alloc::snapshot();
        let n = requests as f64;
        Rep {
            per_second: n / elapsed,
            allocs: (alloc.allocs - self.alloc.allocs) as f64 / n,
            bytes: (alloc.bytes - self.alloc.bytes) as f64 / n,
            cpu_us: match (self.cpu, cpu) {
                (Some(a), Some(b)) => (b - a) as f64 / 1e3 / n,
                _ => f64::NAN,
            },
            server_cpu_us: match (self.server_cpu, server_cpu) {
                (Some(a), Some(b)) => (b - a) as f64 / 1e3 / n,
                _ => f64::NAN,
            },
            ..Rep::default()
        }
    }
}

async fn sequential(
    clients: &Clients,
    kind: Kind,
    workload: Workload,
    n: usize,
) -> Result<Rep, String> {
    let mut latencies = Vec::with_capacity(n);
    let meter = Meter::start();
    for i in 0..n {
        let started = Instant::now();
        call(clients, kind, workload, 1 + (i % 40) as i64).await?;
        latencies.push(started.elapsed().as_secs_f64() * 1e6);
    }
    let mut rep = meter.finish(n);
    latencies.sort_by(f64::total_cmp);
    rep.p50_us = percentile(&latencies, 50.0);
    rep.p99_us = percentile(&latencies, 99.0);
    Ok(rep)
}

async fn concurrent(
    clients: &Clients,
    kind: Kind,
    workload: Workload,
    n: usize,
    in_flight: usize,
) -> Result<Rep, String> {
    let meter = Meter::start();
    futures::stream::iter(0..n)
        .map(|i| call(clients, kind, workload, 1 + (i % 40) as i64))
        .buffer_unordered(in_flight)
        .try_for_each(|()| async { Ok(()) })
        .await?;
    Ok(meter.finish(n))
}

/// Sequential getConversation requests through one client for `seconds`, for
/// `perf record`; prints the rate.
pub async fn profile(base_url: &str, kind: Kind, seconds: f64) -> Result<(), String> {
    let clients = Clients::new(base_url)?;
    for kind in Kind::ALL {
        eprintln!(
            "{}: futures of {:?} bytes",
            kind.label(),
            clients.future_sizes(kind)
        );
    }
    let start = Instant::now();
    let mut n = 0_u64;
    while start.elapsed().as_secs_f64() < seconds {
        call(
            &clients,
            kind,
            Workload::GetConversation,
            1 + (n % 40) as i64,
        )
        .await?;
        n += 1;
    }
    eprintln!(
        "{}: {n} requests, {:.1} µs each",
        kind.label(),
        start.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    Ok(())
}

/// Runs benchmark 1 and adds its section to `report`; returns the allocations
/// per sequential getConversation that the generated client makes over the floor.
pub async fn run(base_url: &str, sizes: Sizes, report: &mut Report) -> Result<f64, String> {
    let clients = Clients::new(base_url)?;
    // getConversation's sequential allocation gap, generated client − floor.
    let mut gap = f64::NAN;
    report.section("1. Client overhead");
    report.para(&format!(
        "Server: a minimal in-process axum server on 127.0.0.1 (its own thread and \
         single-threaded runtime) that answers every request with a fixed body captured \
         from the sandbox at start-up; it parses nothing but the request line and headers, \
         so it is not the bottleneck, and its allocations are not counted. Client: a \
         single-threaded tokio runtime on the main thread. The three clients use identically \
         configured `reqwest::Client`s (the SDK's defaults) and decode into the same generated \
         types, so the differences are the layers around the HTTP call. \
         Each repetition: {} sequential requests (latency of each) or {} requests with {} \
         in flight; {} repetitions per client, interleaved (a, a′, b, c, then a′, b, c, a, ...) \
         so that machine noise hits all alike. (a′) is a diagnostic, not a fourth client: \
         the SDK with its default per-call deadline (60 s, a `tokio::time::timeout` around \
         every attempt) switched off, to show what that timer costs. Figures: median of the repetitions \
         (min–max). Ratios are taken per repetition against the floor's repetition of the \
         same round, then the median (min–max) of those. Allocations are counted by a \
         counting `#[global_allocator]` on the client thread; client CPU is the main \
         thread's run time (`/proc/thread-self/schedstat`) per request, which is less \
         disturbed by other load than wall time.",
        sizes.sequential, sizes.concurrent, sizes.in_flight, sizes.reps
    ));

    for workload in [Workload::GetConversation, Workload::Resolve] {
        // Warm-up: connections opened, pools and caches warm, for every client.
        for kind in Kind::ALL {
            sequential(&clients, kind, workload, 200).await?;
            concurrent(
                &clients,
                kind,
                workload,
                sizes.in_flight * 4,
                sizes.in_flight,
            )
            .await?;
        }
        for (mode, concurrent_mode) in [("sequential", false), ("in flight", true)] {
            let mut reps: Vec<[Rep; N]> = Vec::new();
            for round in 0..sizes.reps {
                let mut results = [Rep::default(); N];
                for offset in 0..N {
                    let index = (round + offset) % N;
                    let kind = Kind::ALL[index];
                    results[index] = if concurrent_mode {
                        concurrent(&clients, kind, workload, sizes.concurrent, sizes.in_flight)
                            .await?
                    } else {
                        sequential(&clients, kind, workload, sizes.sequential).await?
                    };
                }
                eprintln!(
                    "  {} {}{} round {}/{}: {}",
                    workload.short(),
                    if concurrent_mode {
                        format!("{} ", sizes.in_flight)
                    } else {
                        String::new()
                    },
                    mode,
                    round + 1,
                    sizes.reps,
                    Kind::ALL
                        .iter()
                        .zip(&results)
                        .map(|(kind, r)| if concurrent_mode {
                            format!("{} {:.0} req/s", short(*kind), r.per_second)
                        } else {
                            format!("{} p50 {:.0} µs", short(*kind), r.p50_us)
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                reps.push(results);
            }
            if concurrent_mode {
                concurrent_table(report, workload, sizes, &reps);
            } else {
                sequential_table(report, workload, &reps);
                if matches!(workload, Workload::GetConversation) {
                    let allocs = |kind| column(&reps, at(kind), |r| r.allocs).median;
                    gap = allocs(Kind::Generated) - allocs(Kind::Floor);
                }
            }
        }
    }
    report.subsection("Size of each call's future");
    report.para(
        "`std::mem::size_of_val` of the future each call returns, before it is polled. \
         Futures are moved while they are built and nested, so every byte is copied a few \
         times per call (deterministic; no repetitions needed).",
    );
    let rows: Vec<Vec<String>> = Kind::ALL
        .iter()
        .map(|kind| {
            let (get, status) = clients.future_sizes(*kind);
            vec![kind.label().to_owned(), get.to_string(), status.to_string()]
        })
        .collect();
    report.table(
        &["client", "getConversation, bytes", "status change, bytes"],
        &rows,
    );
    Ok(gap)
}

fn short(kind: Kind) -> &'static str {
    match kind {
        Kind::Sdk => "sdk",
        Kind::SdkNoDeadline => "sdk-no-deadline",
        Kind::Generated => "generated",
        Kind::Floor => "floor",
    }
}

fn column(reps: &[[Rep; N]], index: usize, f: impl Fn(&Rep) -> f64) -> Summary {
    Summary::of(&reps.iter().map(|r| f(&r[index])).collect::<Vec<_>>())
}

fn ratio_to_floor(reps: &[[Rep; N]], index: usize, f: impl Fn(&Rep) -> f64) -> Summary {
    Summary::of(
        &reps
            .iter()
            .map(|r| f(&r[index]) / f(&r[Kind::FLOOR]))
            .collect::<Vec<_>>(),
    )
}

fn ratio_cell(s: Summary) -> String {
    format!("{} ({:.3}–{:.3})", stats::ratio(s.median), s.min, s.max)
}

/// The "vs floor" cell of a client's row: `1` for the floor itself.
fn vs_floor(reps: &[[Rep; N]], index: usize, f: impl Fn(&Rep) -> f64) -> String {
    if index == Kind::FLOOR {
        "1".into()
    } else {
        ratio_cell(ratio_to_floor(reps, index, f))
    }
}

fn sequential_table(report: &mut Report, workload: Workload, reps: &[[Rep; N]]) {
    report.subsection(&format!("{}, sequential", workload.title()));
    let mut rows = Vec::new();
    for (index, kind) in Kind::ALL.iter().enumerate() {
        rows.push(vec![
            kind.label().to_owned(),
            column(reps, index, |r| r.p50_us).show(1),
            column(reps, index, |r| r.p99_us).show(1),
            column(reps, index, |r| r.allocs).show(1),
            column(reps, index, |r| r.bytes).show(0),
            column(reps, index, |r| r.cpu_us).show(1),
            vs_floor(reps, index, |r| r.p50_us),
            vs_floor(reps, index, |r| r.p99_us),
            vs_floor(reps, index, |r| r.cpu_us),
        ]);
    }
    report.table(
        &[
            "client",
            "p50 µs",
            "p99 µs",
            "allocs/req",
            "bytes alloc/req",
            "client CPU µs/req",
            "p50 vs floor",
            "p99 vs floor",
            "CPU vs floor",
        ],
        &rows,
    );
    let name = format!("{}, sequential", workload.short());
    let p50 = ratio_to_floor(reps, 0, |r| r.p50_us).median;
    let p99 = ratio_to_floor(reps, 0, |r| r.p99_us).median;
    report.target(
        &format!("{name}: ruut-sdk p50 within 5% of the floor"),
        p50 <= 1.05,
        &stats::ratio(p50),
    );
    report.target(
        &format!("{name}: ruut-sdk p99 within 5% of the floor"),
        p99 <= 1.05,
        &stats::ratio(p99),
    );
    alloc_target(report, &name, reps);
    attribution(report, reps);
}

fn concurrent_table(report: &mut Report, workload: Workload, sizes: Sizes, reps: &[[Rep; N]]) {
    report.subsection(&format!(
        "{}, {} in flight",
        workload.title(),
        sizes.in_flight
    ));
    let mut rows = Vec::new();
    for (index, kind) in Kind::ALL.iter().enumerate() {
        rows.push(vec![
            kind.label().to_owned(),
            column(reps, index, |r| r.per_second).show(0),
            column(reps, index, |r| r.allocs).show(1),
            column(reps, index, |r| r.bytes).show(0),
            column(reps, index, |r| r.cpu_us).show(1),
            column(reps, index, |r| r.server_cpu_us).show(1),
            vs_floor(reps, index, |r| r.per_second),
            vs_floor(reps, index, |r| r.cpu_us),
        ]);
    }
    report.table(
        &[
            "client",
            "requests/s",
            "allocs/req¹",
            "bytes alloc/req¹",
            "client CPU µs/req",
            "server CPU µs/req²",
            "req/s vs floor",
            "CPU vs floor",
        ],
        &rows,
    );
    report.para(
        "¹ Includes the harness's own allocation per request (the future's slot in \
         `buffer_unordered`), the same for every client; connection set-up is amortised. \
         ² The canned server's thread, measured the same way: well below the client's, so \
         the server is not what limits requests/s.",
    );
    let name = format!("{}, {} in flight", workload.short(), sizes.in_flight);
    let rps = ratio_to_floor(reps, 0, |r| r.per_second).median;
    report.target(
        &format!("{name}: ruut-sdk requests/s within 5% of the floor"),
        rps >= 0.95,
        &stats::ratio(rps),
    );
    alloc_target(report, &name, reps);
    attribution(report, reps);
}

/// `x`, without the sign of a negative zero after rounding to one decimal.
fn tidy(x: f64) -> f64 {
    if x.abs() < 0.05 { 0.0 } else { x }
}

/// Index of a client in [`Kind::ALL`].
fn at(kind: Kind) -> usize {
    Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0)
}

/// Splits the gap to the floor between the generated client and the SDK's own
/// layer, in client CPU time and allocations (differences of medians).
fn attribution(report: &mut Report, reps: &[[Rep; N]]) {
    let cpu = |kind| column(reps, at(kind), |r| r.cpu_us).median;
    let allocs = |kind| column(reps, at(kind), |r| r.allocs).median;
    report.para(&format!(
        "Where the gap to the floor comes from (differences of medians): the generated \
         client (b − c) {:+.1} µs CPU and {:+.1} allocations per request; the SDK's own \
         layer on top of it (a − b) {:+.1} µs CPU and {:+.1} allocations; of the latter, \
         the per-call deadline timer (a − a′) {:+.1} µs CPU.",
        tidy(cpu(Kind::Generated) - cpu(Kind::Floor)),
        tidy(allocs(Kind::Generated) - allocs(Kind::Floor)),
        tidy(cpu(Kind::Sdk) - cpu(Kind::Generated)),
        tidy(allocs(Kind::Sdk) - allocs(Kind::Generated)),
        tidy(cpu(Kind::Sdk) - cpu(Kind::SdkNoDeadline)),
    ));
}

fn alloc_target(report: &mut Report, name: &str, reps: &[[Rep; N]]) {
    let sdk = column(reps, 0, |r| r.allocs).median;
    let floor = column(reps, Kind::FLOOR, |r| r.allocs).median;
    report.target(
        &format!("{name}: ruut-sdk allocations per request no more than the floor's"),
        sdk <= floor + 0.05,
        &format!("{sdk:.1} vs {floor:.1}"),
    );
    report.end_targets();
}
