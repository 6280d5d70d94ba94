//! `ruut doctor` against the sandbox in both modes and behind a proxy that
//! drops the underscore header.

use crate::support::{Env, proxy};

#[test]
fn ruut_mode_is_all_ok() {
    let env = Env::start();
    let run = env.run(&["doctor", "-o", "table"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(env.redact(&run.stdout));
}

#[test]
fn strict_chatwoot_mode_reports_the_account_scoped_route() {
    let env = Env::with(true);
    let run = env.run(&["doctor", "-o", "table"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!(env.redact(&run.stdout));
}

#[test]
fn a_proxy_dropping_the_underscore_header_is_named() {
    for chatwoot_only in [false, true] {
        let env = Env::with(chatwoot_only);
        let url = proxy::start(&env.runtime, env.sandbox.local_addr());
        let run = crate::support::Run::of(
            env.command(&["doctor", "-o", "json"])
                .env("RUUT_BASE_URL", &url)
                .output()
                .unwrap(),
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let header: serde_json::Value = run
            .stdout
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|c| c["check"] == "header")
            .expect("a header check");
        assert_eq!(header["verdict"], "warn", "{header}");
        assert!(
            header["fix"]
                .as_str()
                .unwrap()
                .contains("underscores_in_headers on")
        );
    }
}

#[test]
fn an_unreachable_account_fails_with_what_to_do() {
    let env = Env::start();
    let run = env.run(&["doctor", "-o", "table", "--account", "99"]);
    assert_ne!(run.code, 0);
    let line = run
        .stdout
        .lines()
        .find(|l| l.starts_with("FAIL  account"))
        .expect("the account fails");
    assert!(line.contains("account"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("use one of the accounts the token reaches: 1, 2"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_refused_token_stops_at_the_token_check() {
    let env = Env::start();
    let run = crate::support::Run::of(
        env.command(&["doctor", "-o", "table"])
            .env("RUUT_API_TOKEN", "wrong")
            .output()
            .unwrap(),
    );
    assert_eq!(run.code, 3, "{}", run.stdout);
    assert!(run.stdout.contains("FAIL  token"), "{}", run.stdout);
    assert!(run.stdout.contains("ruut auth login"), "{}", run.stdout);
}
