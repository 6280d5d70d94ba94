//! CI step `schemathesis`: the sandbox must conform to the spec, as checked
//! by a tool nobody here wrote.
//!
//! The step installs the pinned Python tools on first use (schemathesis is
//! pinned in `tools/requirements.txt`, see [`python_tools`]), builds and
//! starts `ruut-sandbox` on a free port ([`sandbox_run`]), runs
//!
//! ```text
//! schemathesis --config-file tools/schemathesis.toml run openapi/ruut.yaml \
//!   --url <sandbox> -H "api_access_token: <token>" --checks all -n 30 --seed 1 \
//!   --generation-database none --no-color
//! ```
//!
//! from a scratch directory (so no `.hypothesis/` or `.schemathesis/` lands
//! in the repository), stops the sandbox (also when schemathesis fails), and
//! fails on any failure schemathesis reports. The seed is fixed so that a red
//! run can be replayed exactly.

use std::path::{Path, PathBuf};

use crate::exec::{self, describe_exit};
use crate::{Error, SPEC_PATH, python_tools, sandbox_run};

/// The step's name in `cargo xtask ci`.
pub const STEP: &str = "schemathesis";

/// Schemathesis' settings, relative to the workspace root.
pub const CONFIG_PATH: &str = "tools/schemathesis.toml";

/// Examples per operation and phase; the coverage phase adds its own cases.
const MAX_EXAMPLES: &str = "30";

/// The Hypothesis seed, fixed so that failures can be replayed.
const SEED: &str = "1";

/// A scratch directory removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the conformance check; `Ok` carries a one-line note for the summary.
pub fn run(root: &Path) -> Result<String, Error> {
    let tools = python_tools::ensure(root)?;
    let scratch =
        Scratch(std::env::temp_dir().join(format!("ruut-schemathesis-{}", std::process::id())));
    std::fs::create_dir_all(&scratch.0).map_err(|e| exec::io("create", &scratch.0, e))?;

    // Dropping `sandbox` (at the end of this function, or on any early
    // return) kills the server.
    let sandbox = sandbox_run::start(STEP, root)?;
    let spec = root.join(SPEC_PATH);
    let config = root.join(CONFIG_PATH);
    let header = format!("api_access_token: {}", sandbox.token);
    let mut cmd = tools.command("schemathesis");
    cmd.arg("--config-file")
        .arg(&config)
        .arg("run")
        .arg(&spec)
        .args(["--url", &sandbox.base_url, "-H", &header])
        .args(["--checks", "all", "-n", MAX_EXAMPLES, "--seed", SEED])
        .args(["--generation-database", "none", "--no-color"]);
    let output = exec::capture(STEP, &scratch.0, &mut cmd)?;
    drop(sandbox);

    let stdout = String::from_utf8_lossy(&output.stdout);
    eprint!("{stdout}");
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    let tested = summary_value(&stdout, "Tested:");
    let cases = stdout
        .lines()
        .map(str::trim)
        .find(|l| l.contains(" generated, "))
        .unwrap_or("no test-case summary")
        .to_string();
    if output.status.success() {
        Ok(format!(
            "{} operations tested, {cases}",
            tested.unwrap_or("?")
        ))
    } else {
        Err(exec::fail(
            STEP,
            format!(
                "schemathesis {} ({cases}); replay a failure with `.tools/venv/bin/st replay <id>`",
                describe_exit(output.status)
            ),
        ))
    }
}

/// The value after `label` on the first summary line that starts with it.
fn summary_value<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    text.lines()
        .map(str::trim)
        .find_map(|line| line.strip_prefix(label))
        .map(str::trim)
}

#[cfg(test)]
mod tests {
    use super::summary_value;

    #[test]
    fn reads_the_summary() {
        let text = "API Operations:\n  Selected: 18/18\n  Tested: 18\n";
        assert_eq!(summary_value(text, "Tested:"), Some("18"));
        assert_eq!(summary_value(text, "Missing:"), None);
    }
}
