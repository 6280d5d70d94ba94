//! Exit codes by kind of failure, one-line errors, and the token nowhere.

use crate::support::{Env, TOKEN, bare};

#[test]
fn each_kind_of_failure_has_its_exit_code() {
    let env = Env::start();
    let cases: &[(&[&str], i32, &str)] = &[
        (&["conversation", "9999", "show"], 4, "not found"),
        (
            &["conversations", "list", "--status", "archived"],
            2,
            "invalid status `archived`",
        ),
        (
            &["conversation", "1", "snooze", "--until", "soonish"],
            2,
            "cannot read `soonish`",
        ),
        (&["contacts", "show", "999999"], 4, "not found"),
        (&["no-such-command"], 2, "unrecognized subcommand"),
    ];
    for (args, code, text) in cases {
        let run = env.run(args);
        assert_eq!(run.code, *code, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(text), "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
    }
}

#[test]
fn a_refused_token_is_an_auth_failure_on_one_line() {
    let env = Env::start();
    let run = Command::run(
        env.command(&["conversations", "list"])
            .env("RUUT_API_TOKEN", "wrong-token"),
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: listConversations: unauthorized"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("wrong-token"));
}

#[test]
fn no_token_is_a_usage_failure_that_says_what_to_do() {
    let dir = std::env::temp_dir().join(format!("ruut-cli-no-token-{}", std::process::id()));
    let run = Command::run(&mut bare(&["conversations", "list"], &dir));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("RUUT_API_TOKEN"), "{}", run.stderr);
    assert!(run.stderr.contains("ruut auth login"), "{}", run.stderr);
}

#[test]
fn a_server_that_is_not_there_is_a_network_failure() {
    let env = Env::start();
    // A port that was just free: nothing listens on it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let run = Command::run(
        env.command(&["conversations", "list"])
            .env("RUUT_BASE_URL", &url),
    );
    assert_eq!(run.code, 7, "{}", run.stderr);
}

#[test]
fn verbose_traces_requests_without_the_token() {
    let env = Env::start();
    let run = env.run(&[
        "--verbose",
        "conversation",
        "1",
        "resolve",
        "--reason",
        "done",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("updateConversationStatus"),
        "{}",
        run.stderr
    );
    let failing = env.run(&["-v", "conversation", "9999", "show"]);
    for text in [&run.stdout, &run.stderr, &failing.stdout, &failing.stderr] {
        assert!(!text.contains(TOKEN), "the token leaked: {text}");
    }
}

/// Runs a prepared command.
struct Command;

impl Command {
    fn run(command: &mut std::process::Command) -> crate::support::Run {
        crate::support::Run::of(command.output().expect("the binary runs"))
    }
}
