//! Contract check with Prism: the sandbox behind `prism proxy --errors`, and
//! the Rust client (`ruut-api`) driving every operation through the proxy.
//!
//! Prism validates every request the client sends and every response the
//! sandbox returns against `openapi/ruut.yaml`; with `--errors`, a response
//! that breaks the spec becomes a `500 application/problem+json` whose
//! `validation` list says what is wrong, and a bad request a `422`. The
//! driving test (`tests/tests/contract_prism/` in `ruut-tests`) fails on
//! either and prints the list. It is `#[ignore]`d unless this step runs it
//! with `RUUT_CONTRACT_URL` (the proxy) and `RUUT_CONTRACT_TOKEN` set.
//!
//! Prism and the sandbox are killed by pid when the step ends, whether it
//! passed, failed or panicked.

use std::path::Path;
use std::process::Command;

use crate::Error;
use crate::tools::{exec, node, prism, sandbox};

const STEP: &str = "contract: Prism proxy";

/// CI step: the contract test through Prism.
pub fn check(root: &Path) -> Result<String, Error> {
    let tools = node::ensure(root)?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    // Build the test first, so that Prism and the sandbox do not wait for it.
    // `--workspace` reuses the artifacts of `cargo test --workspace`.
    exec::run(
        STEP,
        root,
        Command::new(&cargo).args([
            "test",
            "--quiet",
            "--workspace",
            "--test",
            "contract_prism",
            "--no-run",
        ]),
    )?;
    let sandbox = sandbox::start(STEP, root)?;
    let prism = prism::start(
        STEP,
        root,
        &tools,
        &["proxy", "--errors"],
        Some(&sandbox.base_url),
    )?;
    let (url, version) = (prism.url.clone(), prism.version.clone());
    let output = exec::capture(
        STEP,
        root,
        Command::new(&cargo)
            .args([
                "test",
                "--quiet",
                "--workspace",
                "--test",
                "contract_prism",
                "--",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("RUUT_CONTRACT_URL", &url)
            .env("RUUT_CONTRACT_TOKEN", &sandbox.token),
    );
    drop(prism);
    drop(sandbox);
    let output = output?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprint!("{stdout}{stderr}");
    if !output.status.success() {
        return Err(exec::fail(STEP, failure_summary(&stdout, &stderr)));
    }
    let calls = stdout
        .lines()
        .find(|l| l.starts_with("contract:"))
        .unwrap_or("")
        .trim_start_matches("contract:")
        .trim();
    Ok(format!(
        "prism {version} --errors: {calls}, zero violations"
    ))
}

/// The problems the contract test listed (its panic message), for the step's
/// one-line reason.
fn failure_summary(stdout: &str, stderr: &str) -> String {
    let text = format!("{stdout}\n{stderr}");
    let problems: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.contains("contract problems"))
        .skip(1)
        .take_while(|l| l.starts_with("  - ") || l.starts_with("      "))
        .filter_map(|l| l.strip_prefix("  - "))
        .collect();
    match problems.as_slice() {
        [] => "the contract test failed (see its output above)".to_string(),
        [one] => format!("1 contract problem: {one}"),
        [first, rest @ ..] => format!(
            "{} contract problems (all listed above); first: {first}",
            rest.len() + 1
        ),
    }
}
