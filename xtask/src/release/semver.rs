//! `cargo semver-checks` of the crates whose Rust API users depend on.

use std::path::Path;
use std::process::Command;

use super::SEMVER_CHECKED;
use super::install::CargoTool;
use crate::Error;
use crate::tools::exec;

/// The pinned release (its `rust-version` is 1.93; CI's toolchain is 1.95).
pub const TOOL: CargoTool = CargoTool {
    krate: "cargo-semver-checks",
    version: "0.51.0",
};

const STEP: &str = "cargo semver-checks";

/// Compares [`SEMVER_CHECKED`] with their state at git revision `rev`. The
/// tool reads the crates' versions: a major (pre-1.0: minor) bump lets
/// breaking changes pass.
pub fn run(root: &Path, rev: &str) -> Result<String, Error> {
    let program = TOOL.ensure(STEP, root)?;
    let mut cmd = Command::new(program);
    cmd.args(["semver-checks", "check-release", "--baseline-rev", rev]);
    for krate in SEMVER_CHECKED {
        cmd.args(["-p", krate]);
    }
    exec::run(STEP, root, &mut cmd)?;
    Ok(format!(
        "{}: no break against `{rev}` that the version change does not allow",
        SEMVER_CHECKED.join(", ")
    ))
}
