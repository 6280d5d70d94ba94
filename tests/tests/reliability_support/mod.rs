//! What the reliability tests share: a sandbox and clients for it with small,
//! known timeouts; a hang guard around every call; the time budget a failing
//! call must end within; tiny TCP servers that misbehave in ways the sandbox
//! cannot (accept and stay silent, stall mid-body, stream forever, record the
//! headers that reach another host); and the concurrent status-change run
//! shared by the short load test and `cargo xtask load`.
//!
//! Every test of a `reliability_*.rs` file carries a `/// Case <id>: <what>`
//! and a `/// Expect: <outcome>` line; `cargo xtask reliability-report` turns
//! them, with the outcome of running the tests, into RELIABILITY.md (see
//! `xtask/src/reliability.rs`). [`record`] adds what a run measured.

#![allow(dead_code)]

pub mod load;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ruut_sandbox::Sandbox;
use ruut_sdk::{Client, ClientBuilder, Error, ErrorKind, RetryPolicy};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// Long and distinctive, so that a leak is found by a plain substring search.
pub const TOKEN: &str = "rt_live_RELIABILITY_9fK2xQ7mZ4";

/// How long any single call of a test may take before the test calls it a hang.
/// Far above every budget below: reaching it means something ignored its timeout.
pub const HANG_GUARD: Duration = Duration::from_secs(60);

/// The per-request timeout of the test clients: short, so that hangs end fast.
pub const TIMEOUT: Duration = Duration::from_millis(700);

/// Retries for tests: 3 attempts, milliseconds apart.
pub fn retries() -> RetryPolicy {
    RetryPolicy::default()
        .with_max_attempts(3)
        .with_base_delay(Duration::from_millis(5))
        .with_max_delay(Duration::from_millis(50))
        .with_deadline(Some(Duration::from_secs(30)))
}

/// A sandbox that accepts [`TOKEN`].
pub async fn sandbox() -> Sandbox {
    Sandbox::builder()
        .user_token(TOKEN)
        .start()
        .await
        .expect("the sandbox starts")
}

/// A builder for a client of `sandbox`: [`TIMEOUT`], [`retries`].
pub fn builder(sandbox: &Sandbox) -> ClientBuilder {
    builder_for(sandbox.base_url())
        .api_token(sandbox.user_token())
        .account_id(sandbox.account_id())
}

/// A builder for a client of any loopback server, with [`TOKEN`].
pub fn builder_for(base_url: &str) -> ClientBuilder {
    Client::builder()
        .base_url(base_url)
        .api_token(TOKEN)
        .account_id(1)
        .user_agent("ruut-reliability-tests")
        .timeout(TIMEOUT)
        .connect_timeout(TIMEOUT)
        .retry_policy(retries())
}

/// A client of `sandbox`.
pub fn client(sandbox: &Sandbox) -> Client {
    builder(sandbox).build().expect("valid settings")
}

/// Runs `call`, failing the test if it has not finished within [`HANG_GUARD`].
pub async fn guard<F: Future>(what: &str, call: F) -> F::Output {
    match tokio::time::timeout(HANG_GUARD, call).await {
        Ok(output) => output,
        Err(_) => panic!("hang: {what} did not finish within {HANG_GUARD:?}"),
    }
}

/// The longest a call may take under `policy` when every attempt runs into the
/// request timeout: each attempt's timeout, each wait's cap, and a generous
/// allowance for a loaded machine. Not a performance target: a call past it
/// ignored its timeout or its retry budget.
pub fn budget(policy: &RetryPolicy, timeout: Duration) -> Duration {
    let attempts = policy.max_attempts.max(1);
    timeout * attempts + policy.max_delay * attempts + Duration::from_secs(10)
}

/// A call's result and how long it took.
pub struct Timed<T> {
    pub result: Result<T, Error>,
    pub elapsed: Duration,
}

/// Runs `call` under the hang guard and times it.
pub async fn timed<T, F: Future<Output = Result<T, Error>>>(what: &str, call: F) -> Timed<T> {
    let started = Instant::now();
    let result = guard(what, call).await;
    Timed {
        result,
        elapsed: started.elapsed(),
    }
}

impl<T: std::fmt::Debug> Timed<T> {
    /// The error, which must be of `kind` and have come within `budget`.
    pub fn expect_error(self, kind: ErrorKind, budget: Duration) -> (Error, Duration) {
        let error = match self.result {
            Ok(value) => panic!("expected an error of kind {kind:?}, got {value:?}"),
            Err(error) => error,
        };
        assert_eq!(error.kind(), kind, "{error}");
        assert!(
            self.elapsed <= budget,
            "{kind:?} took {:?}, over its budget of {budget:?}: {error}",
            self.elapsed
        );
        (error, self.elapsed)
    }
}

/// Records what a case measured, for RELIABILITY.md: written to
/// `$RUUT_RELIABILITY_OUT/<case>.txt` when `cargo xtask reliability-report`
/// runs the tests, ignored otherwise.
pub fn record(case: &str, outcome: impl std::fmt::Display) {
    let Some(dir) = std::env::var_os("RUUT_RELIABILITY_OUT") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(format!("{case}.txt")), outcome.to_string());
}

/// `Timeout after 3 attempts in 2.1 s (budget 14.2 s)`.
pub fn describe(error: &Error, elapsed: Duration, budget: Duration) -> String {
    let attempts = match error.attempts() {
        1 => "1 attempt".to_owned(),
        n => format!("{n} attempts"),
    };
    format!(
        "{:?}{} after {attempts} in {:.1} s (budget {:.0} s)",
        error.kind(),
        error
            .status()
            .map(|s| format!(" (HTTP {s})"))
            .unwrap_or_default(),
        elapsed.as_secs_f64(),
        budget.as_secs_f64(),
    )
}

/// Asserts that the token appears nowhere in an error: its `Display`, its
/// `Debug`, its body excerpt and every source in its chain.
pub fn assert_no_token(error: &Error) {
    let mut texts = vec![format!("{error}"), format!("{error:?}")];
    texts.extend(error.body_excerpt().map(str::to_owned));
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        texts.push(format!("{cause} {cause:?}"));
        source = cause.source();
    }
    for text in texts {
        assert!(!text.contains(TOKEN), "the token leaked: {text}");
    }
}

/// A tiny TCP server that misbehaves on purpose; stops when dropped.
pub struct RawServer {
    pub addr: SocketAddr,
    /// The request heads it received, in order.
    pub received: Arc<Mutex<Vec<String>>>,
    /// How many connections it accepted.
    pub connections: Arc<Mutex<usize>>,
    task: JoinHandle<()>,
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// What a [`RawServer`] does with each connection.
#[derive(Clone, Copy, Debug)]
pub enum Behaviour {
    /// Accepts, never reads, never writes, never closes.
    Silent,
    /// Reads the request, sends a 200 head declaring 1000 bytes, then 10 of
    /// them, then nothing more, without closing.
    StallMidBody,
    /// Reads the request, sends a chunked 200 and streams bytes until the
    /// client goes away (64 MiB at most).
    Endless,
    /// Reads the request head, keeps it, and answers 200 `{}`.
    Record,
    /// Reads the request head and answers 422 with it quoted back in every
    /// field of a validation error (a hostile or careless server echoing the
    /// token).
    Echo,
}

impl RawServer {
    /// Starts a server on `ip` (any loopback address), port chosen by the system.
    pub async fn start(ip: &str, behaviour: Behaviour) -> RawServer {
        let listener = TcpListener::bind((ip, 0))
            .await
            .unwrap_or_else(|e| panic!("bind {ip}: {e}"));
        let addr = listener.local_addr().unwrap();
        let received = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(Mutex::new(0));
        let (seen, count) = (received.clone(), connections.clone());
        let task = tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((stream, _)) = listener.accept().await {
                *count.lock().unwrap() += 1;
                let seen = seen.clone();
                held.push(tokio::spawn(serve(stream, behaviour, seen)));
            }
        });
        RawServer {
            addr,
            received,
            connections,
            task,
        }
    }

    /// `http://<addr>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn connections(&self) -> usize {
        *self.connections.lock().unwrap()
    }

    pub fn received(&self) -> Vec<String> {
        self.received.lock().unwrap().clone()
    }
}

async fn serve(mut stream: TcpStream, behaviour: Behaviour, seen: Arc<Mutex<Vec<String>>>) {
    if let Behaviour::Silent = behaviour {
        // Keep the socket open, unread, until the server is dropped.
        std::future::pending::<()>().await;
    }
    let head = read_head(&mut stream).await;
    match behaviour {
        Behaviour::Silent => unreachable!(),
        Behaviour::StallMidBody => {
            let _ = stream
                .write_all(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                      content-length: 1000\r\n\r\n{\"id\": 42,",
                )
                .await;
            std::future::pending::<()>().await;
        }
        Behaviour::Endless => {
            let _ = stream
                .write_all(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                      transfer-encoding: chunked\r\n\r\n",
                )
                .await;
            let chunk = vec![b' '; 64 * 1024];
            let frame = [
                format!("{:x}\r\n", chunk.len()).into_bytes(),
                chunk,
                b"\r\n".to_vec(),
            ]
            .concat();
            for _ in 0..1024 {
                if stream.write_all(&frame).await.is_err() {
                    return;
                }
            }
        }
        Behaviour::Record => {
            seen.lock().unwrap().push(head);
            let _ = stream
                .write_all(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                      content-length: 2\r\nconnection: close\r\n\r\n{}",
                )
                .await;
        }
        Behaviour::Echo => {
            seen.lock().unwrap().push(head.clone());
            let body = serde_json::json!({
                "message": format!("cannot accept {head}"),
                "attributes": [head.clone()],
            })
            .to_string();
            let answer = format!(
                "HTTP/1.1 422 Unprocessable Entity\r\ncontent-type: application/json\r\n\
                 content-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(answer.as_bytes()).await;
        }
    }
}

/// The request line and headers, as text (the body, if any, is left unread).
async fn read_head(stream: &mut TcpStream) -> String {
    let mut head = Vec::new();
    let mut byte = [0_u8; 1];
    while !head.ends_with(b"\r\n\r\n") && head.len() < 64 * 1024 {
        match stream.read(&mut byte).await {
            Ok(1) => head.push(byte[0]),
            _ => break,
        }
    }
    String::from_utf8_lossy(&head).into_owned()
}
