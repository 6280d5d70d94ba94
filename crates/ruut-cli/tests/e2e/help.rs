//! Help text, completions and the man page come from the same clap tree.

use crate::support::{Env, bare};

fn help(args: &[&str]) -> String {
    let dir = std::env::temp_dir();
    let output = bare(args, &dir).output().expect("the binary runs");
    assert!(output.status.success(), "{args:?}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn top_level_help() {
    insta::assert_snapshot!(help(&["--help"]));
}

#[test]
fn conversation_help() {
    insta::assert_snapshot!(help(&["conversation", "--help"]));
}

#[test]
fn conversations_list_help() {
    insta::assert_snapshot!(help(&["conversations", "list", "--help"]));
}

#[test]
fn snooze_help() {
    insta::assert_snapshot!(help(&["conversation", "1", "snooze", "--help"]));
}

#[test]
fn label_help() {
    insta::assert_snapshot!(help(&["conversation", "1", "label", "--help"]));
}

#[test]
fn reply_help() {
    insta::assert_snapshot!(help(&["conversation", "1", "reply", "--help"]));
}

#[test]
fn contacts_help() {
    insta::assert_snapshot!(help(&["contacts", "--help"]));
}

#[test]
fn contacts_update_help() {
    insta::assert_snapshot!(help(&["contacts", "update", "--help"]));
}

#[test]
fn contacts_merge_help() {
    insta::assert_snapshot!(help(&["contacts", "merge", "--help"]));
}

#[test]
fn messages_list_help() {
    insta::assert_snapshot!(help(&["messages", "list", "--help"]));
}

#[test]
fn completions_and_man_page_cover_the_commands() {
    let env = Env::start();
    for shell in ["bash", "zsh", "fish"] {
        let script = env.ok(&["completions", shell]);
        for word in [
            "conversations",
            "snooze",
            "doctor",
            "webhooks",
            "unassign",
            "merge",
        ] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
    }
    let man = env.ok(&["man"]);
    assert!(man.starts_with(".ie") || man.contains(".TH"), "{man}");
    assert!(man.contains("conversations"));
}
