//! `cargo package` of the published crates: the tarballs crates.io would get,
//! and (unless `--no-verify`) a build of each from its unpacked tarball alone.

use std::path::Path;
use std::process::Command;

use super::PUBLISHED;
use crate::Error;
use crate::tools::exec;

/// The CI step's name.
pub const STEP: &str = "cargo package (published crates)";

/// Packages [`PUBLISHED`]; with `verify`, builds each from its tarball.
/// `offline` (CI, after its builds have fetched every dependency): no
/// registry is asked anything; `release-check` asks crates.io's index, as a
/// publish would.
///
/// Cargo packages crates of one workspace that depend on each other against
/// each other's fresh tarballs (a local registry overlay), so `ruut-sdk` is
/// built with the packaged `ruut-api`, not with `crates/ruut-api`. The tree
/// may be dirty: this is a check, not a release.
pub fn run(root: &Path, verify: bool, offline: bool) -> Result<String, Error> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.args(["package", "--allow-dirty", "--locked"]);
    for krate in PUBLISHED {
        cmd.args(["-p", krate]);
    }
    if !verify {
        cmd.arg("--no-verify");
    }
    if offline {
        cmd.arg("--offline");
    }
    exec::run(STEP, root, &mut cmd)?;
    Ok(format!(
        "{} packaged{}",
        PUBLISHED.join(", "),
        if verify {
            " and built from their tarballs"
        } else {
            ""
        }
    ))
}
