//! `ruut auth login` (token from a pseudo-terminal without echo, or from stdin)
//! and `ruut auth status`, and the profiles they write.

use std::io::Write;
use std::process::Stdio;

use crate::support::{Env, Run, TOKEN, bare};

/// `ruut <args>` with only the config directory (no RUUT_* settings), `input`
/// on stdin.
fn with_stdin(env: &Env, args: &[&str], input: &str) -> Run {
    let mut child = bare(args, &env.config_dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    Run::of(child.wait_with_output().unwrap())
}

fn profile_file(env: &Env) -> std::path::PathBuf {
    env.config_dir.join("config.toml")
}

#[test]
fn login_from_stdin_stores_the_token_for_the_owner_only() {
    let env = Env::start();
    let login = with_stdin(
        &env,
        &["--base-url", &env.base_url, "auth", "login"],
        &format!("{TOKEN}\n"),
    );
    assert_eq!(login.code, 0, "{}", login.stderr);
    assert!(login.stderr.contains("Logged in to"), "{}", login.stderr);
    assert!(!login.stdout.contains(TOKEN) && !login.stderr.contains(TOKEN));
    let text = std::fs::read_to_string(profile_file(&env)).unwrap();
    assert!(text.contains(TOKEN), "the token is stored");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(profile_file(&env))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // With nothing but the profile, commands work, and status hides the token.
    let status = Run::of(
        bare(&["auth", "status", "-o", "json"], &env.config_dir)
            .output()
            .unwrap(),
    );
    assert_eq!(status.code, 0, "{}", status.stderr);
    assert!(!status.stdout.contains(TOKEN));
    let status: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(status["token_from"], "profile `default`");
    assert_eq!(status["server"], env.base_url.as_str());
    let listed = Run::of(
        bare(&["conversations", "list", "--limit", "1"], &env.config_dir)
            .output()
            .unwrap(),
    );
    assert_eq!(
        (listed.code, listed.stdout.lines().count()),
        (0, 1),
        "{}",
        listed.stderr
    );
}

#[test]
fn a_refused_token_is_not_stored() {
    let env = Env::start();
    let login = with_stdin(
        &env,
        &["--base-url", &env.base_url, "auth", "login"],
        "not-the-token\n",
    );
    assert_eq!(login.code, 3, "{}", login.stderr);
    assert!(
        login.stderr.contains("the token was not stored"),
        "{}",
        login.stderr
    );
    assert!(!profile_file(&env).exists());
}

#[test]
fn named_profiles() {
    let env = Env::start();
    let missing = Run::of(
        bare(&["--profile", "staging", "auth", "status"], &env.config_dir)
            .output()
            .unwrap(),
    );
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no profile `staging`"),
        "{}",
        missing.stderr
    );
    let login = with_stdin(
        &env,
        &[
            "--profile",
            "staging",
            "--base-url",
            &env.base_url,
            "--account",
            "2",
            "auth",
            "login",
        ],
        TOKEN,
    );
    assert_eq!(login.code, 0, "{}", login.stderr);
    let status = Run::of(
        bare(
            &["--profile", "staging", "auth", "status", "-o", "json"],
            &env.config_dir,
        )
        .output()
        .unwrap(),
    );
    let status: serde_json::Value = serde_json::from_str(&status.stdout).unwrap();
    assert_eq!(status["profile"], "staging");
    assert!(
        status["account"].as_str().unwrap().starts_with("2 "),
        "{status}"
    );
}

#[cfg(unix)]
#[test]
fn login_on_a_terminal_reads_the_token_without_echo() {
    let env = Env::start();
    let mut command = bare(
        &["--base-url", &env.base_url, "auth", "login"],
        &env.config_dir,
    );
    command.stdin(Stdio::inherit());
    let mut session = rexpect::session::spawn_command(command, Some(30_000)).expect("a pty");
    session
        .exp_string("API access token (not shown): ")
        .expect("the prompt");
    session.send_line(TOKEN).expect("typing");
    let rest = session.exp_eof().expect("login ends");
    assert!(rest.contains("Logged in to"), "{rest}");
    assert!(!rest.contains(TOKEN), "the token was echoed: {rest}");
    assert!(
        std::fs::read_to_string(profile_file(&env))
            .unwrap()
            .contains(TOKEN)
    );
}

/// On a terminal the default is a table, bold headers unless `NO_COLOR` is set.
#[cfg(unix)]
#[test]
fn a_terminal_gets_a_table_in_colour_unless_no_color() {
    let env = Env::start();
    for no_color in [false, true] {
        let mut command = env.command(&["conversations", "list", "--limit", "1"]);
        command.stdin(Stdio::inherit());
        if !no_color {
            command.env_remove("NO_COLOR");
        }
        let mut session = rexpect::session::spawn_command(command, Some(30_000)).expect("a pty");
        let screen = session.exp_eof().expect("the listing ends");
        assert!(screen.contains("STATUS"), "a table: {screen}");
        assert_eq!(
            screen.contains("\u{1b}[1m"),
            !no_color,
            "NO_COLOR={no_color}: {screen:?}"
        );
    }
}
