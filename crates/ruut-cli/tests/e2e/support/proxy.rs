//! A loopback TCP proxy that removes every request header whose name holds an
//! underscore, as nginx does without `underscores_in_headers on`. Each
//! connection carries one request (it forces `Connection: close`), so every
//! request's head passes the filter.

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The largest request head the proxy reads.
const MAX_HEAD: usize = 64 * 1024;

/// Starts the proxy in front of `upstream` (`127.0.0.1:port`) on `runtime`;
/// its base URL.
pub fn start(runtime: &tokio::runtime::Runtime, upstream: std::net::SocketAddr) -> String {
    let listener = runtime
        .block_on(TcpListener::bind("127.0.0.1:0"))
        .expect("a loopback port");
    let url = format!("http://{}", listener.local_addr().expect("an address"));
    runtime.spawn(async move {
        while let Ok((client, _)) = listener.accept().await {
            tokio::spawn(relay(client, upstream));
        }
    });
    url
}

async fn relay(mut client: TcpStream, upstream: std::net::SocketAddr) -> std::io::Result<()> {
    let mut buffer = Vec::new();
    let end = loop {
        let mut chunk = [0u8; 4096];
        let n = client.read(&mut chunk).await?;
        if n == 0 || buffer.len() > MAX_HEAD {
            return Ok(());
        }
        buffer.extend_from_slice(&chunk[..n]);
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at;
        }
    };
    let head = String::from_utf8_lossy(&buffer[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut filtered = lines.next().unwrap_or_default().to_owned() + "\r\n";
    for line in lines {
        let name = line
            .split(':')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !name.contains('_') && name != "connection" {
            filtered.push_str(line);
            filtered.push_str("\r\n");
        }
    }
    filtered.push_str("connection: close\r\n\r\n");
    let mut server = TcpStream::connect(upstream).await?;
    server.write_all(filtered.as_bytes()).await?;
    server.write_all(&buffer[end + 4..]).await?;
    tokio::io::copy_bidirectional(&mut client, &mut server).await?;
    Ok(())
}
