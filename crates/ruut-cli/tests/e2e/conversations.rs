//! `ruut conversations list` and `ruut conversation <id> <action>`.

use serde_json::Value;

use crate::support::Env;

fn ids(items: &[Value]) -> Vec<i64> {
    items
        .iter()
        .map(|i| i["id"].as_i64().expect("an id"))
        .collect()
}

#[test]
fn list_as_a_table() {
    let env = Env::start();
    insta::assert_snapshot!(env.ok(&["conversations", "list", "--limit", "6", "-o", "table"]));
}

#[test]
fn list_is_json_lines_when_piped() {
    let env = Env::start();
    // Not a terminal and no --output: JSON Lines, one conversation a line.
    let out = env.ok(&["conversations", "list", "--status", "all"]);
    let items: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(items.len(), 25, "one full page");
    let mut sorted = ids(&items);
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    assert_eq!(ids(&items), sorted, "newest first");
}

#[test]
fn all_streams_across_pages_and_limit_stops_it() {
    let env = Env::start();
    let every = env.json_lines(&["conversations", "list", "--status", "all", "--all"]);
    let limited = env.json_lines(&[
        "conversations",
        "list",
        "--status",
        "all",
        "--all",
        "--limit",
        "30",
    ]);
    assert!(
        every.len() > 30,
        "the seed has more than one page: {}",
        every.len()
    );
    assert_eq!(ids(&limited), ids(&every)[..30]);
    let second = env.json_lines(&["conversations", "list", "--status", "all", "--page", "2"]);
    assert_eq!(ids(&second), ids(&every)[25..25 + second.len()]);
}

#[test]
fn filters_reach_the_server() {
    let env = Env::start();
    for item in env.json_lines(&["conversations", "list", "--status", "resolved"]) {
        assert_eq!(item["status"], "resolved");
    }
    let labelled = env.json_lines(&["conversations", "list", "--status", "all", "--label", "bug"]);
    assert!(!labelled.is_empty());
    for item in labelled {
        assert!(
            item["labels"].as_array().unwrap().contains(&"bug".into()),
            "{item}"
        );
    }
}

#[test]
fn show_as_a_table_and_yaml() {
    let env = Env::start();
    insta::assert_snapshot!(
        "show_table",
        env.ok(&["conversation", "1", "show", "-o", "table"])
    );
    let yaml = env.ok(&["conversation", "1", "show", "-o", "yaml"]);
    assert!(
        yaml.contains("\nid: 1\n") || yaml.starts_with("id: 1\n") || yaml.contains("id: 1"),
        "{yaml}"
    );
}

#[test]
fn status_changes() {
    let env = Env::start();
    let resolved = env.json(&["conversation", "1", "resolve", "--reason", "Answered"]);
    assert_eq!(resolved["status"], "resolved");
    let changes = env.sandbox.status_changes(env.sandbox.account_id(), 1);
    assert_eq!(
        changes.last().and_then(|c| c.reason.clone()).as_deref(),
        Some("Answered")
    );
    assert_eq!(env.json(&["conversation", "1", "reopen"])["status"], "open");
    assert_eq!(
        env.json(&["conversation", "1", "pending"])["status"],
        "pending"
    );
    assert_eq!(
        env.json(&["conversation", "1", "schedule"])["status"],
        "scheduling"
    );
    let snoozed = env.json(&[
        "conversation",
        "1",
        "snooze",
        "--until",
        "2030-01-02T03:04:05Z",
    ]);
    assert_eq!(snoozed["status"], "snoozed");
    assert_eq!(snoozed["snoozed_until"], "2030-01-02T03:04:05Z");
    let relative = env.json(&["conversation", "2", "snooze", "--until", "2h"]);
    assert_eq!(relative["status"], "snoozed");
    assert!(relative["snoozed_until"].is_string(), "{relative}");
    let until_reply = env.json(&["conversation", "3", "snooze", "--until-reply"]);
    assert_eq!(until_reply["status"], "snoozed");
    assert_eq!(until_reply["snoozed_until"], Value::Null);
    assert_eq!(
        env.json(&["conversation", "1", "show"])["status"],
        "snoozed"
    );
}

#[test]
fn status_change_as_a_table() {
    let env = Env::start();
    insta::assert_snapshot!(env.ok(&["conversation", "1", "resolve", "-o", "table"]));
}

#[test]
fn assign_priority_reply_and_note() {
    let env = Env::start();
    let assigned = env.json(&["conversation", "4", "assign", "1"]);
    assert_eq!(assigned["assignee"]["id"], 1);
    assert_eq!(
        env.json(&["conversation", "4", "show"])["meta"]["assignee"]["id"],
        1
    );
    assert_eq!(
        env.json(&["conversation", "4", "priority", "urgent"])["priority"],
        "urgent"
    );
    assert_eq!(
        env.json(&["conversation", "4", "show"])["priority"],
        "urgent"
    );
    assert_eq!(
        env.json(&["conversation", "4", "priority", "none"])["priority"],
        Value::Null
    );
    assert_eq!(
        env.json(&["conversation", "4", "show"])["priority"],
        Value::Null
    );
    let bad = env.run(&["conversation", "4", "priority", "whenever"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    let before = env.sandbox.message_count(env.sandbox.account_id(), 4);
    let reply = env.json(&["conversation", "4", "reply", "On its way"]);
    assert_eq!(
        (reply["content"].as_str(), reply["private"].as_bool()),
        (Some("On its way"), Some(false))
    );
    let note = env.json(&["conversation", "4", "note", "Called the courier"]);
    assert_eq!(note["private"], true);
    assert_eq!(
        env.sandbox.message_count(env.sandbox.account_id(), 4),
        before + 2
    );
}
