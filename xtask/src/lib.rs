//! Project automation for ruut-rs, run as `cargo xtask <command>`.
//!
//! The interesting parts are:
//!
//! - [`spec`]: loading `openapi/ruut.yaml` into both a raw JSON tree and an
//!   [`openapiv3::OpenAPI`] model;
//! - [`codegen`]: code generation: the lint (the "progenitor rules" and the
//!   operation facts, checked before progenitor runs so that users get every
//!   problem at once, named by operation, instead of a generator panic), the
//!   spec as progenitor sees it, rendering to formatted Rust, the operation
//!   and coverage tables, the `generate [--check]` command and the API
//!   surface listing;
//! - [`ci`]: the ordered list of CI steps behind `cargo xtask ci`;
//! - [`publish`]: the published spec (`cargo xtask spec`), the checks that
//!   other languages and tools can use it, and `cargo xtask spec-diff`;
//! - [`release`]: `cargo xtask release-check` (packaging, semver-checks,
//!   spec-diff), the feature combinations and the licence check CI runs;
//! - [`reports`]: `cargo xtask bench` and `cargo xtask reliability-report`
//!   (with `cargo xtask load`), which write BENCHMARKS.md and RELIABILITY.md;
//! - [`tools`]: the outside programs these run, and how they are installed.
//!
//! Every fallible function returns [`Error`]; nothing here is meant to panic
//! on user input.

#![warn(missing_docs)]

pub mod ci;
pub mod codegen;
pub mod diff;
pub mod error;
pub mod publish;
pub mod release;
pub mod reports;
pub mod spec;
pub mod tools;
pub mod violation;

use std::path::{Path, PathBuf};

pub use error::Error;

/// The spec, relative to the workspace root.
pub const SPEC_PATH: &str = "openapi/ruut.yaml";

/// The generated client code, relative to the workspace root.
pub const GENERATED_PATH: &str = "crates/ruut-api/src/generated.rs";

/// The workspace root: the parent of this crate's manifest directory.
///
/// `CARGO_MANIFEST_DIR` is baked in at compile time, so this works no matter
/// which directory `cargo xtask` is started from.
pub fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map_or_else(|| manifest_dir.to_path_buf(), Path::to_path_buf)
}

/// The cargo target directory: `CARGO_TARGET_DIR` (relative to `root` when
/// it is relative), or `<root>/target`.
pub fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root.join(dir),
        None => root.join("target"),
    }
}
