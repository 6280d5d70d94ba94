//! The one error type of the xtask.
//!
//! Messages are written for the person running `cargo xtask`: they say what
//! went wrong, where, and what to do. `main` prints them to stderr without a
//! backtrace.

use std::fmt;
use std::path::PathBuf;

use crate::violation::Violation;

/// Everything that can go wrong in an xtask command.
#[derive(Debug)]
pub enum Error {
    /// Reading or writing a file failed.
    Io {
        /// What we were doing, e.g. "read".
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The spec is not valid YAML, or not shaped like an OpenAPI document.
    SpecSyntax {
        /// The spec's name as shown to the user.
        spec: String,
        /// The parser's message, with line and column where known.
        message: String,
    },
    /// The spec breaks progenitor rules; progenitor was not run.
    Lint {
        /// The spec's name as shown to the user.
        spec: String,
        /// Every violation found, in document order.
        violations: Vec<Violation>,
    },
    /// Progenitor failed (an `Err` or a caught panic).
    Codegen {
        /// The spec's name as shown to the user.
        spec: String,
        /// What failed, in the same format as lint violations.
        violations: Vec<Violation>,
    },
    /// Progenitor produced tokens that do not parse as a Rust file.
    Unparsable {
        /// The parser's message.
        message: String,
    },
    /// Checked-in generated files differ from a fresh rendering.
    Drift {
        /// The stale files, relative to the workspace root.
        paths: Vec<String>,
        /// Unified diffs from the checked-in files to the fresh rendering.
        diff: String,
    },
    /// The command line was not understood.
    Usage(String),
    /// A CI step failed.
    CiStep {
        /// The step's name.
        step: String,
        /// Why it failed.
        detail: String,
    },
}

impl Error {
    /// The process exit code for this error: 2 for usage errors, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }
}

fn write_violations(f: &mut fmt::Formatter<'_>, violations: &[Violation]) -> fmt::Result {
    for violation in violations {
        write!(f, "\n{violation}")?;
    }
    Ok(())
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io {
                action,
                path,
                source,
            } => write!(f, "cannot {action} {}: {source}", path.display()),
            Error::SpecSyntax { spec, message } => {
                write!(f, "{spec} is not a valid OpenAPI document: {message}")
            }
            Error::Lint { spec, violations } => {
                let n = violations.len();
                let s = if n == 1 { "" } else { "s" };
                write!(
                    f,
                    "{spec}: {n} problem{s} would break code generation (progenitor was not run):"
                )?;
                write_violations(f, violations)
            }
            Error::Codegen { spec, violations } => {
                write!(f, "{spec}: code generation failed:")?;
                write_violations(f, violations)
            }
            Error::Unparsable { message } => write!(
                f,
                "progenitor produced code that does not parse as Rust: {message}. \
                 This is a generator bug; please report it with the spec that caused it"
            ),
            Error::Drift { paths, diff } => {
                let (names, verb) = match paths.as_slice() {
                    [one] => (one.clone(), "is"),
                    many => (crate::violation::join_and(many), "are"),
                };
                write!(
                    f,
                    "{diff}\n{names} {verb} out of date with the spec. \
                     Run `cargo xtask generate` and commit the result."
                )
            }
            Error::Usage(message) => {
                write!(f, "{message}\nRun `cargo xtask help` for the commands.")
            }
            Error::CiStep { step, detail } => write!(f, "CI step `{step}` failed: {detail}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
