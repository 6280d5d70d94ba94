//! The command line.

use std::path::PathBuf;

use crate::build_times::Dirs;
use crate::clients;
use crate::throughput::Servers;

/// How to call ruut-bench.
pub const USAGE: &str = "\
usage: ruut-bench [--quick] [--out FILE.md] [--targets FILE.tsv]
       ruut-bench throughput --wrk PATH --token TOKEN --sandbox URL --prism URL [--quick] [--out FILE.md] [--targets FILE.tsv]
       ruut-bench build-times --root DIR --target-dir DIR [--baseline REV] [--quick] [--out FILE.md] [--targets FILE.tsv]
       ruut-bench wire [--quick] [--out FILE.md] [--targets FILE.tsv]
       ruut-bench rate-limit [--quick] [--out FILE.md] [--targets FILE.tsv]
       ruut-bench --profile sdk|generated|floor [SECONDS]";

/// What to run.
pub enum Mode {
    /// Benchmarks 1 to 3, in-process.
    InProcess,
    /// Benchmark 4: wrk against two running servers.
    Throughput(Servers),
    /// Benchmark 5: codegen and build times.
    BuildTimes(Dirs),
    /// Benchmark 6: over a throttled link.
    Wire,
    /// Benchmark 7: client-side rate limiting against a limited sandbox.
    RateLimit,
    /// Sequential getConversation requests through one client, for `perf record`.
    Profile(clients::Kind, f64),
}

/// The parsed command line.
pub struct Args {
    /// Fewer, shorter repetitions.
    pub quick: bool,
    /// Where the Markdown goes (default stdout).
    pub out: Option<String>,
    /// Where the targets go, one per line.
    pub targets: Option<String>,
    /// What to run.
    pub mode: Mode,
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut args = args.into_iter().peekable();
    let command = match args.peek().map(String::as_str) {
        Some(c @ ("throughput" | "build-times" | "wire" | "rate-limit")) => {
            let c = c.to_owned();
            args.next();
            Some(c)
        }
        _ => None,
    };
    let mut parsed = Args {
        quick: false,
        out: None,
        targets: None,
        mode: Mode::InProcess,
    };
    let mut named: Vec<(String, String)> = Vec::new();
    while let Some(arg) = args.next() {
        let mut value = |what: &str| args.next().ok_or(format!("{arg} needs {what}\n{USAGE}"));
        match arg.as_str() {
            "--quick" => parsed.quick = true,
            "--out" => parsed.out = Some(value("a file")?),
            "--targets" => parsed.targets = Some(value("a file")?),
            "--profile" if command.is_none() => {
                let kind = match value("a client")?.as_str() {
                    "sdk" => clients::Kind::Sdk,
                    "sdk-no-deadline" => clients::Kind::SdkNoDeadline,
                    "generated" => clients::Kind::Generated,
                    "floor" => clients::Kind::Floor,
                    _ => return Err(format!("--profile needs sdk, generated or floor\n{USAGE}")),
                };
                let seconds = match args.next() {
                    Some(s) => s
                        .parse()
                        .map_err(|_| format!("not a number of seconds: {s}"))?,
                    None => 5.0,
                };
                parsed.mode = Mode::Profile(kind, seconds);
            }
            flag @ ("--wrk" | "--token" | "--sandbox" | "--prism" | "--root" | "--target-dir"
            | "--baseline")
                if command.is_some() =>
            {
                let flag = flag.to_owned();
                named.push((flag, value("a value")?));
            }
            other => return Err(format!("unexpected argument `{other}`\n{USAGE}")),
        }
    }
    let mut take = |flag: &str| -> Result<String, String> {
        let at = named.iter().position(|(f, _)| f == flag).ok_or(format!(
            "{} needs {flag}\n{USAGE}",
            command.as_deref().unwrap_or("")
        ))?;
        Ok(named.remove(at).1)
    };
    match command.as_deref() {
        Some("throughput") => {
            parsed.mode = Mode::Throughput(Servers {
                wrk: PathBuf::from(take("--wrk")?),
                token: take("--token")?,
                sandbox: take("--sandbox")?,
                prism: take("--prism")?,
            });
        }
        Some("wire") => parsed.mode = Mode::Wire,
        Some("rate-limit") => parsed.mode = Mode::RateLimit,
        Some("build-times") => {
            parsed.mode = Mode::BuildTimes(Dirs {
                root: PathBuf::from(take("--root")?),
                target: PathBuf::from(take("--target-dir")?),
                baseline: take("--baseline").ok(),
            });
        }
        _ => {}
    }
    if let Some((flag, _)) = named.first() {
        return Err(format!("unexpected argument `{flag}`\n{USAGE}"));
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_line(line: &str) -> Result<Args, String> {
        parse(line.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn each_mode_takes_its_own_flags() {
        let args = parse_line("--quick --out a.md").unwrap();
        assert!(args.quick && matches!(args.mode, Mode::InProcess));
        assert_eq!(args.out.as_deref(), Some("a.md"));

        let args = parse_line("throughput --wrk /w --token t --sandbox http://s --prism http://p")
            .unwrap();
        let Mode::Throughput(servers) = args.mode else {
            panic!("not throughput")
        };
        assert_eq!(
            (servers.sandbox.as_str(), servers.prism.as_str()),
            ("http://s", "http://p")
        );

        let args = parse_line("wire --quick").unwrap();
        assert!(args.quick && matches!(args.mode, Mode::Wire));
        let args = parse_line("rate-limit --quick").unwrap();
        assert!(args.quick && matches!(args.mode, Mode::RateLimit));

        let args = parse_line("build-times --root /r --target-dir /t --quick").unwrap();
        assert!(args.quick && matches!(args.mode, Mode::BuildTimes(_)));
        assert!(matches!(
            parse_line("--profile sdk 2").unwrap().mode,
            Mode::Profile(_, 2.0)
        ));

        for bad in [
            "throughput --wrk /w",
            "--wrk /w",
            "build-times --root /r --target-dir /t --root /s",
            "throughput --profile sdk",
            "--out",
            "wire --wrk /w",
            "rate-limit --root /r",
        ] {
            assert!(parse_line(bad).is_err(), "{bad}");
        }
    }
}
