//! Cargo subcommands pinned by version and installed on first use, from
//! crates.io's sources (`cargo install --locked`), into a cache outside the
//! checkout (see [`cache_dir`]) so that later runs on the same machine, CI's
//! fresh clones included, reuse the build instead of repeating it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::Error;
use crate::tools::exec;

/// A pinned tool from crates.io.
#[derive(Clone, Copy, Debug)]
pub struct CargoTool {
    /// The crate, e.g. `cargo-deny`.
    pub krate: &'static str,
    /// The exact version.
    pub version: &'static str,
}

/// Where pinned tools are installed: `$RUUT_TOOLS_CACHE` if set, else
/// `$XDG_CACHE_HOME/ruut-rs/cargo-tools`, else `~/.cache/ruut-rs/cargo-tools`;
/// without a home directory, `.tools/cargo` in the checkout (git-ignored).
pub fn cache_dir(root: &Path) -> PathBuf {
    let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    if let Some(dir) = var("RUUT_TOOLS_CACHE") {
        return PathBuf::from(dir);
    }
    let cache = var("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".cache")));
    match cache {
        Some(cache) => cache.join("ruut-rs/cargo-tools"),
        None => root.join(".tools/cargo"),
    }
}

impl CargoTool {
    /// Where `cargo install --root` puts this version: one directory per
    /// version, so that a pin change never reuses another version's build.
    pub fn root(&self, root: &Path) -> PathBuf {
        cache_dir(root).join(format!("{}-{}", self.krate, self.version))
    }

    /// The installed program.
    pub fn program(&self, root: &Path) -> PathBuf {
        self.root(root).join("bin").join(self.krate)
    }

    /// The program, installed first (`cargo install --locked`) unless the
    /// pinned version already is; the install reports how long it took.
    pub fn ensure(&self, step: &str, root: &Path) -> Result<PathBuf, Error> {
        let program = self.program(root);
        let installed = exec::version(root, &program, &["--version"]);
        if installed
            .split_whitespace()
            .any(|word| word == self.version)
        {
            return Ok(program);
        }
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        // Its own target dir, removed afterwards: the tool's build never
        // touches the project's, and its objects do not stay on disk.
        let target = self.root(root).join("build");
        eprintln!(
            "installing {}@{} into {} (first use; a build of several minutes)",
            self.krate,
            self.version,
            self.root(root).display()
        );
        let started = Instant::now();
        let result = exec::run(
            step,
            root,
            Command::new(cargo)
                .args(["install", "--locked", "--force"])
                .arg(format!("{}@{}", self.krate, self.version))
                .arg("--root")
                .arg(self.root(root))
                .env("CARGO_TARGET_DIR", &target),
        );
        // Best effort: a leftover build dir only costs disk.
        let _ = std::fs::remove_dir_all(&target);
        result?;
        eprintln!(
            "installed {}@{} in {:.0} s",
            self.krate,
            self.version,
            started.elapsed().as_secs_f64()
        );
        Ok(program)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_version_has_its_own_directory_and_program() {
        let root = Path::new("/checkout");
        let tool = CargoTool {
            krate: "cargo-deny",
            version: "1.2.3",
        };
        let other = CargoTool {
            version: "1.2.4",
            ..tool
        };
        assert_ne!(tool.root(root), other.root(root));
        assert!(tool.root(root).ends_with("cargo-deny-1.2.3"));
        assert_eq!(tool.program(root), tool.root(root).join("bin/cargo-deny"));
    }
}
