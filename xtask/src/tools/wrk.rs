//! wrk, the HTTP load generator behind `cargo xtask bench` and `cargo xtask
//! load`: Debian's package, installed with apt-get on first use (as root,
//! which CI is). Nothing is pinned; the reports print its version.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Error;
use crate::tools::exec;

/// The wrk binary on `PATH`, installed from Debian's package when it is
/// missing; `step` names the step in errors.
pub fn ensure(step: &str, root: &Path) -> Result<PathBuf, Error> {
    if let Some(path) = on_path("wrk") {
        return Ok(path);
    }
    eprintln!("wrk is not installed: installing the Debian package (apt-get install -y wrk)");
    let apt = |args: &[&str]| {
        let mut cmd = Command::new("apt-get");
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        exec::run(step, root, &mut cmd)
    };
    if apt(&["install", "-y", "-q", "wrk"]).is_err() {
        eprintln!("apt-get install failed; refreshing the package lists and trying again");
        apt(&["update", "-q"])?;
        apt(&["install", "-y", "-q", "wrk"])?;
    }
    on_path("wrk").ok_or_else(|| exec::fail(step, "apt-get installed wrk, but it is not on PATH"))
}

/// wrk's version, from `wrk -v` (`wrk debian/4.1.0-3+b2 [epoll] Copyright ...`).
pub fn version(root: &Path, wrk: &Path) -> String {
    exec::version(root, wrk, &["-v"])
        .split_whitespace()
        .nth(1)
        .unwrap_or("unknown")
        .to_string()
}

fn on_path(name: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(name))
        .find(|path| path.is_file())
}
