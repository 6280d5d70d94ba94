//! `ruut conversation <id>` labels, unassign, files, typing, mute and read state.

use serde_json::Value;

use crate::support::{Env, TOKEN};

fn labels(value: &Value) -> Vec<&str> {
    value["labels"]
        .as_array()
        .expect("labels")
        .iter()
        .map(|l| l.as_str().expect("a label"))
        .collect()
}

#[test]
fn labels_add_remove_and_set() {
    let env = Env::start();
    let before = env.json(&["conversation", "2", "labels"]);
    let mut expected = labels(&before)
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    let added = env.json(&["conversation", "2", "label", "add", "vip", "follow-up"]);
    expected.extend(["vip".to_owned(), "follow-up".to_owned()]);
    let mut got = labels(&added);
    got.sort_unstable();
    expected.sort_unstable();
    expected.dedup();
    assert_eq!(got, expected, "the others stay");
    // Adding one it has already changes nothing.
    let again = env.json(&["conversation", "2", "label", "add", "vip"]);
    assert_eq!(labels(&again).len(), expected.len());
    let removed = env.json(&["conversation", "2", "label", "remove", "vip"]);
    assert!(!labels(&removed).contains(&"vip"));
    assert!(labels(&removed).contains(&"follow-up"));
    // What the server keeps, as `show` reads it.
    let shown = env.json(&["conversation", "2", "show"]);
    assert_eq!(labels(&shown).len(), labels(&removed).len(), "{shown}");
    let set = env.json(&["conversation", "2", "label", "set", "billing"]);
    assert_eq!(labels(&set), ["billing"]);
    insta::assert_snapshot!(
        "labels_table",
        env.ok(&["conversation", "2", "labels", "-o", "table"])
    );
    let cleared = env.json(&["conversation", "2", "label", "set"]);
    assert!(labels(&cleared).is_empty());
    // `add` needs at least one label: a usage error.
    assert_eq!(env.run(&["conversation", "2", "label", "add"]).code, 2);
}

#[test]
fn unassign_removes_the_assignee() {
    let env = Env::start();
    env.ok(&["conversation", "5", "assign", "1"]);
    let out = env.json(&["conversation", "5", "unassign"]);
    assert_eq!(out["assignee"], Value::Null);
    let shown = env.json(&["conversation", "5", "show"]);
    assert!(shown["meta"]["assignee"].is_null(), "{shown}");
    insta::assert_snapshot!(
        "unassign_table",
        env.ok(&["conversation", "5", "unassign", "-o", "table"])
    );
}

#[test]
fn reply_and_note_attach_files() {
    let env = Env::start();
    let dir = env.config_dir.join("files");
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b) = (dir.join("invoice.txt"), dir.join("photo.png"));
    std::fs::write(&a, "Paid in full.").unwrap();
    std::fs::write(&b, [0x89, b'P', b'N', b'G']).unwrap();
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let reply = env.json(&[
        "conversation",
        "6",
        "reply",
        "Here you are",
        "--attach",
        a,
        "--attach",
        b,
    ]);
    assert_eq!(reply["content"], "Here you are");
    assert_eq!(reply["private"], false);
    let files = reply["attachments"].as_array().expect("attachments");
    assert_eq!(files.len(), 2, "{reply}");
    assert_eq!(files[0]["file_size"], 13);
    // A file alone, as a private note.
    let note = env.json(&["conversation", "6", "note", "--attach", a]);
    assert_eq!(note["private"], true);
    assert_eq!(note["attachments"].as_array().map(Vec::len), Some(1));
    // The files are listed with the conversation's messages.
    let messages = env.json_lines(&["messages", "list", "6", "--limit", "2"]);
    assert_eq!(messages[0]["id"], reply["id"]);
    assert_eq!(messages[0]["attachments"].as_array().map(Vec::len), Some(2));
    // A missing file is refused before anything is sent; neither text nor file is a usage error.
    let count = env.sandbox.message_count(env.sandbox.account_id(), 6);
    let missing = env.run(&[
        "conversation",
        "6",
        "reply",
        "x",
        "--attach",
        "/nonexistent/f",
    ]);
    assert_eq!(missing.code, 2, "{}", missing.stderr);
    assert!(
        missing.stderr.contains("/nonexistent/f"),
        "{}",
        missing.stderr
    );
    assert_eq!(env.run(&["conversation", "6", "reply"]).code, 2);
    assert_eq!(
        env.sandbox.message_count(env.sandbox.account_id(), 6),
        count
    );
}

#[test]
fn typing_mute_and_read_state() {
    let env = Env::start();
    let typing = env.json(&["conversation", "7", "typing", "on", "--private"]);
    assert_eq!(typing["typing"], true);
    assert_eq!(
        env.json(&["conversation", "7", "typing", "off"])["typing"],
        false
    );
    let muted = env.json(&["conversation", "7", "mute"]);
    assert_eq!(
        (muted["muted"].as_bool(), muted["status"].as_str()),
        (Some(true), Some("resolved"))
    );
    let unmuted = env.json(&["conversation", "7", "unmute"]);
    assert_eq!(unmuted["muted"], false);
    let unread = env.json(&["conversation", "7", "unread"]);
    assert!(unread["unread_count"].as_i64().unwrap() > 0, "{unread}");
    let read = env.json(&["conversation", "7", "read"]);
    assert_eq!(read["unread_count"], 0);
    insta::assert_snapshot!(
        "read_table",
        env.ok(&["conversation", "7", "read", "-o", "table"])
    );
    let bad = env.run(&["conversation", "7", "typing", "maybe"]);
    assert_eq!(bad.code, 2);
}

#[test]
fn no_new_command_shows_the_token() {
    let env = Env::start();
    for args in [
        &["conversation", "999999", "label", "add", "x"][..],
        &["conversation", "999999", "unassign"],
        &["conversation", "999999", "mute"],
        &["contacts", "update", "999999", "--name", "x"],
        &["contacts", "merge", "1", "999999", "--yes"],
        &["messages", "list", "999999", "--after", "1"],
        &["-v", "conversation", "1", "label", "add", "x"],
    ] {
        let run = env.run(args);
        assert!(
            !run.stdout.contains(TOKEN) && !run.stderr.contains(TOKEN),
            "{args:?}: {run:?}"
        );
        if args[0] != "-v" {
            assert_eq!(run.code, 4, "{args:?}: {}", run.stderr);
        }
    }
}
