//! Benchmark 6c: the SDK's fetch-ahead stream vs a page-by-page loop, while the
//! caller spends time on each page.

use std::time::Duration;

use futures::TryStreamExt;
use ruut_sdk::types::ConversationStatusFilter;

use super::proxy::Proxy;
use super::{Sizes, measure};
use crate::clients::sdk_client;
use crate::report::Report;
use crate::server::PER_PAGE;
use crate::stats::{self, Summary};

/// What the caller spends on each page: 1 ms a conversation (a database write
/// each, say).
const WORK_PER_PAGE: Duration = Duration::from_millis(25);

/// How the conversations are walked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Walk {
    /// `stream()`, working after each page's last item.
    Stream,
    /// `page(n).send()` in a loop, working on each page before asking for the
    /// next: what a caller wrote before streams fetched ahead.
    Loop,
    /// `stream()` with no work: one round trip a page, the floor.
    StreamIdle,
}

impl Walk {
    const ALL: [Walk; 3] = [Walk::Stream, Walk::Loop, Walk::StreamIdle];

    fn label(self) -> String {
        let work = WORK_PER_PAGE.as_millis();
        match self {
            Walk::Stream => format!("`stream()`, {work} ms of work a page"),
            Walk::Loop => format!("`page(n).send()` loop, {work} ms of work a page"),
            Walk::StreamIdle => "`stream()`, no work (one round trip a page)".to_owned(),
        }
    }

    async fn run(self, client: &ruut_sdk::Client, total: i64) -> Result<(), String> {
        let query = client.conversations().status(ConversationStatusFilter::All);
        let mut seen = 0_i64;
        match self {
            Walk::Stream | Walk::StreamIdle => {
                let mut stream = query.stream();
                while let Some(c) = stream.try_next().await.map_err(|e| e.to_string())? {
                    std::hint::black_box(&c);
                    seen += 1;
                    if self == Walk::Stream && seen % PER_PAGE == 0 {
                        tokio::time::sleep(WORK_PER_PAGE).await;
                    }
                }
            }
            Walk::Loop => {
                let mut page = Some(1);
                while let Some(n) = page {
                    let got = query
                        .clone()
                        .page(n)
                        .send()
                        .await
                        .map_err(|e| e.to_string())?;
                    seen += got.conversations.len() as i64;
                    std::hint::black_box(&got.conversations);
                    if got.conversations.len() as i64 == PER_PAGE {
                        tokio::time::sleep(WORK_PER_PAGE).await;
                    }
                    page = got.next_page;
                }
            }
        }
        if seen != total {
            return Err(format!("walked {seen} conversations, expected {total}"));
        }
        Ok(())
    }
}

/// Runs benchmark 6c.
pub async fn run(proxy: &Proxy, sizes: Sizes, report: &mut Report) -> Result<(), String> {
    let total = sizes.prefetch_total;
    let client = sdk_client(&proxy.base_url, total)?;
    // Open the connection first.
    client
        .conversations()
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let mut times: Vec<Vec<f64>> = Walk::ALL.iter().map(|_| Vec::new()).collect();
    for round in 0..sizes.prefetch_reps {
        for offset in 0..Walk::ALL.len() {
            let i = (round + offset) % Walk::ALL.len();
            let m = measure(proxy, || Walk::ALL[i].run(&client, total)).await?;
            times[i].push(m.ms);
        }
    }
    let pages = total / PER_PAGE + 1;
    let floor = Summary::of(&times[2]).median;
    let loop_ = Summary::of(&times[1]).median;
    report.subsection("Fetch-ahead streams");
    report.para(&format!(
        "{} conversations ({pages} requests: {} full pages and the empty one that ends \
         the walk) on an open connection, the caller spending {} ms on each full page \
         (a `tokio::time::sleep`, standing for 1 ms of work a conversation); {}, \
         interleaved; median (min–max). The round trip is {} ms, so a walk that hides the \
         caller's work costs about a round trip and a page's transmission a page.",
        stats::thousands(total),
        total / PER_PAGE,
        WORK_PER_PAGE.as_millis(),
        stats::repetitions(sizes.prefetch_reps),
        super::link::Link::BENCH.round_trip().as_millis(),
    ));
    let rows: Vec<Vec<String>> = Walk::ALL
        .iter()
        .zip(&times)
        .map(|(walk, t)| {
            let s = Summary::of(t);
            vec![
                walk.label(),
                s.show(0),
                format!("{:.1}", s.median / pages as f64),
                stats::ratio(s.median / loop_),
                stats::ratio(s.median / floor),
            ]
        })
        .collect();
    report.table(
        &["walk", "ms", "ms a request", "vs the loop", "vs no work"],
        &rows,
    );
    let stream = Summary::of(&times[0]).median;
    report.target(
        "over the throttled link: the fetch-ahead stream hides the caller's work (within 10% of the stream with no work)",
        stream <= floor * 1.10,
        &stats::ratio(stream / floor),
    );
    report.end_targets();
    Ok(())
}
