//! The accept loop: one task per connection, served by hyper's HTTP/1 server.
//!
//! The sandbox runs connections itself rather than through `axum::serve` so
//! that a fault can cut a connection (see [`ConnCtl`]) and so that shutdown
//! drops every connection at once, hanging ones included.

use std::sync::Arc;

use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::{Service, service_fn};
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, oneshot};
use tokio::task::JoinSet;

/// Accepts connections until `shutdown` fires (or its sender is dropped),
/// then aborts every connection task.
pub(crate) async fn serve(
    listener: TcpListener,
    router: Router,
    mut shutdown: oneshot::Receiver<()>,
) {
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(connection(stream, router.clone()));
                }
                // Out of file descriptors and the like: back off briefly.
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    connections.shutdown().await;
}

/// Serves one connection until it ends or a fault kills it.
async fn connection(stream: TcpStream, router: Router) {
    let _ = stream.set_nodelay(true);
    let ctl = ConnCtl::default();
    let tower = TowerToHyperService::new(router);
    let request_ctl = ctl.clone();
    let service = service_fn(move |mut request: hyper::Request<Incoming>| {
        request.extensions_mut().insert(request_ctl.clone());
        tower.call(request)
    });
    let conn = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    tokio::select! {
        _ = conn => {}
        () = ctl.killed() => {}
    }
}

/// A handle on the connection a request arrived on, so a fault can cut it.
#[derive(Clone, Debug, Default)]
pub(crate) struct ConnCtl(Arc<Notify>);

impl ConnCtl {
    /// Asks the connection's task to close the socket now.
    pub fn kill(&self) {
        self.0.notify_one();
    }

    /// Resolves once [`kill`](Self::kill) has been called.
    pub async fn killed(&self) {
        self.0.notified().await;
    }
}
