//! Benchmark 3: one conversation list page parsed into the generated types
//! and into `serde_json::Value`.

use std::hint::black_box;
use std::time::Instant;

use ruut_api::types::ConversationList;

use crate::alloc;
use crate::report::Report;
use crate::server::PageTemplate;
use crate::stats::{self, Summary};

/// The page sizes compared.
pub const SIZES: [usize; 2] = [25, 1_000];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    Typed,
    Value,
}

#[derive(Clone, Copy, Debug, Default)]
struct Rep {
    us: f64,
    allocs: f64,
}

fn parse_once(target: Target, body: &[u8]) -> Result<(), String> {
    match target {
        Target::Typed => {
            let list: ConversationList =
                serde_json::from_slice(black_box(body)).map_err(|e| e.to_string())?;
            black_box(list);
        }
        Target::Value => {
            let value: serde_json::Value =
                serde_json::from_slice(black_box(body)).map_err(|e| e.to_string())?;
            black_box(value);
        }
    }
    Ok(())
}

fn measure(target: Target, body: &[u8], iterations: usize) -> Result<Rep, String> {
    let before = alloc::snapshot();
    let start = Instant::now();
    for _ in 0..iterations {
        parse_once(target, body)?;
    }
    let elapsed = start.elapsed().as_secs_f64();
    let after = alloc::snapshot();
    Ok(Rep {
        us: elapsed * 1e6 / iterations as f64,
        allocs: (after.allocs - before.allocs) as f64 / iterations as f64,
    })
}

/// Runs benchmark 3 and adds its section to `report`; each repetition of each
/// parser runs for about `rep_seconds`.
pub fn run(
    template: &PageTemplate,
    reps: usize,
    rep_seconds: f64,
    report: &mut Report,
) -> Result<(), String> {
    report.section("3. Decoding");
    report.para(&format!(
        "`serde_json::from_slice` of one `ConversationList` body (the shape of \
         `GET /api/v1/accounts/{{id}}/conversations`) into the generated \
         `ruut_api::types::ConversationList` and into `serde_json::Value`, in a plain loop \
         (no criterion). The conversations are the sandbox's, each with its own id. Each \
         repetition parses the page for about {:.0} ms; {reps} repetitions per parser, \
         interleaved; median (min–max).",
        rep_seconds * 1e3
    ));
    let mut rows = Vec::new();
    let mut ratios = Vec::new();
    for size in SIZES {
        let body = template.render(1, size).into_bytes();
        // Check that both parse, and size the loop.
        let start = Instant::now();
        parse_once(Target::Typed, &body)?;
        parse_once(Target::Value, &body)?;
        let once = start.elapsed().as_secs_f64() / 2.0;
        let iterations = ((rep_seconds / once) as usize).clamp(3, 1_000_000);
        measure(Target::Typed, &body, iterations / 4 + 1)?;
        measure(Target::Value, &body, iterations / 4 + 1)?;
        let mut typed = Vec::new();
        let mut value = Vec::new();
        let mut ratio = Vec::new();
        for round in 0..reps {
            let (t, v) = if round % 2 == 0 {
                let t = measure(Target::Typed, &body, iterations)?;
                (t, measure(Target::Value, &body, iterations)?)
            } else {
                let v = measure(Target::Value, &body, iterations)?;
                (measure(Target::Typed, &body, iterations)?, v)
            };
            eprintln!(
                "  decoding {size} conversations round {}/{reps}: typed {:.1} µs, Value {:.1} µs",
                round + 1,
                t.us,
                v.us
            );
            ratio.push(t.us / v.us);
            typed.push(t);
            value.push(v);
        }
        let us = |reps: &[Rep]| Summary::of(&reps.iter().map(|r| r.us).collect::<Vec<_>>());
        let allocs = |reps: &[Rep]| Summary::of(&reps.iter().map(|r| r.allocs).collect::<Vec<_>>());
        let mb_s = |reps: &[Rep]| {
            Summary::of(
                &reps
                    .iter()
                    .map(|r| body.len() as f64 / r.us)
                    .collect::<Vec<_>>(),
            )
        };
        let ratio = Summary::of(&ratio);
        ratios.push((size, ratio.median));
        rows.push(vec![
            format!(
                "{} conversations ({})",
                stats::thousands(size as i64),
                stats::bytes(body.len() as f64)
            ),
            us(&typed).show(1),
            us(&value).show(1),
            mb_s(&typed).show(0),
            mb_s(&value).show(0),
            format!("{:.0}", allocs(&typed).median),
            format!("{:.0}", allocs(&value).median),
            format!(
                "{} ({:.3}–{:.3})",
                stats::ratio(ratio.median),
                ratio.min,
                ratio.max
            ),
        ]);
    }
    report.table(
        &[
            "page",
            "typed µs",
            "Value µs",
            "typed MB/s",
            "Value MB/s",
            "typed allocs",
            "Value allocs",
            "typed / Value time",
        ],
        &rows,
    );
    for (size, ratio) in ratios {
        report.target(
            &format!(
                "decoding {} conversations: typed no slower than serde_json::Value",
                stats::thousands(size as i64)
            ),
            ratio <= 1.0,
            &stats::ratio(ratio),
        );
    }
    report.end_targets();
    Ok(())
}
