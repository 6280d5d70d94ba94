//! `cargo deny check licenses bans`, offline: the licences of every
//! dependency against `deny.toml`'s list, and the duplicate versions in the
//! tree (warnings, with the known ones explained there).

use std::path::Path;
use std::process::Command;

use super::install::CargoTool;
use crate::Error;
use crate::tools::exec;

/// The pinned release.
pub const TOOL: CargoTool = CargoTool {
    krate: "cargo-deny",
    version: "0.20.2",
};

/// The CI step's name.
pub const STEP: &str = "cargo deny check licenses bans";

/// Runs the check; `--offline` because it needs nothing but `Cargo.lock` and
/// the sources cargo already fetched (no advisory database).
pub fn run(root: &Path) -> Result<String, Error> {
    let program = TOOL.ensure(STEP, root)?;
    exec::run(
        STEP,
        root,
        Command::new(program).args([
            "deny",
            "--offline",
            "--locked",
            "--all-features",
            "check",
            "licenses",
            "bans",
        ]),
    )?;
    Ok("licences allowed, no banned crates".to_string())
}
