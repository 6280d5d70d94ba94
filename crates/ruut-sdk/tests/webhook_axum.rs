//! The axum extractor answers 401 on signature failures and 400 on bad bodies.
#![cfg(feature = "axum")]

use std::time::{SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::extract::FromRef;
use axum::routing::post;
use ruut_sdk::webhook::axum::VerifiedWebhook;
use ruut_sdk::webhook::{Verifier, WebhookEvent, WebhookSecret, sign};

const SECRET: &str = "whsec_axum_test";

#[derive(Clone)]
struct AppState {
    verifier: Verifier,
}

impl FromRef<AppState> for Verifier {
    fn from_ref(state: &AppState) -> Verifier {
        state.verifier.clone()
    }
}

async fn receive(VerifiedWebhook(event, delivery): VerifiedWebhook) -> String {
    let kind = match event {
        WebhookEvent::ContactCreated(_) => "contact",
        WebhookEvent::Unknown { .. } => "unknown",
        _ => "other",
    };
    format!("{kind} {}", delivery.id.unwrap_or_default())
}

async fn serve() -> String {
    let state = AppState {
        verifier: Verifier::new(SECRET),
    };
    let app = Router::new()
        .route("/hook", post(receive))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let address = listener.local_addr().expect("an address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{address}/hook")
}

fn now() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    seconds.to_string()
}

async fn post_body(
    url: &str,
    body: &'static str,
    signature: Option<String>,
    timestamp: &str,
) -> (u16, String) {
    let mut request = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .header("x-chatwoot-timestamp", timestamp)
        .header("x-chatwoot-delivery", "d-7")
        .body(body);
    if let Some(signature) = signature {
        request = request.header("x-chatwoot-signature", signature);
    }
    let response = request.send().await.expect("answers");
    let status = response.status().as_u16();
    (status, response.text().await.expect("a body"))
}

#[tokio::test]
async fn a_signed_delivery_reaches_the_handler() {
    let url = serve().await;
    let body = r#"{"event":"contact_created","id":11}"#;
    let timestamp = now();
    let signature = sign(&WebhookSecret::from(SECRET), &timestamp, body.as_bytes());
    let answer = post_body(&url, body, Some(signature), &timestamp).await;
    assert_eq!(answer, (200, "contact d-7".to_string()));

    let body = r#"{"event":"inbox_created","id":3}"#;
    let signature = sign(&WebhookSecret::from(SECRET), &timestamp, body.as_bytes());
    let answer = post_body(&url, body, Some(signature), &timestamp).await;
    assert_eq!(answer, (200, "unknown d-7".to_string()));
}

#[tokio::test]
async fn signature_failures_answer_401() {
    let url = serve().await;
    let body = r#"{"event":"contact_created","id":11}"#;
    let timestamp = now();

    let (status, text) = post_body(&url, body, None, &timestamp).await;
    assert_eq!(status, 401);
    assert!(text.contains("x-chatwoot-signature"), "{text}");

    let wrong = sign(&WebhookSecret::from("another"), &timestamp, body.as_bytes());
    let (status, text) = post_body(&url, body, Some(wrong), &timestamp).await;
    assert_eq!(status, 401);
    assert!(text.contains("does not match"), "{text}");

    let old = "1000000000";
    let stale = sign(&WebhookSecret::from(SECRET), old, body.as_bytes());
    let (status, text) = post_body(&url, body, Some(stale), old).await;
    assert_eq!(status, 401);
    assert!(text.contains("timestamp"), "{text}");
}

#[tokio::test]
async fn a_signed_but_malformed_body_answers_400() {
    let url = serve().await;
    let body = r#"{"event":"contact_created","id":"eleven"}"#;
    let timestamp = now();
    let signature = sign(&WebhookSecret::from(SECRET), &timestamp, body.as_bytes());
    let (status, text) = post_body(&url, body, Some(signature), &timestamp).await;
    assert_eq!(status, 400);
    assert!(text.contains("contact_created"), "{text}");
}
