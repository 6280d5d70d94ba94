//! `cargo xtask ci`: every check CI runs, in order, as data.
//!
//! [`steps`] returns the list; [`run`] executes it, stops at the first
//! failure, says which step failed, and prints a summary table with the time
//! of each step. To add a check (installing pinned npm/pip tools into
//! `./.tools`, spectral or redocly lint, schemathesis against the sandbox),
//! add a [`Step`] to [`steps`]: [`Step::cargo`] or [`Step::command`] for a
//! program, [`Step::internal`] for a function of this crate.
//!
//! The run is the same on a laptop as in CI: nothing depends on the `CI`
//! variable. Every step inherits the caller's environment, except that
//! `INSTA_FORCE_PASS` is removed and `INSTA_UPDATE=no` is set, so snapshot
//! mismatches always fail and never write `.snap.new` files.

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::{Error, generate, publish};

pub mod examples;
pub mod schemathesis;

/// What a step does.
pub enum Action {
    /// Runs a program in the workspace root.
    Command {
        /// The program, looked up on `PATH`.
        program: OsString,
        /// Its arguments.
        args: Vec<OsString>,
        /// Variables to set (or, when `append`, to append to with a space).
        env: Vec<EnvChange>,
    },
    /// Calls a function with the workspace root; `Ok` carries a one-line note.
    Internal(fn(&Path) -> Result<String, Error>),
}

/// A change to one environment variable for one step.
pub struct EnvChange {
    /// The variable.
    pub name: String,
    /// The value to set or append.
    pub value: String,
    /// Append to an existing value (space-separated) instead of replacing it.
    pub append: bool,
}

/// One CI step.
pub struct Step {
    /// The name shown in progress lines, errors and the summary.
    pub name: String,
    /// What it does.
    pub action: Action,
}

impl Step {
    /// Runs `program args...`.
    pub fn command(name: impl Into<String>, program: impl Into<OsString>, args: &[&str]) -> Step {
        Step {
            name: name.into(),
            action: Action::Command {
                program: program.into(),
                args: args.iter().map(OsString::from).collect(),
                env: Vec::new(),
            },
        }
    }

    /// Runs `cargo args...` with the cargo that runs this xtask; named after the command line.
    pub fn cargo(args: &[&str]) -> Step {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        Step::command(format!("cargo {}", args.join(" ")), cargo, args)
    }

    /// Calls `f` with the workspace root.
    pub fn internal(name: impl Into<String>, f: fn(&Path) -> Result<String, Error>) -> Step {
        Step {
            name: name.into(),
            action: Action::Internal(f),
        }
    }

    /// Appends `value` to the variable `name` for this step (space-separated).
    pub fn append_env(mut self, name: &str, value: &str) -> Step {
        if let Action::Command { env, .. } = &mut self.action {
            env.push(EnvChange {
                name: name.to_string(),
                value: value.to_string(),
                append: true,
            });
        }
        self
    }
}

/// The CI steps, in order.
pub fn steps() -> Vec<Step> {
    vec![
        Step::cargo(&["fmt", "--all", "--check"]),
        Step::cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
        Step::internal("cargo xtask generate --check", |root| {
            generate::run(root, true).map(|report| report.to_string())
        }),
        Step::cargo(&["test", "--workspace"]),
        // The README's first command and the other examples (xtask/src/ci/examples.rs).
        Step::internal(examples::STEP, examples::run),
        Step::cargo(&["doc", "--workspace", "--no-deps"]).append_env("RUSTDOCFLAGS", "-D warnings"),
        // The sandbox against the spec (xtask/src/ci/schemathesis.rs).
        Step::internal(schemathesis::STEP, schemathesis::run),
        // Invalid input only: 4xx in documented shapes, never a 5xx or a hang.
        Step::internal(schemathesis::NEGATIVE_STEP, schemathesis::run_negative),
    ]
    .into_iter()
    // Publishing the spec for non-Rust teams (xtask/src/publish/).
    .chain(publish_steps())
    .collect()
}

/// The checks of publishing the spec ([`publish::CHECKS`]) as steps: what
/// `cargo xtask spec-check` runs.
pub fn publish_steps() -> Vec<Step> {
    publish::CHECKS
        .iter()
        .map(|(name, check)| Step::internal(*name, *check))
        .collect()
}

/// How a step ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It succeeded.
    Passed,
    /// It failed, with why.
    Failed(String),
    /// An earlier step failed.
    Skipped,
}

/// Runs `steps` in `root`; stops at the first failure. Prints progress and a
/// summary table to stderr.
pub fn run(root: &Path, steps: &[Step]) -> Result<(), Error> {
    let total = Instant::now();
    let mut results: Vec<(&str, Outcome, Duration)> = Vec::new();
    let mut failure = None;
    for (i, step) in steps.iter().enumerate() {
        if failure.is_some() {
            results.push((&step.name, Outcome::Skipped, Duration::ZERO));
            continue;
        }
        eprintln!("\n==> [{}/{}] {}", i + 1, steps.len(), step.name);
        let start = Instant::now();
        let outcome = run_step(root, step);
        let elapsed = start.elapsed();
        match &outcome {
            Outcome::Passed => eprintln!("==> {} passed in {}", step.name, seconds(elapsed)),
            Outcome::Failed(why) => {
                eprintln!("==> {} FAILED after {}", step.name, seconds(elapsed));
                failure = Some((step.name.clone(), why.clone()));
            }
            Outcome::Skipped => {}
        }
        results.push((&step.name, outcome, elapsed));
    }
    eprintln!("\n{}", summary(&results, total.elapsed()));
    match failure {
        None => Ok(()),
        Some((step, detail)) => Err(Error::CiStep { step, detail }),
    }
}

fn run_step(root: &Path, step: &Step) -> Outcome {
    match &step.action {
        Action::Internal(f) => match f(root) {
            Ok(note) => {
                eprintln!("{note}");
                Outcome::Passed
            }
            Err(e) => {
                eprintln!("{e}");
                // A step's own `CiStep` error already says which step failed.
                let why = match &e {
                    Error::CiStep { detail, .. } => detail.clone(),
                    other => other.to_string(),
                };
                Outcome::Failed(first_line(&why))
            }
        },
        Action::Command { program, args, env } => {
            let mut command = Command::new(program);
            command
                .args(args)
                .current_dir(root)
                .env_remove("INSTA_FORCE_PASS")
                .env("INSTA_UPDATE", "no");
            for change in env {
                let value = match std::env::var(&change.name) {
                    Ok(old) if change.append && !old.trim().is_empty() => {
                        format!("{old} {}", change.value)
                    }
                    _ => change.value.clone(),
                };
                command.env(&change.name, value);
            }
            match command.status() {
                Ok(status) if status.success() => Outcome::Passed,
                Ok(status) => Outcome::Failed(match status.code() {
                    Some(code) => format!("exited with status {code}"),
                    None => "killed by a signal".to_string(),
                }),
                Err(e) => Outcome::Failed(format!(
                    "could not start `{}`: {e}",
                    program.to_string_lossy()
                )),
            }
        }
    }
}

fn first_line(text: &str) -> String {
    // Drift errors start with the diff; their last line says what to do.
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    match lines.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [first, .., last] if first.starts_with("---") => (*last).to_string(),
        [first, ..] => (*first).to_string(),
    }
}

fn seconds(d: Duration) -> String {
    format!("{:.1} s", d.as_secs_f64())
}

/// The summary table.
pub fn summary(results: &[(&str, Outcome, Duration)], total: Duration) -> String {
    let width = results
        .iter()
        .map(|(name, ..)| name.len())
        .max()
        .unwrap_or(0)
        .max("step".len());
    let mut out = format!("{:<width$}  {:<7}  {:>8}\n", "step", "result", "time");
    for (name, outcome, elapsed) in results {
        let (result, time) = match outcome {
            Outcome::Passed => ("ok", seconds(*elapsed)),
            Outcome::Failed(_) => ("FAILED", seconds(*elapsed)),
            Outcome::Skipped => ("skipped", "-".to_string()),
        };
        out.push_str(&format!("{name:<width$}  {result:<7}  {time:>8}\n"));
    }
    out.push_str(&format!(
        "{:<width$}  {:<7}  {:>8}",
        "total",
        "",
        seconds(total)
    ));
    out
}
