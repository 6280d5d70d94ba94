//! Running a list of [`Step`]s: in order, stopping at the first failure,
//! with a progress line per step and a summary table at the end.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::Error;
use crate::ci::step::{Action, Step};

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
                eprintln!("with {}", change.apply(&mut command));
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
