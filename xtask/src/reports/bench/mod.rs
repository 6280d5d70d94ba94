//! `cargo xtask bench [--quick]`: run every benchmark and write `BENCHMARKS.md`.
//!
//! 1. Builds `ruut-bench` and the sandbox in release mode.
//! 2. Runs `ruut-bench` (client overhead, pagination, decoding: in-process,
//!    see `crates/ruut-bench`), which writes its sections as Markdown.
//! 3. Sandbox throughput: `wrk` against the release sandbox and against
//!    `prism mock` of the same spec, same endpoint and connections,
//!    repetitions interleaved. Installs wrk (Debian package) and Prism (the
//!    pinned npm tools) when missing, and says so. Both servers are killed by
//!    pid afterwards, also on failure.
//! 4. Codegen and build: `cargo xtask generate --check`, a clean debug and a
//!    clean release `cargo build -p ruut-sdk` in `target/bench-build` (so the
//!    main target directory is left alone), and the size of the release
//!    quickstart example.
//! 5. Writes `BENCHMARKS.md`: machine, date, versions, the command, the
//!    targets met and missed, and a table per benchmark.
//!
//! Figures are medians of several repetitions with their range. Nothing here
//! asserts a timing: a missed target is reported, not a failure. `--quick`
//! runs fewer and shorter repetitions and skips the clean builds.

use std::fmt::Write as _;
use std::io::{Read as _, Write as _};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

use crate::tools::exec::{self, Background};
use crate::tools::{node, sandbox, wrk};
use crate::{Error, SPEC_PATH, target_dir};

const STEP: &str = "bench";

/// The file written, relative to the workspace root.
pub const OUTPUT: &str = "BENCHMARKS.md";

/// The endpoint both servers are loaded with: getConversation of a seeded
/// conversation (account 1, display id 1).
const WRK_PATH: &str = "/api/v1/accounts/1/conversations/1";

/// How much work one run does.
#[derive(Clone, Copy, Debug)]
struct Plan {
    quick: bool,
    wrk_reps: usize,
    wrk_seconds: u32,
    generate_reps: usize,
}

impl Plan {
    fn new(quick: bool) -> Plan {
        if quick {
            Plan {
                quick,
                wrk_reps: 1,
                wrk_seconds: 2,
                generate_reps: 1,
            }
        } else {
            Plan {
                quick,
                wrk_reps: 3,
                wrk_seconds: 5,
                generate_reps: 3,
            }
        }
    }
}

/// Runs the benchmarks and writes [`OUTPUT`].
pub fn run(root: &Path, quick: bool) -> Result<(), Error> {
    let plan = Plan::new(quick);
    let started = Instant::now();
    let load_before = load_average();
    let target = target_dir(root);
    let work = target.join("bench");
    std::fs::create_dir_all(&work).map_err(|e| exec::io("create", &work, e))?;
    let total_steps = 5;

    progress(
        1,
        total_steps,
        "building ruut-bench and the sandbox in release mode",
    );
    exec::run(
        STEP,
        root,
        Command::new(cargo()).args([
            "build",
            "--release",
            "-p",
            "ruut-bench",
            "-p",
            "ruut-sandbox",
        ]),
    )?;

    progress(
        2,
        total_steps,
        "client overhead, pagination, decoding (crates/ruut-bench)",
    );
    let in_process_md = work.join("in-process.md");
    let targets_tsv = work.join("targets.tsv");
    let mut bench = Command::new(target.join("release/ruut-bench"));
    bench
        .arg("--out")
        .arg(&in_process_md)
        .arg("--targets")
        .arg(&targets_tsv);
    if quick {
        bench.arg("--quick");
    }
    exec::run(STEP, root, &mut bench)?;
    let in_process = read(&in_process_md)?;
    let mut targets = parse_targets(&read(&targets_tsv)?);

    progress(
        3,
        total_steps,
        "sandbox throughput: wrk against the sandbox and Prism",
    );
    let throughput = sandbox_throughput(root, &target, plan);
    let (throughput_md, tool_versions) = match throughput {
        Ok(throughput) => {
            targets.push(throughput.target);
            (throughput.markdown, throughput.tools)
        }
        Err(e) => {
            eprintln!("sandbox throughput could not be measured: {e}");
            (
                format!(
                    "## 4. Sandbox throughput\n\nNot measured in this run: {}\n\n",
                    one_line(&e.to_string())
                ),
                Vec::new(),
            )
        }
    };

    progress(4, total_steps, "codegen and build times");
    let build_md = codegen_and_build(root, &target, plan)?;

    progress(5, total_steps, &format!("writing {OUTPUT}"));
    let header = header(
        root,
        plan,
        started.elapsed(),
        load_before,
        &tool_versions,
        &targets,
    );
    let document = format!("{header}{in_process}{throughput_md}{build_md}");
    let path = root.join(OUTPUT);
    std::fs::write(&path, document).map_err(|e| exec::io("write", &path, e))?;

    let missed: Vec<&Target> = targets.iter().filter(|t| !t.met).collect();
    eprintln!(
        "\nwrote {OUTPUT} in {:.0} s: {} targets met, {} missed",
        started.elapsed().as_secs_f64(),
        targets.len() - missed.len(),
        missed.len()
    );
    for t in missed {
        eprintln!("  MISSED: {}: {}", t.name, t.value);
    }
    Ok(())
}

fn progress(step: usize, of: usize, what: &str) {
    eprintln!("\n==> bench [{step}/{of}] {what}");
}

fn cargo() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}

fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| exec::io("read", path, e))
}

/// "1 repetition", "3 repetitions each".
fn repetitions(n: usize) -> String {
    if n == 1 {
        "1 repetition".into()
    } else {
        format!("{n} repetitions each")
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A target of the issue, met or missed, with its figure.
#[derive(Clone, Debug)]
struct Target {
    name: String,
    met: bool,
    value: String,
}

fn parse_targets(tsv: &str) -> Vec<Target> {
    tsv.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, '\t');
            let met = parts.next()? == "met";
            Some(Target {
                name: parts.next()?.to_string(),
                met,
                value: parts.next().unwrap_or("").to_string(),
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Statistics

/// Median and range of a few repetitions.
#[derive(Clone, Copy, Debug)]
struct Summary {
    median: f64,
    min: f64,
    max: f64,
}

impl Summary {
    fn of(values: &[f64]) -> Summary {
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let median = match n {
            0 => f64::NAN,
            n if n % 2 == 1 => v[n / 2],
            n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
        };
        Summary {
            median,
            min: v.first().copied().unwrap_or(f64::NAN),
            max: v.last().copied().unwrap_or(f64::NAN),
        }
    }

    fn show(&self, decimals: usize) -> String {
        if self.min == self.max {
            format!("{:.d$}", self.median, d = decimals)
        } else {
            format!(
                "{:.d$} ({:.d$}–{:.d$})",
                self.median,
                self.min,
                self.max,
                d = decimals
            )
        }
    }
}

// ---------------------------------------------------------------------------
// 4. Sandbox throughput

/// What the throughput benchmark gives the report.
struct Throughput {
    markdown: String,
    /// (tool, version) for the header.
    tools: Vec<(String, String)>,
    target: Target,
}

/// One wrk run.
#[derive(Clone, Copy, Debug, Default)]
struct WrkRun {
    requests_per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    requests: f64,
    bad: f64,
}

fn sandbox_throughput(root: &Path, target: &Path, plan: Plan) -> Result<Throughput, Error> {
    let wrk = wrk::ensure(STEP, root)?;
    let wrk_version = wrk::version(root, &wrk);
    let tools = node::ensure(root)?;
    let prism_version = exec::version(root, &tools.path("prism"), &["--version"]);
    let node_version = exec::version(root, Path::new("node"), &["--version"]);

    let token = sandbox::USER_TOKEN;
    let mut sandbox = Background::spawn(
        STEP,
        "sandbox",
        root,
        Command::new(target.join("release/ruut-sandbox")).args(["--port", "0", "--token", token]),
    )?;
    let sandbox_url = sandbox.wait_for_line(STEP, Duration::from_secs(60), |line| {
        line.split_whitespace()
            .find(|word| word.starts_with("http://"))
            .map(str::to_string)
    })?;
    sandbox.echo_rest();

    let port = exec::free_port(STEP)?;
    let mut prism = Background::spawn(
        STEP,
        "prism",
        root,
        tools.command("prism").args([
            "mock",
            "-h",
            "127.0.0.1",
            "-p",
            &port.to_string(),
            "-v",
            "warn",
            SPEC_PATH,
        ]),
    )?;
    prism.echo_rest();
    let ready = Instant::now();
    exec::wait_for_port(STEP, &mut prism, port, Duration::from_secs(90))?;
    eprintln!(
        "prism {prism_version} mocks {SPEC_PATH} on http://127.0.0.1:{port} (ready in {:.1} s)",
        ready.elapsed().as_secs_f64()
    );
    let prism_url = format!("http://127.0.0.1:{port}");

    let servers = [
        ("ruut-sandbox (release)", sandbox_url),
        ("prism mock", prism_url),
    ];
    for (name, url) in &servers {
        let status = http_status(url, WRK_PATH, token)?;
        if status != 200 {
            return Err(exec::fail(
                STEP,
                format!("{name} answers GET {WRK_PATH} with {status}, not 200"),
            ));
        }
    }
    let header = format!("api_access_token: {token}");
    let run_wrk = |url: &str, seconds: u32| -> Result<WrkRun, Error> {
        let output = exec::capture(
            STEP,
            root,
            Command::new(&wrk).args([
                "-t2",
                "-c16",
                &format!("-d{seconds}s"),
                "--latency",
                "-H",
                &header,
                &format!("{url}{WRK_PATH}"),
            ]),
        )?;
        let text = String::from_utf8_lossy(&output.stdout);
        if !output.status.success() {
            return Err(exec::fail(
                STEP,
                format!("wrk {}: {text}", exec::describe_exit(output.status)),
            ));
        }
        parse_wrk(&text)
            .ok_or_else(|| exec::fail(STEP, format!("cannot read wrk's output:\n{text}")))
    };
    // Warm-up (Prism's JIT, the sandbox's first connections), then interleaved runs.
    for (_, url) in &servers {
        run_wrk(url, 1)?;
    }
    let mut runs: [Vec<WrkRun>; 2] = [Vec::new(), Vec::new()];
    for round in 0..plan.wrk_reps {
        for offset in 0..2 {
            let index = (round + offset) % 2;
            let (name, url) = &servers[index];
            let run = run_wrk(url, plan.wrk_seconds)?;
            eprintln!(
                "  wrk round {}/{}: {name}: {:.0} req/s, p99 {:.2} ms",
                round + 1,
                plan.wrk_reps,
                run.requests_per_second,
                run.p99_ms
            );
            runs[index].push(run);
        }
    }
    drop(prism);
    drop(sandbox);
    for (name, url) in &servers {
        if let Some(port) = url.rsplit(':').next().and_then(|p| p.parse::<u16>().ok())
            && std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        {
            eprintln!("warning: {name} still listens on port {port} after it was stopped");
        }
    }

    let ratios_rps: Vec<f64> = runs[0]
        .iter()
        .zip(&runs[1])
        .map(|(s, p)| s.requests_per_second / p.requests_per_second)
        .collect();
    let ratios_p99: Vec<f64> = runs[0]
        .iter()
        .zip(&runs[1])
        .map(|(s, p)| s.p99_ms / p.p99_ms)
        .collect();
    let mut md = String::new();
    let _ = write!(
        md,
        "## 4. Sandbox throughput\n\n\
         `wrk -t2 -c16 -d{}s --latency -H 'api_access_token: …' URL{WRK_PATH}` \
         (getConversation of a seeded conversation) against the release build of \
         `ruut-sandbox` and against `prism mock -v warn {SPEC_PATH}` (Prism answers the \
         spec's example). {} after a 1 s warm-up, interleaved; median \
         (min–max). wrk, the server and everything else share the machine's cores. Both \
         servers were stopped by pid afterwards.\n\n",
        plan.wrk_seconds,
        repetitions(plan.wrk_reps)
    );
    md.push_str("| server | requests/s | p50 ms | p99 ms | requests | non-2xx or errors |\n");
    md.push_str("| --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (index, (name, _)) in servers.iter().enumerate() {
        let s = |f: fn(&WrkRun) -> f64| Summary::of(&runs[index].iter().map(f).collect::<Vec<_>>());
        let _ = writeln!(
            md,
            "| {name} | {} | {} | {} | {} | {} |",
            s(|r| r.requests_per_second).show(0),
            s(|r| r.p50_ms).show(2),
            s(|r| r.p99_ms).show(2),
            s(|r| r.requests).show(0),
            s(|r| r.bad).show(0),
        );
    }
    let rps = Summary::of(&ratios_rps);
    let p99 = Summary::of(&ratios_p99);
    let _ = write!(
        md,
        "\nSandbox / Prism, per round: requests/s {}×, p99 {}×.\n\n",
        rps.show(2),
        p99.show(3)
    );
    let target = Target {
        name: "sandbox throughput: at least Prism's requests/s on the same endpoint".into(),
        met: rps.median >= 1.0,
        value: format!("{:.2}×", rps.median),
    };
    let _ = writeln!(
        md,
        "- {} {}: {}\n",
        if target.met { "met:" } else { "**MISSED**:" },
        target.name,
        target.value
    );
    let versions = vec![
        ("wrk".to_string(), wrk_version),
        ("Prism".to_string(), prism_version),
        ("node".to_string(), node_version),
    ];
    Ok(Throughput {
        markdown: md,
        tools: versions,
        target,
    })
}

/// The status code of `GET url+path` with the token, over a plain TCP socket.
fn http_status(url: &str, path: &str, token: &str) -> Result<u16, Error> {
    let host = url.trim_start_matches("http://");
    let fail = |e: &dyn std::fmt::Display| exec::fail(STEP, format!("GET {url}{path}: {e}"));
    let mut stream = std::net::TcpStream::connect(host).map_err(|e| fail(&e))?;
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

/// Reads wrk's text output (it has no machine-readable one).
fn parse_wrk(text: &str) -> Option<WrkRun> {
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

// ---------------------------------------------------------------------------
// 5. Codegen and build

fn codegen_and_build(root: &Path, target: &Path, plan: Plan) -> Result<String, Error> {
    let mut md = String::from("## 5. Codegen and build\n\n");

    // `--check` renders exactly what `generate` does but never writes: others may
    // be editing the spec in this checkout.
    let generate = || {
        let start = Instant::now();
        let output = exec::capture(
            STEP,
            root,
            Command::new(cargo()).args(["xtask", "generate", "--check"]),
        )?;
        let wall = start.elapsed().as_secs_f64();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        let own_ms = output
            .status
            .success()
            .then_some(text.as_str())
            .and_then(|text| text.split(" in ").nth(1))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|ms| ms.parse::<f64>().ok());
        Ok::<_, Error>((wall, own_ms, output.status.success()))
    };
    // Once untimed, so that cargo has built the xtask and only checks freshness.
    generate()?;
    let mut walls = Vec::new();
    let mut owns = Vec::new();
    let mut drift = false;
    for round in 0..plan.generate_reps {
        let (wall, own, ok) = generate()?;
        eprintln!(
            "  cargo xtask generate --check round {}/{}: {wall:.2} s wall{}",
            round + 1,
            plan.generate_reps,
            own.map(|ms| format!(", {ms:.0} ms by its own count"))
                .unwrap_or_default()
        );
        walls.push(wall);
        owns.extend(own);
        drift |= !ok;
    }

    let build_dir = target.join("bench-build");
    let mut rows: Vec<(String, String)> = vec![(
        "`cargo xtask generate --check`, wall (cargo included)".into(),
        format!("{} s", Summary::of(&walls).show(2)),
    )];
    if !owns.is_empty() {
        rows.push((
            "the same, by its own count (spec → lint → progenitor → prettyplease → compare)".into(),
            format!("{} ms", Summary::of(&owns).show(0)),
        ));
    }
    if drift {
        rows.push((
            "note".into(),
            "generated.rs differed from the spec during this run (someone mid-edit); \
             the rendering was timed all the same"
                .into(),
        ));
    }

    let build = |profile_args: &[&str], what: &str, dir: &Path| -> Result<f64, Error> {
        eprintln!("  {what} (target dir {})", shorten(dir, root));
        let start = Instant::now();
        let mut cmd = Command::new(cargo());
        cmd.args(["build", "--quiet"])
            .args(profile_args)
            .env("CARGO_TARGET_DIR", dir);
        exec::run(STEP, root, &mut cmd)?;
        let seconds = start.elapsed().as_secs_f64();
        eprintln!("  {what}: {seconds:.1} s");
        Ok(seconds)
    };
    if plan.quick {
        rows.push((
            "clean `cargo build -p ruut-sdk` (debug, release)".into(),
            "skipped with --quick".into(),
        ));
    } else {
        if build_dir.exists() {
            std::fs::remove_dir_all(&build_dir).map_err(|e| exec::io("remove", &build_dir, e))?;
        }
        let debug = build(
            &["-p", "ruut-sdk"],
            "clean cargo build -p ruut-sdk",
            &build_dir,
        )?;
        rows.push((
            "clean `cargo build -p ruut-sdk` (debug), wall".into(),
            format!("{debug:.1} s"),
        ));
        let release = build(
            &["--release", "-p", "ruut-sdk"],
            "clean cargo build --release -p ruut-sdk",
            &build_dir,
        )?;
        rows.push((
            "clean `cargo build --release -p ruut-sdk`, wall".into(),
            format!("{release:.1} s"),
        ));
    }

    let example = root.join("crates/ruut-sdk/examples/quickstart.rs");
    if example.exists() {
        // After the clean release build; with --quick, in the main target
        // directory, where step 1 left most of the release dependencies.
        let dir = if plan.quick { target } else { &build_dir };
        let seconds = build(
            &["--release", "-p", "ruut-sdk", "--example", "quickstart"],
            "cargo build --release -p ruut-sdk --example quickstart",
            dir,
        )?;
        let binary = dir.join("release/examples/quickstart");
        let size = std::fs::metadata(&binary)
            .map_err(|e| exec::io("read", &binary, e))?
            .len();
        rows.push((
            "release quickstart example, size (`--example quickstart`)".into(),
            format!("{:.2} MiB ({size} bytes)", size as f64 / 1048576.0),
        ));
        if let Some(stripped) = stripped_size(&binary, dir) {
            rows.push((
                "the same, stripped (`strip`)".into(),
                format!("{:.2} MiB ({stripped} bytes)", stripped as f64 / 1048576.0),
            ));
        }
        rows.push((
            if plan.quick {
                "its build in the main target directory (incremental), wall".into()
            } else {
                "its build after the clean release build above, wall".into()
            },
            format!("{seconds:.1} s"),
        ));
    } else {
        rows.push((
            "release quickstart example, size".into(),
            "not measured: crates/ruut-sdk/examples/quickstart.rs does not exist in this checkout"
                .into(),
        ));
    }

    let _ = write!(
        md,
        "Recorded so that a regression shows; no target. `cargo xtask generate --check` \
         does all the work of `cargo xtask generate` but never writes the file: {} after \
         one untimed run, median (min–max). The clean builds are single \
         runs (minutes each on this machine) in their own target directory, \
         `target/bench-build`, emptied first, so the main target directory is untouched; \
         the registry is already downloaded.\n\n",
        repetitions(plan.generate_reps)
    );
    md.push_str("| what | figure |\n| --- | ---: |\n");
    for (what, figure) in rows {
        let _ = writeln!(md, "| {what} | {figure} |");
    }
    md.push('\n');
    Ok(md)
}

fn stripped_size(binary: &Path, dir: &Path) -> Option<u64> {
    let copy = dir.join("quickstart.stripped");
    let status = Command::new("strip")
        .arg("-o")
        .arg(&copy)
        .arg(binary)
        .status()
        .ok()?;
    let size = status
        .success()
        .then(|| std::fs::metadata(&copy).ok().map(|m| m.len()))
        .flatten();
    let _ = std::fs::remove_file(&copy);
    size
}

fn shorten(path: &Path, root: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

// ---------------------------------------------------------------------------
// The header

fn header(
    root: &Path,
    plan: Plan,
    elapsed: Duration,
    load_before: String,
    tools: &[(String, String)],
    targets: &[Target],
) -> String {
    let mut md = String::new();
    let command = if plan.quick {
        "cargo xtask bench --quick"
    } else {
        "cargo xtask bench"
    };
    let _ = write!(
        md,
        "# Benchmarks\n\n\
         Written by `{command}`; do not edit by hand, run it again. Every figure is the \
         median of several repetitions with the range (min–max) in brackets, unless it \
         says it is a single run. Nothing here is asserted by a test.\n\n"
    );
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let _ = writeln!(md, "| | |\n| --- | --- |");
    let _ = writeln!(md, "| date | {} |", utc_now());
    let _ = writeln!(
        md,
        "| command | `{command}` ({:.0} s) |",
        elapsed.as_secs_f64()
    );
    let _ = writeln!(
        md,
        "| machine | {cores} cores (`nproc`), {}, {} of memory, Linux {} |",
        cpu_model(),
        memory(),
        first_line_of("/proc/sys/kernel/osrelease")
    );
    let _ = writeln!(
        md,
        "| load average (1, 5, 15 min) | {load_before} at the start, {} at the end: the \
         machine is shared, so expect noise |",
        load_average()
    );
    let _ = writeln!(
        md,
        "| toolchain | {}; {} |",
        exec::version(root, Path::new("rustc"), &["-V"]),
        exec::version(root, Path::new("cargo"), &["-V"])
    );
    let _ = writeln!(md, "| source | {} |", git_describe(root));
    let _ = writeln!(md, "| crates | {} |", crate_versions(root));
    if !tools.is_empty() {
        let list: Vec<String> = tools.iter().map(|(n, v)| format!("{n} {v}")).collect();
        let _ = writeln!(md, "| tools | {} |", list.join(", "));
    }
    md.push('\n');

    let missed = targets.iter().filter(|t| !t.met).count();
    let _ = write!(
        md,
        "## Targets\n\n{} of {} targets met. \"Floor\" is a hand-written `reqwest` call \
         with serde types.\n\n| | target | figure |\n| --- | --- | ---: |\n",
        targets.len() - missed,
        targets.len()
    );
    for t in targets {
        let _ = writeln!(
            md,
            "| {} | {} | {} |",
            if t.met { "met" } else { "**MISSED**" },
            t.name,
            t.value
        );
    }
    md.push('\n');
    md
}

fn first_line_of(path: &str) -> String {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| text.lines().next().map(|l| l.trim().to_string()))
        .unwrap_or_else(|| "unknown".into())
}

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, model)| model.trim().to_string())
        })
        .unwrap_or_else(|| "CPU model unknown".into())
}

fn memory() -> String {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| {
            let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
            let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!("{:.1} GiB", kib / 1048576.0))
        })
        .unwrap_or_else(|| "unknown amount".into())
}

fn load_average() -> String {
    let text = first_line_of("/proc/loadavg");
    text.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(", ")
}

fn git_describe(root: &Path) -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    match git(&["rev-parse", "--short=12", "HEAD"]) {
        Some(head) => {
            let dirty = git(&["status", "--porcelain", "--untracked-files=no"])
                .is_some_and(|s| !s.is_empty());
            format!(
                "git {head}{}",
                if dirty {
                    ", with uncommitted changes in the checkout"
                } else {
                    ""
                }
            )
        }
        None => "not a git checkout".into(),
    }
}

/// The versions of the crates that matter here, from `Cargo.lock`.
fn crate_versions(root: &Path) -> String {
    const NAMES: [&str; 9] = [
        "ruut-sdk",
        "ruut-api",
        "ruut-sandbox",
        "progenitor-client",
        "reqwest",
        "hyper",
        "tokio",
        "axum",
        "serde_json",
    ];
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
    let mut found = Vec::new();
    for block in lock.split("[[package]]") {
        let field = |key: &str| {
            block.lines().find_map(|l| {
                l.strip_prefix(key)
                    .map(|v| v.trim().trim_start_matches('=').trim().trim_matches('"'))
            })
        };
        if let (Some(name), Some(version)) = (field("name "), field("version "))
            && NAMES.contains(&name)
        {
            found.push((name.to_string(), version.to_string()));
        }
    }
    found.sort_by_key(|(name, _)| NAMES.iter().position(|n| n == name));
    found
        .iter()
        .map(|(name, version)| format!("{name} {version}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The current UTC time as `2026-11-25 15:04 UTC`.
fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let (hour, minute) = ((secs % 86_400) / 3_600, (secs % 3_600) / 60);
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
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
        let run = parse_wrk(text).unwrap();
        assert_eq!(run.requests_per_second, 1018.76);
        assert_eq!(run.p50_ms, 15.4);
        assert!((run.p99_ms - 0.812).abs() < 1e-9);
        assert_eq!(run.requests, 5104.0);
        assert_eq!(run.bad, 7.0);
        assert!(parse_wrk("nothing").is_none());
    }

    #[test]
    fn medians_and_dates() {
        let s = Summary::of(&[3.0, 1.0, 2.0]);
        assert_eq!((s.median, s.min, s.max), (2.0, 1.0, 3.0));
        assert_eq!(Summary::of(&[5.0]).show(1), "5.0");
        let now = utc_now();
        assert!(now.starts_with("20") && now.ends_with(" UTC"), "{now}");
    }
}
