//! Running outside programs for the CI steps and the reports: print each
//! command before it runs, turn a failure into an [`Error`] that names the
//! step, and keep background servers (the sandbox, Prism) on a leash that
//! kills them when it is dropped, also when a step fails or panics.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::Error;

/// A failure of `step`, for the CI summary and `main`'s error line.
pub fn fail(step: &str, detail: impl Into<String>) -> Error {
    Error::CiStep {
        step: step.to_string(),
        detail: detail.into(),
    }
}

/// An I/O error on `path`.
pub fn io(action: &'static str, path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// `cmd` as a shell-like line, relative to `root` where possible, for logs.
pub fn display(cmd: &Command, root: &Path) -> String {
    let mut parts = Vec::new();
    for (name, value) in cmd.get_envs() {
        // Only the variables we set on purpose; PATH changes are noise.
        if name == "PATH" {
            continue;
        }
        if let Some(value) = value {
            parts.push(format!(
                "{}={}",
                name.to_string_lossy(),
                value.to_string_lossy()
            ));
        }
    }
    parts.push(shorten(cmd.get_program(), root));
    parts.extend(cmd.get_args().map(|a| shorten(a, root)));
    parts.join(" ")
}

fn shorten(arg: &OsStr, root: &Path) -> String {
    let text = arg.to_string_lossy();
    let prefix = format!("{}/", root.display());
    let text = match text.strip_prefix(&prefix) {
        Some(rest) => rest.to_string(),
        None => text.into_owned(),
    };
    // Quote what a shell would split or expand, so the line can be pasted.
    if text.is_empty() || text.contains([' ', '*', '?', '\'', '"', '$', '&', ';', '|']) {
        format!("'{}'", text.replace('\'', "'\\''"))
    } else {
        text
    }
}

/// Runs `cmd` in `root` with inherited output; fails `step` on a non-zero exit.
pub fn run(step: &str, root: &Path, cmd: &mut Command) -> Result<(), Error> {
    cmd.current_dir(root);
    eprintln!("$ {}", display(cmd, root));
    let status = cmd.status().map_err(|e| {
        fail(
            step,
            format!("could not start `{}`: {e}", display(cmd, root)),
        )
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(fail(
            step,
            format!("`{}` {}", display(cmd, root), describe_exit(status)),
        ))
    }
}

/// Runs `cmd` in `root` and captures its output; starting it must work, the
/// exit status is left to the caller.
pub fn capture(step: &str, root: &Path, cmd: &mut Command) -> Result<Output, Error> {
    cmd.current_dir(root).stdin(Stdio::null());
    eprintln!("$ {}", display(cmd, root));
    cmd.output().map_err(|e| {
        fail(
            step,
            format!("could not start `{}`: {e}", display(cmd, root)),
        )
    })
}

/// "exited with status N" or "was killed by a signal".
pub fn describe_exit(status: std::process::ExitStatus) -> String {
    match status.code() {
        Some(code) => format!("exited with status {code}"),
        None => "was killed by a signal".to_string(),
    }
}

/// The first line of `program --version` (stdout, else stderr), for logs.
pub fn version(root: &Path, program: &Path, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .current_dir(root)
        .stdin(Stdio::null())
        .output();
    match output {
        Ok(out) => {
            let text = if out.stdout.iter().any(|b| !b.is_ascii_whitespace()) {
                out.stdout
            } else {
                out.stderr
            };
            String::from_utf8_lossy(&text)
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .trim()
                .to_string()
        }
        Err(e) => format!("unknown ({e})"),
    }
}

/// A free TCP port on 127.0.0.1 (bound once, then released).
pub fn free_port(step: &str) -> Result<u16, Error> {
    let listener = TcpListener::bind("127.0.0.1:0")
        .map_err(|e| fail(step, format!("cannot find a free port: {e}")))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| fail(step, format!("cannot find a free port: {e}")))
}

/// A child process that is killed (by its own pid) and reaped when dropped.
pub struct Background {
    name: String,
    child: Child,
    lines: Option<mpsc::Receiver<String>>,
}

impl Background {
    /// Starts `cmd` in `root`. Its stdout is piped (read it with
    /// [`Background::wait_for_line`]); stderr goes to ours.
    pub fn spawn(step: &str, name: &str, root: &Path, cmd: &mut Command) -> Result<Self, Error> {
        cmd.current_dir(root)
            .stdin(Stdio::null())
            .stdout(Stdio::piped());
        eprintln!("$ {} &", display(cmd, root));
        let mut child = cmd
            .spawn()
            .map_err(|e| fail(step, format!("could not start {name}: {e}")))?;
        let lines = child.stdout.take().map(forward_lines);
        Ok(Background {
            name: name.to_string(),
            child,
            lines,
        })
    }

    /// The process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Waits up to `timeout` for a stdout line for which `pick` returns
    /// `Some`; every line is echoed to stderr. Fails if the process exits or
    /// the time runs out first.
    pub fn wait_for_line<T>(
        &mut self,
        step: &str,
        timeout: Duration,
        mut pick: impl FnMut(&str) -> Option<T>,
    ) -> Result<T, Error> {
        let deadline = Instant::now() + timeout;
        let Some(lines) = &self.lines else {
            return Err(fail(step, format!("{} has no stdout to read", self.name)));
        };
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match lines.recv_timeout(left.min(Duration::from_millis(200))) {
                Ok(line) => {
                    eprintln!("[{}] {line}", self.name);
                    if let Some(found) = pick(&line) {
                        return Ok(found);
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    let status = self.child.wait().ok();
                    return Err(fail(
                        step,
                        format!(
                            "{} closed its output before it was ready ({})",
                            self.name,
                            status.map_or("status unknown".to_string(), describe_exit)
                        ),
                    ));
                }
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(fail(
                    step,
                    format!(
                        "{} {} before it was ready",
                        self.name,
                        describe_exit(status)
                    ),
                ));
            }
            if Instant::now() >= deadline {
                return Err(fail(
                    step,
                    format!("{} was not ready after {} s", self.name, timeout.as_secs()),
                ));
            }
        }
    }

    /// Keeps echoing the rest of stdout to stderr in the background.
    pub fn echo_rest(&mut self) {
        if let Some(lines) = self.lines.take() {
            let name = self.name.clone();
            std::thread::spawn(move || {
                for line in lines {
                    eprintln!("[{name}] {line}");
                }
            });
        }
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            eprintln!("stopping {} (pid {})", self.name, self.child.id());
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

fn forward_lines(stdout: ChildStdout) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let reader = BufReader::new(stdout);
        for line in reader.lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Waits until something accepts TCP connections on `127.0.0.1:port`, or
/// `child` exits, or `timeout` passes.
pub fn wait_for_port(
    step: &str,
    child: &mut Background,
    port: u16,
    timeout: Duration,
) -> Result<(), Error> {
    let deadline = Instant::now() + timeout;
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    loop {
        if std::net::TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return Ok(());
        }
        if let Ok(Some(status)) = child.child.try_wait() {
            return Err(fail(
                step,
                format!(
                    "{} {} before it listened on port {port}",
                    child.name,
                    describe_exit(status)
                ),
            ));
        }
        if Instant::now() >= deadline {
            return Err(fail(
                step,
                format!(
                    "{} did not listen on port {port} within {} s",
                    child.name,
                    timeout.as_secs()
                ),
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Runs `cmd` with a time limit; its stdout and stderr go to
/// `<log_stem>.out` and `<log_stem>.err` (files, not pipes, so that helper
/// processes that outlive it cannot hold us up) and are returned. Kills it
/// (by pid) when the time is up.
pub fn capture_with_timeout(
    step: &str,
    root: &Path,
    cmd: &mut Command,
    timeout: Duration,
    log_stem: &Path,
) -> Result<Output, Error> {
    let out_path = log_stem.with_extension("out");
    let err_path = log_stem.with_extension("err");
    let out = std::fs::File::create(&out_path).map_err(|e| io("create", &out_path, e))?;
    let err = std::fs::File::create(&err_path).map_err(|e| io("create", &err_path, e))?;
    cmd.current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err));
    eprintln!("$ {}", display(cmd, root));
    let mut child = cmd.spawn().map_err(|e| {
        fail(
            step,
            format!("could not start `{}`: {e}", display(cmd, root)),
        )
    })?;
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(fail(
                    step,
                    format!(
                        "`{}` did not finish within {} s and was killed",
                        display(cmd, root),
                        timeout.as_secs()
                    ),
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(100)),
            Err(e) => return Err(fail(step, format!("cannot wait for the process: {e}"))),
        }
    };
    Ok(Output {
        status,
        stdout: std::fs::read(&out_path).map_err(|e| io("read", &out_path, e))?,
        stderr: std::fs::read(&err_path).map_err(|e| io("read", &err_path, e))?,
    })
}
