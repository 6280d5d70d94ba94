//! A sample of the generated `ruut api <operation>` commands.

use crate::support::Env;

#[test]
fn every_operation_has_a_command() {
    let env = Env::start();
    let help = env.ok(&["api", "--help"]);
    // The commands, first word of each indented line (clap moves the summary
    // to a line of its own when the longest name is long).
    let commands: std::collections::HashSet<&str> = help
        .lines()
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    for operation in ruut_sdk::Operation::ALL {
        let kebab: String = operation
            .id()
            .chars()
            .flat_map(|c| {
                let dash = c.is_ascii_uppercase().then_some('-');
                dash.into_iter().chain([c.to_ascii_lowercase()])
            })
            .collect();
        assert!(commands.contains(kebab.as_str()), "no `ruut api {kebab}`");
    }
    // One operation's help (the listing grows with the spec: not snapshotted).
    insta::assert_snapshot!(
        "server_info_help",
        env.ok(&["api", "get-server-info", "--help"])
    );
}

#[test]
fn reads_with_the_configured_account() {
    let env = Env::start();
    let conversation = env.json(&["api", "get-conversation", "--conversation-id", "2"]);
    assert_eq!(conversation["id"], 2);
    // The operationId is an alias; --account-id overrides the settings.
    let again = env.json(&[
        "api",
        "getConversation",
        "--conversation-id",
        "2",
        "--account-id",
        "1",
    ]);
    assert_eq!(again, conversation);
    insta::assert_snapshot!(
        "accounts_table",
        env.ok(&["api", "list-accounts", "-o", "table"])
    );
    let info = env.json(&["api", "get-server-info"]);
    assert_eq!(info["version"], "4.10.1");
}

#[test]
fn writes_from_flags_and_from_a_json_body_on_stdin() {
    let env = Env::start();
    env.ok(&[
        "api",
        "toggle-conversation-priority",
        "--conversation-id",
        "2",
        "--priority",
        "high",
    ]);
    assert_eq!(env.json(&["conversation", "2", "show"])["priority"], "high");
    let mut child = env
        .command(&[
            "api",
            "create-message",
            "--conversation-id",
            "2",
            "--json-body",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(
        &mut child.stdin.take().unwrap(),
        br#"{"content":"from stdin","private":true}"#,
    )
    .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let message: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (message["content"].as_str(), message["private"].as_bool()),
        (Some("from stdin"), Some(true))
    );
}

#[test]
fn failures_keep_their_exit_codes() {
    let env = Env::start();
    let missing = env.run(&["api", "get-conversation", "--conversation-id", "9999"]);
    assert_eq!(missing.code, 4, "{}", missing.stderr);
    assert!(
        missing.stderr.starts_with("error: not found (HTTP 404)"),
        "{}",
        missing.stderr
    );
    let usage = env.run(&["api", "get-conversation"]);
    assert_eq!(usage.code, 2, "{}", usage.stderr);
    let refused = crate::support::Run::of(
        env.command(&["api", "list-accounts"])
            .env("RUUT_API_TOKEN", "wrong")
            .output()
            .unwrap(),
    );
    assert_eq!(refused.code, 3, "{}", refused.stderr);
}
