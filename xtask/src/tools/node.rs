//! The pinned npm tools (Redocly, Spectral, Prism, openapi-typescript,
//! TypeScript), installed on first use into `tools/node_modules`.
//!
//! `tools/package.json` pins exact versions and `tools/package-lock.json`
//! pins the whole tree. [`ensure`] runs `npm ci --ignore-scripts` when
//! `node_modules` is missing or was installed from another lock file (a copy
//! of the lock file it was installed from is kept as a stamp), so a fresh
//! clone needs only Node and npm. Install scripts are never run: none of
//! these tools needs one, and the only one in the tree is an analytics ping.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::Error;
use crate::tools::exec::{self, io};

/// The folder holding `package.json`, relative to the workspace root.
pub const TOOLS_DIR: &str = "tools";

const STAMP: &str = "node_modules/.ruut-installed-lock.json";

/// The installed tools.
#[derive(Clone, Debug)]
pub struct NodeTools {
    root: PathBuf,
    bin: PathBuf,
}

impl NodeTools {
    /// A command for the tool `name` from `node_modules/.bin`, with the
    /// environment that keeps every tool offline and quiet.
    pub fn command(&self, name: &str) -> Command {
        let mut cmd = Command::new(self.bin.join(name));
        quiet_env(&mut cmd);
        cmd.current_dir(&self.root);
        cmd
    }

    /// The path of the tool `name`.
    pub fn path(&self, name: &str) -> PathBuf {
        self.bin.join(name)
    }
}

/// Environment for every npm tool: no telemetry, no update checks, no
/// install analytics (see shared/api/tools.md).
pub fn quiet_env(cmd: &mut Command) {
    cmd.env("REDOCLY_TELEMETRY", "off")
        .env("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true")
        .env("SCARF_ANALYTICS", "false")
        .env("DO_NOT_TRACK", "1")
        .env("NO_UPDATE_NOTIFIER", "1");
}

/// Installs the tools if needed and returns them.
pub fn ensure(root: &Path) -> Result<NodeTools, Error> {
    const STEP: &str = "npm tools";
    let dir = root.join(TOOLS_DIR);
    let lock_path = dir.join("package-lock.json");
    let lock = std::fs::read(&lock_path).map_err(|e| io("read", &lock_path, e))?;
    let stamp_path = dir.join(STAMP);
    let tools = NodeTools {
        root: root.to_path_buf(),
        bin: dir.join("node_modules/.bin"),
    };
    let installed = std::fs::read(&stamp_path).ok();
    if installed.as_deref() == Some(lock.as_slice()) {
        return Ok(tools);
    }
    eprintln!(
        "installing the npm tools pinned in {TOOLS_DIR}/package-lock.json into {TOOLS_DIR}/node_modules \
         (node {}, npm {})",
        exec::version(root, Path::new("node"), &["--version"]),
        exec::version(root, Path::new("npm"), &["--version"]),
    );
    let start = Instant::now();
    let mut npm = Command::new("npm");
    npm.args([
        "ci",
        "--ignore-scripts",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
    ]);
    quiet_env(&mut npm);
    exec::run(STEP, &dir, &mut npm)?;
    std::fs::write(&stamp_path, &lock).map_err(|e| io("write", &stamp_path, e))?;
    eprintln!(
        "installed the npm tools in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    Ok(tools)
}
