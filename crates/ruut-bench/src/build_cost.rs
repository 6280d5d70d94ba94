//! What the spec's growth costs the build: this checkout against a baseline
//! revision, measured side by side in one run, and the recorded CI times.
//!
//! The baseline's source is taken with `git archive <rev>` into
//! `<target>/bench-build/baseline-src` and built in its own target directory;
//! this checkout is built as it is in another. Both builds are clean debug
//! `cargo build -p ruut-sdk`, one after the other. Wall time depends on what
//! else the machine does; CPU time (user + system of cargo and every compiler
//! it ran, from `/proc/self/stat`) much less, so the ratio is taken of both.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::report::Report;

/// The checked-in record of `cargo xtask ci` runs, relative to the root.
pub const CI_RECORD: &str = "xtask/ci-times.tsv";

/// The budget: a clean debug build of ruut-sdk at most this many times the
/// baseline's (issue 12).
const BUDGET: f64 = 2.0;

/// CI must finish within this many seconds on two cores.
const CI_BUDGET: f64 = 1800.0;

/// A build's wall time and, where the platform tells, its CPU time.
#[derive(Clone, Copy, Debug)]
pub struct Timing {
    /// Seconds on the clock.
    pub wall: f64,
    /// Seconds of CPU (user + system) of the build and all it ran.
    pub cpu: Option<f64>,
}

/// `cargo build --quiet <args>` in `root` with `CARGO_TARGET_DIR=target`.
pub fn timed_build(root: &Path, args: &[&str], target: &Path) -> Result<Timing, String> {
    let what = format!("cargo build {}", args.join(" "));
    eprintln!(
        "  {what} in {} (target dir {})",
        root.display(),
        target.display()
    );
    let cpu_before = children_cpu_seconds();
    let start = Instant::now();
    let status = Command::new(cargo())
        .args(["build", "--quiet"])
        .args(args)
        .env("CARGO_TARGET_DIR", target)
        .current_dir(root)
        .stdin(Stdio::null())
        .status()
        .map_err(|e| format!("could not start {what}: {e}"))?;
    if !status.success() {
        return Err(format!("{what} in {}: {status}", root.display()));
    }
    let wall = start.elapsed().as_secs_f64();
    let cpu = cpu_before
        .zip(children_cpu_seconds())
        .map(|(before, after)| after - before);
    eprintln!(
        "  {what}: {wall:.1} s wall{}",
        cpu.map(|c| format!(", {c:.1} s CPU")).unwrap_or_default()
    );
    Ok(Timing { wall, cpu })
}

/// User + system seconds of this process's waited-for children (and theirs):
/// fields 16 and 17 of `/proc/self/stat`, in clock ticks of 1/100 s on Linux.
fn children_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces; the fields after it are
    // counted from the closing parenthesis, where field 3 starts.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |field: usize| fields.get(field - 3)?.parse::<f64>().ok();
    Some((ticks(16)? + ticks(17)?) / 100.0)
}

/// Adds "Growth against a baseline" and "`cargo xtask ci`" to `report`.
pub fn run(root: &Path, build_dir: &Path, rev: &str, report: &mut Report) -> Result<(), String> {
    let source = build_dir.join("baseline-src");
    extract(root, rev, &source)?;
    let (before_ops, before_lines) = (operations(&source)?, generated_lines(&source)?);
    let (after_ops, after_lines) = (operations(root)?, generated_lines(root)?);
    let before = timed_build(&source, &["-p", "ruut-sdk"], &build_dir.join("baseline"))?;
    let after = timed_build(root, &["-p", "ruut-sdk"], &build_dir.join("checkout"))?;

    report.subsection(&format!("Growth against {rev}"));
    report.para(&format!(
        "The spec at `{rev}` ({before_ops} operations) and in this checkout ({after_ops}): \
         the generated client's size and a clean debug `cargo build -p ruut-sdk` of each, \
         single runs one after the other in their own target directories, dependencies \
         compiled too. CPU time is user + system of cargo and every compiler it ran: it \
         changes much less than wall time with the machine's load. The budget is \
         {BUDGET}× the baseline's build."
    ));
    let ratio = |a: f64, b: f64| format!("{:.2}×", b / a);
    let mut rows = vec![
        vec![
            "operations in the spec".to_owned(),
            before_ops.to_string(),
            after_ops.to_string(),
            ratio(before_ops as f64, after_ops as f64),
        ],
        vec![
            "`crates/ruut-api/src/generated.rs`, lines".to_owned(),
            before_lines.to_string(),
            after_lines.to_string(),
            ratio(before_lines as f64, after_lines as f64),
        ],
        vec![
            "clean `cargo build -p ruut-sdk` (debug), wall".to_owned(),
            format!("{:.1} s", before.wall),
            format!("{:.1} s", after.wall),
            ratio(before.wall, after.wall),
        ],
    ];
    let cpu_ratio = before.cpu.zip(after.cpu).map(|(b, a)| a / b);
    if let (Some(b), Some(a)) = (before.cpu, after.cpu) {
        rows.push(vec![
            "the same, CPU time".to_owned(),
            format!("{b:.1} s"),
            format!("{a:.1} s"),
            ratio(b, a),
        ]);
    }
    report.table(&["what", rev, "this checkout", "ratio"], &rows);
    let (measure, figure) = match cpu_ratio {
        Some(r) => ("CPU time", r),
        None => ("wall time", after.wall / before.wall),
    };
    report.target(
        &format!(
            "build cost: a clean debug build of ruut-sdk at most {BUDGET}× the {before_ops}-operation \
             baseline's ({measure})"
        ),
        figure <= BUDGET,
        &format!("{figure:.2}×"),
    );
    report.end_targets();
    ci_times(root, report)
}

/// The recorded `cargo xtask ci` runs ([`CI_RECORD`]), and the budget target
/// on the newest.
pub fn ci_times(root: &Path, report: &mut Report) -> Result<(), String> {
    let path = root.join(CI_RECORD);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let rows: Vec<Vec<String>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .filter(|cells: &Vec<String>| cells.len() == 4)
        .collect();
    report.subsection("`cargo xtask ci`");
    report.para(&format!(
        "Not measured by this run (a full CI run takes many minutes): the times `cargo xtask ci` \
         took on a fresh clone, as recorded in `{CI_RECORD}`, oldest first."
    ));
    report.table(&["commit", "operations", "seconds", "where"], &rows);
    if let Some(newest) = rows.last() {
        let seconds: f64 = newest[2]
            .parse()
            .map_err(|_| format!("{CI_RECORD}: not a number of seconds: {}", newest[2]))?;
        report.target(
            "build cost: `cargo xtask ci` under 30 minutes on 2 cores (newest record)",
            seconds < CI_BUDGET,
            &format!("{seconds:.0} s"),
        );
        report.end_targets();
    }
    Ok(())
}

/// `git archive <rev> | tar -x -C dir`, into an emptied `dir`.
fn extract(root: &Path, rev: &str, dir: &Path) -> Result<(), String> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)
            .map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut git = Command::new("git")
        .args(["archive", "--format=tar", rev])
        .current_dir(root)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start git archive: {e}"))?;
    let archive = git.stdout.take().ok_or("git archive has no stdout")?;
    let tar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(dir)
        .stdin(archive)
        .status()
        .map_err(|e| format!("could not start tar: {e}"))?;
    let git = git.wait().map_err(|e| format!("git archive: {e}"))?;
    if !git.success() || !tar.success() {
        return Err(format!(
            "cannot extract {rev}: git archive {git}, tar {tar} (a shallow clone lacks old revisions)"
        ));
    }
    Ok(())
}

/// The client operations of the spec under `root`: `operationId`s before
/// `x-webhooks` (whose entries are events, not operations).
fn operations(root: &Path) -> Result<usize, String> {
    let spec = read(&root.join("openapi/ruut.yaml"))?;
    let paths = spec.split("\nx-webhooks:").next().unwrap_or(&spec);
    Ok(paths
        .lines()
        .filter(|l| l.trim_start().starts_with("operationId:"))
        .count())
}

fn generated_lines(root: &Path) -> Result<usize, String> {
    Ok(read(&root.join("crates/ruut-api/src/generated.rs"))?
        .lines()
        .count())
}

fn read(path: &PathBuf) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The cargo that runs `cargo xtask bench` (`CARGO`), else `cargo`.
pub fn cargo() -> std::ffi::OsString {
    std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into())
}
