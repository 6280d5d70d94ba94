//! `ruut webhooks listen`: the sandbox delivers to it, it verifies, prints
//! and forwards.

use std::io::{BufRead, BufReader, Lines};
use std::process::{Child, ChildStderr, ChildStdout, Stdio};

use ruut_sandbox::Sandbox;

use crate::support::{Env, bare};

const SECRET: &str = "cli-webhook-secret";

/// A running listener: its URL, and its stdout and stderr line by line.
struct Listener {
    child: Child,
    url: String,
    stdout: Lines<BufReader<ChildStdout>>,
    stderr: Lines<BufReader<ChildStderr>>,
}

impl Listener {
    fn start(extra: &[&str]) -> Self {
        let dir = std::env::temp_dir();
        let args = [
            &[
                "webhooks", "listen", "--port", "0", "--secret", SECRET, "-o", "json",
            ],
            extra,
        ]
        .concat();
        let mut child = bare(&args, &dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the listener starts");
        let stdout = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut stderr = BufReader::new(child.stderr.take().unwrap()).lines();
        // Its first line, printed once it listens, names the URL.
        let first = stderr.next().expect("a first line").unwrap();
        let url = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .expect("a URL")
            .trim_end_matches(',')
            .to_owned();
        Self {
            child,
            url,
            stdout,
            stderr,
        }
    }

    fn next_event(&mut self) -> serde_json::Value {
        let line = self.stdout.next().expect("an event").unwrap();
        serde_json::from_str(&line).unwrap()
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn verified_deliveries_are_printed_and_forwarded() {
    let mut target = Listener::start(&[]);
    let mut listener = Listener::start(&["--forward-to", &target.url.clone()]);
    let env = Env::with_builder(Sandbox::builder().webhook(&listener.url, SECRET));
    env.ok(&["conversation", "1", "resolve"]);
    let event = listener.next_event();
    assert_eq!(event["event"], "conversation_status_changed", "{event}");
    assert_eq!(event["id"], 1);
    assert_eq!(
        target.next_event(),
        event,
        "forwarded unchanged, still verifiable"
    );
    let forwarded = listener.stderr.next().expect("a forwarding line").unwrap();
    assert!(
        forwarded.contains("forwarded to") && forwarded.contains("200"),
        "{forwarded}"
    );
}

#[test]
fn a_wrong_signature_is_rejected() {
    let mut listener = Listener::start(&[]);
    let env = Env::with_builder(Sandbox::builder().webhook(&listener.url, "another-secret"));
    env.ok(&["conversation", "1", "reply", "hello"]);
    let line = listener.stderr.next().expect("a rejection").unwrap();
    assert!(line.starts_with("rejected a delivery"), "{line}");
}
