//! The progress bar: drawn on stderr when it is a terminal (one that can
//! redraw a line: `TERM` set), never when it is piped (so never in captured
//! output).

use std::process::{Command, Stdio};

use crate::support::Env;

/// What the bar says while a listing runs.
const BAR: &str = "conversations fetched";

#[test]
fn never_when_stderr_is_piped() {
    let env = Env::start();
    for format in ["json", "table"] {
        let run = env.run(&[
            "conversations",
            "list",
            "--status",
            "all",
            "--all",
            "-o",
            format,
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(run.stderr, "", "nothing on stderr for {format}");
    }
    let merge = env.run(&["contacts", "merge", "7", "8", "9", "--yes"]);
    assert_eq!((merge.code, merge.stderr.as_str()), (0, ""));
}

/// On a terminal the bar shows while a table waits for its last row; not
/// when the items themselves stream to that terminal, nor on a dumb one.
#[cfg(unix)]
#[test]
fn on_a_terminal_while_a_table_waits() {
    let env = Env::start();
    for (term, format, shown) in [
        ("xterm", "table", true),
        ("xterm", "json", false),
        ("dumb", "table", false),
    ] {
        let mut command = env.command(&[
            "conversations",
            "list",
            "--status",
            "all",
            "--all",
            "-o",
            format,
        ]);
        command.stdin(Stdio::inherit()).env("TERM", term);
        let mut session = rexpect::session::spawn_command(command, Some(30_000)).expect("a pty");
        let screen = session.exp_eof().expect("the listing ends");
        assert_eq!(screen.contains(BAR), shown, "{term} {format}: {screen:?}");
        assert!(screen.contains("Priya Costa"), "then the items: {screen:?}");
    }
}

/// JSON Lines to a file, stderr on the terminal: the bar shows there, and the
/// file holds nothing but the items.
#[cfg(unix)]
#[test]
fn on_the_terminal_beside_piped_items_and_for_a_bulk_merge() {
    let env = Env::start();
    let out = env.config_dir.join("items.jsonl");
    let binary = env!("CARGO_BIN_EXE_ruut");
    for (args, bar) in [
        (
            &["conversations", "list", "--status", "all", "--all"][..],
            BAR,
        ),
        (
            &["contacts", "merge", "7", "8", "9", "--yes"],
            "merging contact",
        ),
    ] {
        let mut sh = Command::new("sh");
        sh.env_clear();
        for (key, value) in env.command(&[]).get_envs() {
            if let Some(value) = value {
                sh.env(key, value);
            }
        }
        sh.env("PROGRAM", binary)
            .env("TERM", "xterm")
            .env("OUT", &out)
            .arg("-c")
            .arg("exec \"$PROGRAM\" \"$@\" > \"$OUT\"")
            .arg("sh")
            .args(args)
            .stdin(Stdio::inherit());
        let mut session = rexpect::session::spawn_command(sh, Some(30_000)).expect("a pty");
        let screen = session.exp_eof().expect("it ends");
        assert!(screen.contains(bar), "{args:?}: {screen:?}");
        let items = std::fs::read_to_string(&out).unwrap();
        assert!(!items.is_empty());
        // JSON Lines, or one pretty item: JSON values and nothing else.
        for value in serde_json::Deserializer::from_str(&items).into_iter::<serde_json::Value>() {
            value.unwrap_or_else(|e| panic!("{args:?}: not JSON ({e}): {items:?}"));
        }
    }
}
