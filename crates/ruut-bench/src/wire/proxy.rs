//! The throttling proxy: a TCP forwarder on 127.0.0.1 that imposes one
//! [`Link`] between the clients and the canned server, and counts what crosses
//! it.
//!
//! Each accepted connection gets its own connection to the upstream and two
//! pumps, one per direction; a pump reads what one side sent, schedules each
//! chunk on the link's [`Direction`] (shared by every connection, so that 64
//! connections share the bandwidth as they would share a real line), and
//! writes it to the other side when it is due. A new connection models the TCP
//! handshake: nothing the client sends on it leaves before one round trip after
//! it was accepted (the client's `connect` returns at once on loopback). The
//! proxy runs on its own thread and runtime, so that the client's work never
//! delays its timers. What it counts is TCP payload: the HTTP bytes, headers
//! included, without TCP/IP framing; the connections it counts are TCP
//! handshakes (the benchmark's link is plain TCP: there is no TLS on loopback
//! here, so a TLS handshake's extra round trips are not in the figures).

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;

use super::link::{Direction, Link};

/// The largest chunk read at once: about an Ethernet frame's worth of
/// segments, so that bandwidth shapes a body as it streams.
const CHUNK: usize = 4096;

/// What crossed the proxy so far.
#[derive(Debug, Default)]
pub struct Counters {
    connections: AtomicU64,
    up: AtomicU64,
    down: AtomicU64,
}

/// A reading of [`Counters`]; subtract two to get what happened between them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Traffic {
    /// TCP connections accepted (each a TCP handshake over the link).
    pub connections: u64,
    /// Bytes from the client to the server.
    pub up: u64,
    /// Bytes from the server to the client.
    pub down: u64,
}

impl std::ops::Sub for Traffic {
    type Output = Traffic;

    fn sub(self, before: Traffic) -> Traffic {
        Traffic {
            connections: self.connections - before.connections,
            up: self.up - before.up,
            down: self.down - before.down,
        }
    }
}

/// A running proxy.
pub struct Proxy {
    /// `http://127.0.0.1:PORT`, the address clients use instead of the upstream's.
    pub base_url: String,
    counters: Arc<Counters>,
}

impl Proxy {
    /// Starts a proxy to `upstream` on its own thread, imposing `link`.
    pub fn start(upstream: SocketAddr, link: Link) -> std::io::Result<Proxy> {
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let counters = Arc::new(Counters::default());
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let shared = counters.clone();
        std::thread::Builder::new()
            .name("throttling-proxy".into())
            .spawn(move || {
                crate::alloc::ignore_this_thread();
                runtime.block_on(async move {
                    let listener = TcpListener::from_std(listener)
                        .expect("a std listener converts to tokio's");
                    accept_loop(listener, upstream, link, shared).await;
                });
            })?;
        Ok(Proxy {
            base_url: format!("http://{addr}"),
            counters,
        })
    }

    /// What crossed the proxy since it started.
    pub fn traffic(&self) -> Traffic {
        Traffic {
            connections: self.counters.connections.load(Ordering::Relaxed),
            up: self.counters.up.load(Ordering::Relaxed),
            down: self.counters.down.load(Ordering::Relaxed),
        }
    }
}

/// The two directions of the link, shared by every connection.
struct Shared {
    link: Link,
    up: Mutex<Direction>,
    down: Mutex<Direction>,
    counters: Arc<Counters>,
}

async fn accept_loop(
    listener: TcpListener,
    upstream: SocketAddr,
    link: Link,
    counters: Arc<Counters>,
) {
    let shared = Arc::new(Shared {
        link,
        up: Mutex::new(Direction::new(link)),
        down: Mutex::new(Direction::new(link)),
        counters,
    });
    loop {
        let Ok((client, _)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let accepted = Instant::now();
        shared.counters.connections.fetch_add(1, Ordering::Relaxed);
        let shared = shared.clone();
        tokio::spawn(async move {
            let Ok(server) = TcpStream::connect(upstream).await else {
                return;
            };
            for stream in [&client, &server] {
                let _ = stream.set_nodelay(true);
            }
            let (client_read, client_write) = client.into_split();
            let (server_read, server_write) = server.into_split();
            // The handshake: SYN out, SYN-ACK back, before the first byte leaves.
            let handshake_done = accepted + shared.link.round_trip();
            let up = pump(client_read, server_write, &shared, true, handshake_done);
            let down = pump(server_read, client_write, &shared, false, accepted);
            tokio::join!(up, down);
        });
    }
}

/// Forwards `from` to `to` over one direction of the link until `from`
/// closes; nothing leaves before `not_before`.
async fn pump(
    mut from: OwnedReadHalf,
    mut to: OwnedWriteHalf,
    shared: &Shared,
    upward: bool,
    not_before: Instant,
) {
    let (tx, mut rx) = mpsc::unbounded_channel::<(Instant, Vec<u8>)>();
    let (direction, counter) = if upward {
        (&shared.up, &shared.counters.up)
    } else {
        (&shared.down, &shared.counters.down)
    };
    let reader = async move {
        let mut buf = vec![0_u8; CHUNK];
        loop {
            let n = match from.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            counter.fetch_add(n as u64, Ordering::Relaxed);
            let now = Instant::now().max(not_before);
            let due = direction
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .schedule(now, n);
            if tx.send((due, buf[..n].to_vec())).is_err() {
                break;
            }
        }
        // Dropping `tx` ends the writer once the link has delivered the rest.
    };
    let writer = async move {
        while let Some((due, chunk)) = rx.recv().await {
            tokio::time::sleep_until(due.into()).await;
            if to.write_all(&chunk).await.is_err() {
                break;
            }
        }
        let _ = to.shutdown().await;
    };
    tokio::join!(reader, writer);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An upstream on 127.0.0.1 that echoes every byte back, upper-cased.
    async fn shouting_echo() -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let mut buf = vec![0_u8; 1024];
                    while let Ok(n @ 1..) = socket.read(&mut buf).await {
                        buf[..n].make_ascii_uppercase();
                        if socket.write_all(&buf[..n]).await.is_err() {
                            break;
                        }
                    }
                });
            }
        });
        addr
    }

    async fn round_trip(proxy: &Proxy, message: &[u8]) -> Vec<u8> {
        let addr = proxy.base_url.trim_start_matches("http://");
        let mut socket = TcpStream::connect(addr).await.unwrap();
        socket.write_all(message).await.unwrap();
        let mut answer = vec![0_u8; message.len()];
        socket.read_exact(&mut answer).await.unwrap();
        answer
    }

    #[tokio::test]
    async fn forwards_both_ways_and_counts_connections_and_bytes() {
        let link = Link {
            latency: Duration::from_millis(1),
            bits_per_second: 0,
        };
        let proxy = Proxy::start(shouting_echo().await, link).unwrap();
        assert_eq!(proxy.traffic(), Traffic::default());
        let long: Vec<u8> = (0..20_000).map(|i| b"abcdefgh"[i % 8]).collect();
        assert_eq!(round_trip(&proxy, &long).await, long.to_ascii_uppercase());
        let before = proxy.traffic();
        assert_eq!(round_trip(&proxy, b"hello").await, b"HELLO");
        let second = proxy.traffic() - before;
        assert_eq!(
            second,
            Traffic {
                connections: 1,
                up: 5,
                down: 5
            }
        );
        assert_eq!(proxy.traffic().connections, 2);
        assert_eq!(proxy.traffic().up, 20_005);
    }

    #[tokio::test]
    async fn a_round_trip_takes_at_least_the_links_round_trip() {
        let link = Link {
            latency: Duration::from_millis(20),
            bits_per_second: 0,
        };
        let proxy = Proxy::start(shouting_echo().await, link).unwrap();
        let started = Instant::now();
        assert_eq!(round_trip(&proxy, b"ping").await, b"PING");
        // A new connection: the handshake's round trip, then the request's.
        // Lower bounds only (timers never fire early): this cannot flake.
        assert!(started.elapsed() >= link.round_trip() * 2);
    }
}
