//! The `gzip` feature against a loopback server that compresses: the client
//! asks for gzip, decodes the answer, and the response-size cap counts the
//! decoded bytes (a small compressed body that inflates past the cap fails).
//! Runs in CI's test run with all features.
#![cfg(feature = "gzip")]

use std::io::Write as _;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use ruut_api::{Client, ClientState, ResponseTooLarge};

/// What the server answers (gzip-compressed), and the `Accept-Encoding` it saw.
#[derive(Clone)]
struct Stub {
    body: Arc<Vec<u8>>,
    accept_encoding: Arc<Mutex<Option<String>>>,
}

async fn handle(State(stub): State<Stub>, request: Request) -> Response {
    let seen = request
        .headers()
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    *stub.accept_encoding.lock().expect("lock") = seen;
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CONTENT_ENCODING, "gzip"),
        ],
        stub.body.as_ref().clone(),
    )
        .into_response()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).expect("gzip");
    encoder.finish().expect("gzip")
}

/// A server answering every request with `json` gzipped; the compressed size.
async fn serve(json: &str) -> (String, Arc<Mutex<Option<String>>>, usize) {
    let body = gzip(json.as_bytes());
    let size = body.len();
    let accept_encoding = Arc::new(Mutex::new(None));
    let app = Router::new().fallback(handle).with_state(Stub {
        body: Arc::new(body),
        accept_encoding: accept_encoding.clone(),
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    (format!("http://{addr}"), accept_encoding, size)
}

fn client(base_url: &str, state: ClientState) -> Client {
    Client::new_with_client(base_url, reqwest::Client::new(), state)
}

#[tokio::test]
async fn a_gzipped_answer_is_asked_for_and_decoded() {
    let (url, accept_encoding, _) = serve(r#"{"version":"4.10.1"}"#).await;
    let info = client(&url, ClientState::default())
        .get_server_info()
        .send()
        .await
        .expect("the decoded answer");
    assert_eq!(info.version, "4.10.1");
    let asked = accept_encoding.lock().expect("lock").clone();
    assert!(
        asked.as_deref().is_some_and(|v| v.contains("gzip")),
        "Accept-Encoding: {asked:?}"
    );
}

#[tokio::test]
async fn the_size_cap_counts_the_decoded_bytes() {
    let padding = "a".repeat(64 * 1024);
    let json = format!(r#"{{"version":"4.10.1","timestamp":"{padding}"}}"#);
    let (url, _, compressed) = serve(&json).await;
    let limit = 16 * 1024;
    assert!(compressed < limit, "compressed to {compressed} bytes");
    let error = client(&url, ClientState::default().with_max_response_body(limit))
        .get_server_info()
        .send()
        .await
        .expect_err("the decoded answer is over the cap");
    let found = ResponseTooLarge::find(&error);
    assert_eq!(found.map(|e| e.limit), Some(limit), "{error:?}");
}
