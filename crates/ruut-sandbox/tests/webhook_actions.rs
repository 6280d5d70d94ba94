//! The `send_webhook_event` action of automation rules and macros: the
//! conversation's `push_data` with its `event`, POSTed unsigned to the
//! action's URL, as `WebhookJob` does.

mod common;

use axum::routing::post;
use common::Api;
use serde_json::{Value, json};
use tokio::sync::mpsc;

/// A sandbox, and the URL of a receiver on 127.0.0.1 with what it receives:
/// (body, signed?).
async fn with_receiver() -> (Api, String, mpsc::UnboundedReceiver<(Value, bool)>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::unbounded_channel();
    let receive = post(move |headers: axum::http::HeaderMap, body: String| {
        let tx = tx.clone();
        async move {
            let signed = headers.contains_key("x-chatwoot-signature");
            let _ = tx.send((serde_json::from_str(&body).unwrap_or(Value::Null), signed));
        }
    });
    let app = axum::Router::new().route("/hook", receive);
    tokio::spawn(async move { axum::serve(listener, app).await });
    (Api::start().await, url, rx)
}

/// Every delivery queued so far.
async fn drain(api: &Api, rx: &mut mpsc::UnboundedReceiver<(Value, bool)>) -> Vec<(Value, bool)> {
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

#[tokio::test]
async fn a_rule_posts_the_conversation_with_its_event() {
    let (api, url, mut rx) = with_receiver().await;
    let info = api.sb.seed_info().clone();
    let account = info.second_account_id;
    let rule = json!({
        "name": "Tell the CRM",
        "event_name": "message_created",
        "conditions": [{"attribute_key": "content", "filter_operator": "contains",
                        "values": ["invoice"], "query_operator": null}],
        "actions": [{"action_name": "send_webhook_event", "action_params": [url]}],
    });
    let path = format!("/api/v1/accounts/{account}/automation_rules");
    assert_eq!(api.post(&path, rule).await.status, 200);

    let conversation = info.second_account_conversation_id;
    let messages = format!("/api/v1/accounts/{account}/conversations/{conversation}/messages");
    let other = api.post(&messages, json!({"content": "hello"})).await;
    assert_eq!(other.status, 200);
    assert!(
        drain(&api, &mut rx).await.is_empty(),
        "the condition holds back other messages"
    );

    let sent = api
        .post(&messages, json!({"content": "your invoice"}))
        .await;
    assert_eq!(sent.status, 200);
    let delivered = drain(&api, &mut rx).await;
    assert_eq!(delivered.len(), 1, "{delivered:?}");
    let (body, signed) = &delivered[0];
    assert!(!signed, "WebhookJob sends it without a signature");
    assert_eq!(body["event"], "automation_event.message_created");
    assert_eq!(body["id"], conversation);
    assert_eq!(body["inbox_id"], info.second_account_inbox_id);
    assert!(
        body["meta"]["sender"].is_object(),
        "the push_data shape: {body}"
    );
}

#[tokio::test]
async fn a_macro_posts_macro_executed() {
    let (api, url, mut rx) = with_receiver().await;
    let info = api.sb.seed_info().clone();
    let account = info.second_account_id;
    let body = json!({
        "name": "Escalate",
        "visibility": "global",
        "actions": [{"action_name": "send_webhook_event", "action_params": [url]}],
    });
    let made = api
        .post(&format!("/api/v1/accounts/{account}/macros"), body)
        .await;
    assert_eq!(made.status, 200);
    let id = made.json()["payload"]["id"]
        .as_i64()
        .expect("the macro's id");
    let conversation = info.second_account_conversation_id;
    let execute = format!("/api/v1/accounts/{account}/macros/{id}/execute");
    let ran = api
        .post(&execute, json!({"conversation_ids": [conversation]}))
        .await;
    assert_eq!(ran.status, 200);
    let delivered = drain(&api, &mut rx).await;
    assert_eq!(delivered.len(), 1, "{delivered:?}");
    assert_eq!(delivered[0].0["event"], "macro.executed");
    assert_eq!(delivered[0].0["id"], conversation);
}
