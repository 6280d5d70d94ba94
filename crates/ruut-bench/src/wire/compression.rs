//! Benchmark 6a: one page, and a stream, in each encoding.

use futures::TryStreamExt;
use ruut_sdk::types::ConversationStatusFilter;

use super::{Sizes, Throttled, measure};
use crate::clients::sdk_client;
use crate::report::Report;
use crate::server::{Encoding, PER_PAGE};
use crate::stats::{self, Summary};

/// One 25-conversation page through the SDK (account id = the total served).
async fn one_page(client: &ruut_sdk::Client) -> Result<(), String> {
    let page = client
        .conversations()
        .status(ConversationStatusFilter::All)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if page.conversations.len() as i64 != PER_PAGE {
        return Err(format!("a page of {}", page.conversations.len()));
    }
    Ok(())
}

/// Every conversation of the client's account through the SDK's stream.
async fn stream_all(client: &ruut_sdk::Client, total: i64) -> Result<(), String> {
    let mut stream = client
        .conversations()
        .status(ConversationStatusFilter::All)
        .stream();
    let mut seen = 0_i64;
    while let Some(c) = stream.try_next().await.map_err(|e| e.to_string())? {
        std::hint::black_box(&c);
        seen += 1;
    }
    if seen != total {
        return Err(format!("streamed {seen} conversations, expected {total}"));
    }
    Ok(())
}

#[derive(Default)]
struct Figures {
    page_ms: Vec<f64>,
    page_down: Vec<f64>,
    page_up: Vec<f64>,
    stream_ms: Vec<f64>,
    stream_down: Vec<f64>,
}

/// Runs benchmark 6a.
pub async fn run(links: &[Throttled], sizes: Sizes, report: &mut Report) -> Result<(), String> {
    let total = sizes.stream_total;
    let mut clients = Vec::new();
    for link in links {
        let page = sdk_client(&link.proxy.base_url, PER_PAGE)?;
        // Open the connection first: set-up is measured in 6b, not here.
        one_page(&page).await?;
        clients.push((page.clone(), page.with_account_id(total)));
    }
    let mut figures: Vec<Figures> = links.iter().map(|_| Figures::default()).collect();
    for round in 0..sizes.page_reps {
        for offset in 0..links.len() {
            let i = (round + offset) % links.len();
            let m = measure(&links[i].proxy, || one_page(&clients[i].0)).await?;
            figures[i].page_ms.push(m.ms);
            figures[i].page_down.push(m.traffic.down as f64);
            figures[i].page_up.push(m.traffic.up as f64);
        }
    }
    for round in 0..sizes.stream_reps {
        for offset in 0..links.len() {
            let i = (round + offset) % links.len();
            let m = measure(&links[i].proxy, || stream_all(&clients[i].1, total)).await?;
            eprintln!(
                "  {} conversations, {}: {:.1} s, {} down",
                stats::thousands(total),
                links[i].encoding.name(),
                m.ms / 1e3,
                stats::bytes(m.traffic.down as f64)
            );
            figures[i].stream_ms.push(m.ms);
            figures[i].stream_down.push(m.traffic.down as f64);
        }
    }

    report.subsection("Compression");
    report.para(&format!(
        "The SDK built with its `gzip`, `brotli` and `zstd` features, so every request \
         offers all three (`Accept-Encoding`); each canned server answers in one encoding \
         only, through tower-http's compression layer at its default level (gzip 6, \
         brotli 4, zstd 3), as nginx in front of Chatwoot would with that module on \
         (`SandboxBuilder::compression` does the same in the sandbox). One page: \
         `client.conversations().send()` of {PER_PAGE} conversations on an open \
         connection, {} repetitions, interleaved across the encodings. Stream: \
         `client.conversations().stream()` of {} conversations ({} pages and the empty \
         one that ends it) with nothing done per item, {}, interleaved. Bytes are what \
         the server sent (down) per page or per stream; the page's request is {} bytes \
         up. Median (min–max).",
        sizes.page_reps,
        stats::thousands(total),
        total / PER_PAGE,
        stats::repetitions(sizes.stream_reps),
        Summary::of(&figures[0].page_up).median
    ));
    let identity = |f: &dyn Fn(&Figures) -> &Vec<f64>| Summary::of(f(&figures[0])).median;
    let page_base = identity(&|f| &f.page_ms);
    let stream_base = identity(&|f| &f.stream_ms);
    let rows: Vec<Vec<String>> = links
        .iter()
        .zip(&figures)
        .map(|(link, f)| {
            let page = Summary::of(&f.page_ms);
            let stream = Summary::of(&f.stream_ms);
            let down = Summary::of(&f.page_down).median;
            let stream_down = Summary::of(&f.stream_down).median;
            vec![
                format!("`{}`", link.encoding.name()),
                page.show(1),
                format!("{down:.0}"),
                stats::ratio(down / identity(&|f| &f.page_down)),
                stats::ratio(page.median / page_base),
                Summary {
                    median: stream.median / 1e3,
                    min: stream.min / 1e3,
                    max: stream.max / 1e3,
                }
                .show(2),
                stats::bytes(stream_down),
                stats::ratio(stream.median / stream_base),
            ]
        })
        .collect();
    let stream_head = format!("{} conversations", stats::thousands(total));
    report.table(
        &[
            "encoding",
            "page, ms",
            "page, bytes down",
            "bytes vs identity",
            "page time vs identity",
            &format!("{stream_head}, s"),
            &format!("{stream_head}, down"),
            "stream time vs identity",
        ],
        &rows,
    );
    let gzip = figures
        .iter()
        .zip(links)
        .find(|(_, l)| l.encoding == Encoding::Gzip)
        .map(|(f, _)| Summary::of(&f.stream_ms).median)
        .unwrap_or(f64::NAN);
    report.target(
        &format!(
            "over the throttled link: streaming {} conversations gzip-compressed takes less time than uncompressed",
            stats::thousands(total)
        ),
        gzip < stream_base,
        &stats::ratio(gzip / stream_base),
    );
    report.end_targets();
    Ok(())
}
