//! `ruut contacts update` and `ruut contacts merge`.

use std::process::Stdio;

use crate::support::Env;

#[test]
fn update_changes_only_what_is_given() {
    let env = Env::start();
    let before = env.json(&["contacts", "show", "5"]);
    let updated = env.json(&[
        "contacts",
        "update",
        "5",
        "--name",
        "Grace Hopper",
        "--email",
        "grace@example.com",
    ]);
    assert_eq!(updated["name"], "Grace Hopper");
    assert_eq!(updated["email"], "grace@example.com");
    assert_eq!(updated["phone_number"], before["phone_number"], "kept");
    let shown = env.json(&["contacts", "show", "5"]);
    assert_eq!(shown["name"], "Grace Hopper");
    insta::assert_snapshot!(
        "update_table",
        env.ok(&[
            "contacts",
            "update",
            "5",
            "--identifier",
            "crm-grace",
            "-o",
            "table"
        ])
    );
    // Nothing to change: a usage error, and no request.
    assert_eq!(env.run(&["contacts", "update", "5"]).code, 2);
    // Another contact's email: refused by the server (exit 8).
    let other = env.json(&["contacts", "show", "6"]);
    let taken = other["email"].as_str().expect("an email");
    let refused = env.run(&["contacts", "update", "5", "--email", taken]);
    assert_eq!(refused.code, 8, "{}", refused.stderr);
}

#[test]
fn merge_with_yes_deletes_the_mergees() {
    let env = Env::start();
    let merged = env.json(&["contacts", "merge", "7", "8", "9", "--yes"]);
    assert_eq!(merged["id"], 7);
    for gone in ["8", "9"] {
        let run = env.run(&["contacts", "show", gone]);
        assert_eq!(run.code, 4, "contact {gone} is deleted: {}", run.stderr);
    }
    assert_eq!(env.json(&["contacts", "show", "7"])["id"], 7);
    // Bad requests change nothing.
    assert_eq!(env.run(&["contacts", "merge", "7", "7", "--yes"]).code, 2);
    assert_eq!(
        env.run(&["contacts", "merge", "7", "10", "10", "--yes"])
            .code,
        2
    );
    let unknown = env.run(&["contacts", "merge", "7", "10", "999999", "--yes"]);
    assert_eq!(unknown.code, 4, "{}", unknown.stderr);
    assert_eq!(
        env.run(&["contacts", "show", "10"]).code,
        0,
        "looked up first"
    );
}

#[test]
fn merge_without_a_terminal_needs_yes() {
    let env = Env::start();
    let run = env.run(&["contacts", "merge", "7", "8"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--yes"), "{}", run.stderr);
    assert_eq!(env.run(&["contacts", "show", "8"]).code, 0, "not merged");
}

#[cfg(unix)]
#[test]
fn merge_asks_on_a_terminal() {
    let env = Env::start();
    for (answer, merged) in [("n", false), ("y", true)] {
        let mut command = env.command(&["contacts", "merge", "11", "12", "-o", "json"]);
        command.stdin(Stdio::inherit());
        let mut session = rexpect::session::spawn_command(command, Some(30_000)).expect("a pty");
        session
            .exp_string("then DELETED")
            .expect("the prompt names the mergee");
        session.exp_string("Merge? [y/N] ").expect("the question");
        session.send_line(answer).expect("typing");
        let rest = session.exp_eof().expect("the merge ends");
        let shown = env.run(&["contacts", "show", "12"]);
        assert_eq!(shown.code == 4, merged, "answer {answer}: {rest}");
        if !merged {
            assert!(rest.contains("nothing changed"), "{rest}");
        }
    }
}
