//! The `agent_bot` example end to end: the sandbox delivers signed webhooks to
//! the bot, and the bot's replies and hand-overs appear in the conversations.

#[allow(dead_code)]
#[path = "../../crates/ruut-sdk/examples/agent_bot.rs"]
mod agent_bot;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use agent_bot::{
    ASK_FOR_DETAILS, ASKED_LABEL, Bot, Decision, WELCOME, WELCOMED_LABEL, decide, transcript,
};
use ruut_sandbox::{Operation, Sandbox};
use ruut_sdk::webhook::{Verifier, WebhookEvent, WebhookSecret, sign};
use ruut_sdk::{Client, ConversationStatus};
use serde_json::json;
use tokio::sync::mpsc;

fn said(who: &str, what: &str) -> (String, String) {
    (who.to_owned(), what.to_owned())
}

#[tokio::test]
async fn the_demo_bot_welcomes_asks_and_hands_over() {
    let report = agent_bot::demo().await.expect("the demo runs");
    let decisions: Vec<&Decision> = report.outcomes.iter().map(|(d, _)| d).collect();
    assert_eq!(
        decisions,
        [
            &Decision::AskForDetails {
                conversation_id: report.pending_then_open
            },
            &Decision::WelcomeAndHandOver {
                conversation_id: report.pending_then_open
            },
            &Decision::WelcomeAndHandOver {
                conversation_id: report.open
            },
        ]
    );
    for (decision, result) in &report.outcomes {
        assert_eq!(result, &Ok(()), "{decision:?}");
    }

    let pending = transcript(&report.agent, report.pending_then_open)
        .await
        .expect("messages");
    assert_eq!(
        pending,
        [
            said("agent_bot", ASK_FOR_DETAILS),
            said("contact", "My parcel has not arrived; order 1042."),
            said("agent_bot", WELCOME),
        ]
    );
    // The question came with the guide attached, downloadable from its data_url.
    let history = report
        .agent
        .conversation(report.pending_then_open)
        .messages()
        .send();
    let history = history.await.expect("messages").messages;
    let asked = history
        .iter()
        .find(|m| m.content.as_deref() == Some(ASK_FOR_DETAILS));
    let guide = &asked.expect("the question").attachments[0];
    assert_eq!(guide.file_type.as_deref(), Some("file"));
    let url = guide.data_url.as_deref().expect("a data_url");
    let download = report
        .agent
        .download_attachment(url)
        .await
        .expect("downloaded");
    assert_eq!(download.content_type(), Some("text/plain"));
    let text = download.bytes().await.expect("the guide");
    assert!(text.starts_with(b"Your order number"), "{text:?}");

    let open = transcript(&report.agent, report.open)
        .await
        .expect("messages");
    assert_eq!(open, [said("agent_bot", WELCOME)]);

    for id in [report.pending_then_open, report.open] {
        let conversation = report.agent.get_conversation(id).await.expect("found");
        assert_eq!(conversation.status, ConversationStatus::Open);
        let assignee = conversation.meta.assignee.map(|a| a.id);
        assert_eq!(assignee, Some(report.handoff_agent), "#{id}");
    }

    // Labels, set with the agent's token (Chatwoot 4.10.1 refuses them to bots).
    for (id, labels) in [
        (report.pending_then_open, vec![ASKED_LABEL, WELCOMED_LABEL]),
        (report.open, vec![WELCOMED_LABEL]),
    ] {
        let conversation = report.agent.get_conversation(id).await.expect("found");
        assert_eq!(conversation.labels, labels, "#{id}");
    }
    // The typing indicator around each of the three replies: tried with the
    // bot's token, refused by a 4.10.1 server, and the replies went anyway.
    for status in ["on", "off"] {
        report
            .sandbox
            .expect(Operation::ToggleTypingStatus)
            .body("typing_status", status)
            .times(3);
    }
    report.sandbox.shutdown().await;
}

fn event(value: serde_json::Value) -> WebhookEvent {
    WebhookEvent::from_value(value).expect("an event")
}

#[test]
fn the_bot_follows_the_docs_logic() {
    let created = |status: &str| {
        event(json!({"event": "conversation_created", "id": 5, "inbox_id": 1, "status": status}))
    };
    assert_eq!(
        decide(&created("open")),
        Some(Decision::WelcomeAndHandOver { conversation_id: 5 })
    );
    assert_eq!(
        decide(&created("pending")),
        Some(Decision::AskForDetails { conversation_id: 5 })
    );
    assert_eq!(decide(&created("resolved")), None);
    let changed = event(json!({
        "event": "conversation_status_changed", "id": 6, "inbox_id": 1, "status": "pending",
        "changed_attributes": [{"status": {"previous_value": "open", "current_value": "pending"}}]
    }));
    assert_eq!(
        decide(&changed),
        Some(Decision::AskForDetails { conversation_id: 6 })
    );
    // Assignments, messages and unknown events need no action (no loops on the
    // bot's own replies).
    for other in [
        json!({"event": "conversation_updated", "id": 6, "inbox_id": 1, "status": "open",
               "changed_attributes": [{"status": {"previous_value": "pending", "current_value": "open"}}]}),
        json!({"event": "message_created", "id": 9, "message_type": "outgoing"}),
        json!({"event": "webwidget_triggered", "id": 1}),
    ] {
        assert_eq!(decide(&event(other)), None);
    }
}

/// POSTs a body to the bot with the given headers; returns the status.
async fn deliver(url: &str, body: &str, headers: &[(&str, String)]) -> u16 {
    let mut request = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .body(body.to_owned());
    for (name, value) in headers {
        request = request.header(*name, value);
    }
    request.send().await.expect("answers").status().as_u16()
}

#[tokio::test]
async fn the_bot_rejects_forgeries_and_acts_once_per_delivery() {
    const SECRET: &str = "bot-test-secret";
    let sandbox = Sandbox::start().await.expect("starts");
    let client = |token: &str| {
        Client::builder()
            .base_url(sandbox.base_url())
            .api_token(token)
            .account_id(sandbox.account_id())
            .build()
            .expect("a client")
    };
    let bot = Bot {
        client: client(sandbox.bot_token()),
        handoff_agent: None,
        agent: None,
    };
    let (outcomes_tx, mut outcomes) = mpsc::unbounded_channel();
    let router = agent_bot::service(bot, Verifier::new(SECRET), Some(outcomes_tx));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds");
    let url = format!(
        "http://{}/webhooks",
        listener.local_addr().expect("an address")
    );
    tokio::spawn(async move { axum::serve(listener, router).await });

    let id = sandbox.seed_info().pending_conversation_id;
    let body = json!({
        "event": "conversation_status_changed", "id": id, "inbox_id": 1, "status": "pending",
        "changed_attributes": [{"status": {"previous_value": "open", "current_value": "pending"}}]
    })
    .to_string();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
        .to_string();
    let signed = |secret: &str, body: &str| {
        vec![
            (
                "x-chatwoot-signature",
                sign(&WebhookSecret::from(secret), &now, body.as_bytes()),
            ),
            ("x-chatwoot-timestamp", now.clone()),
            (
                "x-chatwoot-delivery",
                "3c1e0c56-0000-4000-8000-000000000001".to_owned(),
            ),
        ]
    };

    assert_eq!(deliver(&url, &body, &[]).await, 401, "unsigned");
    assert_eq!(
        deliver(&url, &body, &signed("guess", &body)).await,
        401,
        "forged"
    );
    let junk = r#"{"event": "conversation_status_changed", "id": "x"}"#;
    assert_eq!(
        deliver(&url, junk, &signed(SECRET, junk)).await,
        400,
        "bad body"
    );
    // The server retries: same delivery id, twice.
    assert_eq!(deliver(&url, &body, &signed(SECRET, &body)).await, 200);
    assert_eq!(deliver(&url, &body, &signed(SECRET, &body)).await, 200);

    let (decision, result) = tokio::time::timeout(Duration::from_secs(10), outcomes.recv())
        .await
        .expect("in time")
        .expect("an outcome");
    assert_eq!(
        decision,
        Decision::AskForDetails {
            conversation_id: id
        }
    );
    assert_eq!(result, Ok(()));
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(outcomes.try_recv().is_err(), "acted on the retry too");

    let messages = transcript(&client(sandbox.user_token()), id)
        .await
        .expect("messages");
    let asked = messages
        .iter()
        .filter(|m| **m == said("agent_bot", ASK_FOR_DETAILS))
        .count();
    assert_eq!(asked, 1);
    sandbox.shutdown().await;
}
