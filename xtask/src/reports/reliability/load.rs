//! `cargo xtask load`: the long load run of issue 7, kept out of `cargo xtask
//! ci` because it takes about a minute and a half besides building. Loopback
//! only, bounded in count and time.
//!
//! 1. **The SDK under concurrency**: the `#[ignore]`d test
//!    `long_concurrent_status_changes` of `tests/tests/reliability_load.rs`:
//!    64 SDK tasks for 10 s change the statuses of 50 conversations in an
//!    in-process sandbox, one request in 100 answered 503; every call must end
//!    in success or a typed error, and each conversation's final state must be
//!    the last change its status log accepted. `RUUT_LOAD_TASKS`,
//!    `RUUT_LOAD_SECS`, `RUUT_LOAD_CONVERSATIONS` and `RUUT_LOAD_FAULT_EVERY`
//!    change the run.
//! 2. **The sandbox under wrk**: the `ruut-sandbox` binary, warmed up for
//!    [`WARMUP_SECS`] s, then [`WRK_SECS`] s of wrk (2 threads, 32
//!    connections) over five routes (reads, a listing, a 404). No answer may
//!    be a 5xx, and the resident memory (`VmRSS` in `/proc/<pid>/status`) must
//!    stay flat: at most [`RSS_GROWTH_LIMIT_KIB`] KiB more at the end than
//!    after the warm-up. wrk is installed with apt-get when it is missing.
//!
//! The report goes to stdout and to `target/reliability/load.md`, where
//! `cargo xtask reliability-report` picks it up for RELIABILITY.md.

use std::fmt::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::tools::{exec, sandbox, wrk};
use crate::{Error, target_dir};

const STEP: &str = "load";

/// Where the report goes, relative to the target directory; `cargo xtask
/// reliability-report` reads it from there.
pub const REPORT: &str = "reliability/load.md";

/// Seconds of wrk before the memory baseline is taken: the sandbox's request
/// journal (10,000 entries, about 8 s at a debug build's pace) and the
/// allocator's pools fill up here.
pub const WARMUP_SECS: u64 = 10;

/// Seconds of the measured wrk run.
pub const WRK_SECS: u64 = 30;

/// The most the sandbox's resident memory may grow over the measured run.
pub const RSS_GROWTH_LIMIT_KIB: u64 = 16 * 1024;

/// The wrk script: the token, five routes in turn, and a count of answers by
/// status class over all threads.
const WRK_SCRIPT: &str = r#"
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  account = args[1] or "1"
  paths = {
    "/api/v1/accounts/" .. account .. "/conversations/1",
    "/api/v1/accounts/" .. account .. "/conversations?page=1",
    "/api/v1/profile",
    "/api/v1/accounts/" .. account .. "/conversations/999999",
    "/api/v1/accounts/" .. account .. "/contacts",
  }
  n = 0
  s2, s3, s4, s5, other = 0, 0, 0, 0, 0
  wrk.headers["api_access_token"] = token or "sandbox-user-token"
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
  if status >= 500 then s5 = s5 + 1
  elseif status >= 400 then s4 = s4 + 1
  elseif status >= 300 then s3 = s3 + 1
  elseif status >= 200 then s2 = s2 + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t = {0, 0, 0, 0, 0}
  for _, thread in ipairs(threads) do
    t[1] = t[1] + thread:get("s2")
    t[2] = t[2] + thread:get("s3")
    t[3] = t[3] + thread:get("s4")
    t[4] = t[4] + thread:get("s5")
    t[5] = t[5] + thread:get("other")
  end
  io.write(string.format("statuses 2xx=%d 3xx=%d 4xx=%d 5xx=%d other=%d\n",
    t[1], t[2], t[3], t[4], t[5]))
end
"#;

/// Runs both parts and writes the report; fails if either part failed.
pub fn run(root: &Path) -> Result<String, Error> {
    let path = target_dir(root).join(REPORT);
    let report_dir = path.parent().unwrap_or(root).to_path_buf();
    std::fs::create_dir_all(&report_dir).map_err(|e| exec::io("create", &report_dir, e))?;

    let sdk = sdk_load(root, &report_dir);
    let wrk = wrk_load(root, &report_dir);

    let mut text = String::new();
    let _ = writeln!(
        text,
        "From the last `cargo xtask load` on this machine ({} cores).\n",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    let _ = writeln!(
        text,
        "| run | what | outcome |\n| --- | --- | --- |\n| SDK tasks | `long_concurrent_status_changes` in \
         `tests/tests/reliability_load.rs` | {} |\n| sandbox under wrk | {} s warm-up, then {} s \
         of wrk -t2 -c32 over five routes | {} |",
        cell(&sdk),
        WARMUP_SECS,
        WRK_SECS,
        cell(&wrk),
    );
    std::fs::write(&path, &text).map_err(|e| exec::io("write", &path, e))?;
    println!("{text}");
    match (&sdk, &wrk) {
        (Ok(_), Ok(_)) => Ok(format!(
            "wrote {}; `cargo xtask reliability-report` adds it to RELIABILITY.md",
            path.display(),
        )),
        _ => Err(exec::fail(
            STEP,
            format!("a load run failed; see {}", path.display()),
        )),
    }
}

fn cell(outcome: &Result<String, String>) -> String {
    match outcome {
        Ok(text) => format!("passed: {text}"),
        Err(why) => format!("**FAILED**: {why}"),
    }
    .replace('|', "\\|")
    .replace('\n', " ")
}

/// The SDK part: the ignored long test, with its report file.
fn sdk_load(root: &Path, report_dir: &Path) -> Result<String, String> {
    let report = report_dir.join("load-sdk.txt");
    let _ = std::fs::remove_file(&report);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.args([
        "test",
        "-p",
        "ruut-tests",
        "--test",
        "reliability_load",
        "--",
    ])
    .args(["--ignored", "--exact", "long_concurrent_status_changes"])
    .args(["--nocapture"])
    .env("RUUT_LOAD_REPORT", &report);
    let log = report_dir.join("load-sdk");
    let output =
        exec::capture_with_timeout(STEP, root, &mut cmd, Duration::from_secs(30 * 60), &log)
            .map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(&report).unwrap_or_default();
    if output.status.success() && !text.is_empty() {
        eprintln!("SDK load: {text}");
        Ok(text.trim().to_owned())
    } else {
        let stdout = String::from_utf8_lossy(&output.stdout);
        let panic = stdout
            .lines()
            .chain(String::from_utf8_lossy(&output.stderr).lines())
            .find(|l| l.contains("panicked") || l.contains("error"))
            .unwrap_or("no report written")
            .to_owned();
        Err(format!(
            "the test {} ({panic}); logs in {}.out/.err",
            exec::describe_exit(output.status),
            log.display()
        ))
    }
}

/// The wrk part.
fn wrk_load(root: &Path, report_dir: &Path) -> Result<String, String> {
    let wrk_path = wrk::ensure(STEP, root).map_err(|e| e.to_string())?;
    let script = report_dir.join("wrk-statuses.lua");
    std::fs::write(&script, WRK_SCRIPT).map_err(|e| e.to_string())?;
    let sandbox = sandbox::start(STEP, root).map_err(|e| e.to_string())?;
    let pid = sandbox.process.id();
    let account = sandbox.account_id.unwrap_or(1).to_string();
    let wrk = |seconds: u64| {
        let mut cmd = Command::new(&wrk_path);
        cmd.args(["-t2", "-c32", &format!("-d{seconds}s"), "--latency", "-s"])
            .arg(&script)
            .arg(&sandbox.base_url)
            .args(["--", &account])
            .stdin(Stdio::null());
        cmd
    };

    let rss_before = rss_kib(pid).ok_or("cannot read the sandbox's VmRSS")?;
    let warmup = exec::capture(STEP, root, &mut wrk(WARMUP_SECS)).map_err(|e| e.to_string())?;
    if !warmup.status.success() {
        return Err(format!(
            "the warm-up wrk {}",
            exec::describe_exit(warmup.status)
        ));
    }
    let rss_start = rss_kib(pid).ok_or("cannot read the sandbox's VmRSS")?;

    eprintln!("$ wrk -t2 -c32 -d{WRK_SECS}s ... (sampling the sandbox's VmRSS every second)");
    let out_path = report_dir.join("wrk.out");
    let out = std::fs::File::create(&out_path).map_err(|e| e.to_string())?;
    let mut child = wrk(WRK_SECS)
        .current_dir(root)
        .stdout(Stdio::from(out))
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| format!("could not start wrk: {e}"))?;
    let started = Instant::now();
    let mut samples = vec![rss_start];
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > Duration::from_secs(WRK_SECS + 60) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err("wrk did not finish in time and was killed".into());
            }
            Ok(None) => {
                std::thread::sleep(Duration::from_secs(1));
                if let Some(rss) = rss_kib(pid) {
                    samples.push(rss);
                }
            }
            Err(e) => return Err(format!("cannot wait for wrk: {e}")),
        }
    };
    let rss_end = rss_kib(pid).ok_or("the sandbox is gone after the run")?;
    samples.push(rss_end);
    drop(sandbox);

    let output = std::fs::read_to_string(&out_path).map_err(|e| e.to_string())?;
    eprint!("{output}");
    if !status.success() {
        return Err(format!("wrk {}", exec::describe_exit(status)));
    }
    let statuses = WrkStatuses::parse(&output).ok_or("wrk printed no status counts")?;
    let requests = output
        .lines()
        .find(|l| l.contains(" requests in "))
        .map(|l| l.trim().to_owned())
        .unwrap_or_default();
    let per_second = output
        .lines()
        .find_map(|l| l.trim().strip_prefix("Requests/sec:"))
        .map(str::trim)
        .unwrap_or("?");
    let socket_errors = output
        .lines()
        .find(|l| l.trim().starts_with("Socket errors:"))
        .map(|l| format!("; {}", l.trim()))
        .unwrap_or_default();
    let max = samples.iter().copied().max().unwrap_or(rss_end);
    // One sample about every 10 s, to show the curve.
    let curve = samples
        .iter()
        .step_by(10)
        .map(|kib| mib(*kib))
        .collect::<Vec<_>>()
        .join(" → ");
    let growth = rss_end.saturating_sub(rss_start);
    let summary = format!(
        "{requests} ({per_second}/s); answers 2xx {} / 3xx {} / 4xx {} / 5xx {} / other {}{socket_errors}; \
         VmRSS {} MiB before the warm-up, {} MiB at the start, {} MiB at the end (+{} KiB; \
         every 10 s: {curve} MiB; peak {} MiB over {} samples)",
        statuses.s2,
        statuses.s3,
        statuses.s4,
        statuses.s5,
        statuses.other,
        mib(rss_before),
        mib(rss_start),
        mib(rss_end),
        growth,
        mib(max),
        samples.len(),
    );
    eprintln!("wrk: {summary}");
    if statuses.s5 > 0 {
        return Err(format!("{} answers were 5xx: {summary}", statuses.s5));
    }
    if statuses.s2 == 0 {
        return Err(format!("no answer was a success: {summary}"));
    }
    if growth > RSS_GROWTH_LIMIT_KIB {
        return Err(format!(
            "memory grew by {growth} KiB, over the {RSS_GROWTH_LIMIT_KIB} KiB allowed: {summary}"
        ));
    }
    Ok(summary)
}

/// The status counts the script prints.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct WrkStatuses {
    /// 2xx answers.
    pub s2: u64,
    /// 3xx answers.
    pub s3: u64,
    /// 4xx answers.
    pub s4: u64,
    /// 5xx answers.
    pub s5: u64,
    /// Anything else.
    pub other: u64,
}

impl WrkStatuses {
    /// Reads the `statuses 2xx=.. 3xx=.. 4xx=.. 5xx=.. other=..` line.
    pub fn parse(output: &str) -> Option<WrkStatuses> {
        let line = output.lines().find(|l| l.starts_with("statuses "))?;
        let mut counts = WrkStatuses::default();
        for field in line.split_whitespace().skip(1) {
            let (name, value) = field.split_once('=')?;
            let value: u64 = value.parse().ok()?;
            match name {
                "2xx" => counts.s2 = value,
                "3xx" => counts.s3 = value,
                "4xx" => counts.s4 = value,
                "5xx" => counts.s5 = value,
                "other" => counts.other = value,
                _ => return None,
            }
        }
        Some(counts)
    }
}

/// A process's resident memory in KiB (`VmRSS` of `/proc/<pid>/status`).
pub fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    parse_rss(&status)
}

/// The `VmRSS` of a `/proc/<pid>/status` text, in KiB.
pub fn parse_rss(status: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

fn mib(kib: u64) -> String {
    format!("{:.1}", kib as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_script_counts_and_vm_rss() {
        let out =
            "Running 30s test\n  10 requests in 1.00s\nstatuses 2xx=8 3xx=0 4xx=2 5xx=0 other=0\n";
        let counts = WrkStatuses::parse(out).unwrap();
        assert_eq!((counts.s2, counts.s4, counts.s5), (8, 2, 0));
        assert_eq!(WrkStatuses::parse("nothing"), None);

        let status = "Name:\truut-sandbox\nVmPeak:\t  99 kB\nVmRSS:\t   12345 kB\n";
        assert_eq!(parse_rss(status), Some(12345));
        assert_eq!(parse_rss("Name: x\n"), None);
    }
}
