//! `ruut messages list <conversation> [--follow]`.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::support::Env;

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
    for _ in 0..existing {
        lines.next().expect("an existing message").unwrap();
    }
    // The follower has printed what was there; now a new message arrives.
    env.ok(&["conversation", "1", "reply", "Fresh news"]);
    let fresh: serde_json::Value =
        serde_json::from_str(&lines.next().expect("the new message").unwrap()).unwrap();
    assert_eq!(fresh["content"], "Fresh news");
    // --limit reached: the follower ends by itself.
    assert!(child.wait().expect("it ends").success());
}
