//! A tiny TCP server on a loopback address that misbehaves on purpose, or
//! answers every request the same way: what the sandbox cannot do.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// A tiny TCP server; stops when dropped.
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
    /// Reads the whole request and answers it with this status, content type
    /// and body, then closes the connection: a server that has none of the
    /// routes (Rails' HTML 404 page), or errors that are not JSON.
    Answer {
        status: u16,
        content_type: &'static str,
        body: &'static str,
    },
}

/// What Rails sends for a route it does not have, to a client whose `Accept`
/// is not JSON only: `404`, `text/html`, this page (shortened).
pub const RAILS_404_PAGE: &str = "<!DOCTYPE html>\n<html>\n<head>\n  \
<title>The page you were looking for doesn't exist (404)</title>\n</head>\n<body>\n  \
<div class=\"dialog\">\n    <h1>The page you were looking for doesn't exist.</h1>\n  \
</div>\n</body>\n</html>\n";

impl Behaviour {
    /// Rails' routing 404, an HTML page, to every request.
    pub const RAILS_404: Behaviour = Behaviour::Answer {
        status: 404,
        content_type: "text/html; charset=utf-8",
        body: RAILS_404_PAGE,
    };
}

impl RawServer {
    /// Starts a server on `ip` (any loopback address), port chosen by the system.
    pub async fn start(ip: &str, behaviour: Behaviour) -> RawServer {
        let listener = TcpListener::bind((ip, 0))
            .await
            .unwrap_or_else(|e| panic!("bind {ip}: {e}"));
        let addr = listener.local_addr().expect("a bound address");
        let received = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(Mutex::new(0));
        let (seen, count) = (received.clone(), connections.clone());
        let task = tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((stream, _)) = listener.accept().await {
                *count.lock().expect("the count lock") += 1;
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

    /// How many connections it accepted so far.
    pub fn connections(&self) -> usize {
        *self.connections.lock().expect("the count lock")
    }

    /// The request heads it kept so far.
    pub fn received(&self) -> Vec<String> {
        self.received.lock().expect("the heads lock").clone()
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
            seen.lock().expect("the heads lock").push(head);
            answer(&mut stream, 200, "application/json", "{}").await;
        }
        Behaviour::Echo => {
            seen.lock().expect("the heads lock").push(head.clone());
            let body = serde_json::json!({
                "message": format!("cannot accept {head}"),
                "attributes": [head.clone()],
            })
            .to_string();
            answer(&mut stream, 422, "application/json", &body).await;
        }
        Behaviour::Answer {
            status,
            content_type,
            body,
        } => {
            skip_body(&mut stream, &head).await;
            seen.lock().expect("the heads lock").push(head);
            answer(&mut stream, status, content_type, body).await;
        }
    }
}

/// Writes a complete answer that closes the connection.
async fn answer(stream: &mut TcpStream, status: u16, content_type: &str, body: &str) {
    let text = format!(
        "HTTP/1.1 {status} {}\r\ncontent-type: {content_type}\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n{body}",
        reason(status),
        body.len()
    );
    let _ = stream.write_all(text.as_bytes()).await;
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        404 => "Not Found",
        422 => "Unprocessable Entity",
        _ => "Status",
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

/// Reads the body `head` declares, so that closing the connection after the
/// answer does not reset it under a client still sending.
async fn skip_body(stream: &mut TcpStream, head: &str) {
    let length = head
        .lines()
        .filter_map(|line| line.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.trim().parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = vec![0_u8; length.min(1024 * 1024)];
    let _ = stream.read_exact(&mut body).await;
}
