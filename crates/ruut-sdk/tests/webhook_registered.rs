//! Webhooks registered through the SDK receive the sandbox's deliveries:
//! only their subscribed events, only their account's, each signed with the
//! webhook's own secret (checked with this crate's verifier).
#![cfg(feature = "axum")]

use std::time::{Duration, SystemTime};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::post;
use ruut_sandbox::Sandbox;
use ruut_sdk::enums::WebhookEventName;
use ruut_sdk::webhook::{Verifier, WebhookError, WebhookEvent};
use ruut_sdk::{Client, RegisteredWebhook};
use tokio::sync::mpsc;

/// One received delivery: the path it came to, its headers and raw body.
type Received = (String, HeaderMap, Bytes);

async fn keep(
    State(sink): State<mpsc::UnboundedSender<Received>>,
    Path(name): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) {
    let _ = sink.send((name, headers, body));
}

/// A receiver on 127.0.0.1 taking any `/hooks/{name}`; its base URL.
async fn receiver() -> (String, mpsc::UnboundedReceiver<Received>) {
    let (sink, received) = mpsc::unbounded_channel();
    let app = Router::new()
        .route("/hooks/{name}", post(keep))
        .with_state(sink);
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

fn client(sandbox: &Sandbox, account_id: i64) -> Client {
    Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .account_id(account_id)
        .build()
        .expect("a client")
}

/// Everything delivered so far (after the sandbox says it is all sent).
async fn drain(
    sandbox: &Sandbox,
    received: &mut mpsc::UnboundedReceiver<Received>,
) -> Vec<Received> {
    sandbox
        .webhooks_delivered(Duration::from_secs(10))
        .await
        .expect("delivered");
    let mut all = Vec::new();
    while let Ok(one) = received.try_recv() {
        all.push(one);
    }
    all
}

/// The event of a delivery, verified with `hook`'s secret.
fn verified(hook: &RegisteredWebhook, (_, headers, body): &Received) -> WebhookEvent {
    let secret = hook.secret.clone().expect("the sandbox returns a secret");
    let (event, delivery) = Verifier::new(secret)
        .verify_and_parse(headers, body, SystemTime::now())
        .expect("signed with the webhook's own secret");
    assert!(delivery.signed);
    event
}

#[tokio::test]
async fn a_registered_webhook_gets_its_subscribed_events_signed_with_its_secret() {
    let (base, mut received) = receiver().await;
    let sandbox = Sandbox::start().await.expect("starts");
    let info = sandbox.seed_info().clone();
    let admin = client(&sandbox, info.second_account_id);

    let created_hook = admin
        .create_webhook(format!("{base}/created"))
        .name("new contacts")
        .subscribe(WebhookEventName::ContactCreated)
        .send()
        .await
        .expect("registered");
    let updated_hook = admin
        .create_webhook(format!("{base}/updated"))
        .subscribe("contact_updated")
        .send()
        .await
        .expect("registered");
    assert_ne!(created_hook.secret, updated_hook.secret, "a secret each");

    let contact = admin
        .create_contact()
        .name("Hook Subject")
        .email("subject@example.com")
        .send()
        .await
        .expect("a contact")
        .contact;
    admin
        .contact(contact.id)
        .update()
        .name("Hook Subject, renamed")
        .send()
        .await
        .expect("renamed");
    // The main account's events go to the main account's webhooks (none).
    client(&sandbox, info.account_id)
        .create_contact()
        .name("Elsewhere")
        .email("elsewhere@example.com")
        .send()
        .await
        .expect("a contact of the main account");

    let deliveries = drain(&sandbox, &mut received).await;
    let to = |name: &str| {
        deliveries
            .iter()
            .filter(|d| d.0 == name)
            .collect::<Vec<_>>()
    };
    let ([created], [updated]) = (&to("created")[..], &to("updated")[..]) else {
        panic!(
            "one delivery each, got {:?}",
            deliveries.iter().map(|d| &d.0).collect::<Vec<_>>()
        );
    };
    match verified(&created_hook, created) {
        WebhookEvent::ContactCreated(c) => assert_eq!(c.id, contact.id),
        other => panic!("expected contact_created, got {other:?}"),
    }
    match verified(&updated_hook, updated) {
        WebhookEvent::ContactUpdated(c) => {
            assert_eq!(c.name.as_deref(), Some("Hook Subject, renamed"));
        }
        other => panic!("expected contact_updated, got {other:?}"),
    }
    // Signed with its own secret: another webhook's does not verify it.
    let other = Verifier::new(updated_hook.secret.clone().expect("a secret"));
    let wrong = other.verify(&created.1, &created.2, SystemTime::now());
    assert!(
        matches!(wrong, Err(WebhookError::BadSignature)),
        "{wrong:?}"
    );
}

#[tokio::test]
async fn changed_subscriptions_and_deleted_webhooks_take_effect() {
    let (base, mut received) = receiver().await;
    let sandbox = Sandbox::start().await.expect("starts");
    let admin = client(&sandbox, sandbox.seed_info().second_account_id);
    let hook = admin
        .create_webhook(format!("{base}/hook"))
        .subscribe(WebhookEventName::ContactUpdated)
        .send()
        .await
        .expect("registered");
    let listed = admin.list_webhooks().await.expect("listed");
    assert!(listed.contains(&hook), "listed as created: {listed:?}");

    let before = admin
        .create_contact()
        .name("Not subscribed yet")
        .send()
        .await
        .expect("a contact");
    assert!(
        drain(&sandbox, &mut received).await.is_empty(),
        "contact_created is not subscribed"
    );

    let changed = admin
        .webhook(hook.id)
        .update()
        .subscriptions([WebhookEventName::ContactCreated])
        .send()
        .await
        .expect("changed");
    assert_eq!(changed.secret, hook.secret, "the secret is kept");
    admin
        .create_contact()
        .name("Now subscribed")
        .send()
        .await
        .expect("a contact");
    let deliveries = drain(&sandbox, &mut received).await;
    let [delivery] = &deliveries[..] else {
        panic!("one delivery, got {}", deliveries.len());
    };
    assert_eq!(verified(&changed, delivery).name(), "contact_created");

    admin.webhook(hook.id).delete().await.expect("deleted");
    admin
        .create_contact()
        .name("After the delete")
        .send()
        .await
        .expect("a contact");
    admin
        .contact(before.contact.id)
        .update()
        .name("Renamed")
        .send()
        .await
        .expect("renamed");
    assert!(
        drain(&sandbox, &mut received).await.is_empty(),
        "nothing after the delete"
    );
    assert!(!admin.list_webhooks().await.expect("listed").contains(&hook));
}
