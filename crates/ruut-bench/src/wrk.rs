//! Running wrk once and reading what it prints (it has no machine-readable
//! output).

use std::path::Path;
use std::process::{Command, Stdio};

/// What one wrk run measured.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WrkRun {
    /// Requests per second over the run.
    pub requests_per_second: f64,
    /// Median latency, ms.
    pub p50_ms: f64,
    /// 99th-percentile latency, ms.
    pub p99_ms: f64,
    /// Requests completed.
    pub requests: f64,
    /// Answers that were not 2xx or 3xx, plus socket errors.
    pub bad: f64,
}

/// Runs `wrk -t2 -c16 -d<seconds>s --latency -H <header> <url>` and reads
/// its output.
pub fn run(wrk: &Path, url: &str, header: &str, seconds: u32) -> Result<WrkRun, String> {
    let duration = format!("-d{seconds}s");
    let args = ["-t2", "-c16", &duration, "--latency", "-H", header, url];
    eprintln!("$ {} {}", wrk.display(), args.join(" "));
    let output = Command::new(wrk)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not start {}: {e}", wrk.display()))?;
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        return Err(format!("wrk {}: {text}", output.status));
    }
    parse(&text).ok_or_else(|| format!("cannot read wrk's output:\n{text}"))
}

/// Reads wrk's text output; `None` if it has no `Requests/sec:` line or a
/// figure does not parse.
pub fn parse(text: &str) -> Option<WrkRun> {
    let mut run = WrkRun::default();
    let mut seen_rps = false;
    let mut in_distribution = false;
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["Latency", "Distribution"] => in_distribution = true,
            ["50%", value] if in_distribution => run.p50_ms = duration_ms(value)?,
            ["99%", value] if in_distribution => run.p99_ms = duration_ms(value)?,
            ["Requests/sec:", value] => {
                run.requests_per_second = value.parse().ok()?;
                seen_rps = true;
            }
            [count, "requests", "in", ..] => run.requests = count.parse().ok()?,
            ["Non-2xx", "or", "3xx", "responses:", count] => {
                run.bad += count.parse::<f64>().ok()?
            }
            ["Socket", "errors:", rest @ ..] => {
                run.bad += rest
                    .iter()
                    .filter_map(|w| w.trim_end_matches(',').parse::<f64>().ok())
                    .sum::<f64>();
            }
            _ => {}
        }
    }
    seen_rps.then_some(run)
}

/// `1.23ms`, `456.78us`, `1.01s`, `2.00m` as milliseconds.
fn duration_ms(value: &str) -> Option<f64> {
    let split = value.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = value.split_at(split);
    let number: f64 = number.parse().ok()?;
    let factor = match unit {
        "us" => 1e-3,
        "ms" => 1.0,
        "s" => 1e3,
        "m" => 60e3,
        _ => return None,
    };
    Some(number * factor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrk_output_is_read() {
        let text = "\
Running 5s test @ http://127.0.0.1:4010/api/v1/accounts/1/conversations/1
  2 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    15.71ms    2.01ms  40.10ms   91.00%
    Req/Sec   510.33     40.12   600.00     70.00%
  Latency Distribution
     50%   15.40ms
     75%   16.00ms
     90%   17.20ms
     99%  812.00us
  5104 requests in 5.01s, 9.87MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:   1018.76
Transfer/sec:      1.97MB
";
        let run = parse(text).unwrap();
        assert_eq!(run.requests_per_second, 1018.76);
        assert_eq!(run.p50_ms, 15.4);
        assert!((run.p99_ms - 0.812).abs() < 1e-9);
        assert_eq!(run.requests, 5104.0);
        assert_eq!(run.bad, 7.0);
        assert!(parse("nothing").is_none());
        assert_eq!(duration_ms("2.00m"), Some(120_000.0));
        assert_eq!(duration_ms("3ns"), None);
    }
}
