//! Benchmark 6b: connection reuse through the SDK, and the HTTP settings
//! compared side by side.

use futures::{StreamExt, TryStreamExt};

use super::proxy::{Proxy, Traffic};
use super::{Sizes, measure};
use crate::clients::{ACCOUNT_ID, http_builder, sdk_client};
use crate::report::Report;
use crate::stats::{self, Summary};

/// The HTTP settings compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Variant {
    /// The SDK's settings over plain HTTP: HTTP/1.1, idle connections kept.
    KeepAlive,
    /// HTTP/1.1 with no idle connection kept: a new connection per call.
    NoReuse,
    /// HTTP/2 with prior knowledge (h2c): one connection, requests multiplexed.
    Http2,
}

impl Variant {
    const ALL: [Variant; 3] = [Variant::KeepAlive, Variant::NoReuse, Variant::Http2];

    fn label(self) -> &'static str {
        match self {
            Variant::KeepAlive => "HTTP/1.1, keep-alive (the SDK's settings)",
            Variant::NoReuse => "HTTP/1.1, `pool_max_idle_per_host(0)`: a new connection per call",
            Variant::Http2 => "HTTP/2, `http2_prior_knowledge()` (h2c)",
        }
    }

    /// The generated client over a `reqwest::Client` with these settings.
    fn client(self, base_url: &str) -> Result<ruut_api::Client, String> {
        let builder = http_builder();
        let builder = match self {
            Variant::KeepAlive => builder,
            Variant::NoReuse => builder.pool_max_idle_per_host(0),
            Variant::Http2 => builder.http2_prior_knowledge(),
        };
        let http = builder
            .build()
            .map_err(|e| format!("cannot build a reqwest client: {e}"))?;
        Ok(ruut_api::Client::new_with_client(
            base_url,
            http,
            Default::default(),
        ))
    }
}

async fn get(client: &ruut_api::Client, id: i64) -> Result<(), String> {
    client
        .get_conversation()
        .account_id(ACCOUNT_ID)
        .conversation_id(id)
        .send()
        .await
        .map(drop)
        .map_err(|e| e.to_string())
}

async fn sequential(client: &ruut_api::Client, calls: usize) -> Result<(), String> {
    for id in 1..=calls as i64 {
        get(client, id).await?;
    }
    Ok(())
}

async fn concurrent(
    client: &ruut_api::Client,
    calls: usize,
    in_flight: usize,
) -> Result<(), String> {
    futures::stream::iter(1..=calls as i64)
        .map(|id| get(client, id))
        .buffer_unordered(in_flight)
        .try_collect::<Vec<()>>()
        .await
        .map(drop)
}

#[derive(Default)]
struct Figures {
    seq_ms_per_call: Vec<f64>,
    seq: Vec<Traffic>,
    conc_ms: Vec<f64>,
    conc: Vec<Traffic>,
}

/// Runs benchmark 6b.
pub async fn run(proxy: &Proxy, sizes: Sizes, report: &mut Report) -> Result<(), String> {
    // 1. The SDK, as a user has it: N sequential calls on one client.
    let sdk = sdk_client(&proxy.base_url, ACCOUNT_ID)?;
    let calls = sizes.reuse_calls;
    let reuse = measure(proxy, || async {
        for id in 1..=calls as i64 {
            sdk.get_conversation(id).await.map_err(|e| e.to_string())?;
        }
        Ok(())
    })
    .await?;
    eprintln!(
        "  {calls} sequential SDK calls: {} connections, {:.1} s",
        reuse.traffic.connections,
        reuse.ms / 1e3
    );

    // 2. The settings side by side, through the generated client.
    let mut figures: Vec<Figures> = Variant::ALL.iter().map(|_| Figures::default()).collect();
    for round in 0..sizes.protocol_reps {
        for offset in 0..Variant::ALL.len() {
            let i = (round + offset) % Variant::ALL.len();
            let variant = Variant::ALL[i];
            let client = variant.client(&proxy.base_url)?;
            let m = measure(proxy, || sequential(&client, sizes.sequential)).await?;
            figures[i]
                .seq_ms_per_call
                .push(m.ms / sizes.sequential as f64);
            figures[i].seq.push(m.traffic);
            let client = variant.client(&proxy.base_url)?;
            let m = measure(proxy, || {
                concurrent(&client, sizes.concurrent, sizes.in_flight)
            })
            .await?;
            figures[i].conc_ms.push(m.ms);
            figures[i].conc.push(m.traffic);
        }
    }

    report.subsection("Connections");
    let per_call = reuse.ms / calls as f64;
    report.para(&format!(
        "{} sequential `client.get_conversation(id)` calls on one SDK client with its \
         default settings (a single run): the proxy accepted **{} TCP connection{}** \
         for them, in {:.1} s, {per_call:.1} ms a call (the round trip is {} ms); \
         {:.0} bytes up and {:.0} down a call.",
        stats::thousands(calls as i64),
        reuse.traffic.connections,
        if reuse.traffic.connections == 1 {
            ""
        } else {
            "s"
        },
        reuse.ms / 1e3,
        super::link::Link::BENCH.round_trip().as_millis(),
        reuse.traffic.up as f64 / calls as f64,
        reuse.traffic.down as f64 / calls as f64,
    ));
    report.target(
        &format!(
            "over the throttled link: {} sequential SDK calls open one TCP connection",
            stats::thousands(calls as i64)
        ),
        reuse.traffic.connections == 1,
        &format!("{} connections", reuse.traffic.connections),
    );
    report.end_targets();
    report.para(&format!(
        "The HTTP settings side by side, through the generated client over \
         `reqwest::Client`s configured as the SDK's and then changed as the row says: \
         {} sequential getConversation calls, and {} with {} in flight, each on a new \
         client (so one connection set-up is included), {}, interleaved. The canned \
         server speaks HTTP/1.1 and h2c (the sandbox speaks HTTP/1.1 only). Median \
         (min–max); connections and bytes are the medians too.",
        sizes.sequential,
        sizes.concurrent,
        sizes.in_flight,
        stats::repetitions(sizes.protocol_reps)
    ));
    let median = |values: &[Traffic], f: fn(&Traffic) -> u64| {
        Summary::of(&values.iter().map(|t| f(t) as f64).collect::<Vec<_>>()).median
    };
    let rows: Vec<Vec<String>> = Variant::ALL
        .iter()
        .zip(&figures)
        .map(|(variant, f)| {
            let conc = Summary::of(&f.conc_ms);
            let per_second = sizes.concurrent as f64 / (conc.median / 1e3);
            vec![
                variant.label().to_owned(),
                Summary::of(&f.seq_ms_per_call).show(1),
                format!("{:.0}", median(&f.seq, |t| t.connections)),
                format!("{:.0}", median(&f.seq, |t| t.up) / sizes.sequential as f64),
                format!(
                    "{:.0}",
                    median(&f.seq, |t| t.down) / sizes.sequential as f64
                ),
                conc.show(0),
                format!("{per_second:.0}"),
                format!("{:.0}", median(&f.conc, |t| t.connections)),
            ]
        })
        .collect();
    report.table(
        &[
            "settings",
            "sequential, ms a call",
            "connections",
            "bytes up a call",
            "bytes down a call",
            &format!("{} in flight, ms for all", sizes.in_flight),
            "calls/s",
            "connections",
        ],
        &rows,
    );
    Ok(())
}
