//! The workspace's version (`[workspace.package] version`), here and at a git
//! revision, and whether a change of it permits breaking changes.

use std::path::Path;
use std::process::Command;

use crate::Error;
use crate::tools::exec::{self, fail};

const STEP: &str = "release-check";

/// The version in the working tree's `Cargo.toml`.
pub fn current(root: &Path) -> Result<String, Error> {
    let path = root.join("Cargo.toml");
    let text = std::fs::read_to_string(&path).map_err(|e| exec::io("read", &path, e))?;
    workspace_version(&text).ok_or_else(|| fail(STEP, "no version in [workspace.package]"))
}

/// The version in `Cargo.toml` at git revision `rev`.
pub fn at_rev(root: &Path, rev: &str) -> Result<String, Error> {
    let output = exec::capture(
        STEP,
        root,
        Command::new("git").args(["show", &format!("{rev}:Cargo.toml")]),
    )?;
    if !output.status.success() {
        return Err(fail(
            STEP,
            format!(
                "cannot read Cargo.toml at `{rev}`: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ),
        ));
    }
    workspace_version(&String::from_utf8_lossy(&output.stdout)).ok_or_else(|| {
        fail(
            STEP,
            format!("no version in [workspace.package] at `{rev}`"),
        )
    })
}

/// The `version = "…"` line of the `[workspace.package]` table.
pub fn workspace_version(manifest: &str) -> Option<String> {
    workspace_package_field(manifest, "version")
}

/// The string value of `key` in the `[workspace.package]` table.
pub fn workspace_package_field(manifest: &str, key: &str) -> Option<String> {
    let mut in_table = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_table = line == "[workspace.package]";
        } else if in_table
            && let Some((name, value)) = line.split_once('=')
            && name.trim() == key
        {
            return Some(value.trim().trim_matches('"').to_string());
        }
    }
    None
}

/// Whether going from `old` to `new` may break users, by Cargo's semver
/// rules: the major version went up, or before 1.0 the minor (before 0.1,
/// the patch). An unparsable version permits nothing.
pub fn breaking_allowed(old: &str, new: &str) -> bool {
    match (parse(old), parse(new)) {
        (Some(old), Some(new)) => {
            let significant = |v: [u64; 3]| match v {
                [0, 0, patch] => [0, 0, patch],
                [0, minor, _] => [0, minor, 0],
                [major, _, _] => [major, 0, 0],
            };
            significant(new) > significant(old)
        }
        _ => false,
    }
}

fn parse(version: &str) -> Option<[u64; 3]> {
    // Pre-release and build suffixes do not change the compatibility class.
    let core = version.split(['-', '+']).next()?;
    let mut parts = core.split('.').map(|p| p.parse::<u64>().ok());
    let v = [parts.next()??, parts.next()??, parts.next()??];
    parts.next().is_none().then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_bump_of_the_significant_part_allows_breaking_changes() {
        assert!(breaking_allowed("0.1.0", "0.2.0"));
        assert!(breaking_allowed("1.4.2", "2.0.0"));
        assert!(breaking_allowed("0.0.3", "0.0.4"));
        assert!(!breaking_allowed("0.1.0", "0.1.1"));
        assert!(!breaking_allowed("0.1.0", "0.1.0"));
        assert!(!breaking_allowed("1.0.0", "1.1.0"));
        assert!(!breaking_allowed("2.0.0", "1.9.0"));
        assert!(!breaking_allowed("0.1.0", "zero"));
    }

    #[test]
    fn the_version_is_read_from_the_workspace_package_table() {
        let manifest = "[package]\nversion = \"9.9.9\"\n[workspace.package]\nedition = \"2024\"\n\
                        version = \"0.3.1\"\n[dependencies]\nversion = \"1\"\n";
        assert_eq!(workspace_version(manifest).as_deref(), Some("0.3.1"));
        assert_eq!(workspace_version("[package]\nversion = \"1.0.0\"\n"), None);
    }

    /// `rust-version` claims only what is verified: the one toolchain CI
    /// builds and tests with (no other can be installed here), and every
    /// published crate's README says the same. On a machine with a newer
    /// toolchain this fails until the claim is moved to it.
    #[test]
    fn rust_version_is_the_toolchain_ci_builds_with_and_the_readmes_say_so() {
        let root = crate::workspace_root();
        let manifest = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
        let claimed = workspace_package_field(&manifest, "rust-version").unwrap();
        let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
        let output = std::process::Command::new(rustc)
            .arg("--version")
            .output()
            .unwrap();
        let version = String::from_utf8_lossy(&output.stdout);
        // "rustc 1.95.0 (59807616e 2026-04-14)" -> "1.95"
        let running: Vec<&str> = version
            .split_whitespace()
            .nth(1)
            .unwrap()
            .split('.')
            .take(2)
            .collect();
        assert_eq!(
            claimed,
            running.join("."),
            "[workspace.package] rust-version claims {claimed}, but this toolchain is {version}: \
             claim only what CI builds with (and update the crates' READMEs)"
        );
        for krate in super::super::PUBLISHED {
            let readme =
                std::fs::read_to_string(root.join("crates").join(krate).join("README.md")).unwrap();
            assert!(
                readme.contains(&format!("{claimed}, the only toolchain")),
                "crates/{krate}/README.md does not say the minimum Rust version is {claimed}, \
                 the only toolchain CI builds with"
            );
        }
    }
}
