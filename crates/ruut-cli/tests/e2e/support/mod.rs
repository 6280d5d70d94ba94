//! What the end-to-end tests share: a sandbox on its own runtime, a private
//! config directory, and the real `ruut` binary run against both.

#![allow(dead_code)]

pub mod proxy;

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use ruut_sandbox::Sandbox;
use tokio::runtime::Runtime;

/// The token the tests' sandboxes accept: distinctive, so a test can look for
/// it in what the binary prints.
pub const TOKEN: &str = "cli-test-token-7f3a9c";

/// A sandbox (seed 1) served on a runtime of its own, and a config directory.
pub struct Env {
    pub sandbox: Sandbox,
    pub runtime: Runtime,
    pub base_url: String,
    pub config_dir: PathBuf,
}

static NEXT: AtomicUsize = AtomicUsize::new(0);

impl Env {
    /// A sandbox in Ruut's mode.
    pub fn start() -> Self {
        Self::with(false)
    }

    /// A sandbox in Ruut's mode, or strict-Chatwoot mode.
    pub fn with(chatwoot_only: bool) -> Self {
        Self::with_builder(Sandbox::builder().chatwoot_only(chatwoot_only))
    }

    /// A sandbox from `builder` (its token replaced by [`TOKEN`]).
    pub fn with_builder(builder: ruut_sandbox::SandboxBuilder) -> Self {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("a runtime");
        let sandbox = runtime
            .block_on(builder.user_token(TOKEN).start())
            .expect("the sandbox starts");
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let config_dir =
            std::env::temp_dir().join(format!("ruut-cli-test-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&config_dir);
        std::fs::create_dir_all(&config_dir).expect("a config dir");
        Self {
            base_url: sandbox.base_url().to_owned(),
            sandbox,
            runtime,
            config_dir,
        }
    }

    /// The binary, with the sandbox's settings in the environment.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = bare(args, &self.config_dir);
        command
            .env("RUUT_BASE_URL", &self.base_url)
            .env("RUUT_API_TOKEN", TOKEN)
            .env("RUUT_ACCOUNT_ID", self.sandbox.account_id().to_string());
        command
    }

    /// Runs the binary to its end.
    pub fn run(&self, args: &[&str]) -> Run {
        Run::of(self.command(args).output().expect("the binary runs"))
    }

    /// Runs the binary and expects success; its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let run = self.run(args);
        assert_eq!(run.code, 0, "ruut {args:?} failed: {}", run.stderr);
        run.stdout
    }

    /// Runs the binary and parses its JSON stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.ok(&[args, &["-o", "json"]].concat());
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
    }

    /// Runs the binary and parses its JSON Lines stdout.
    pub fn json_lines(&self, args: &[&str]) -> Vec<serde_json::Value> {
        self.ok(&[args, &["-o", "json"]].concat())
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
            .collect()
    }

    /// `text` with the sandbox's random port replaced, for snapshots.
    pub fn redact(&self, text: &str) -> String {
        text.replace(&self.base_url, "http://127.0.0.1:PORT")
    }
}

impl Drop for Env {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.config_dir);
    }
}

/// The binary with no settings but a private config directory.
pub fn bare(args: &[&str], config_dir: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ruut"));
    command
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("RUUT_CONFIG_DIR", config_dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null());
    command
}

/// What one run printed, and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn of(output: Output) -> Self {
        Self {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}
