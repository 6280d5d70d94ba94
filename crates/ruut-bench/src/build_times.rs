//! Benchmark 5: codegen and build times, and the size of a release binary.
//! Recorded so that a regression shows; no target.
//!
//! `cargo xtask generate --check` (all the work of `generate`, but it never
//! writes: others may be editing the spec in this checkout), a clean debug
//! and a clean release `cargo build -p ruut-sdk` in `<target>/bench-build`
//! (so the main target directory is left alone), and the release quickstart
//! example's size; with a baseline revision, the build cost of the spec's
//! growth ([`build_cost`]). `--quick` skips the clean builds and builds the
//! example in the main target directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use crate::build_cost::{self, cargo, timed_build};
use crate::report::Report;
use crate::stats::{Summary, repetitions};

/// Where to build: the workspace root and its main target directory.
#[derive(Clone, Debug)]
pub struct Dirs {
    /// The workspace root; cargo runs there.
    pub root: PathBuf,
    /// The main target directory (`CARGO_TARGET_DIR` of the caller).
    pub target: PathBuf,
    /// A revision to build side by side with the checkout
    /// ([`build_cost`]), if any.
    pub baseline: Option<String>,
}

/// Runs benchmark 5 and adds its section to `report`.
pub fn run(dirs: &Dirs, quick: bool, report: &mut Report) -> Result<(), String> {
    let reps = if quick { 1 } else { 3 };
    let mut rows = generate_rows(dirs, reps)?;
    let build_dir = dirs.target.join("bench-build");
    if quick {
        rows.push(row(
            "clean `cargo build -p ruut-sdk` (debug, release)",
            "skipped with --quick",
        ));
    } else {
        if build_dir.exists() {
            std::fs::remove_dir_all(&build_dir)
                .map_err(|e| format!("cannot remove {}: {e}", build_dir.display()))?;
        }
        // With a baseline, the clean debug build is measured beside it below.
        if dirs.baseline.is_none() {
            let debug = timed_build(&dirs.root, &["-p", "ruut-sdk"], &build_dir)?;
            rows.push(row(
                "clean `cargo build -p ruut-sdk` (debug), wall",
                &format!("{:.1} s", debug.wall),
            ));
        }
        let release = timed_build(&dirs.root, &["--release", "-p", "ruut-sdk"], &build_dir)?;
        rows.push(row(
            "clean `cargo build --release -p ruut-sdk`, wall",
            &format!("{:.1} s", release.wall),
        ));
    }
    // After the clean release build; with --quick, in the main target
    // directory, where `cargo xtask bench` left most release dependencies.
    let dir = if quick { &dirs.target } else { &build_dir };
    rows.extend(quickstart_rows(dirs, dir, quick)?);

    report.section("5. Codegen and build");
    report.para(&format!(
        "Recorded so that a regression shows; no target. `cargo xtask generate --check` \
         does all the work of `cargo xtask generate` but never writes the file: {} after \
         one untimed run, median (min–max). The clean builds are single \
         runs (minutes each on this machine) in their own target directory, \
         `target/bench-build`, emptied first, so the main target directory is untouched; \
         the registry is already downloaded.",
        repetitions(reps)
    ));
    report.table(&["what", "figure"], &rows);
    match (&dirs.baseline, quick) {
        (Some(rev), false) => build_cost::run(&dirs.root, &build_dir, rev, report),
        _ => build_cost::ci_times(&dirs.root, report),
    }
}

fn row(what: &str, figure: &str) -> Vec<String> {
    vec![what.to_owned(), figure.to_owned()]
}

/// `cargo xtask generate --check`, `reps` times after an untimed run: wall
/// time, and its own count of milliseconds when it prints one.
fn generate_rows(dirs: &Dirs, reps: usize) -> Result<Vec<Vec<String>>, String> {
    let generate = || -> Result<(f64, Option<f64>, bool), String> {
        let start = Instant::now();
        let output = capture(
            Command::new(cargo())
                .args(["xtask", "generate", "--check"])
                .current_dir(&dirs.root),
        )?;
        let wall = start.elapsed().as_secs_f64();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        // "... in 812 ms" on success.
        let own_ms = output
            .status
            .success()
            .then_some(text.as_str())
            .and_then(|text| text.split(" in ").nth(1))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|ms| ms.parse::<f64>().ok());
        Ok((wall, own_ms, output.status.success()))
    };
    // Once untimed, so that cargo has built the xtask and only checks freshness.
    generate()?;
    let (mut walls, mut owns, mut drift) = (Vec::new(), Vec::new(), false);
    for round in 0..reps {
        let (wall, own, ok) = generate()?;
        eprintln!(
            "  cargo xtask generate --check round {}/{reps}: {wall:.2} s wall{}",
            round + 1,
            own.map(|ms| format!(", {ms:.0} ms by its own count"))
                .unwrap_or_default()
        );
        walls.push(wall);
        owns.extend(own);
        drift |= !ok;
    }
    let mut rows = vec![row(
        "`cargo xtask generate --check`, wall (cargo included)",
        &format!("{} s", Summary::of(&walls).show(2)),
    )];
    if !owns.is_empty() {
        rows.push(row(
            "the same, by its own count (spec → lint → progenitor → prettyplease → compare)",
            &format!("{} ms", Summary::of(&owns).show(0)),
        ));
    }
    if drift {
        rows.push(row(
            "note",
            "generated.rs differed from the spec during this run (someone mid-edit); \
             the rendering was timed all the same",
        ));
    }
    Ok(rows)
}

/// Builds the release quickstart example in `dir`: its size, stripped size
/// and build time.
fn quickstart_rows(dirs: &Dirs, dir: &Path, quick: bool) -> Result<Vec<Vec<String>>, String> {
    if !dirs
        .root
        .join("crates/ruut-sdk/examples/quickstart.rs")
        .exists()
    {
        return Ok(vec![row(
            "release quickstart example, size",
            "not measured: crates/ruut-sdk/examples/quickstart.rs does not exist in this checkout",
        )]);
    }
    let args = ["--release", "-p", "ruut-sdk", "--example", "quickstart"];
    let seconds = timed_build(&dirs.root, &args, dir)?.wall;
    let binary = dir.join("release/examples/quickstart");
    let size = std::fs::metadata(&binary)
        .map_err(|e| format!("cannot read {}: {e}", binary.display()))?
        .len();
    let mut rows = vec![row(
        "release quickstart example, size (`--example quickstart`)",
        &mib(size),
    )];
    if let Some(stripped) = stripped_size(&binary, dir) {
        rows.push(row("the same, stripped (`strip`)", &mib(stripped)));
    }
    rows.push(row(
        if quick {
            "its build in the main target directory (incremental), wall"
        } else {
            "its build after the clean release build above, wall"
        },
        &format!("{seconds:.1} s"),
    ));
    Ok(rows)
}

fn mib(bytes: u64) -> String {
    format!("{:.2} MiB ({bytes} bytes)", bytes as f64 / 1048576.0)
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

fn capture(cmd: &mut Command) -> Result<Output, String> {
    cmd.stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not start {:?}: {e}", cmd.get_program()))
}
