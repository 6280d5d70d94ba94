//! `cargo xtask release-check <rev>`: is the working tree releasable as the
//! version its manifests claim, compared with git revision `<rev>`?
//!
//! 1. [`package`]: `cargo package` of every published crate ([`PUBLISHED`]),
//!    each built from its tarball alone (cargo unpacks it and builds it with
//!    the other packaged crates as its dependencies), so that nothing outside
//!    a package is read: the generated code is inside `ruut-api`, the coverage
//!    table inside `ruut-sdk`. `cargo xtask ci` runs this part.
//! 2. [`semver`]: `cargo semver-checks` of `ruut-api` and `ruut-sdk` against
//!    `<rev>` (a pinned version, installed on first use: [`install`]).
//!    It reads the crates' versions itself: a breaking change passes when the
//!    major version (before 1.0: the minor) went up.
//! 3. `spec-diff <rev>`, whose breaking changes pass only under the same
//!    rule ([`version::breaking_allowed`] of the workspace versions).
//!
//! Every part runs; the command fails if any did.

use std::path::Path;

use crate::Error;
use crate::publish::spec_diff;
use crate::tools::exec::fail;

pub mod deny;
pub mod features;
pub mod install;
pub mod package;
pub mod semver;
pub mod version;

/// The crates published to crates.io. Every other member has `publish = false`.
pub const PUBLISHED: [&str; 3] = ["ruut-api", "ruut-sdk", "ruut-sandbox"];

/// The crates whose public Rust API `cargo semver-checks` compares.
pub const SEMVER_CHECKED: [&str; 2] = ["ruut-api", "ruut-sdk"];

const STEP: &str = "release-check";

/// One part of the check: a note on success.
type Part<'a> = dyn Fn() -> Result<String, Error> + 'a;

/// Runs every part against `rev`; fails with the list of failed parts.
pub fn check(root: &Path, rev: &str) -> Result<String, Error> {
    let old = version::at_rev(root, rev)?;
    let new = version::current(root)?;
    let allowed = version::breaking_allowed(&old, &new);
    eprintln!(
        "release-check: version {old} at `{rev}` -> {new} here; breaking changes {}",
        if allowed { "allowed" } else { "not allowed" }
    );
    let parts: [(&str, Box<Part<'_>>); 3] = [
        ("package", Box::new(|| package::run(root, true, false))),
        ("semver-checks", Box::new(|| semver::run(root, rev))),
        ("spec-diff", Box::new(|| spec_diff_part(root, rev, allowed))),
    ];
    let mut failed = Vec::new();
    for (name, part) in parts {
        eprintln!("==> release-check: {name}");
        match part() {
            Ok(note) => eprintln!("ok: {name}: {note}"),
            Err(e) => {
                eprintln!("FAILED: {name}: {e}");
                failed.push(name);
            }
        }
    }
    if failed.is_empty() {
        Ok(format!("{new} is releasable against `{rev}` ({old})"))
    } else {
        Err(fail(STEP, format!("failed: {}", failed.join(", "))))
    }
}

/// `spec-diff <rev>`, whose breaking changes are accepted when `allowed`.
fn spec_diff_part(root: &Path, rev: &str, allowed: bool) -> Result<String, Error> {
    match spec_diff::run(root, rev) {
        Ok(report) => Ok(format!("{} additive change(s)", report.additive.len())),
        Err(e) if allowed => Ok(format!("accepted, the version says breaking: {e}")),
        Err(e) => Err(e),
    }
}
