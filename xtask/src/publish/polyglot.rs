//! Proof that other languages can use the spec, as two CI steps:
//!
//! - TypeScript: openapi-typescript generates `target/polyglot/ruut.d.ts`,
//!   and `tsc --strict --noEmit` type-checks `tests/polyglot/usage.ts`
//!   against it (its `@ts-expect-error` lines make sure invalid statuses are
//!   rejected, so loose types fail the check too);
//! - Python: openapi-python-client generates a client package into
//!   `target/polyglot/python/ruut_client`, and `tests/polyglot/use_client.py`
//!   uses it against a running sandbox.

use std::path::Path;
use std::time::Duration;

use crate::tools::exec::{self, fail, io};
use crate::tools::{node, python, sandbox};
use crate::{Error, SPEC_PATH};

/// Where generated code goes, relative to the workspace root.
pub const OUT_DIR: &str = "target/polyglot";

/// CI step: TypeScript types and a strict type check.
pub fn typescript(root: &Path) -> Result<String, Error> {
    const STEP: &str = "polyglot: TypeScript";
    let tools = node::ensure(root)?;
    let out = root.join(OUT_DIR);
    std::fs::create_dir_all(&out).map_err(|e| io("create", &out, e))?;
    let types = format!("{OUT_DIR}/ruut.d.ts");
    exec::run(
        STEP,
        root,
        tools
            .command("openapi-typescript")
            .args([SPEC_PATH, "--output", &types]),
    )?;
    // `tsc --version` prints "Version 5.9.3".
    let tsc = exec::version(root, &tools.path("tsc"), &["--version"]).replace("Version", "tsc");
    exec::run(
        STEP,
        root,
        tools.command("tsc").args([
            "--strict",
            "--noEmit",
            "--project",
            "tests/polyglot/tsconfig.json",
        ]),
    )?;
    Ok(format!(
        "openapi-typescript wrote {types}; {tsc} --strict --noEmit accepts tests/polyglot/usage.ts"
    ))
}

/// CI step: a generated Python client against the sandbox.
pub fn python(root: &Path) -> Result<String, Error> {
    const STEP: &str = "polyglot: Python";
    let tools = python::ensure(root)?;
    let parent = root.join(OUT_DIR).join("python");
    let package = parent.join("ruut_client");
    if package.exists() {
        std::fs::remove_dir_all(&package).map_err(|e| io("remove", &package, e))?;
    }
    std::fs::create_dir_all(&parent).map_err(|e| io("create", &parent, e))?;
    let output = exec::capture(
        STEP,
        root,
        tools.command("openapi-python-client").args([
            "generate",
            "--path",
            SPEC_PATH,
            "--meta",
            "none",
            "--output-path",
            &format!("{OUT_DIR}/python/ruut_client"),
        ]),
    )?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    eprint!("{text}");
    if !output.status.success() {
        return Err(fail(
            STEP,
            format!(
                "openapi-python-client {}",
                exec::describe_exit(output.status)
            ),
        ));
    }
    // It exits 0 even when it skipped parts of the spec or could not run ruff.
    if let Some(line) = text
        .lines()
        .find(|l| l.contains("Warning") || l.contains("Error") || l.contains("Unable to"))
    {
        return Err(fail(
            STEP,
            format!("openapi-python-client reported a problem: {}", line.trim()),
        ));
    }
    if !package.join("client.py").exists() {
        return Err(fail(
            STEP,
            format!(
                "openapi-python-client wrote no {}/client.py",
                package.display()
            ),
        ));
    }

    let sandbox = sandbox::start(STEP, root)?;
    let mut cmd = tools.command("python");
    cmd.arg("tests/polyglot/use_client.py")
        .env("RUUT_BASE_URL", &sandbox.base_url)
        .env("RUUT_TOKEN", &sandbox.token)
        .env("PYTHONPATH", parent.as_os_str());
    let output = exec::capture_with_timeout(
        STEP,
        root,
        &mut cmd,
        Duration::from_secs(120),
        &root.join(OUT_DIR).join("python/use_client"),
    )?;
    eprint!("{}", String::from_utf8_lossy(&output.stdout));
    eprint!("{}", String::from_utf8_lossy(&output.stderr));
    drop(sandbox);
    if !output.status.success() {
        let last = String::from_utf8_lossy(&output.stderr)
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_string();
        return Err(fail(
            STEP,
            format!(
                "tests/polyglot/use_client.py {}: {last}",
                exec::describe_exit(output.status)
            ),
        ));
    }
    let summary = String::from_utf8_lossy(&output.stdout)
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string();
    Ok(format!(
        "openapi-python-client wrote {OUT_DIR}/python/ruut_client; use_client.py: {summary}"
    ))
}
