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

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::ci::{schemathesis, seeds};
use crate::tools::exec;
use crate::{Error, target_dir};

pub mod load;

/// The report, relative to the workspace root.
pub const REPORT_PATH: &str = "RELIABILITY.md";

/// Where the annotated tests live: (directory, file-name prefix), relative to
/// the workspace root; plus single files.
pub const SOURCES: &[(&str, &str)] = &[
    ("tests/tests", "reliability_"),
    ("crates/ruut-sdk/tests", "proptest_"),
    ("crates/ruut-sdk/src/retry", "proptests"),
];

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

/// The sections of the report: id prefix, title, what the section is about.
const SECTIONS: &[(&str, &str, &str)] = &[
    (
        "fault",
        "The SDK under faults",
        "Against the sandbox's fault injection or a tiny misbehaving TCP server. Every call \
         runs under a 60 s hang guard, with a 0.7 s request timeout and 3 attempts, and must end \
         in the asserted kind within attempts x timeout + backoff + 10 s.",
    ),
    (
        "retry",
        "Retries",
        "Idempotent calls ride out transient faults; calls that create something are sent once.",
    ),
    (
        "sec",
        "The token",
        "Never printed, never traced, never sent anywhere but the configured server. \
         (`tests/tests/sdk_redaction.rs` checks `Debug` and tracing of ordinary calls too.)",
    ),
    (
        "prop",
        "Hostile and random input: property tests",
        "proptest over every parser the SDK owns: arbitrary input never panics, valid input \
         round-trips.",
    ),
    (
        "load",
        "Under load",
        "Loopback only, bounded in count and time.",
    ),
];

/// One case: a test and what it checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// `fault.hang`: the section, a dot, a name.
    pub id: String,
    /// What the test does to the SDK.
    pub what: String,
    /// What must happen.
    pub expect: String,
    /// The file, relative to the workspace root, with `/` separators.
    pub file: String,
    /// The test function's name.
    pub test: String,
}

impl Case {
    /// The section the case belongs to: its id up to the first dot.
    pub fn section(&self) -> &str {
        self.id.split('.').next().unwrap_or("")
    }

    /// The report's row for this case, up to the outcome cell.
    pub fn row_head(&self) -> String {
        format!(
            "| `{}` | {} | {} | ",
            self.id,
            cell(&self.what),
            cell(&self.expect)
        )
    }

    /// The report's row for this case, from after the outcome cell.
    pub fn row_tail(&self) -> String {
        format!(" | `{}::{}` |", self.file, self.test)
    }
}

/// Text fit for a table cell: pipes escaped.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// Reads the cases of one file's text; `file` names it in errors and cases.
pub fn parse(file: &str, text: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    let mut pending: Vec<(String, String, Option<String>)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let at = || format!("{file}:{}", number + 1);
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("/// Case ") {
            let (id, what) = rest
                .split_once(": ")
                .ok_or_else(|| format!("{}: expected `/// Case <id>: <what>`", at()))?;
            let valid = id.contains('.')
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
            if !valid {
                return Err(format!(
                    "{}: case id `{id}` is not `<section>.<name>` in lowercase",
                    at()
                ));
            }
            if let Some((id, _, None)) = pending.last() {
                return Err(format!("{}: case `{id}` has no `/// Expect:` line", at()));
            }
            pending.push((id.to_owned(), what.trim().to_owned(), None));
        } else if let Some(expect) = trimmed.strip_prefix("/// Expect: ") {
            match pending.last_mut() {
                Some((_, _, slot @ None)) => *slot = Some(expect.trim().to_owned()),
                _ => {
                    return Err(format!(
                        "{}: `/// Expect:` without a `/// Case` line above it",
                        at()
                    ));
                }
            }
        } else if let Some(name) = fn_name(trimmed) {
            for (id, what, expect) in pending.drain(..) {
                let expect =
                    expect.ok_or_else(|| format!("{}: case `{id}` has no `/// Expect:`", at()))?;
                cases.push(Case {
                    id,
                    what,
                    expect,
                    file: file.to_owned(),
                    test: name.to_owned(),
                });
            }
        }
    }
    match pending.first() {
        Some((id, ..)) => Err(format!("{file}: case `{id}` is not followed by a test fn")),
        None => Ok(cases),
    }
}

/// The name of the function a line declares, if it declares one.
fn fn_name(line: &str) -> Option<&str> {
    let mut rest = line;
    for prefix in ["pub ", "async ", "fn "] {
        if let Some(after) = rest.strip_prefix(prefix) {
            rest = after;
            if prefix == "fn " {
                let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
                return Some(&rest[..end]).filter(|n| !n.is_empty());
            }
        }
    }
    None
}

/// Every case of every file in [`SOURCES`], by file then line.
pub fn scan(root: &Path) -> Result<Vec<Case>, Error> {
    let mut cases = Vec::new();
    for file in source_files(root)? {
        let path = root.join(&file);
        let text = std::fs::read_to_string(&path).map_err(|e| exec::io("read", &path, e))?;
        cases.extend(parse(&file, &text).map_err(|e| exec::fail("reliability", e))?);
    }
    let mut seen = BTreeMap::new();
    for case in &cases {
        if let Some(other) = seen.insert(case.id.clone(), case) {
            return Err(exec::fail(
                "reliability",
                format!(
                    "case `{}` is claimed by {}::{} and {}::{}",
                    case.id, other.file, other.test, case.file, case.test
                ),
            ));
        }
    }
    Ok(cases)
}

/// The files of [`SOURCES`], relative to the root, sorted.
pub fn source_files(root: &Path) -> Result<Vec<String>, Error> {
    let mut files = Vec::new();
    for (dir, prefix) in SOURCES {
        let path = root.join(dir);
        let entries = std::fs::read_dir(&path).map_err(|e| exec::io("list", &path, e))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(prefix) && name.ends_with(".rs") {
                files.push(format!("{dir}/{name}"));
            }
        }
    }
    files.sort();
    Ok(files)
}

/// How to run the tests of one file, and what libtest calls them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Target {
    package: &'static str,
    /// `["--test", "reliability_faults"]` or `["--lib", "retry::proptests"]`.
    args: Vec<String>,
    /// What libtest puts before the function's name.
    prefix: String,
}

fn target(file: &str) -> Option<Target> {
    let stem = Path::new(file).file_stem()?.to_str()?.to_owned();
    if let Some(rest) = file.strip_prefix("crates/ruut-sdk/src/") {
        let module = rest.trim_end_matches(".rs").replace('/', "::");
        return Some(Target {
            package: "ruut-sdk",
            args: vec!["--lib".into(), module.clone()],
            prefix: format!("{module}::"),
        });
    }
    let package = match file {
        f if f.starts_with("tests/tests/") => "ruut-tests",
        f if f.starts_with("crates/ruut-sdk/tests/") => "ruut-sdk",
        _ => return None,
    };
    Some(Target {
        package,
        args: vec!["--test".into(), stem],
        prefix: String::new(),
    })
}

/// How a test ended.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    Passed,
    Failed,
    NotRun(String),
}

/// Runs every target's tests; returns each test's outcome by (file, test).
fn run_tests(
    root: &Path,
    cases: &[Case],
    out_dir: &Path,
) -> Result<BTreeMap<(String, String), Outcome>, Error> {
    let mut by_target: BTreeMap<Target, Vec<&Case>> = BTreeMap::new();
    for case in cases {
        match target(&case.file) {
            Some(t) => by_target.entry(t).or_default().push(case),
            None => {
                return Err(exec::fail(
                    "reliability",
                    format!("no rule says how to run the tests of {}", case.file),
                ));
            }
        }
    }
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut outcomes = BTreeMap::new();
    for (target, cases) in by_target {
        let mut cmd = Command::new(&cargo);
        cmd.args(["test", "-p", target.package])
            .args(&target.args)
            .env("RUUT_RELIABILITY_OUT", out_dir);
        // The same property-test seeds as `cargo xtask ci`.
        for change in seeds::proptest() {
            eprintln!("with {}", change.apply(&mut cmd));
        }
        let output = exec::capture("reliability", root, &mut cmd)?;
        let stdout = String::from_utf8_lossy(&output.stdout);
        let results = libtest_results(&stdout);
        for case in cases {
            let name = format!("{}{}", target.prefix, case.test);
            let outcome = match results.get(name.as_str()) {
                Some(true) => Outcome::Passed,
                Some(false) => Outcome::Failed,
                None if output.status.success() => {
                    Outcome::NotRun("the test run did not list it".into())
                }
                None => Outcome::NotRun(format!(
                    "the test binary did not run ({}); see `cargo test -p {} {}`",
                    exec::describe_exit(output.status),
                    target.package,
                    target.args.join(" ")
                )),
            };
            outcomes.insert((case.file.clone(), case.test.clone()), outcome);
        }
    }
    Ok(outcomes)
}

/// `test name ... ok` / `... FAILED` lines of libtest's output: name → passed.
pub fn libtest_results(stdout: &str) -> BTreeMap<&str, bool> {
    stdout
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("test ")?;
            let (name, result) = rest.rsplit_once(" ... ")?;
            match result.trim() {
                "ok" => Some((name.trim(), true)),
                "FAILED" => Some((name.trim(), false)),
                _ => None,
            }
        })
        .collect()
}

/// What the report says about the runs that are not tests.
pub struct Extras {
    /// The Schemathesis negative-mode step's note, or why it failed.
    pub schemathesis: Result<String, String>,
    /// The last `cargo xtask load` report, if there is one.
    pub load: Option<String>,
}

/// The report's text.
pub fn render(cases: &[Case], outcomes: &dyn Fn(&Case) -> String, extras: &Extras) -> String {
    let mut out = String::new();
    out.push_str(
        "# Reliability\n\n\
         How ruut-rs fails: every fault, hostile input and load case that is tested, what must \
         happen, what happened in the last run, and the test that checks it.\n\n\
         Generated by `cargo xtask reliability-report`, which runs the tests: do not edit by \
         hand. The cases are the `/// Case` and `/// Expect` lines on the tests themselves \
         (`xtask/src/reliability.rs` says where); `cargo test -p xtask --test \
         reliability_report` fails when a row here names a case or test that no longer \
         exists, or when a case is missing. Everything below runs in `cargo xtask ci` except \
         the long load run, `cargo xtask load`.\n",
    );
    for (section, title, about) in SECTIONS {
        let rows: Vec<&Case> = cases.iter().filter(|c| c.section() == *section).collect();
        let _ = write!(out, "\n## {title}\n\n{about}\n\n");
        if !rows.is_empty() {
            out.push_str("| case | what | expected | outcome | test |\n");
            out.push_str("| --- | --- | --- | --- | --- |\n");
            for case in rows {
                let _ = writeln!(
                    out,
                    "{}{}{}",
                    case.row_head(),
                    cell(&outcomes(case)),
                    case.row_tail()
                );
            }
        }
        if *section == "prop" {
            let _ = write!(
                out,
                "\n## Hostile input: Schemathesis in negative mode\n\n\
                 `cargo xtask ci` step `{}` (`xtask/src/schemathesis.rs`): schemathesis sends \
                 only invalid input to every operation of the sandbox (`--mode negative`, {} \
                 examples per operation and phase, seed {}, all checks): every answer must be a \
                 4xx in a documented shape, never a 5xx, each within {} s (`--max-response-time`; \
                 `--request-timeout {}`), the whole run within {} min.\n\n{}\n",
                schemathesis::NEGATIVE_STEP,
                schemathesis::NEGATIVE_MAX_EXAMPLES,
                seeds::SCHEMATHESIS,
                schemathesis::MAX_RESPONSE_TIME,
                schemathesis::REQUEST_TIMEOUT,
                schemathesis::NEGATIVE_RUN_LIMIT.as_secs() / 60,
                match &extras.schemathesis {
                    Ok(note) => format!("Last run: passed: {note}."),
                    Err(why) => format!("Last run: **FAILED**: {why}"),
                },
            );
        }
    }
    out.push_str("\n### The long run: `cargo xtask load`\n\n");
    match &extras.load {
        Some(report) => out.push_str(report.trim_end()),
        None => out.push_str(
            "Not run on the machine that generated this report. `cargo xtask load` runs 64 SDK \
             tasks for 10 s against the sandbox with 1% injected 503s, then the sandbox alone \
             under wrk for 30 s, and writes its report where this command finds it.",
        ),
    }
    out.push('\n');
    out
}

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
    let outcomes = run_tests(root, &cases, &out_dir)?;

    eprintln!("running the Schemathesis negative-mode step");
    let schemathesis = schemathesis::run_negative(root).map_err(|e| match e {
        Error::CiStep { detail, .. } => detail,
        other => other.to_string(),
    });
    let load_path = target_dir(root).join(load::REPORT);
    let load = std::fs::read_to_string(&load_path).ok();

    let describe = |case: &Case| -> String {
        let detail = std::fs::read_to_string(out_dir.join(format!("{}.txt", case.id)))
            .ok()
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty());
        match outcomes.get(&(case.file.clone(), case.test.clone())) {
            Some(Outcome::Passed) => match detail {
                Some(detail) => format!("passed: {detail}"),
                None => "passed".to_owned(),
            },
            Some(Outcome::Failed) => "**FAILED**".to_owned(),
            Some(Outcome::NotRun(why)) => format!("**not run**: {why}"),
            None => "**not run**".to_owned(),
        }
    };
    let extras = Extras { schemathesis, load };
    let text = render(&cases, &describe, &extras);
    let path: PathBuf = root.join(REPORT_PATH);
    std::fs::write(&path, &text).map_err(|e| exec::io("write", &path, e))?;

    let failed: Vec<String> = cases
        .iter()
        .filter(|c| {
            !matches!(
                outcomes.get(&(c.file.clone(), c.test.clone())),
                Some(Outcome::Passed)
            )
        })
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

/// Checks RELIABILITY.md's rows against the annotated tests: every row names
/// a case that exists with the same text on the same test, and every case
/// has a row. Returns the problems found.
pub fn check_report(report: &str, cases: &[Case]) -> Vec<String> {
    let mut problems = Vec::new();
    let rows: Vec<&str> = report
        .lines()
        .filter(|line| line.starts_with("| `"))
        .collect();
    for row in &rows {
        let matching = cases
            .iter()
            .any(|c| row.starts_with(&c.row_head()) && row.ends_with(&c.row_tail()));
        if !matching {
            let id = row.split('`').nth(1).unwrap_or("?");
            let why = match cases.iter().find(|c| c.id == id) {
                Some(case) => format!(
                    "its text or test differ from the annotations on {}::{}",
                    case.file, case.test
                ),
                None => "no test carries this case".to_owned(),
            };
            problems.push(format!("row `{id}`: {why}"));
        }
    }
    for case in cases {
        let listed = rows
            .iter()
            .any(|row| row.starts_with(&case.row_head()) && row.ends_with(&case.row_tail()));
        if !listed {
            problems.push(format!(
                "case `{}` ({}::{}) has no row",
                case.id, case.file, case.test
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_attach_to_the_next_fn() {
        let text = "\
/// Case a.one: First.
/// Expect: `Timeout`.
/// Case a.two: Second | piped.
/// Expect: ok.
#[tokio::test(flavor = \"current_thread\")]
async fn both() {}

/// Plain docs.
fn helper() {}
";
        let cases = parse("f.rs", text).unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].test, "both");
        assert_eq!(cases[1].id, "a.two");
        assert_eq!(
            cases[1].row_head(),
            "| `a.two` | Second \\| piped. | ok. | "
        );
        assert_eq!(cases[1].row_tail(), " | `f.rs::both` |");
    }

    #[test]
    fn broken_annotations_are_errors() {
        assert!(parse("f.rs", "/// Case a.b: x\nfn t() {}").is_err());
        assert!(parse("f.rs", "/// Expect: y\nfn t() {}").is_err());
        assert!(parse("f.rs", "/// Case a.b: x\n/// Expect: y\n").is_err());
        assert!(parse("f.rs", "/// Case Nope: x\n/// Expect: y\nfn t() {}").is_err());
    }

    #[test]
    fn libtest_lines_are_read() {
        let out = "running 2 tests\ntest a::b ... ok\ntest c ... FAILED\ntest d ... ignored\n";
        let results = libtest_results(out);
        assert_eq!(results.get("a::b"), Some(&true));
        assert_eq!(results.get("c"), Some(&false));
        assert_eq!(results.get("d"), None);
    }

    #[test]
    fn targets_follow_the_file() {
        let t = target("tests/tests/reliability_faults.rs").unwrap();
        assert_eq!(t.package, "ruut-tests");
        assert_eq!(t.args, ["--test", "reliability_faults"]);
        let t = target("crates/ruut-sdk/src/retry/proptests.rs").unwrap();
        assert_eq!(t.args, ["--lib", "retry::proptests"]);
        assert_eq!(t.prefix, "retry::proptests::");
    }

    #[test]
    fn the_check_finds_stale_and_missing_rows() {
        let case = Case {
            id: "a.b".into(),
            what: "x".into(),
            expect: "y".into(),
            file: "f.rs".into(),
            test: "t".into(),
        };
        let good = format!("{}passed{}\n", case.row_head(), case.row_tail());
        assert!(check_report(&good, std::slice::from_ref(&case)).is_empty());
        let stale =
            "| `a.b` | x | old | passed | `f.rs::t` |\n| `gone.case` | z | z | ok | `f.rs::u` |\n";
        let problems = check_report(stale, std::slice::from_ref(&case));
        assert_eq!(problems.len(), 3, "{problems:?}");
    }
}
