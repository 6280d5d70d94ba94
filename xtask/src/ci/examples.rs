//! Runs the SDK's examples as a user would, starting with the README's first
//! command (`cargo run -p ruut-sdk --example quickstart`): each must run to
//! completion against its in-process sandbox.
//!
//! The `RUUT_*` variables are removed for these runs, so that a developer's real
//! token never sends the examples to a real server from CI.

use std::path::Path;
use std::process::Command;

use crate::Error;
use crate::tools::exec;

/// The step's name in CI output.
pub const STEP: &str = "examples against the sandbox";

/// The examples, with the cargo features each needs.
const EXAMPLES: [(&str, Option<&str>); 4] = [
    ("quickstart", None),
    ("triage_bot", None),
    ("agent_bot", Some("axum")),
    ("provision", None),
];

/// Runs every example; the note names them.
///
/// # Errors
///
/// The first example that fails to build or exits unsuccessfully.
pub fn run(root: &Path) -> Result<String, Error> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    for (example, features) in EXAMPLES {
        let mut cmd = Command::new(&cargo);
        cmd.args(["run", "--quiet", "-p", "ruut-sdk", "--example", example]);
        if let Some(features) = features {
            cmd.args(["--features", features]);
        }
        for name in ["RUUT_API_TOKEN", "RUUT_BASE_URL", "RUUT_ACCOUNT_ID"] {
            cmd.env_remove(name);
        }
        exec::run(STEP, root, &mut cmd)?;
    }
    Ok(format!(
        "{} ran to completion",
        EXAMPLES.map(|(name, _)| name).join(", ")
    ))
}
