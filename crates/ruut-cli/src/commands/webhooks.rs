//! `ruut webhooks listen`: a local endpoint for the server's (or the
//! sandbox's) deliveries, the way `stripe listen` works: each delivery is
//! verified (with `--secret`), printed readably, and optionally forwarded.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use ruut_sdk::webhook::{
    DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, Verifier, WebhookEvent,
};
use serde_json::Value;

use crate::args::Format;
use crate::commands::Context;
use crate::exit::{Failure, Outcome};
use crate::output::{Printer, emit};

/// What the endpoint needs for every delivery.
struct Listener {
    verifier: Verifier,
    printer: Printer,
    forward_to: Option<String>,
    http: reqwest::Client,
}

/// Runs `ruut webhooks listen`.
pub async fn listen(
    ctx: &Context,
    port: u16,
    secret: Option<String>,
    forward_to: Option<String>,
    port_file: Option<PathBuf>,
) -> Outcome {
    let verifier = match &secret {
        Some(secret) => Verifier::new(secret.as_str()),
        None => Verifier::unsigned_only(),
    };
    let state = Arc::new(Listener {
        verifier,
        printer: ctx.printer,
        forward_to,
        http: reqwest::Client::new(),
    });
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .map_err(|e| Failure::other(format!("cannot listen on 127.0.0.1:{port}: {e}")))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Failure::other(e.to_string()))?;
    let url = format!("http://{addr}/webhooks");
    let checking = if secret.is_some() {
        "verifying signatures"
    } else {
        "not verifying signatures (no --secret)"
    };
    eprintln!("Listening for webhooks on {url}, {checking}. Ctrl-C stops.");
    if let Some(path) = port_file {
        std::fs::write(&path, format!("{url}\n"))
            .map_err(|e| Failure::other(format!("cannot write {}: {e}", path.display())))?;
    }
    let app = axum::Router::new()
        .fallback(axum::routing::post(receive))
        .with_state(state);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|e| Failure::other(format!("the webhook endpoint failed: {e}")))
}

async fn receive(State(me): State<Arc<Listener>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let (event, delivery) = match me
        .verifier
        .verify_and_parse(&headers, &body, SystemTime::now())
    {
        Ok(parsed) => parsed,
        Err(e) => {
            eprintln!("rejected a delivery: {e}");
            return if e.is_unauthenticated() {
                StatusCode::UNAUTHORIZED
            } else {
                StatusCode::BAD_REQUEST
            };
        }
    };
    let raw: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let printed = match me.printer.format() {
        Format::Table => emit(&(readable(&event, &raw, delivery.signed) + "\n")),
        _ => me.printer.list(&[]).push(&raw),
    };
    if printed.is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR;
    }
    if let Some(url) = &me.forward_to {
        forward(&me.http, url, &headers, body).await;
    }
    StatusCode::OK
}

/// One line a person reads: the event, its conversation, what changed.
fn readable(event: &WebhookEvent, raw: &Value, signed: bool) -> String {
    let mut line = format!("{:<28}", event.name());
    if let Some(id) = event.conversation_id() {
        line.push_str(&format!(" conversation #{id}"));
    }
    if let Some(change) = event.status_transition() {
        let from = change
            .previous
            .map_or_else(|| "?".to_owned(), |s| s.to_string());
        line.push_str(&format!(" {from} -> {}", change.current));
    }
    if let Some(content) = raw.get("content").and_then(Value::as_str) {
        let short: String = content
            .chars()
            .take(60)
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        line.push_str(&format!(" {short:?}"));
    }
    if matches!(
        event,
        WebhookEvent::ContactCreated(_) | WebhookEvent::ContactUpdated(_)
    ) && let Some(name) = raw.get("name").and_then(Value::as_str)
    {
        line.push_str(&format!(" contact {name:?}"));
    }
    if !signed {
        line.push_str(" (unsigned)");
    }
    line
}

/// Sends the delivery on, unchanged, with its signature headers.
async fn forward(http: &reqwest::Client, url: &str, headers: &HeaderMap, body: Bytes) {
    let mut request = http
        .post(url)
        .header("content-type", "application/json")
        .body(body);
    for name in [SIGNATURE_HEADER, TIMESTAMP_HEADER, DELIVERY_HEADER] {
        if let Some(value) = headers.get(name) {
            request = request.header(name, value);
        }
    }
    match request.send().await {
        Ok(answer) => eprintln!("  forwarded to {url}: {}", answer.status()),
        Err(e) => eprintln!("  forwarding to {url} failed: {e}"),
    }
}
