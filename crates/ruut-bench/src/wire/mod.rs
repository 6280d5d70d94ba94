//! Benchmark 6: the SDK over a throttled link.
//!
//! Loopback answers in microseconds, which hides what matters on a real
//! network: round trips, bytes, and connection set-up. Here every request goes
//! through a [`Proxy`] on 127.0.0.1 that imposes [`Link::BENCH`] (25 ms each way,
//! 10 Mbit/s each way) in front of a canned server (see [`crate::server`]); the
//! proxy counts TCP connections and bytes. The benchmark starts the servers and
//! proxies itself, one pair per [`Encoding`], and measures:
//!
//! * [`compression`]: one 25-conversation page and a stream of 10,000
//!   conversations in each encoding (time and bytes on the wire);
//! * [`connections`]: 1,000 sequential SDK calls (connections opened), and
//!   HTTP/1.1 keep-alive vs a new connection per call vs HTTP/2 (h2c, prior
//!   knowledge), sequential and 64 in flight;
//! * [`prefetch`]: the SDK's fetch-ahead stream vs a page-by-page loop while the
//!   caller spends time on each page.

mod compression;
mod connections;
pub mod link;
mod prefetch;
pub mod proxy;

use std::future::Future;
use std::time::Instant;

use link::Link;
use proxy::{Proxy, Traffic};

use crate::report::Report;
use crate::server::{self, Encoding};

/// How much of each measurement to do.
#[derive(Clone, Copy, Debug)]
struct Sizes {
    /// Repetitions of the one-page fetch, per encoding.
    page_reps: usize,
    /// Conversations streamed per encoding, and the repetitions.
    stream_total: i64,
    stream_reps: usize,
    /// Sequential SDK calls counted for connection reuse (a single run).
    reuse_calls: usize,
    /// Sequential calls, and calls with `in_flight` at once, per protocol
    /// variant, and the repetitions.
    sequential: usize,
    concurrent: usize,
    in_flight: usize,
    protocol_reps: usize,
    /// Conversations walked with work per page, and the repetitions.
    prefetch_total: i64,
    prefetch_reps: usize,
}

const FULL: Sizes = Sizes {
    page_reps: 15,
    stream_total: 10_000,
    stream_reps: 2,
    reuse_calls: 1_000,
    sequential: 100,
    concurrent: 640,
    in_flight: 64,
    protocol_reps: 3,
    prefetch_total: 1_000,
    prefetch_reps: 3,
};

const QUICK: Sizes = Sizes {
    page_reps: 3,
    stream_total: 1_000,
    stream_reps: 1,
    reuse_calls: 100,
    sequential: 20,
    concurrent: 128,
    in_flight: 64,
    protocol_reps: 1,
    prefetch_total: 250,
    prefetch_reps: 1,
};

/// A canned server answering in one encoding, behind its own proxy.
struct Throttled {
    encoding: Encoding,
    proxy: Proxy,
}

/// What one measurement took: wall time and what crossed the link.
#[derive(Clone, Copy, Debug)]
struct Measured {
    ms: f64,
    traffic: Traffic,
}

/// Runs `work` and reads the proxy's counters around it.
async fn measure<F, Fut>(proxy: &Proxy, work: F) -> Result<Measured, String>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<(), String>>,
{
    let before = proxy.traffic();
    let started = Instant::now();
    work().await?;
    let ms = started.elapsed().as_secs_f64() * 1e3;
    Ok(Measured {
        ms,
        traffic: proxy.traffic() - before,
    })
}

/// Runs benchmark 6 and adds its section to `report`.
pub async fn run(quick: bool, report: &mut Report) -> Result<(), String> {
    let sizes = if quick { QUICK } else { FULL };
    let link = Link::BENCH;
    eprintln!("capturing the canned bodies from an in-process sandbox");
    let bodies = server::capture().await?;
    let mut links = Vec::new();
    for encoding in Encoding::ALL {
        let server = server::start_with(bodies.clone(), encoding)
            .map_err(|e| format!("canned server: {e}"))?;
        let proxy =
            Proxy::start(server.addr, link).map_err(|e| format!("throttling proxy: {e}"))?;
        links.push(Throttled { encoding, proxy });
    }

    report.section("6. Over a throttled link");
    report.para(&format!(
        "Every request goes through a throttling TCP proxy on 127.0.0.1 that the benchmark \
         starts itself, in front of the canned server of sections 1 and 2: {}. That is about \
         a client in one European country and the server in another, on a small office \
         line. The proxy delays each chunk by its transmission time at that bandwidth, \
         queued behind the chunks before it on any connection, plus the latency, in each \
         direction; it buffers \
         without limit (no TCP window, no loss). It counts TCP connections accepted and TCP \
         payload bytes each way (HTTP headers and bodies, without TCP/IP framing). The link \
         is plain TCP: there is no TLS on loopback here, so a new connection costs one \
         round trip (the TCP handshake) instead of the two or three it costs with TLS in \
         front of a real server, and what is counted is TCP handshakes. A new connection \
         waits one round trip before its first byte leaves (the handshake: on loopback \
         `connect` returns at once). All connections share the one link, so 64 \
         connections do not get 64 times the bandwidth. The proxy and each canned server \
         run on threads of their own; the client on the main thread.",
        link.describe()
    ));
    eprintln!("[6a] compression: one page and a stream, in each encoding");
    compression::run(&links, sizes, report).await?;
    eprintln!("[6b] connections: reuse, and HTTP/1.1 vs HTTP/2");
    connections::run(&links[0].proxy, sizes, report).await?;
    eprintln!("[6c] fetch-ahead stream vs a page-by-page loop");
    prefetch::run(&links[0].proxy, sizes, report).await?;
    Ok(())
}
