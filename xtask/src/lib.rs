//! Project automation for ruut-rs, run as `cargo xtask <command>`.
//!
//! The interesting parts are:
//!
//! - [`spec`]: loading `openapi/ruut.yaml` into both a raw JSON tree and an
//!   [`openapiv3::OpenAPI`] model;
//! - [`lint`]: the "progenitor rules" every operation must follow, checked
//!   before progenitor runs so that users get every problem at once, named by
//!   operation, instead of a generator panic;
//! - [`profile`]: the codegen profile, the one documented transform between
//!   the published spec and what progenitor sees;
//! - [`codegen`]: progenitor settings and rendering to formatted Rust;
//! - [`generate`]: the `generate [--check]` command (write or drift check);
//! - [`surface`]: a compact, reviewable listing of the generated API;
//! - [`ci`]: the ordered list of CI steps behind `cargo xtask ci`;
//! - [`publish`]: the published spec (`cargo xtask spec`), the checks that
//!   other languages and tools can use it, and `cargo xtask spec-diff`;
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
pub mod generate;
pub mod lint;
pub mod panic;
pub mod profile;
pub mod publish;
pub mod reports;
pub mod resolve;
pub mod spec;
pub mod surface;
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
