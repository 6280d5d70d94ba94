//! `generate` and `generate --check` end to end, in a scratch workspace
//! holding the valid fixture as its spec.

use std::path::{Path, PathBuf};

use xtask::codegen::generate::{self, Action, CLI_PATH, COVERAGE_PATH, OPERATIONS_PATH};
use xtask::{Error, GENERATED_PATH, SPEC_PATH};

/// A scratch workspace root under the target directory, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("xtask-{name}"));
        let _ = std::fs::remove_dir_all(&root);
        let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid.yaml");
        for dir in [
            "openapi",
            "crates/ruut-api/src",
            "crates/ruut-sdk/src",
            "crates/ruut-cli/src",
        ] {
            std::fs::create_dir_all(root.join(dir)).expect("create scratch dirs");
        }
        std::fs::copy(spec, root.join(SPEC_PATH)).expect("copy the fixture spec");
        Scratch(root)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn generate_writes_once_then_check_passes() {
    let scratch = Scratch::new("write");
    let root = &scratch.0;

    let missing = generate::run(root, true);
    assert!(
        matches!(missing, Err(Error::Drift { .. })),
        "--check must fail when the file is missing"
    );

    let first = generate::run(root, false).unwrap_or_else(|e| panic!("{e}"));
    let paths: Vec<&str> = first.files.iter().map(|file| file.path).collect();
    assert_eq!(
        paths,
        [GENERATED_PATH, OPERATIONS_PATH, COVERAGE_PATH, CLI_PATH]
    );
    for file in &first.files {
        assert_eq!(file.action, Action::Written, "{}", file.path);
        assert!(root.join(file.path).is_file(), "{}", file.path);
    }
    assert!(first.files[0].lines > 100);
    let text = first.to_string();
    assert!(
        text.starts_with(&format!("generated {GENERATED_PATH} (")),
        "{text}"
    );
    assert!(
        text.contains(&format!("\ngenerated {OPERATIONS_PATH} (")),
        "{text}"
    );

    let second = generate::run(root, false).unwrap_or_else(|e| panic!("{e}"));
    for file in &second.files {
        assert_eq!(
            file.action,
            Action::Unchanged,
            "an unchanged file is not rewritten: {}",
            file.path
        );
    }

    let check = generate::run(root, true).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        check
            .files
            .iter()
            .all(|file| file.action == Action::Checked)
    );
    let text = check.to_string();
    assert!(
        text.starts_with(&format!(
            "{GENERATED_PATH}, {OPERATIONS_PATH}, {COVERAGE_PATH}, {CLI_PATH} match {SPEC_PATH}, checked in "
        )),
        "{text}"
    );
}

#[test]
fn check_reports_drift_as_a_unified_diff() {
    let scratch = Scratch::new("drift");
    let root = &scratch.0;
    generate::run(root, false).unwrap_or_else(|e| panic!("{e}"));

    // Someone edits the generated file by hand.
    let path = root.join(GENERATED_PATH);
    let code = std::fs::read_to_string(&path).expect("read generated file");
    let edited = code.replacen("pub id: i64,", "pub id: i32,", 1);
    assert_ne!(code, edited);
    std::fs::write(&path, &edited).expect("write generated file");

    match generate::run(root, true) {
        Err(e @ Error::Drift { .. }) => insta::assert_snapshot!(e.to_string()),
        other => panic!("expected drift, got {other:?}"),
    }
    // --check wrote nothing.
    assert_eq!(std::fs::read_to_string(&path).expect("read"), edited);
}

#[test]
fn check_names_every_stale_file() {
    let scratch = Scratch::new("drift-both");
    let root = &scratch.0;
    generate::run(root, false).unwrap_or_else(|e| panic!("{e}"));

    // The operation table is lost, and the spec changes one operation's facts.
    std::fs::remove_file(root.join(OPERATIONS_PATH)).expect("remove the table");
    let spec = std::fs::read_to_string(root.join(SPEC_PATH)).expect("read spec");
    let edited = spec.replacen("x-ruut-idempotent: true", "x-ruut-idempotent: false", 1);
    assert_ne!(spec, edited);
    std::fs::write(root.join(SPEC_PATH), edited).expect("write spec");

    match generate::run(root, true) {
        Err(e @ Error::Drift { .. }) => {
            let text = e.to_string();
            assert!(
                text.contains(&format!(
                    "+++ {OPERATIONS_PATH} (generated from {SPEC_PATH})"
                )),
                "{text}"
            );
            assert!(
                text.ends_with(&format!(
                    "{OPERATIONS_PATH} and {COVERAGE_PATH} are out of date with the spec. \
                     Run `cargo xtask generate` and commit the result."
                )),
                "{text}"
            );
        }
        other => panic!("expected drift, got {other:?}"),
    }
    assert!(
        !root.join(OPERATIONS_PATH).exists(),
        "--check wrote nothing"
    );

    // Regenerating rewrites only the tables; the client and the CLI do not change.
    let report = generate::run(root, false).unwrap_or_else(|e| panic!("{e}"));
    let actions: Vec<&Action> = report.files.iter().map(|file| &file.action).collect();
    assert_eq!(
        actions,
        [
            &Action::Unchanged,
            &Action::Written,
            &Action::Written,
            &Action::Unchanged
        ]
    );
}

#[test]
fn a_missing_spec_is_an_error_not_a_panic() {
    let scratch = Scratch::new("missing");
    std::fs::remove_file(scratch.0.join(SPEC_PATH)).expect("remove spec");
    match generate::run(&scratch.0, true) {
        Err(e @ Error::Io { .. }) => {
            let text = e.to_string();
            assert!(text.starts_with("cannot read the spec "), "{text}");
            assert!(
                text.ends_with("openapi/ruut.yaml: No such file or directory (os error 2)"),
                "{text}"
            );
        }
        other => panic!("expected an I/O error, got {other:?}"),
    }
}
