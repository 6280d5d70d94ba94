//! Running the tests the cases sit on, one `cargo test` per test target,
//! and reading libtest's verdict on each.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::Error;
use crate::ci::seeds;
use crate::reports::reliability::cases::Case;
use crate::tools::exec;

/// How to run the tests of one file, and what libtest calls them.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Target {
    package: &'static str,
    /// `["--test", "reliability_faults"]` or `["--lib", "error::retry_after::proptests"]`.
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

/// What the runs said about each case's test.
pub struct Outcomes {
    by_test: BTreeMap<(String, String), Outcome>,
    /// Where the tests recorded what they measured, `<case id>.txt`.
    out_dir: PathBuf,
}

impl Outcomes {
    fn of(&self, case: &Case) -> Option<&Outcome> {
        self.by_test.get(&(case.file.clone(), case.test.clone()))
    }

    /// Whether the case's test ran and passed.
    pub fn passed(&self, case: &Case) -> bool {
        matches!(self.of(case), Some(Outcome::Passed))
    }

    /// The report's outcome cell: passed (with what the test recorded),
    /// failed, or not run and why.
    pub fn describe(&self, case: &Case) -> String {
        let detail = std::fs::read_to_string(self.out_dir.join(format!("{}.txt", case.id)))
            .ok()
            .map(|d| d.trim().to_owned())
            .filter(|d| !d.is_empty());
        match self.of(case) {
            Some(Outcome::Passed) => match detail {
                Some(detail) => format!("passed: {detail}"),
                None => "passed".to_owned(),
            },
            Some(Outcome::Failed) => "**FAILED**".to_owned(),
            Some(Outcome::NotRun(why)) => format!("**not run**: {why}"),
            None => "**not run**".to_owned(),
        }
    }
}

/// Runs the tests of every case, with `RUUT_RELIABILITY_OUT=out_dir` (an
/// empty directory) for the tests to record what they measured.
pub fn run_tests(root: &Path, cases: &[Case], out_dir: &Path) -> Result<Outcomes, Error> {
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
    Ok(Outcomes {
        by_test: outcomes,
        out_dir: out_dir.to_path_buf(),
    })
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

#[cfg(test)]
mod tests {
    use super::*;

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
        let t = target("crates/ruut-sdk/src/error/retry_after/proptests.rs").unwrap();
        assert_eq!(t.args, ["--lib", "error::retry_after::proptests"]);
        assert_eq!(t.prefix, "error::retry_after::proptests::");
    }
}
