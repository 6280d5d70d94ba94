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
//!    With `--baseline REV` (default [`BASELINE`]) it also builds that
//!    revision beside the checkout: the build cost of the spec's growth, and
//!    the recorded CI times.
//! 5. `ruut-bench wire`: the SDK over a throttled link (a proxy on loopback
//!    that ruut-bench starts and stops itself): compression, connection reuse,
//!    HTTP/1.1 vs HTTP/2, fetch-ahead streams.
//! 6. `ruut-bench rate-limit`: a bulk job against a rate-limited sandbox with
//!    and without the SDK's client-side limit.
//! 7. Writes `BENCHMARKS.md`: the [`header`] (machine, date, versions, the
//!    command, the targets met and missed), then the sections.
//!
//! `--only PART,…` ([`Part`]) runs some of them and keeps the other sections
//! of the existing `BENCHMARKS.md`, each stamped with the run that measured it.
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
pub mod parts;
pub mod throughput;

use header::Target;
pub use parts::Part;

const STEP: &str = "bench";

/// The file written, relative to the workspace root.
pub const OUTPUT: &str = "BENCHMARKS.md";

/// The revision the build cost is measured against by default: the last
/// landing with the foundation's 18 operations, before issue 12 widened the
/// spec. `cargo xtask bench --baseline REV` measures against another.
pub const BASELINE: &str = "13a8b32";

/// What `cargo xtask bench` was asked to do.
#[derive(Clone, Debug)]
pub struct Options {
    /// Fewer, shorter repetitions, no clean builds.
    pub quick: bool,
    /// Only these parts; the other sections of [`OUTPUT`] are kept.
    pub only: Option<Vec<Part>>,
    /// The revision of the build-cost comparison.
    pub baseline: String,
}

/// Runs the benchmarks and writes [`OUTPUT`].
pub fn run(root: &Path, options: &Options) -> Result<(), Error> {
    let started = Instant::now();
    let load_before = machine::load_average();
    let target = target_dir(root);
    let work = target.join("bench");
    std::fs::create_dir_all(&work).map_err(|e| exec::io("create", &work, e))?;
    let parts: Vec<Part> = options.only.clone().unwrap_or_else(|| Part::ALL.to_vec());
    let steps = parts.len() + 2;

    progress(
        1,
        steps,
        "building ruut-bench and the sandbox in release mode",
    );
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
        quick: options.quick,
    };

    let mut sections: Vec<(u32, Section)> = Vec::new();
    let mut versions = Vec::new();
    for (i, &part) in parts.iter().enumerate() {
        progress(
            i + 2,
            steps,
            &format!("{} (crates/ruut-bench)", part.name()),
        );
        let section = match part {
            Part::Throughput => throughput_section(root, &target, &bench, &mut versions),
            Part::BuildTimes => {
                let args = [
                    OsStr::new("build-times"),
                    OsStr::new("--root"),
                    root.as_os_str(),
                    OsStr::new("--target-dir"),
                    target.as_os_str(),
                    OsStr::new("--baseline"),
                    OsStr::new(&options.baseline),
                ];
                bench.run("build-times", &args)?
            }
            Part::InProcess => bench.run("in-process", &[])?,
            Part::Wire => bench.run("wire", &[OsStr::new("wire")])?,
            Part::RateLimit => bench.run("rate-limit", &[OsStr::new("rate-limit")])?,
        };
        sections.push((part.sections()[0], section));
    }

    progress(steps, steps, &format!("writing {OUTPUT}"));
    let path = root.join(OUTPUT);
    let mut kept_numbers = Vec::new();
    if options.only.is_some() {
        let earlier = std::fs::read_to_string(&path).unwrap_or_default();
        for kept in parts::kept(&earlier, &parts) {
            kept_numbers.push(kept.number);
            sections.push((
                kept.number,
                Section {
                    markdown: kept.markdown,
                    targets: kept.targets,
                },
            ));
        }
    }
    sections.sort_by_key(|(number, _)| *number);
    let targets: Vec<Target> = sections
        .iter()
        .flat_map(|(_, s)| s.targets.clone())
        .collect();
    let mut document = header::header(
        root,
        &header::Run {
            command: command_line(options),
            elapsed: started.elapsed(),
            load_before,
            tools: versions,
            kept: kept_numbers,
        },
        &targets,
    );
    for (_, section) in &sections {
        document.push_str(&section.markdown);
    }
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

/// The command as the header shows it.
fn command_line(options: &Options) -> String {
    let mut command = "cargo xtask bench".to_owned();
    if options.quick {
        command.push_str(" --quick");
    }
    if let Some(only) = &options.only {
        let names: Vec<&str> = only.iter().map(|p| p.name()).collect();
        command.push_str(&format!(" --only {}", names.join(",")));
    }
    if options.baseline != BASELINE {
        command.push_str(&format!(" --baseline {}", options.baseline));
    }
    command
}

/// Section 4: wrk against the release sandbox and Prism; a section saying why
/// when they cannot be started.
fn throughput_section(
    root: &Path,
    target: &Path,
    bench: &RuutBench<'_>,
    versions: &mut Vec<(String, String)>,
) -> Section {
    let throughput = throughput::start(root, target).and_then(|servers| {
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
        *versions = servers.versions.clone();
        servers.stop();
        section
    });
    throughput.unwrap_or_else(|e| {
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
    })
}

fn progress(step: usize, steps: usize, what: &str) {
    eprintln!("\n==> bench [{step}/{steps}] {what}");
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
