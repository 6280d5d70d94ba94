//! `cargo xtask generate [--check]`: keep the files generated from
//! `openapi/ruut.yaml` in sync with it: the client
//! (`crates/ruut-api/src/generated.rs`), the operation table
//! (`crates/ruut-api/src/operations.rs`), the SDK's coverage table
//! (`crates/ruut-sdk/src/coverage.md`) and the CLI's `ruut api` commands
//! (`crates/ruut-cli/src/generated_cli.rs`).

use std::path::Path;
use std::time::{Duration, Instant};

use crate::codegen::{self, Rendered, coverage, operations};
use crate::spec::Spec;
use crate::{Error, GENERATED_PATH, SPEC_PATH, diff};

/// The operation table, relative to the workspace root.
pub const OPERATIONS_PATH: &str = "crates/ruut-api/src/operations.rs";

/// The SDK's coverage table, relative to the workspace root.
pub const COVERAGE_PATH: &str = "crates/ruut-sdk/src/coverage.md";

/// The CLI's generated `ruut api` commands, relative to the workspace root.
pub const CLI_PATH: &str = "crates/ruut-cli/src/generated_cli.rs";

/// One file `generate` writes, with the content the spec gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// Relative to the workspace root.
    pub path: &'static str,
    /// The whole file.
    pub content: String,
}

/// What `generate` did to one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The file was written (it was missing or different).
    Written,
    /// The file already had the right content and was left alone.
    Unchanged,
    /// `--check`: the checked-in file matches.
    Checked,
}

/// What happened to one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileReport {
    /// Relative to the workspace root.
    pub path: &'static str,
    /// What happened to it.
    pub action: Action,
    /// Lines in the generated file.
    pub lines: usize,
}

/// The result of a successful `generate`.
#[derive(Clone, Debug)]
pub struct Report {
    /// Every generated file, in [`outputs`] order.
    pub files: Vec<FileReport>,
    /// Wall time from reading the spec to the end.
    pub elapsed: Duration,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ms = self.elapsed.as_millis();
        if self.files.iter().all(|file| file.action == Action::Checked) {
            let paths: Vec<&str> = self.files.iter().map(|file| file.path).collect();
            return write!(
                f,
                "{} match {SPEC_PATH}, checked in {ms} ms",
                paths.join(", ")
            );
        }
        for FileReport {
            path,
            action,
            lines,
        } in &self.files
        {
            match action {
                Action::Written => writeln!(f, "generated {path} ({lines} lines)")?,
                Action::Unchanged => writeln!(f, "{path} is already up to date ({lines} lines)")?,
                Action::Checked => writeln!(f, "{path} matches {SPEC_PATH} ({lines} lines)")?,
            }
        }
        write!(f, "done in {ms} ms")
    }
}

/// Loads the workspace spec and renders it.
pub fn render_workspace(root: &Path) -> Result<Rendered, Error> {
    let spec = Spec::load(root, SPEC_PATH)?;
    codegen::render(&spec)
}

/// Every file generated from `rendered`, in a fixed order.
pub fn outputs(rendered: &Rendered) -> Result<Vec<Output>, Error> {
    Ok(vec![
        Output {
            path: GENERATED_PATH,
            content: rendered.code.clone(),
        },
        Output {
            path: OPERATIONS_PATH,
            content: operations::render(&rendered.facts)?,
        },
        Output {
            path: COVERAGE_PATH,
            content: coverage::render(&rendered.facts),
        },
        Output {
            path: CLI_PATH,
            content: rendered.cli.clone(),
        },
    ])
}

/// A unified diff from the checked-in `output.path` (empty if missing) to
/// `output.content`, or `None` when they are equal.
pub fn drift(root: &Path, output: &Output) -> Result<Option<String>, Error> {
    let path = root.join(output.path);
    let current = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => {
            return Err(Error::Io {
                action: "read",
                path,
                source,
            });
        }
    };
    if current == output.content {
        return Ok(None);
    }
    Ok(Some(diff::unified(
        &current,
        &output.content,
        &format!("{} (checked in)", output.path),
        &format!("{} (generated from {SPEC_PATH})", output.path),
    )))
}

/// Every stale output as one [`Error::Drift`], or `None` when all are fresh.
pub fn drift_all(root: &Path, outputs: &[Output]) -> Result<Option<Error>, Error> {
    let mut paths = Vec::new();
    let mut diffs = String::new();
    for output in outputs {
        if let Some(diff) = drift(root, output)? {
            paths.push(output.path.to_string());
            diffs.push_str(&diff);
        }
    }
    Ok((!paths.is_empty()).then_some(Error::Drift { paths, diff: diffs }))
}

/// Runs the command. With `check`, nothing is written and drift is an error.
pub fn run(root: &Path, check: bool) -> Result<Report, Error> {
    let start = Instant::now();
    let outputs = outputs(&render_workspace(root)?)?;
    if check && let Some(error) = drift_all(root, &outputs)? {
        return Err(error);
    }
    let mut files = Vec::new();
    for output in &outputs {
        let action = if check {
            Action::Checked
        } else if drift(root, output)?.is_some() {
            write_atomically(&root.join(output.path), &output.content)?;
            Action::Written
        } else {
            Action::Unchanged
        };
        files.push(FileReport {
            path: output.path,
            action,
            lines: output.content.lines().count(),
        });
    }
    Ok(Report {
        files,
        elapsed: start.elapsed(),
    })
}

/// Writes via a temporary file and a rename, so a concurrent build never
/// sees half a file.
fn write_atomically(path: &Path, content: &str) -> Result<(), Error> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = std::path::PathBuf::from(tmp);
    let io = |action, path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io {
            action,
            path,
            source,
        }
    };
    std::fs::write(&tmp, content).map_err(io("write", &tmp))?;
    std::fs::rename(&tmp, path).map_err(io("replace", path))
}
