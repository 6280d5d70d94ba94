//! CI step `schemathesis`: the sandbox must conform to the spec, as checked
//! by a tool nobody here wrote.
//!
//! The step installs the pinned Python tools on first use (schemathesis is
//! pinned in `tools/requirements.txt`, see [`python`]), builds and
//! starts `ruut-sandbox` on a free port ([`sandbox`]), runs
//!
//! ```text
//! schemathesis --config-file tools/schemathesis.toml run openapi/ruut.yaml \
//!   --url <sandbox> -H "api_access_token: <token>" --checks all -n 30 --seed 1 \
//!   --generation-database none --no-color
//! ```
//!
//! from a scratch directory (so no `.hypothesis/` or `.schemathesis/` lands
//! in the repository), stops the sandbox (also when schemathesis fails), and
//! fails on any failure schemathesis reports. The seed is fixed
//! ([`seeds::SCHEMATHESIS`]) so that a red run can be replayed exactly.
//!
//! A second step, `schemathesis negative` ([`run_negative`], issue 7), sends
//! only invalid input (`--mode negative`): every answer must be a 4xx in a
//! documented shape (the `negative_data_rejection` and schema checks), never a
//! 5xx (`not_a_server_error`), and never a hang: each request has
//! [`REQUEST_TIMEOUT`] seconds, each answer must come within
//! [`MAX_RESPONSE_TIME`] seconds, and the whole run is killed after
//! [`NEGATIVE_RUN_LIMIT`].

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::ci::seeds;
use crate::tools::exec::{self, describe_exit};
use crate::tools::{python, sandbox};
use crate::{Error, SPEC_PATH};

/// The step's name in `cargo xtask ci`.
pub const STEP: &str = "schemathesis";

/// Schemathesis' settings, relative to the workspace root.
pub const CONFIG_PATH: &str = "tools/schemathesis.toml";

/// Examples per operation and phase; the coverage phase adds its own cases.
const MAX_EXAMPLES: &str = "30";

/// The negative-mode step's name in `cargo xtask ci`.
pub const NEGATIVE_STEP: &str = "schemathesis negative";

/// Invalid examples per operation and phase in negative mode.
pub const NEGATIVE_MAX_EXAMPLES: &str = "50";

/// Seconds one request may take before schemathesis reports it as a hang.
pub const REQUEST_TIMEOUT: &str = "10";

/// Seconds an answer may take before schemathesis fails the check.
pub const MAX_RESPONSE_TIME: &str = "5";

/// The longest the whole negative-mode run may take.
pub const NEGATIVE_RUN_LIMIT: Duration = Duration::from_secs(15 * 60);

/// A scratch directory removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs the conformance check; `Ok` carries a one-line note for the summary.
pub fn run(root: &Path) -> Result<String, Error> {
    run_with(
        root,
        STEP,
        &[
            "--checks",
            "all",
            "-n",
            MAX_EXAMPLES,
            "--seed",
            seeds::SCHEMATHESIS,
        ],
        None,
    )
}

/// Runs schemathesis with invalid input only (`--mode negative`) against the
/// sandbox; `Ok` carries a one-line note for the summary.
pub fn run_negative(root: &Path) -> Result<String, Error> {
    run_with(
        root,
        NEGATIVE_STEP,
        &[
            "--mode",
            "negative",
            "--checks",
            "all",
            "-n",
            NEGATIVE_MAX_EXAMPLES,
            "--seed",
            seeds::SCHEMATHESIS,
            "--request-timeout",
            REQUEST_TIMEOUT,
            "--max-response-time",
            MAX_RESPONSE_TIME,
        ],
        Some(NEGATIVE_RUN_LIMIT),
    )
}

/// Runs schemathesis with `args` against a fresh sandbox, within `limit` if
/// given.
fn run_with(
    root: &Path,
    step: &str,
    args: &[&str],
    limit: Option<Duration>,
) -> Result<String, Error> {
    let tools = python::ensure(root)?;
    let scratch = Scratch(std::env::temp_dir().join(format!(
        "ruut-{}-{}",
        step.replace(' ', "-"),
        std::process::id()
    )));
    std::fs::create_dir_all(&scratch.0).map_err(|e| exec::io("create", &scratch.0, e))?;

    // Dropping `sandbox` (at the end of this function, or on any early
    // return) kills the server.
    let sandbox = sandbox::start(step, root)?;
    let spec = root.join(SPEC_PATH);
    let config = root.join(CONFIG_PATH);
    let header = format!("api_access_token: {}", sandbox.token);
    let mut cmd = tools.command("schemathesis");
    cmd.arg("--config-file")
        .arg(&config)
        .arg("run")
        .arg(&spec)
        .args(["--url", &sandbox.base_url, "-H", &header])
        .args(args)
        .args(["--generation-database", "none", "--no-color"]);
    let output = match limit {
        Some(limit) => {
            let log = scratch.0.join("schemathesis");
            exec::capture_with_timeout(step, &scratch.0, &mut cmd, limit, &log)?
        }
        None => exec::capture(step, &scratch.0, &mut cmd)?,
    };
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
            "{} operations tested, {cases} (seed {})",
            tested.unwrap_or("?"),
            seeds::SCHEMATHESIS
        ))
    } else {
        Err(exec::fail(
            step,
            format!(
                "schemathesis {} ({cases}, seed {}); replay a failure with `.tools/venv/bin/st replay <id>`",
                describe_exit(output.status),
                seeds::SCHEMATHESIS
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
