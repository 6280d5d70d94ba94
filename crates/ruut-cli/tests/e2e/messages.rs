//! `ruut messages list <conversation> [--follow]`.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use ruut_api::operations::Operation;

use crate::support::Env;

fn ids(messages: &[serde_json::Value]) -> Vec<i64> {
    messages.iter().map(|m| m["id"].as_i64().unwrap()).collect()
}

#[test]
fn after_lists_only_newer_messages_across_answers() {
    let env = Env::start();
    let account = env.sandbox.account_id();
    let all = env.json_lines(&["messages", "list", "1"]);
    let last = all.last().unwrap()["id"].as_i64().unwrap();
    // More than one answer's worth (the server sends up to 100 after a cursor).
    let added: Vec<i64> = (0..105)
        .map(|n| {
            env.sandbox
                .customer_message(account, 1, format!("burst {n}"))
                .unwrap()
        })
        .collect();
    let newer = env.json_lines(&["messages", "list", "1", "--after", &last.to_string()]);
    assert_eq!(ids(&newer), added, "oldest first, every one");
    let middle = all[all.len() - 2]["id"].as_i64().unwrap();
    let from_middle = env.json_lines(&[
        "messages",
        "list",
        "1",
        "--after",
        &middle.to_string(),
        "--limit",
        "3",
    ]);
    assert_eq!(
        ids(&from_middle),
        [&[last][..], &added[..2]].concat(),
        "--limit: the first after it"
    );
    env.sandbox
        .expect(Operation::ListMessages)
        .query("after", last)
        .at_least(1);
    // A table as the other listings (the times are now's: no snapshot).
    let table = env.ok(&[
        "messages",
        "list",
        "1",
        "--after",
        &added[102].to_string(),
        "-o",
        "table",
    ]);
    let rows: Vec<&str> = table.lines().collect();
    assert_eq!(rows.len(), 3, "{table}");
    assert!(
        rows[0].starts_with("ID ") && rows[0].contains("CONTENT"),
        "{table}"
    );
    assert!(
        rows[1].ends_with("burst 103") && rows[2].ends_with("burst 104"),
        "{table}"
    );
}

#[test]
fn list_oldest_first_and_limit_keeps_the_latest() {
    let env = Env::start();
    let all = env.json_lines(&["messages", "list", "1"]);
    let count = env.sandbox.message_count(env.sandbox.account_id(), 1);
    assert_eq!(all.len(), count);
    let ids: Vec<i64> = all.iter().map(|m| m["id"].as_i64().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    let last_two = env.json_lines(&["messages", "list", "1", "--limit", "2"]);
    assert_eq!(last_two[..], all[all.len() - 2..]);
    insta::assert_snapshot!(env.ok(&["messages", "list", "1", "-o", "table", "--limit", "5"]));
}

#[test]
fn follow_prints_new_messages_as_they_arrive() {
    let env = Env::start();
    let existing = env.sandbox.message_count(env.sandbox.account_id(), 1);
    let limit = (existing + 1).to_string();
    let mut child = env
        .command(&[
            "messages",
            "list",
            "1",
            "--follow",
            "--interval",
            "0.1",
            "--limit",
            &limit,
            "-o",
            "json",
        ])
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut last_seen = 0;
    for _ in 0..existing {
        let line = lines.next().expect("an existing message").unwrap();
        let message: serde_json::Value = serde_json::from_str(&line).unwrap();
        last_seen = message["id"].as_i64().unwrap();
    }
    // The follower has printed what was there; now a new message arrives.
    env.ok(&["conversation", "1", "reply", "Fresh news"]);
    let fresh: serde_json::Value =
        serde_json::from_str(&lines.next().expect("the new message").unwrap()).unwrap();
    assert_eq!(fresh["content"], "Fresh news");
    // --limit reached: the follower ends by itself.
    assert!(child.wait().expect("it ends").success());
    // The newest page is fetched once, for the history; then every look
    // asks only for what is newer than the last message seen.
    let looks = env
        .sandbox
        .expect(Operation::ListMessages)
        .path("conversation_id", 1)
        .matching();
    let query = |r: &ruut_sandbox::RecordedRequest| r.query.clone().unwrap_or_default();
    let newest = looks
        .iter()
        .filter(|r| !query(r).contains("after=") && !query(r).contains("before="))
        .count();
    assert_eq!(newest, 1, "{looks:?}");
    let cursors: Vec<String> = looks
        .iter()
        .map(query)
        .filter(|q| q.contains("after="))
        .collect();
    assert!(!cursors.is_empty(), "{looks:?}");
    assert!(
        cursors
            .iter()
            .all(|q| q.contains(&format!("after={last_seen}"))),
        "{cursors:?}"
    );
}
