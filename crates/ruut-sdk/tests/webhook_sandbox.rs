//! The sandbox's webhook deliveries, received with this crate's verifier: the
//! sandbox signs with its own HMAC code, so this checks one against the other.
#![cfg(feature = "axum")]

use std::collections::HashSet;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::post;
use ruut_sandbox::Sandbox;
use ruut_sdk::enums::{ConversationStatus, WebhookMessageType};
use ruut_sdk::webhook::axum::VerifiedWebhook;
use ruut_sdk::webhook::{Delivery, Verifier, WebhookEvent, changed_attribute};
use serde_json::{Value, json};
use tokio::sync::mpsc;

const SECRET: &str = "whsec_sandbox_test";

#[derive(Clone)]
struct Receiver {
    verifier: Verifier,
    events: mpsc::UnboundedSender<(WebhookEvent, Delivery)>,
}

impl axum::extract::FromRef<Receiver> for Verifier {
    fn from_ref(receiver: &Receiver) -> Verifier {
        receiver.verifier.clone()
    }
}

async fn receive(
    State(receiver): State<Receiver>,
    VerifiedWebhook(event, delivery): VerifiedWebhook,
) {
    let _ = receiver.events.send((event, delivery));
}

/// A receiver on 127.0.0.1 and its URL; verified events arrive on the channel.
async fn receiver(
    verifier: Verifier,
) -> (String, mpsc::UnboundedReceiver<(WebhookEvent, Delivery)>) {
    let (events, received) = mpsc::unbounded_channel();
    let app = Router::new()
        .route("/hooks", post(receive))
        .with_state(Receiver { verifier, events });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let url = format!(
        "http://{}/hooks",
        listener.local_addr().expect("an address")
    );
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, received)
}

struct Api {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Api {
    fn new(sandbox: &Sandbox) -> Api {
        Api {
            http: reqwest::Client::new(),
            base: format!(
                "{}/api/v1/accounts/{}",
                sandbox.base_url(),
                sandbox.account_id()
            ),
            token: sandbox.user_token().to_owned(),
        }
    }

    async fn post(&self, path: &str, body: Value) -> Value {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .header("api_access_token", &self.token)
            .json(&body)
            .send()
            .await
            .expect("answers");
        assert!(
            response.status().is_success(),
            "{path}: {}",
            response.status()
        );
        response.json().await.unwrap_or(Value::Null)
    }

    /// Changes a conversation's status over the account-scoped route, which
    /// delivers a `conversation_status_changed` webhook.
    async fn toggle_status(&self, conversation_id: i64, status: &str) {
        self.post(
            &format!("/conversations/{conversation_id}/toggle_status"),
            json!({"status": status}),
        )
        .await;
    }
}

async fn next(
    events: &mut mpsc::UnboundedReceiver<(WebhookEvent, Delivery)>,
) -> (WebhookEvent, Delivery) {
    tokio::time::timeout(Duration::from_secs(10), events.recv())
        .await
        .expect("a delivery within 10 s")
        .expect("the receiver runs")
}

#[tokio::test]
async fn every_event_is_delivered_once_signed_and_typed() {
    let (url, mut events) = receiver(Verifier::new(SECRET)).await;
    let sandbox = Sandbox::builder()
        .webhook(url, SECRET)
        .start()
        .await
        .expect("starts");
    let info = sandbox.seed_info().clone();
    let api = Api::new(&sandbox);

    let contact = api
        .post(
            "/contacts",
            json!({"name": "Webhook Person", "email": "hook@example.com", "inbox_id": info.api_inbox_id}),
        )
        .await;
    let contact_id = contact["payload"]["contact"]["id"].as_i64().expect("an id");
    let conversation = api
        .post(
            "/conversations",
            json!({"inbox_id": info.api_inbox_id, "contact_id": contact_id, "status": "pending"}),
        )
        .await;
    let id = conversation["id"].as_i64().expect("an id");
    api.post(
        &format!("/conversations/{id}/messages"),
        json!({"content": "Hello?", "message_type": "incoming"}),
    )
    .await;
    api.toggle_status(id, "open").await;
    api.post(
        &format!("/conversations/{id}/assignments"),
        json!({"assignee_id": info.agent_ids[0]}),
    )
    .await;

    let mut ids = HashSet::new();
    let mut names = Vec::new();
    let mut assignees = Vec::new();
    for _ in 0..6 {
        let (event, delivery) = next(&mut events).await;
        assert!(delivery.signed);
        assert!(
            ids.insert(delivery.id.clone().expect("a delivery id")),
            "ids repeat"
        );
        names.push(event.name().to_owned());
        match &event {
            WebhookEvent::ContactCreated(c) => {
                assert_eq!(c.id, contact_id);
                assert_eq!(c.email.as_deref(), Some("hook@example.com"));
            }
            WebhookEvent::ConversationCreated(c) => {
                assert_eq!((c.id, c.status.clone()), (id, ConversationStatus::Pending));
            }
            WebhookEvent::MessageCreated(m) => {
                assert_eq!(m.message_type, WebhookMessageType::Incoming);
                assert_eq!(m.content.as_deref(), Some("Hello?"));
                assert!(m.created_at.is_some());
                assert_eq!(event.conversation_id(), Some(id));
            }
            WebhookEvent::ConversationStatusChanged(_) => {
                let change = event.status_transition().expect("typed");
                assert_eq!(change.previous, Some(ConversationStatus::Pending));
                assert_eq!(change.current, ConversationStatus::Open);
            }
            WebhookEvent::ConversationUpdated(c) => {
                let change = changed_attribute(event.changed_attributes(), "assignee_id")
                    .expect("the assignee changed");
                let meta = c.meta.as_ref().expect("meta");
                assert_eq!(
                    meta.assignee.as_ref().map(|a| json!(a.id)),
                    change.current_value
                );
                assignees.push((change.previous_value.clone(), change.current_value.clone()));
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(
        names,
        [
            "contact_created",
            "conversation_created",
            "message_created",
            "conversation_status_changed",
            "conversation_updated",
            "conversation_updated"
        ]
    );
    // Opening as a human agent assigns the conversation to them (as Chatwoot
    // does), then the assignment moves it on.
    assert_eq!(
        assignees,
        [
            (None, Some(json!(info.user_id))),
            (Some(json!(info.user_id)), Some(json!(info.agent_ids[0])))
        ]
    );
    // Nothing else was sent: one delivery per event.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(events.try_recv().is_err());
    sandbox.shutdown().await;
}

/// Contact changes through the SDK arrive as `contact_updated` with what
/// changed; a change of labels only is not a change of the contact.
#[tokio::test]
async fn contact_changes_are_delivered_as_contact_updated() {
    let (url, mut events) = receiver(Verifier::new(SECRET)).await;
    let sandbox = Sandbox::builder()
        .webhook(url, SECRET)
        .start()
        .await
        .expect("starts");
    let client = ruut_sdk::Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .account_id(sandbox.account_id())
        .build()
        .expect("a client");
    let contact = client.contact(sandbox.seed_info().contact_ids[0]);
    let update = contact
        .update()
        .name("Renamed")
        .custom_attribute("plan", "gold");
    update.send().await.expect("updated");
    contact.set_labels(["vip"]).await.expect("labelled");
    contact
        .remove_custom_attributes(["plan"])
        .await
        .expect("removed");

    let mut changes = Vec::new();
    for _ in 0..2 {
        let (event, _) = next(&mut events).await;
        let WebhookEvent::ContactUpdated(updated) = &event else {
            panic!("unexpected {event:?}");
        };
        assert_eq!(updated.id, contact.id());
        let plan = changed_attribute(event.changed_attributes(), "custom_attributes")
            .and_then(|change| change.current_value.clone())
            .map(|attrs| attrs["plan"].clone());
        let name = changed_attribute(event.changed_attributes(), "name")
            .and_then(|change| change.current_value.clone());
        changes.push((name, plan));
    }
    assert_eq!(
        changes,
        [
            (Some(json!("Renamed")), Some(json!("gold"))),
            (None, Some(Value::Null))
        ]
    );
    sandbox
        .webhooks_delivered(Duration::from_secs(10))
        .await
        .expect("settled");
    assert!(events.try_recv().is_err(), "labels send no contact_updated");
    sandbox.shutdown().await;
}

#[tokio::test]
async fn unsigned_deliveries_need_the_receivers_consent() {
    let (url, mut events) = receiver(Verifier::new(SECRET)).await;
    let sandbox = Sandbox::builder()
        .unsigned_webhook(url)
        .start()
        .await
        .expect("starts");
    let id = sandbox.seed_info().pending_conversation_id;
    Api::new(&sandbox).toggle_status(id, "open").await;
    // The strict receiver answered 401 and recorded nothing.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(events.try_recv().is_err());
    sandbox.shutdown().await;

    let (url, mut events) = receiver(Verifier::new(SECRET).allow_unsigned(true)).await;
    let sandbox = Sandbox::builder()
        .unsigned_webhook(url)
        .start()
        .await
        .expect("starts");
    Api::new(&sandbox).toggle_status(id, "open").await;
    let (event, delivery) = next(&mut events).await;
    assert!(!delivery.signed);
    assert_eq!(delivery.id, None);
    assert!(matches!(event, WebhookEvent::ConversationStatusChanged(_)));
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_slow_or_absent_receiver_does_not_slow_requests() {
    // Nothing listens on this port: every delivery fails, once, in the background.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let url = format!("http://{}/hooks", closed.local_addr().expect("an address"));
    drop(closed);
    let sandbox = Sandbox::builder()
        .webhook(url, SECRET)
        .start()
        .await
        .expect("starts");
    let id = sandbox.seed_info().pending_conversation_id;
    let api = Api::new(&sandbox);
    let started = std::time::Instant::now();
    for status in ["open", "pending", "open", "resolved"] {
        api.toggle_status(id, status).await;
    }
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    sandbox.shutdown().await;
}

/// Headers the sandbox sends, checked without the SDK: a plain receiver.
#[tokio::test]
async fn deliveries_carry_the_three_headers() {
    let (tx, mut rx) = mpsc::unbounded_channel::<HeaderMap>();
    let app = Router::new().route(
        "/raw",
        post(move |headers: HeaderMap| {
            let tx = tx.clone();
            async move {
                let _ = tx.send(headers);
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let url = format!("http://{}/raw", listener.local_addr().expect("an address"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    let sandbox = Sandbox::builder()
        .webhook(url, SECRET)
        .start()
        .await
        .expect("starts");
    let id = sandbox.seed_info().pending_conversation_id;
    Api::new(&sandbox).toggle_status(id, "open").await;
    let headers = tokio::time::timeout(Duration::from_secs(10), rx.recv())
        .await
        .expect("in time")
        .expect("headers");
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(text("content-type"), "application/json");
    assert!(text("x-chatwoot-signature").starts_with("sha256="));
    assert_eq!(text("x-chatwoot-signature").len(), 7 + 64);
    let timestamp: i64 = text("x-chatwoot-timestamp").parse().expect("Unix seconds");
    let now = chrono::Utc::now().timestamp();
    assert!((now - timestamp).abs() < 60);
    assert_eq!(text("x-chatwoot-delivery").len(), 36);
    sandbox.shutdown().await;
}
