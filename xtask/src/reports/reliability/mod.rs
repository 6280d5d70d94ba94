//! `cargo xtask reliability-report`: RELIABILITY.md, from the reliability
//! tests themselves.
//!
//! Every case is a test carrying two doc lines right above its `fn`:
//!
//! ```text
//! /// Case fault.hang: The sandbox reads the request and never answers.
//! /// Expect: `Timeout` after 3 attempts, within attempts x timeout + backoff.
//! #[tokio::test]
//! async fn a_hanging_answer_times_out() { ... }
//! ```
//!
//! [`scan`] reads those lines from the files in [`SOURCES`]; the command runs
//! the tests they sit on (with `RUUT_RELIABILITY_OUT` set, so that each test
//! can record what it measured: `reliability_support::record` in
//! `tests/tests`), runs the Schemathesis negative-mode step, adds the last
//! `cargo xtask load` report if there is one, and writes the table. There is
//! no list of cases to keep in step with the tests: the annotations are the
//! list. `xtask/tests/reliability_report.rs` fails when a row of RELIABILITY.md
//! names a test or a case that no longer exists, when an annotated case is
//! missing from it, or when a case the issue asks for has no test.

use std::path::Path;

use crate::ci::schemathesis;
use crate::tools::exec;
use crate::{Error, target_dir};

pub mod cases;
pub mod load;
pub mod outcomes;
pub mod render;

pub use cases::{Case, SOURCES, parse, scan, source_files};
pub use render::{Extras, check_report, render};

/// The report, relative to the workspace root.
pub const REPORT_PATH: &str = "RELIABILITY.md";

/// The cases issue 7 asks for, by id: each must have a test.
pub const REQUIRED: &[&str] = &[
    "fault.connection-refused",
    "fault.dropped-connection",
    "fault.truncated-body",
    "fault.silent-server",
    "fault.hang",
    "fault.stalled-body",
    "fault.malformed-json",
    "fault.wrong-shape",
    "fault.html-502",
    "fault.429-plain",
    "fault.429-retry-after",
    "fault.503-burst",
    "fault.huge-body",
    "fault.unknown-status",
    "sec.redirect-cross-host",
    "retry.idempotent-transient",
    "retry.attempts-reported",
    "retry.create-message-dropped",
    "prop.classify-arbitrary",
    "prop.classify-roundtrip",
    "prop.status-roundtrip",
    "prop.retry-after",
    "prop.webhook-timestamps",
    "prop.snooze-time-roundtrip",
    "prop.base-url-arbitrary",
    "prop.base-url-roundtrip",
    "sec.debug-no-token",
    "sec.trace-no-token",
    "sec.crlf-token",
    "sec.plain-http",
    "load.status-changes-short",
];

/// The command: scan, run, write RELIABILITY.md. Fails if a case failed.
pub fn run(root: &Path) -> Result<String, Error> {
    let cases = scan(root)?;
    if let Some(missing) = REQUIRED
        .iter()
        .find(|id| !cases.iter().any(|c| c.id == **id))
    {
        return Err(exec::fail(
            "reliability",
            format!("the required case `{missing}` has no test"),
        ));
    }
    let out_dir = target_dir(root).join("reliability/outcomes");
    let _ = std::fs::remove_dir_all(&out_dir);
    std::fs::create_dir_all(&out_dir).map_err(|e| exec::io("create", &out_dir, e))?;
    let outcomes = outcomes::run_tests(root, &cases, &out_dir)?;

    eprintln!("running the Schemathesis negative-mode step");
    let schemathesis = schemathesis::run_negative(root).map_err(|e| match e {
        Error::CiStep { detail, .. } => detail,
        other => other.to_string(),
    });
    let load_path = target_dir(root).join(load::REPORT);
    let load = std::fs::read_to_string(&load_path).ok();

    let extras = Extras { schemathesis, load };
    let text = render(&cases, &|case| outcomes.describe(case), &extras);
    let path = root.join(REPORT_PATH);
    std::fs::write(&path, &text).map_err(|e| exec::io("write", &path, e))?;

    let failed: Vec<String> = cases
        .iter()
        .filter(|c| !outcomes.passed(c))
        .map(|c| c.id.clone())
        .collect();
    let passed = cases.len() - failed.len();
    if !failed.is_empty() || extras.schemathesis.is_err() {
        return Err(exec::fail(
            "reliability",
            format!(
                "wrote {REPORT_PATH}: {passed} of {} cases passed; not passed: {}{}",
                cases.len(),
                failed.join(", "),
                if extras.schemathesis.is_err() {
                    "; the Schemathesis negative-mode run failed"
                } else {
                    ""
                }
            ),
        ));
    }
    Ok(format!(
        "wrote {REPORT_PATH}: {passed} of {} cases passed; schemathesis negative mode passed",
        cases.len()
    ))
}
