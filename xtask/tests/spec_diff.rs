//! `spec-diff` on fixture pairs: `tests/fixtures/spec_diff/base.yaml` is the
//! old spec of every pair, each other `<case>.yaml` a new one, and
//! `<case>.expected` the report it must give. After a deliberate change of
//! wording, rewrite the expected files with `SPEC_DIFF_BLESS=1 cargo test -p
//! xtask --test spec_diff` and review the diff.

use std::path::{Path, PathBuf};
use std::process::Command;

use xtask::publish::spec_diff::{self, Kind};
use xtask::{Error, SPEC_PATH};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spec_diff")
}

fn load(name: &str) -> serde_json::Value {
    let path = fixtures().join(name);
    let text = std::fs::read_to_string(&path).expect("read fixture");
    spec_diff::parse(name, &text).expect("parse fixture")
}

fn report(case: &str) -> spec_diff::Report {
    spec_diff::compare(&load("base.yaml"), &load(&format!("{case}.yaml")))
}

#[test]
fn every_fixture_gives_its_expected_report() {
    let bless = std::env::var_os("SPEC_DIFF_BLESS").is_some();
    let mut cases: Vec<String> = std::fs::read_dir(fixtures())
        .expect("list fixtures")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix(".yaml").map(str::to_string))
        .filter(|name| name != "base")
        .collect();
    cases.sort();
    assert!(cases.len() >= 8, "fixtures missing: {cases:?}");
    let mut failures = Vec::new();
    for case in &cases {
        let actual = report(case).to_string();
        let expected_path = fixtures().join(format!("{case}.expected"));
        if bless {
            std::fs::write(&expected_path, &actual).expect("write expected");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!(
                "--- {case}: expected\n{expected}--- {case}: actual\n{actual}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn layout_wording_and_nullable_spelling_are_not_changes() {
    for case in ["unchanged_but_reworded", "nullable_as_oneof"] {
        let report = report(case);
        assert!(
            report.breaking.is_empty() && report.additive.is_empty(),
            "{case}: {report}"
        );
    }
}

#[test]
fn a_removed_operation_is_breaking_and_named() {
    let report = report("removed_operation");
    assert_eq!(report.breaking.len(), 1, "{report}");
    assert_eq!(
        report.breaking[0].message,
        "removed operation `getConversation` (GET /accounts/{account_id}/conversations/{conversation_id})"
    );
}

#[test]
fn additive_changes_are_not_breaking() {
    let report = report("additive_only");
    assert!(report.breaking.is_empty(), "{report}");
    assert!(report.additive.len() >= 5, "{report}");
    assert!(report.additive.iter().all(|c| c.kind == Kind::Additive));
}

#[test]
fn an_enum_shared_by_request_and_response_is_judged_per_direction() {
    let report = report("request_changes");
    let lost = "schema `Status`: enum lost snoozed";
    assert!(
        report
            .breaking
            .iter()
            .any(|c| c.message == lost && c.operations == ["changeStatus"]),
        "{report}"
    );
    assert!(
        report.additive.iter().any(|c| c.message == lost),
        "{report}"
    );
}

/// A scratch git repository holding `base.yaml` as the committed spec.
struct Repo(PathBuf);

impl Repo {
    fn new(name: &str) -> Repo {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("spec-diff-{name}"));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("openapi")).expect("create repo");
        std::fs::copy(fixtures().join("base.yaml"), root.join(SPEC_PATH)).expect("copy");
        let git = |args: &[&str]| {
            let status = Command::new("git")
                .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
                .args(args)
                .current_dir(&root)
                .output()
                .expect("run git");
            assert!(status.status.success(), "git {args:?}: {status:?}");
        };
        git(&["init", "-q"]);
        git(&["add", SPEC_PATH]);
        git(&["commit", "-q", "-m", "base"]);
        Repo(root)
    }

    fn change_to(&self, case: &str) {
        std::fs::copy(
            fixtures().join(format!("{case}.yaml")),
            self.0.join(SPEC_PATH),
        )
        .expect("copy");
    }
}

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_command_fails_on_breaking_changes_only() {
    let repo = Repo::new("cmd");
    repo.change_to("additive_only");
    let report = spec_diff::run(&repo.0, "HEAD").expect("additive changes pass");
    assert!(!report.additive.is_empty());

    repo.change_to("removed_operation");
    match spec_diff::run(&repo.0, "HEAD") {
        Err(Error::CiStep { step, detail }) => {
            assert_eq!(step, "spec-diff");
            assert!(detail.starts_with("1 breaking change in"), "{detail}");
        }
        other => panic!("expected a failure, got {other:?}"),
    }

    match spec_diff::run(&repo.0, "no-such-rev") {
        Err(Error::CiStep { detail, .. }) => {
            assert!(
                detail.contains("cannot read openapi/ruut.yaml at `no-such-rev`"),
                "{detail}"
            )
        }
        other => panic!("expected a failure, got {other:?}"),
    }
}
