//! `cargo xtask generate [--check]`: keep `crates/ruut-api/src/generated.rs`
//! in sync with `openapi/ruut.yaml`.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::codegen::{self, Rendered};
use crate::diff;
use crate::spec::Spec;
use crate::{Error, GENERATED_PATH, SPEC_PATH};

/// What `generate` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The file was written (it was missing or different).
    Written,
    /// The file already had the right content and was left alone.
    Unchanged,
    /// `--check`: the checked-in file matches.
    Checked,
}

/// The result of a successful `generate`.
#[derive(Clone, Debug)]
pub struct Report {
    /// What happened to the file.
    pub action: Action,
    /// Lines in the generated file.
    pub lines: usize,
    /// Wall time from reading the spec to the end.
    pub elapsed: Duration,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ms = self.elapsed.as_millis();
        let lines = self.lines;
        match self.action {
            Action::Written => write!(f, "generated {GENERATED_PATH} ({lines} lines) in {ms} ms"),
            Action::Unchanged => write!(
                f,
                "{GENERATED_PATH} is already up to date ({lines} lines), checked in {ms} ms"
            ),
            Action::Checked => write!(
                f,
                "{GENERATED_PATH} matches {SPEC_PATH} ({lines} lines), checked in {ms} ms"
            ),
        }
    }
}

/// Loads the workspace spec and renders it.
pub fn render_workspace(root: &Path) -> Result<Rendered, Error> {
    let spec = Spec::load(root, SPEC_PATH)?;
    codegen::render(&spec)
}

/// A unified diff from the checked-in generated file (empty if missing) to
/// `fresh`, or `None` when they are equal.
pub fn drift(root: &Path, fresh: &str) -> Result<Option<String>, Error> {
    let path = root.join(GENERATED_PATH);
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
    if current == fresh {
        return Ok(None);
    }
    Ok(Some(diff::unified(
        &current,
        fresh,
        &format!("{GENERATED_PATH} (checked in)"),
        &format!("{GENERATED_PATH} (generated from {SPEC_PATH})"),
    )))
}

/// Runs the command. With `check`, nothing is written and drift is an error.
pub fn run(root: &Path, check: bool) -> Result<Report, Error> {
    let start = Instant::now();
    let rendered = render_workspace(root)?;
    let lines = rendered.code.lines().count();
    let changed = drift(root, &rendered.code)?;
    let action = match (check, changed) {
        (true, Some(diff)) => {
            return Err(Error::Drift {
                path: GENERATED_PATH.to_string(),
                diff,
            });
        }
        (true, None) => Action::Checked,
        (false, None) => Action::Unchanged,
        (false, Some(_)) => {
            write_atomically(&root.join(GENERATED_PATH), &rendered.code)?;
            Action::Written
        }
    };
    Ok(Report {
        action,
        lines,
        elapsed: start.elapsed(),
    })
}

/// Writes via a temporary file and a rename, so a concurrent build never
/// sees half a file.
fn write_atomically(path: &Path, content: &str) -> Result<(), Error> {
    let tmp = path.with_extension("rs.tmp");
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
