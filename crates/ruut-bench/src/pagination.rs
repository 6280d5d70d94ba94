//! Benchmark 2: streaming 1,000 and 10,000 conversations through the SDK.

use std::hint::black_box;
use std::sync::atomic::Ordering;
use std::time::Instant;

use futures::TryStreamExt;
use ruut_sdk::types::ConversationStatusFilter;

use crate::alloc;
use crate::clients::sdk_client;
use crate::report::Report;
use crate::server::{PER_PAGE, Server};
use crate::stats::{self, Summary};

/// The totals compared; the canned server serves `total` conversations to an
/// account whose id is `total`.
pub const TOTALS: [i64; 2] = [1_000, 10_000];

#[derive(Clone, Copy, Debug, Default)]
struct Rep {
    ms: f64,
    per_second: f64,
    requests: f64,
    peak: f64,
    allocs_per_item: f64,
}

async fn stream_all(client: &ruut_sdk::Client, server: &Server, total: i64) -> Result<Rep, String> {
    let requests_before = server.list_requests.load(Ordering::Relaxed);
    let baseline = alloc::reset_peak();
    let before = alloc::snapshot();
    let start = Instant::now();
    let mut stream = client
        .conversations()
        .status(ConversationStatusFilter::All)
        .stream();
    let mut seen = 0_i64;
    while let Some(conversation) = stream.try_next().await.map_err(|e| e.to_string())? {
        black_box(&conversation);
        seen += 1;
    }
    drop(stream);
    let elapsed = start.elapsed().as_secs_f64();
    let peak = alloc::peak() - baseline;
    let after = alloc::snapshot();
    if seen != total {
        return Err(format!("streamed {seen} conversations, expected {total}"));
    }
    Ok(Rep {
        ms: elapsed * 1e3,
        per_second: seen as f64 / elapsed,
        requests: (server.list_requests.load(Ordering::Relaxed) - requests_before) as f64,
        peak: peak as f64,
        allocs_per_item: (after.allocs - before.allocs) as f64 / seen as f64,
    })
}

/// One row of the table: label, figure, decimals, whether it is a byte count.
type Row<'a> = (&'a str, &'a dyn Fn(&Rep) -> f64, usize, bool);

/// Runs benchmark 2 and adds its section to `report`.
pub async fn run(
    server: &Server,
    seeded: usize,
    reps: usize,
    report: &mut Report,
) -> Result<(), String> {
    // One connection pool for every total (`with_account_id` shares it), warmed
    // up first: the connection, and the stream's code paths.
    let base = sdk_client(&server.base_url, 100)?;
    stream_all(&base, server, 100).await?;
    let clients: Vec<ruut_sdk::Client> = TOTALS
        .iter()
        .map(|total| base.with_account_id(*total))
        .collect();
    let mut results: Vec<Vec<Rep>> = vec![Vec::new(); TOTALS.len()];
    for round in 0..reps {
        for offset in 0..TOTALS.len() {
            let index = (round + offset) % TOTALS.len();
            let rep = stream_all(&clients[index], server, TOTALS[index]).await?;
            eprintln!(
                "  pagination round {}/{reps}: {} conversations in {:.0} ms, {} requests, peak {}",
                round + 1,
                TOTALS[index],
                rep.ms,
                rep.requests,
                stats::bytes(rep.peak)
            );
            results[index].push(rep);
        }
    }

    report.section("2. Pagination");
    report.para(&format!(
        "`client.conversations().status(All).stream()` consumed to the end, against the \
         canned server generating {PER_PAGE}-conversation pages on the fly (the sandbox \
         seeds {seeded} conversations in its main account and cannot be told to seed \
         10,000). Each conversation is a \
         copy of one of the sandbox's first page with its own id. Peak memory is the most \
         bytes live on the client thread during the stream above what was live before it \
         (counting allocator). The stream asks for one more page than there are full \
         pages: the empty page is how the end is detected. {reps} repetitions, \
         interleaved; median (min–max)."
    ));
    let summaries = |f: &dyn Fn(&Rep) -> f64| -> Vec<Summary> {
        results
            .iter()
            .map(|reps| Summary::of(&reps.iter().map(f).collect::<Vec<_>>()))
            .collect()
    };
    let rows_spec: [Row<'_>; 5] = [
        ("time, ms", &|r| r.ms, 1, false),
        ("conversations/s", &|r| r.per_second, 0, false),
        ("requests made", &|r| r.requests, 0, false),
        ("peak memory above baseline", &|r| r.peak, 0, true),
        (
            "allocations per conversation",
            &|r| r.allocs_per_item,
            1,
            false,
        ),
    ];
    let mut rows = Vec::new();
    let mut peak_ratio = f64::NAN;
    for (label, f, decimals, is_bytes) in rows_spec {
        let s = summaries(f);
        let ratio = s[1].median / s[0].median;
        if is_bytes {
            peak_ratio = ratio;
        }
        let cell = |s: &Summary| {
            if is_bytes {
                format!(
                    "{} ({}–{})",
                    stats::bytes(s.median),
                    stats::bytes(s.min),
                    stats::bytes(s.max)
                )
            } else if s.min == s.max {
                format!("{:.d$}", s.median, d = decimals)
            } else {
                s.show(decimals)
            }
        };
        rows.push(vec![
            label.to_owned(),
            cell(&s[0]),
            cell(&s[1]),
            stats::ratio(ratio),
        ]);
    }
    report.table(
        &[
            "",
            &format!(
                "{} conversations ({} pages)",
                stats::thousands(TOTALS[0]),
                TOTALS[0] / PER_PAGE
            ),
            &format!(
                "{} conversations ({} pages)",
                stats::thousands(TOTALS[1]),
                TOTALS[1] / PER_PAGE
            ),
            "10,000 / 1,000",
        ],
        &rows,
    );
    report.target(
        "pagination: peak memory flat from 1,000 to 10,000 conversations (within 10%)",
        peak_ratio <= 1.10,
        &stats::ratio(peak_ratio),
    );
    report.end_targets();
    Ok(())
}
