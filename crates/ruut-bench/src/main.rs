//! `ruut-bench`: the in-process benchmarks behind `cargo xtask bench`: client
//! overhead (ruut-sdk vs the generated client vs hand-written reqwest),
//! pagination, and decoding. Run it through `cargo xtask bench`, which builds
//! it in release mode and puts its Markdown into `BENCHMARKS.md`.
//!
//! ```text
//! ruut-bench [--quick] [--out FILE.md] [--targets FILE.tsv]
//! ruut-bench --profile sdk|generated|floor [SECONDS]
//! ```
//!
//! `--profile` only runs sequential getConversation requests through one client
//! for a while (default 5 s), to run under `perf record`.
//!
//! Progress goes to stderr; the Markdown to `--out` (default stdout); the
//! targets, one per line (`met|MISSED<TAB>name<TAB>figure`), to `--targets`.

mod alloc;
mod clients;
mod decode;
mod overhead;
mod pagination;
mod report;
mod server;
mod stats;

use std::process::ExitCode;
use std::time::Instant;

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

const USAGE: &str = "usage: ruut-bench [--quick] [--out FILE.md] [--targets FILE.tsv]
       ruut-bench --profile sdk|generated|floor [SECONDS]";

struct Args {
    quick: bool,
    out: Option<String>,
    targets: Option<String>,
    profile: Option<(clients::Kind, f64)>,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args {
        quick: false,
        out: None,
        targets: None,
        profile: None,
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => parsed.quick = true,
            "--out" => parsed.out = Some(args.next().ok_or("--out needs a file")?),
            "--targets" => parsed.targets = Some(args.next().ok_or("--targets needs a file")?),
            "--profile" => {
                let kind = match args.next().as_deref() {
                    Some("sdk") => clients::Kind::Sdk,
                    Some("sdk-no-deadline") => clients::Kind::SdkNoDeadline,
                    Some("generated") => clients::Kind::Generated,
                    Some("floor") => clients::Kind::Floor,
                    _ => return Err(format!("--profile needs sdk, generated or floor\n{USAGE}")),
                };
                let seconds = match args.next() {
                    Some(s) => s
                        .parse()
                        .map_err(|_| format!("not a number of seconds: {s}"))?,
                    None => 5.0,
                };
                parsed.profile = Some((kind, seconds));
            }
            other => return Err(format!("unexpected argument `{other}`\n{USAGE}")),
        }
    }
    Ok(parsed)
}

fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start a tokio runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(&args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: &Args) -> Result<(), String> {
    let started = Instant::now();
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
    if let Some((kind, seconds)) = args.profile {
        return overhead::profile(&server.base_url, kind, seconds).await;
    }

    let mut report = report::Report::default();
    eprintln!("[1/3] client overhead: ruut-sdk vs ruut-api vs reqwest + serde");
    overhead::run(&server.base_url, sizes, &mut report).await?;
    eprintln!("[2/3] pagination: 1,000 and 10,000 conversations through the SDK stream");
    pagination::run(
        &server,
        bodies.seeded_conversations,
        pagination_reps,
        &mut report,
    )
    .await?;
    eprintln!("[3/3] decoding: typed structs vs serde_json::Value");
    decode::run(&bodies.page, decode_reps, decode_seconds, &mut report)?;
    eprintln!(
        "in-process benchmarks done in {:.1} s",
        started.elapsed().as_secs_f64()
    );

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
