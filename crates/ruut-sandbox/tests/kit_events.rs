//! The testing kit's server events: the data changes and the webhooks a bot sees.

mod common;

use axum::routing::post;
use common::Api;
use ruut_sandbox::{ConversationStatus, Sandbox, SetupError};
use serde_json::Value;
use tokio::sync::mpsc;

/// A webhook receiver on 127.0.0.1 and a sandbox delivering to it.
async fn with_receiver() -> (Api, mpsc::UnboundedReceiver<(Value, bool)>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::unbounded_channel();
    let app = axum::Router::new().route(
        "/hooks",
        post(move |headers: axum::http::HeaderMap, body: String| {
            let tx = tx.clone();
            async move {
                let signed = headers.contains_key("x-chatwoot-signature");
                let _ = tx.send((serde_json::from_str(&body).unwrap_or(Value::Null), signed));
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await });
    let api = Api::with(Sandbox::builder().webhook(url, "kit-secret")).await;
    (api, rx)
}

async fn next_event(rx: &mut mpsc::UnboundedReceiver<(Value, bool)>) -> Value {
    // The bound only keeps a broken delivery from hanging the test.
    let wait = tokio::time::timeout(std::time::Duration::from_secs(30), rx.recv());
    let (event, signed) = wait.await.ok().flatten().expect("a webhook arrives");
    assert!(signed, "deliveries are signed: {event}");
    event
}

#[tokio::test]
async fn a_customer_message_arrives_and_wakes_the_conversation() {
    let (api, mut rx) = with_receiver().await;
    let info = api.sb.seed_info().clone();
    let conversation = info.snoozed_with_time_conversation_id;
    let id = api
        .sb
        .customer_message(info.account_id, conversation, "hello?")
        .unwrap();

    let message = next_event(&mut rx).await;
    assert_eq!(message["event"], "message_created");
    assert_eq!(message["id"], id);
    assert_eq!(message["content"], "hello?");
    assert_eq!(message["message_type"], "incoming");
    assert_eq!(message["conversation"]["id"], conversation);
    let woke = next_event(&mut rx).await;
    assert_eq!(woke["event"], "conversation_status_changed");
    assert_eq!(woke["status"], "open");

    let c = api.conversation(conversation).await;
    assert_eq!(c["status"], "open");
    // Not API traffic: nothing journaled.
    assert!(
        api.sb
            .requests()
            .iter()
            .all(|r| r.operation != Some(ruut_sandbox::Operation::CreateMessage))
    );
}

#[tokio::test]
async fn a_snooze_expires_and_an_agent_resolves() {
    let (api, mut rx) = with_receiver().await;
    let info = api.sb.seed_info().clone();
    let (account, snoozed) = (info.account_id, info.snoozed_without_time_conversation_id);

    api.sb.expire_snooze(account, snoozed).unwrap();
    let reopened = next_event(&mut rx).await;
    assert_eq!(reopened["event"], "conversation_status_changed");
    assert_eq!(
        (reopened["id"].as_i64(), &reopened["status"]),
        (Some(snoozed), &Value::from("open"))
    );
    assert_eq!(
        api.sb.expire_snooze(account, snoozed),
        Err(SetupError::NotSnoozed {
            conversation_id: snoozed
        })
    );

    let agent = info.agent_ids[0];
    api.sb.agent_resolves(account, snoozed, agent).unwrap();
    let resolved = next_event(&mut rx).await;
    assert_eq!(resolved["status"], "resolved");
    let changed = &resolved["changed_attributes"][0]["status"];
    assert_eq!(changed["previous_value"], "open");
    assert_eq!(changed["current_value"], "resolved");
    let log = api.sb.status_changes(account, snoozed);
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].agent_id.as_deref(), Some(agent.to_string().as_str()));
    assert_eq!(api.conversation(snoozed).await["status"], "resolved");
}

#[tokio::test]
async fn refused_events_send_nothing() {
    let (api, mut rx) = with_receiver().await;
    let info = api.sb.seed_info().clone();
    let account = info.account_id;
    assert_eq!(
        api.sb.agent_resolves(account, 9_999, info.user_id),
        Err(SetupError::NotFound {
            record: "conversation",
            id: 9_999
        })
    );
    assert_eq!(
        api.sb.agent_resolves(account, info.open_conversation_id, 7),
        Err(SetupError::NotFound {
            record: "agent",
            id: 7
        })
    );
    let scheduling = ConversationStatus::Scheduling;
    let refused =
        api.sb
            .agent_sets_status(account, info.open_conversation_id, info.user_id, scheduling);
    assert!(matches!(refused, Err(SetupError::Invalid(_))));
    // The next event is the one this test sends last: none came before it.
    api.sb
        .customer_message(account, info.open_conversation_id, "marker")
        .unwrap();
    assert_eq!(next_event(&mut rx).await["content"], "marker");
    assert_eq!(
        api.conversation(info.open_conversation_id).await["status"],
        "open"
    );
}

#[tokio::test]
async fn webhooks_delivered_waits_for_the_receiver() {
    let (api, mut rx) = with_receiver().await;
    let info = api.sb.seed_info().clone();
    let wait = std::time::Duration::from_secs(30);
    api.sb
        .customer_message(info.account_id, info.open_conversation_id, "one")
        .unwrap();
    api.sb.webhooks_delivered(wait).await.unwrap();
    // Delivered means received: the event is already in the channel.
    assert_eq!(rx.try_recv().unwrap().0["content"], "one");

    // A receiver that never answers: the wait gives up and says how many are left.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    let stuck = axum::Router::new().route("/hooks", post(std::future::pending::<()>));
    tokio::spawn(async move { axum::serve(listener, stuck).await });
    let hung = Sandbox::builder().webhook(url, "s").start().await.unwrap();
    hung.webhooks_delivered(wait).await.unwrap(); // nothing queued yet
    hung.customer_message(1, info.open_conversation_id, "two")
        .unwrap();
    let short = std::time::Duration::from_millis(1);
    assert_eq!(
        hung.webhooks_delivered(short).await,
        Err(SetupError::WebhooksPending { pending: 1 })
    );
}

#[tokio::test]
async fn a_bulk_change_sends_each_conversations_webhooks() {
    let (api, mut rx) = with_receiver().await;
    let info = api.sb.seed_info().clone();
    // Fresh conversations without a team: both changes are changes.
    let seeded = |status| {
        let seed = api.sb.seed().conversation(info.account_id).status(status);
        seed.create().unwrap().id
    };
    let (open, pending) = (
        seeded(ConversationStatus::Open),
        seeded(ConversationStatus::Pending),
    );
    let body = serde_json::json!({
        "type": "Conversation",
        "ids": [open, pending],
        "fields": {"status": "resolved", "team_id": info.team_id},
    });
    let answer = api.post(&api.acct("/bulk_actions"), body).await;
    assert_eq!(answer.status, axum::http::StatusCode::OK, "{}", answer.text);
    let mut seen = Vec::new();
    for _ in 0..4 {
        let event = next_event(&mut rx).await;
        seen.push((
            event["event"].as_str().unwrap_or_default().to_owned(),
            event["id"].as_i64(),
        ));
    }
    seen.sort();
    let mut expected = vec![
        ("conversation_status_changed".to_owned(), Some(open)),
        ("conversation_status_changed".to_owned(), Some(pending)),
        ("conversation_updated".to_owned(), Some(open)),
        ("conversation_updated".to_owned(), Some(pending)),
    ];
    expected.sort();
    assert_eq!(seen, expected);
}
