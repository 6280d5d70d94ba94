//! Benchmark 4: the sandbox's throughput against Prism's mock of the same
//! spec, under wrk, on the same endpoint and connections, repetitions
//! interleaved. `cargo xtask bench` installs wrk and Prism, starts both
//! servers and stops them afterwards; this only measures.

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::path::PathBuf;
use std::time::Duration;

use crate::report::Report;
use crate::stats::{Summary, repetitions};
use crate::wrk::{self, WrkRun};

/// The endpoint both servers are loaded with: getConversation of a seeded
/// conversation (account 1, display id 1).
pub const PATH: &str = "/api/v1/accounts/1/conversations/1";

/// What to load: wrk, the token, and the two servers' base URLs.
#[derive(Clone, Debug)]
pub struct Servers {
    /// The wrk binary.
    pub wrk: PathBuf,
    /// The token both servers accept (`api_access_token`).
    pub token: String,
    /// The release build of `ruut-sandbox`.
    pub sandbox: String,
    /// `prism mock` of the spec.
    pub prism: String,
}

/// Repetitions and seconds per wrk run.
fn plan(quick: bool) -> (usize, u32) {
    if quick { (1, 2) } else { (3, 5) }
}

/// Runs benchmark 4 and adds its section to `report`.
pub fn run(servers: &Servers, quick: bool, report: &mut Report) -> Result<(), String> {
    let (reps, seconds) = plan(quick);
    let named = [
        ("ruut-sandbox (release)", servers.sandbox.as_str()),
        ("prism mock", servers.prism.as_str()),
    ];
    for (name, url) in named {
        let status = http_status(url, PATH, &servers.token)?;
        if status != 200 {
            return Err(format!("{name} answers GET {PATH} with {status}, not 200"));
        }
    }
    let header = format!("api_access_token: {}", servers.token);
    let wrk_run =
        |url: &str, seconds| wrk::run(&servers.wrk, &format!("{url}{PATH}"), &header, seconds);
    // Warm-up (Prism's JIT, the sandbox's first connections), then interleaved runs.
    for (_, url) in named {
        wrk_run(url, 1)?;
    }
    let mut runs: [Vec<WrkRun>; 2] = [Vec::new(), Vec::new()];
    for round in 0..reps {
        for offset in 0..2 {
            let index = (round + offset) % 2;
            let (name, url) = named[index];
            let run = wrk_run(url, seconds)?;
            eprintln!(
                "  wrk round {}/{reps}: {name}: {:.0} req/s, p99 {:.2} ms",
                round + 1,
                run.requests_per_second,
                run.p99_ms
            );
            runs[index].push(run);
        }
    }

    report.section("4. Sandbox throughput");
    report.para(&format!(
        "`wrk -t2 -c16 -d{seconds}s --latency -H 'api_access_token: …' URL{PATH}` \
         (getConversation of a seeded conversation) against the release build of \
         `ruut-sandbox` and against `prism mock -v warn openapi/ruut.yaml` (Prism answers the \
         spec's example). {} after a 1 s warm-up, interleaved; median \
         (min–max). wrk, the server and everything else share the machine's cores. \
         `cargo xtask bench` starts both servers for this run and stops them by pid \
         afterwards.",
        repetitions(reps)
    ));
    let rows: Vec<Vec<String>> = named
        .iter()
        .zip(&runs)
        .map(|((name, _), runs)| {
            let s = |f: fn(&WrkRun) -> f64| Summary::of(&runs.iter().map(f).collect::<Vec<_>>());
            vec![
                (*name).to_owned(),
                s(|r| r.requests_per_second).show(0),
                s(|r| r.p50_ms).show(2),
                s(|r| r.p99_ms).show(2),
                s(|r| r.requests).show(0),
                s(|r| r.bad).show(0),
            ]
        })
        .collect();
    report.table(
        &[
            "server",
            "requests/s",
            "p50 ms",
            "p99 ms",
            "requests",
            "non-2xx or errors",
        ],
        &rows,
    );
    let per_round = |f: fn(&WrkRun) -> f64| {
        Summary::of(
            &runs[0]
                .iter()
                .zip(&runs[1])
                .map(|(sandbox, prism)| f(sandbox) / f(prism))
                .collect::<Vec<_>>(),
        )
    };
    let rps = per_round(|r| r.requests_per_second);
    let p99 = per_round(|r| r.p99_ms);
    report.para(&format!(
        "Sandbox / Prism, per round: requests/s {}×, p99 {}×.",
        rps.show(2),
        p99.show(3)
    ));
    report.target(
        "sandbox throughput: at least Prism's requests/s on the same endpoint",
        rps.median >= 1.0,
        &format!("{:.2}×", rps.median),
    );
    report.end_targets();
    Ok(())
}

/// The status code of `GET url+path` with the token, over a plain TCP socket.
fn http_status(url: &str, path: &str, token: &str) -> Result<u16, String> {
    let host = url.trim_start_matches("http://");
    let fail = |e: &dyn std::fmt::Display| format!("GET {url}{path}: {e}");
    let mut stream = TcpStream::connect(host).map_err(|e| fail(&e))?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .map_err(|e| fail(&e))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\napi_access_token: {token}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| fail(&e))?;
    let mut head = [0_u8; 64];
    let n = stream.read(&mut head).map_err(|e| fail(&e))?;
    let text = String::from_utf8_lossy(&head[..n]);
    text.split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| fail(&format!("no status line in {text:?}")))
}
