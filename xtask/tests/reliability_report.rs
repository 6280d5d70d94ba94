//! RELIABILITY.md stays in step with the tests it reports on: every row names
//! a case that a test still carries, with the same words, and every case and
//! every case issue 7 asks for has a test and a row.

use xtask::reports::reliability;

#[test]
fn every_row_has_a_test_and_every_case_a_row() {
    let root = xtask::workspace_root();
    let cases = reliability::scan(&root).expect("the Case/Expect annotations parse");
    assert!(cases.len() >= reliability::REQUIRED.len());
    for id in reliability::REQUIRED {
        assert!(
            cases.iter().any(|c| c.id == *id),
            "issue 7 asks for case `{id}`, and no test carries it"
        );
    }
    let path = root.join(reliability::REPORT_PATH);
    let report = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `cargo xtask reliability-report`",
            path.display()
        )
    });
    let problems = reliability::check_report(&report, &cases);
    assert!(
        problems.is_empty(),
        "{} is out of step with the tests; run `cargo xtask reliability-report`:\n{}",
        reliability::REPORT_PATH,
        problems.join("\n")
    );
}
