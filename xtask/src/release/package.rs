//! `cargo package` of the published crates: the tarballs crates.io would get,
//! and (unless `--no-verify`) a build of each from its unpacked tarball alone.

use std::path::{Path, PathBuf};
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
///
/// Before it runs, the copies of our crates that an earlier run unpacked from
/// that overlay are removed ([`forget_unpacked`]): cargo would build them
/// instead of the fresh tarballs.
pub fn run(root: &Path, verify: bool, offline: bool) -> Result<String, Error> {
    if let Some(home) = cargo_home().filter(|_| verify) {
        for stale in forget_unpacked(&home)? {
            eprintln!(
                "{STEP}: removed {}, unpacked by an earlier run",
                stale.display()
            );
        }
    }
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

/// `$CARGO_HOME`, or `~/.cargo` where it is unset.
fn cargo_home() -> Option<PathBuf> {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")))
}

/// Removes the published crates' unpacked sources from cargo's local
/// registries (`registry/src/-<hash>/<crate>-<version>`) and returns them.
///
/// Cargo names a local overlay registry's source directory after a hash of
/// its path, `target/package/tmp-registry`, and unpacks a crate only when its
/// directory there is missing. A checkout at the same path with the same
/// version (every CI run of `/…/main` at 0.1.0) then verifies `ruut-sdk` and
/// `ruut-sandbox` against the `ruut-api` of an earlier run: the CI of a0eca04
/// failed so, missing its 15 new operations. Registries with a host
/// (`index.crates.io-…`) are left alone.
pub fn forget_unpacked(cargo_home: &Path) -> Result<Vec<PathBuf>, Error> {
    let src = cargo_home.join("registry").join("src");
    let mut removed = Vec::new();
    for registry in read_dir(&src)? {
        let local = registry
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(|name| name.starts_with('-'));
        if !local || !registry.is_dir() {
            continue;
        }
        for unpacked in read_dir(&registry)? {
            if is_published_crate(&unpacked) {
                std::fs::remove_dir_all(&unpacked).map_err(|source| Error::Io {
                    action: "remove",
                    path: unpacked.clone(),
                    source,
                })?;
                removed.push(unpacked);
            }
        }
    }
    removed.sort();
    Ok(removed)
}

/// Whether `dir` is named `<published crate>-<version>`.
fn is_published_crate(dir: &Path) -> bool {
    let Some(name) = dir.file_name().and_then(|name| name.to_str()) else {
        return false;
    };
    PUBLISHED.iter().any(|krate| {
        name.strip_prefix(krate)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|version| version.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// The entries of `dir`; none when it does not exist.
fn read_dir(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    match std::fs::read_dir(dir) {
        Ok(entries) => Ok(entries.filter_map(|e| e.ok().map(|e| e.path())).collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(source) => Err(Error::Io {
            action: "read",
            path: dir.to_path_buf(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forgets_only_our_crates_in_local_registries() {
        let home = std::env::temp_dir().join(format!("xtask-forget-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&home);
        let dirs = [
            "registry/src/-0d84fb04c0030b11/ruut-api-0.1.0/src",
            "registry/src/-0d84fb04c0030b11/ruut-sdk-0.1.0",
            "registry/src/-0d84fb04c0030b11/ruut-sandbox-0.2.0",
            "registry/src/-0d84fb04c0030b11/ruut-sdk-macros-0.1.0",
            "registry/src/-0d84fb04c0030b11/serde-1.0.0",
            "registry/src/index.crates.io-1949cf8c6b5b557f/ruut-api-0.1.0",
        ];
        for dir in dirs {
            std::fs::create_dir_all(home.join(dir)).unwrap();
        }
        let removed = forget_unpacked(&home).unwrap();
        let names: Vec<_> = removed
            .iter()
            .map(|p| {
                p.strip_prefix(&home)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        assert_eq!(
            names,
            [
                "registry/src/-0d84fb04c0030b11/ruut-api-0.1.0",
                "registry/src/-0d84fb04c0030b11/ruut-sandbox-0.2.0",
                "registry/src/-0d84fb04c0030b11/ruut-sdk-0.1.0",
            ]
        );
        for kept in &dirs[3..] {
            assert!(home.join(kept).is_dir(), "{kept} was removed");
        }
        assert!(forget_unpacked(&home).unwrap().is_empty());
        std::fs::remove_dir_all(&home).unwrap();
        assert!(forget_unpacked(&home).unwrap().is_empty());
    }
}
