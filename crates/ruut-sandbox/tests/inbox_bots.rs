//! An inbox routed to an agent bot hands its new conversations to the bot:
//! they start pending, and the bot's `outgoing_url` gets their events,
//! signed as every delivery; the account's webhook gets its own events.

mod common;

use axum::routing::post;
use common::Api;
use reqwest::Method;
use ruut_sandbox::Sandbox;
use serde_json::{Value, json};
use tokio::sync::mpsc;

type Deliveries = mpsc::UnboundedReceiver<(String, Value, bool)>;

/// A receiver on 127.0.0.1 for `/account` and `/bot`, and a sandbox whose
/// account webhook is `/account`.
async fn with_receiver() -> (Api, String, Deliveries) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::unbounded_channel();
    let receive = |path: &'static str| {
        let tx = tx.clone();
        post(move |headers: axum::http::HeaderMap, body: String| {
            let tx = tx.clone();
            async move {
                let signed = headers.contains_key("x-chatwoot-signature");
                let event = serde_json::from_str(&body).unwrap_or(Value::Null);
                let _ = tx.send((path.to_owned(), event, signed));
            }
        })
    };
    let app = axum::Router::new()
        .route("/account", receive("/account"))
        .route("/bot", receive("/bot"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    let builder = Sandbox::builder().webhook(format!("{base}/account"), "secret");
    (Api::with(builder).await, base, rx)
}

/// Every delivery queued so far.
async fn drain(api: &Api, rx: &mut Deliveries) -> Vec<(String, Value, bool)> {
    let settled = api
        .sb
        .webhooks_delivered(std::time::Duration::from_secs(30));
    settled.await.expect("delivered");
    let mut all = Vec::new();
    while let Ok(delivery) = rx.try_recv() {
        all.push(delivery);
    }
    all
}

fn events<'a>(all: &'a [(String, Value, bool)], path: &str) -> Vec<&'a str> {
    (all.iter())
        .filter(|(p, _, _)| p == path)
        .map(|(_, event, _)| event["event"].as_str().unwrap_or_default())
        .collect()
}

#[tokio::test]
async fn a_routed_inbox_hands_new_conversations_to_its_bot() {
    let (api, base, mut rx) = with_receiver().await;
    let info = api.sb.seed_info().clone();
    // The user administers the second account: a bot there, and its inbox routed to it.
    let account = format!("/api/v1/accounts/{}", info.second_account_id);
    let bot = api
        .post(
            &format!("{account}/agent_bots"),
            json!({"name": "Router", "outgoing_url": format!("{base}/bot")}),
        )
        .await
        .json();
    let route = format!(
        "{account}/inboxes/{}/set_agent_bot",
        info.second_account_inbox_id
    );
    assert_eq!(
        api.post(&route, json!({"agent_bot": bot["id"]}))
            .await
            .status,
        200
    );

    let body = json!({"inbox_id": info.second_account_inbox_id, "contact_id": info.second_account_contact_id,
        "status": "open", "message": {"content": "Hello?"}});
    let created = api
        .post(&format!("{account}/conversations"), body)
        .await
        .json();
    assert_eq!(
        created["status"], "pending",
        "handed to the bot, whatever was asked"
    );
    let all = drain(&api, &mut rx).await;
    assert_eq!(events(&all, "/bot"), ["message_created"]);
    assert_eq!(
        events(&all, "/account"),
        ["conversation_created", "message_created"]
    );
    assert!(
        all.iter().all(|(_, _, signed)| *signed),
        "signed with the sandbox's secret"
    );

    // The bot resolves it with its own token: it hears `conversation_resolved`.
    let token = bot["access_token"].as_str().unwrap().to_owned();
    let toggle = format!("{account}/conversations/{}/toggle_status", created["id"]);
    let answer = api
        .call(
            Method::POST,
            &toggle,
            Some(&token),
            Some(json!({"status": "resolved"})),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let all = drain(&api, &mut rx).await;
    assert_eq!(events(&all, "/bot"), ["conversation_resolved"]);
    assert_eq!(events(&all, "/account"), ["conversation_status_changed"]);

    // Unrouted: a new conversation is the humans' again, and the bot hears nothing.
    assert_eq!(
        api.post(&route, json!({"agent_bot": null})).await.status,
        200
    );
    let body = json!({"inbox_id": info.second_account_inbox_id, "contact_id": info.second_account_contact_id,
        "message": {"content": "Anyone?"}});
    let created = api
        .post(&format!("{account}/conversations"), body)
        .await
        .json();
    assert_eq!(created["status"], "open");
    assert!(events(&drain(&api, &mut rx).await, "/bot").is_empty());
}
