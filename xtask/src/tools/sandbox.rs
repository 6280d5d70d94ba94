//! Building and starting the `ruut-sandbox` binary for checks that need a
//! live server (the Python client, the Prism contract check, Schemathesis,
//! the load run).
//!
//! The binary is built with `cargo build -p ruut-sandbox` and started
//! directly (not through `cargo run`), on a port it picks itself, so that
//! the [`Background`] guard kills the server and nothing else.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::tools::exec::{self, Background};
use crate::{Error, target_dir};

/// The sandbox's default user token.
pub const USER_TOKEN: &str = "sandbox-user-token";

/// A running sandbox; dropping it stops the server.
pub struct RunningSandbox {
    /// The base URL, e.g. `http://127.0.0.1:41234`.
    pub base_url: String,
    /// The seeded account's id, if the sandbox printed it.
    pub account_id: Option<u64>,
    /// The user token it accepts.
    pub token: String,
    /// The process guard.
    pub process: Background,
}

/// Builds the sandbox binary.
pub fn build(step: &str, root: &Path) -> Result<PathBuf, Error> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    exec::run(
        step,
        root,
        // `--workspace` unifies features the way `cargo test --workspace`
        // does, so the binary reuses that step's artifacts.
        Command::new(cargo).args(["build", "--quiet", "--workspace", "--bin", "ruut-sandbox"]),
    )?;
    let binary = target_dir(root).join("debug/ruut-sandbox");
    if binary.exists() {
        Ok(binary)
    } else {
        Err(exec::fail(
            step,
            format!(
                "cargo built the sandbox but {} is missing",
                binary.display()
            ),
        ))
    }
}

/// Builds and starts the sandbox on a free port of 127.0.0.1 and waits
/// until it says where it listens.
pub fn start(step: &str, root: &Path) -> Result<RunningSandbox, Error> {
    let binary = build(step, root)?;
    start_binary(step, root, &binary)
}

/// Starts the sandbox `binary` (built already) on a free port of 127.0.0.1
/// and waits until it says where it listens.
pub fn start_binary(step: &str, root: &Path, binary: &Path) -> Result<RunningSandbox, Error> {
    let mut process = Background::spawn(
        step,
        "sandbox",
        root,
        Command::new(binary).args(["--port", "0", "--token", USER_TOKEN]),
    )?;
    let base_url = process.wait_for_line(step, Duration::from_secs(60), |line| {
        line.split_whitespace()
            .find(|word| word.starts_with("http://"))
            .map(str::to_string)
    })?;
    let account_id = process
        .wait_for_line(step, Duration::from_secs(5), |line| {
            let rest = line.trim().strip_prefix("account id:")?;
            rest.trim().parse::<u64>().ok()
        })
        .ok();
    process.echo_rest();
    Ok(RunningSandbox {
        base_url,
        account_id,
        token: USER_TOKEN.to_string(),
        process,
    })
}
