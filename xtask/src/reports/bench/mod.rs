//! `cargo xtask bench [--quick]`: run every benchmark and write `BENCHMARKS.md`.
//!
//! The measuring, and every statistic, is done by `ruut-bench`
//! (`crates/ruut-bench`), which prints each section as Markdown and its
//! targets as tab-separated lines; this command prepares what it needs and
//! puts the document together:
//!
//! 1. Builds `ruut-bench` and the sandbox in release mode.
//! 2. `ruut-bench`: client overhead, pagination, decoding, in-process.
//! 3. `ruut-bench throughput`: wrk against the release sandbox and against
//!    `prism mock` of the same spec ([`throughput`] installs wrk and Prism
//!    when missing, and says so, starts both servers and kills them by pid
//!    afterwards, also on failure).
//! 4. `ruut-bench build-times`: `cargo xtask generate --check`, clean debug
//!    and release builds of ruut-sdk in `target/bench-build` (so the main
//!    target directory is left alone), and the release quickstart's size.
//! 5. `ruut-bench wire`: the SDK over a throttled link (a proxy on loopback
//!    that ruut-bench starts and stops itself): compression, connection reuse,
//!    HTTP/1.1 vs HTTP/2, fetch-ahead streams.
//! 6. Writes `BENCHMARKS.md`: the [`header`] (machine, date, versions, the
//!    command, the targets met and missed), then the sections.
//!
//! Nothing here asserts a timing: a missed target is reported, not a
//! failure. `--quick` runs fewer and shorter repetitions and skips the clean
//! builds.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::tools::exec;
use crate::{Error, target_dir};

pub mod header;
pub mod machine;
pub mod throughput;

use header::Target;

const STEP: &str = "bench";

/// The file written, relative to the workspace root.
pub const OUTPUT: &str = "BENCHMARKS.md";

/// Runs the benchmarks and writes [`OUTPUT`].
pub fn run(root: &Path, quick: bool) -> Result<(), Error> {
    let started = Instant::now();
    let load_before = machine::load_average();
    let target = target_dir(root);
    let work = target.join("bench");
    std::fs::create_dir_all(&work).map_err(|e| exec::io("create", &work, e))?;

    progress(1, "building ruut-bench and the sandbox in release mode");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    exec::run(
        STEP,
        root,
        Command::new(cargo).args([
            "build",
            "--release",
            "-p",
            "ruut-bench",
            "-p",
            "ruut-sandbox",
        ]),
    )?;
    let bench = RuutBench {
        binary: target.join("release/ruut-bench"),
        root,
        work,
        quick,
    };

    progress(
        2,
        "client overhead, pagination, decoding (crates/ruut-bench)",
    );
    let mut sections = vec![bench.run("in-process", &[])?];

    progress(3, "sandbox throughput: wrk against the sandbox and Prism");
    let mut versions = Vec::new();
    let throughput = throughput::start(root, &target).and_then(|servers| {
        let args = [
            OsStr::new("throughput"),
            OsStr::new("--wrk"),
            servers.wrk.as_os_str(),
            OsStr::new("--token"),
            OsStr::new(&servers.sandbox.token),
            OsStr::new("--sandbox"),
            OsStr::new(&servers.sandbox.base_url),
            OsStr::new("--prism"),
            OsStr::new(&servers.prism.url),
        ];
        let section = bench.run("throughput", &args);
        versions = servers.versions.clone();
        servers.stop();
        section
    });
    sections.push(throughput.unwrap_or_else(|e| {
        eprintln!("sandbox throughput could not be measured: {e}");
        let why = e
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        Section {
            markdown: format!("## 4. Sandbox throughput\n\nNot measured in this run: {why}\n\n"),
            targets: Vec::new(),
        }
    }));

    progress(4, "codegen and build times (crates/ruut-bench)");
    let args = [
        OsStr::new("build-times"),
        OsStr::new("--root"),
        root.as_os_str(),
        OsStr::new("--target-dir"),
        target.as_os_str(),
    ];
    sections.push(bench.run("build-times", &args)?);

    progress(5, "the SDK over a throttled link (crates/ruut-bench)");
    sections.push(bench.run("wire", &[OsStr::new("wire")])?);

    progress(6, &format!("writing {OUTPUT}"));
    let targets: Vec<Target> = sections.iter().flat_map(|s| s.targets.clone()).collect();
    let mut document = header::header(
        root,
        quick,
        started.elapsed(),
        load_before,
        &versions,
        &targets,
    );
    for section in &sections {
        document.push_str(&section.markdown);
    }
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

fn progress(step: usize, what: &str) {
    eprintln!("\n==> bench [{step}/6] {what}");
}

/// One section of the document, as ruut-bench wrote it.
struct Section {
    markdown: String,
    targets: Vec<Target>,
}

/// The release ruut-bench binary and where its output goes.
struct RuutBench<'a> {
    binary: PathBuf,
    root: &'a Path,
    work: PathBuf,
    quick: bool,
}

impl RuutBench<'_> {
    /// Runs `ruut-bench args... --out <name>.md --targets <name>.tsv` and
    /// reads both files.
    fn run(&self, name: &str, args: &[&OsStr]) -> Result<Section, Error> {
        let markdown = self.work.join(format!("{name}.md"));
        let targets = self.work.join(format!("{name}.tsv"));
        for stale in [&markdown, &targets] {
            let _ = std::fs::remove_file(stale);
        }
        let mut cmd = Command::new(&self.binary);
        cmd.args(args)
            .arg("--out")
            .arg(&markdown)
            .arg("--targets")
            .arg(&targets);
        if self.quick {
            cmd.arg("--quick");
        }
        exec::run(STEP, self.root, &mut cmd)?;
        let read =
            |path: &Path| std::fs::read_to_string(path).map_err(|e| exec::io("read", path, e));
        Ok(Section {
            markdown: read(&markdown)?,
            targets: header::parse_targets(&read(&targets)?),
        })
    }
}
