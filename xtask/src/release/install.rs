//! Cargo subcommands pinned by version and installed on first use into
//! `.tools/cargo` (git-ignored), so that every run uses the same release.

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

impl CargoTool {
    /// Where `cargo install --root` puts it.
    pub fn root(root: &Path) -> PathBuf {
        root.join(".tools/cargo")
    }

    /// The installed program.
    pub fn program(&self, root: &Path) -> PathBuf {
        Self::root(root).join("bin").join(self.krate)
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
        let started = Instant::now();
        exec::run(
            step,
            root,
            Command::new(cargo)
                .args(["install", "--locked", "--force"])
                .arg(format!("{}@{}", self.krate, self.version))
                .arg("--root")
                .arg(Self::root(root))
                // Its own target dir: the tool's build never touches the project's.
                .env("CARGO_TARGET_DIR", Self::root(root).join("target")),
        )?;
        eprintln!(
            "installed {}@{} in {:.0} s",
            self.krate,
            self.version,
            started.elapsed().as_secs_f64()
        );
        Ok(program)
    }
}
