//! What the automatic-route tests share: a loopback proxy that drops every
//! header whose name holds an underscore, as nginx does without
//! `underscores_in_headers on`, and the journal read as operations.

#![allow(dead_code)]

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use ruut_sandbox::{RecordedRequest, Sandbox};
use ruut_sdk::Operation;

/// The most of a body the proxy relays (the sandbox's answers are far smaller).
const MAX_BODY: usize = 8 * 1024 * 1024;

/// A proxy on 127.0.0.1 in front of `upstream`, dropping underscore headers.
/// It stops when the test's runtime does.
pub struct UnderscoreDroppingProxy {
    base_url: String,
}

impl UnderscoreDroppingProxy {
    /// Starts the proxy in front of `upstream` (a base URL such as the sandbox's).
    pub async fn start(upstream: &str) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let base_url = format!("http://{}", listener.local_addr().expect("an address"));
        let app = axum::Router::new()
            .fallback(relay)
            .with_state(upstream.trim_end_matches('/').to_owned());
        tokio::spawn(async move { axum::serve(listener, app).await });
        Self { base_url }
    }

    /// The proxy's base URL, for the client.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }
}

/// Relays one request, without its underscore headers, and its answer.
async fn relay(State(upstream): State<String>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(body) = to_bytes(body, MAX_BODY).await else {
        return status(StatusCode::PAYLOAD_TOO_LARGE);
    };
    let target = parts
        .uri
        .path_and_query()
        .map_or(parts.uri.path(), |pq| pq.as_str());
    let mut headers = parts.headers.clone();
    let dropped: Vec<_> = headers
        .keys()
        .filter(|name| name.as_str().contains('_') || *name == "host")
        .cloned()
        .collect();
    for name in dropped {
        headers.remove(name);
    }
    let answer = reqwest::Client::new()
        .request(parts.method, format!("{upstream}{target}"))
        .headers(headers)
        .body(body)
        .send()
        .await;
    let Ok(answer) = answer else {
        return status(StatusCode::BAD_GATEWAY);
    };
    let mut response = Response::builder().status(answer.status());
    for (name, value) in answer.headers() {
        if name != "transfer-encoding" && name != "connection" {
            response = response.header(name, value);
        }
    }
    let Ok(bytes) = answer.bytes().await else {
        return status(StatusCode::BAD_GATEWAY);
    };
    response
        .body(Body::from(bytes))
        .unwrap_or_else(|_| status(StatusCode::BAD_GATEWAY))
}

fn status(code: StatusCode) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = code;
    response
}

/// A sandbox in Ruut's mode, or acting as a stock Chatwoot server.
pub async fn sandbox(chatwoot_only: bool) -> Sandbox {
    Sandbox::builder()
        .chatwoot_only(chatwoot_only)
        .start()
        .await
        .expect("the sandbox starts")
}

/// Each request the sandbox received, as `(operation, method, path)`; the
/// operation is `None` for a request no route of the sandbox's mode serves.
pub fn journal(sandbox: &Sandbox) -> Vec<(Option<Operation>, String, String)> {
    sandbox
        .requests()
        .into_iter()
        .map(|r| (r.operation, r.method, r.path))
        .collect()
}

/// Which spelling of the token header a recorded request carried, if any.
pub fn token_spelling(request: &RecordedRequest) -> Option<&'static str> {
    ["api_access_token", "api-access-token"]
        .into_iter()
        .find(|name| request.header(name).is_some())
}
