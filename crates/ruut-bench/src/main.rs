//! `ruut-bench`: the measurements behind `cargo xtask bench`, and the one
//! place their statistics are computed (`stats`). Run it through `cargo
//! xtask bench`, which builds it in release mode, prepares what the external
//! benchmarks need, and puts the Markdown into `BENCHMARKS.md`.
//!
//! ```text
//! ruut-bench [--quick] [--out FILE.md] [--targets FILE.tsv]
//! ruut-bench throughput --wrk PATH --token TOKEN --sandbox URL --prism URL [--quick] [--out FILE.md] [--targets FILE.tsv]
//! ruut-bench build-times --root DIR --target-dir DIR [--baseline REV] [--quick] [--out FILE.md] [--targets FILE.tsv]
//! ruut-bench wire [--quick] [--out FILE.md] [--targets FILE.tsv]
//! ruut-bench rate-limit [--quick] [--out FILE.md] [--targets FILE.tsv]
//! ruut-bench --profile sdk|generated|floor [SECONDS]
//! ```
//!
//! Without a command: benchmarks 1 to 3, in-process: client overhead
//! (ruut-sdk vs the generated client vs hand-written reqwest), pagination,
//! and decoding. `throughput`: benchmark 4, wrk against the two servers
//! given (xtask starts and stops them). `build-times`: benchmark 5, codegen
//! and build times of the workspace at `--root`. `wire`: benchmark 6, the SDK
//! over a throttled link (a proxy on loopback it starts itself). `rate-limit`:
//! benchmark 7, a bulk job against a rate-limited sandbox with and without the
//! SDK's client-side limit.
//!
//! `--profile` only runs sequential getConversation requests through one client
//! for a while (default 5 s), to run under `perf record`.
//!
//! Progress goes to stderr; the Markdown to `--out` (default stdout); the
//! targets, one per line (`met|MISSED<TAB>name<TAB>figure`), to `--targets`.

mod alloc;
mod alloc_sources;
mod args;
mod build_cost;
mod build_times;
mod clients;
mod decode;
mod overhead;
mod pagination;
mod rate_limit;
mod report;
mod server;
mod stats;
mod throughput;
mod wire;
mod wrk;

use std::process::ExitCode;
use std::time::Instant;

use args::{Args, Mode};

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

fn main() -> ExitCode {
    let args = match args::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut report = report::Report::default();
    let outcome = match &args.mode {
        Mode::Throughput(servers) => throughput::run(servers, args.quick, &mut report),
        Mode::BuildTimes(dirs) => build_times::run(dirs, args.quick, &mut report),
        Mode::InProcess | Mode::Profile(..) | Mode::Wire | Mode::RateLimit => {
            in_runtime(&args, &mut report)
        }
    };
    match outcome.and_then(|()| write(&args, &report)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs the in-process benchmarks (or a profile run) on a tokio runtime.
fn in_runtime(args: &Args, report: &mut report::Report) -> Result<(), String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start a tokio runtime: {e}"))?
        .block_on(run(args, report))
}

/// Writes the Markdown to `--out` (or stdout) and the targets to `--targets`.
fn write(args: &Args, report: &report::Report) -> Result<(), String> {
    match &args.out {
        Some(path) => std::fs::write(path, report.markdown())
            .map_err(|e| format!("cannot write {path}: {e}"))?,
        None => print!("{}", report.markdown()),
    }
    if let Some(path) = &args.targets {
        std::fs::write(path, report.targets_tsv())
            .map_err(|e| format!("cannot write {path}: {e}"))?;
    }
    Ok(())
}

async fn run(args: &Args, report: &mut report::Report) -> Result<(), String> {
    let started = Instant::now();
    if let Mode::Wire = args.mode {
        wire::run(args.quick, report).await?;
        eprintln!(
            "throttled-link benchmarks done in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    if let Mode::RateLimit = args.mode {
        rate_limit::run(args.quick, report).await?;
        eprintln!(
            "rate-limit benchmark done in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    // (overhead sizes, pagination repetitions, decoding repetitions, seconds per
    // decoding repetition)
    let (sizes, pagination_reps, decode_reps, decode_seconds) = if args.quick {
        let sizes = overhead::Sizes {
            reps: 3,
            sequential: 500,
            concurrent: 1_000,
            in_flight: 64,
        };
        (sizes, 2, 3, 0.05)
    } else {
        let sizes = overhead::Sizes {
            reps: 15,
            sequential: 2_000,
            concurrent: 4_000,
            in_flight: 64,
        };
        (sizes, 5, 7, 0.2)
    };

    eprintln!("capturing the canned bodies from an in-process sandbox");
    let bodies = server::capture().await?;
    let server = server::start(bodies.clone()).map_err(|e| format!("canned server: {e}"))?;
    eprintln!("canned server listening on {}", server.base_url);
    if let Mode::Profile(kind, seconds) = args.mode {
        return overhead::profile(&server.base_url, kind, seconds).await;
    }

    eprintln!("[1/3] client overhead: ruut-sdk vs ruut-api vs reqwest + serde");
    let gap = overhead::run(&server.base_url, sizes, report).await?;
    alloc_sources::run(&server.base_url, gap, report).await?;
    eprintln!("[2/3] pagination: 1,000 and 10,000 conversations through the SDK stream");
    pagination::run(
        &server,
        bodies.seeded_conversations,
        pagination_reps,
        report,
    )
    .await?;
    eprintln!("[3/3] decoding: typed structs vs serde_json::Value");
    decode::run(&bodies.page, decode_reps, decode_seconds, report)?;
    eprintln!(
        "in-process benchmarks done in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
