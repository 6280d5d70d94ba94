//! The testing kit's expectations over the journal, and how they compose with faults.

mod common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Duration;

use common::Api;
use reqwest::StatusCode;
use ruut_sandbox::{Fault, Operation};
use serde_json::json;

#[tokio::test]
async fn expectations_match_operation_path_query_and_body() {
    let api = Api::start().await;
    let open = api.sb.seed_info().open_conversation_id;
    let path = api.acct(&format!("/conversations/{open}/messages"));
    api.post(&path, json!({"content": "hi", "private": true}))
        .await;
    api.get(&api.acct("/conversations?status=pending")).await;

    let sent = api
        .sb
        .expect(Operation::CreateMessage)
        .path("conversation_id", open)
        .body("content", "hi")
        .body("private", true)
        .once();
    assert_eq!(sent.path, path);
    api.sb
        .expect(Operation::ListConversations)
        .query("status", "pending")
        .once();
    api.sb
        .expect(Operation::ListConversations)
        .query("status", "open")
        .never();
    api.sb
        .expect(Operation::CreateMessage)
        .body("content", "bye")
        .never();
    api.sb
        .expect(Operation::CreateMessage)
        .path("conversation_id", open + 1)
        .never();
    assert_eq!(api.sb.expect(Operation::GetProfile).matching().len(), 0);
}

#[tokio::test]
async fn failures_list_what_did_arrive() {
    let api = Api::start().await;
    let path = api.acct("/conversations/41/messages");
    api.post(&path, json!({"content": "hello"})).await;

    let error = api
        .sb
        .expect(Operation::CreateMessage)
        .path("conversation_id", 42)
        .body("content", "hi")
        .verify(1)
        .unwrap_err();
    let text = error.to_string();
    assert!(
        text.starts_with(
            "expected exactly 1 createMessage with conversation_id = 42, body content = \"hi\" request(s); 0 matched."
        ),
        "{text}"
    );
    assert!(
        text.contains(r#"1. createMessage POST /api/v1/accounts/1/conversations/41/messages {"content":"hello"}"#),
        "{text}"
    );
    assert_eq!(format!("{error:?}"), text, "unwrap() shows the same text");

    let panic = catch_unwind(AssertUnwindSafe(|| {
        api.sb.expect(Operation::CreateMessage).never();
    }))
    .unwrap_err();
    let message = panic.downcast_ref::<String>().expect("a formatted panic");
    assert!(
        message.contains("expected exactly 0 createMessage request(s); 1 matched."),
        "{message}"
    );

    let empty = Api::start().await;
    let text = empty
        .sb
        .expect(Operation::GetProfile)
        .verify(1)
        .unwrap_err()
        .to_string();
    assert!(
        text.ends_with("The sandbox received no requests."),
        "{text}"
    );
}

#[tokio::test]
async fn faulted_requests_count_as_sent() {
    let api = Api::start().await;
    let open = api.sb.seed_info().open_conversation_id;
    let before = api.sb.message_count(api.sb.account_id(), open);
    api.sb
        .inject(Operation::CreateMessage, Fault::InternalServerError, 1);
    let path = api.acct(&format!("/conversations/{open}/messages"));
    let first = api.post(&path, json!({"content": "retry me"})).await;
    assert_eq!(first.status, StatusCode::INTERNAL_SERVER_ERROR);
    let second = api.post(&path, json!({"content": "retry me"})).await;
    assert_eq!(second.status, StatusCode::OK);

    let sent = api
        .sb
        .expect(Operation::CreateMessage)
        .body("content", "retry me")
        .times(2);
    assert_eq!(sent[0], sent[1], "the same request, twice");
    assert_eq!(
        api.sb.message_count(api.sb.account_id(), open),
        before + 1,
        "the 500 was answered before the handler ran"
    );
}

#[tokio::test]
async fn arrivals_wait_for_requests_sent_later() {
    let api = Api::start().await;
    let waiting = api.sb.expect(Operation::GetProfile);
    let send = async {
        api.get("/api/v1/profile").await;
        api.get("/api/v1/profile").await;
    };
    let (found, ()) = tokio::join!(waiting.arrivals(2, Duration::from_secs(30)), send);
    assert_eq!(found.unwrap().len(), 2);

    let never = api
        .sb
        .expect(Operation::GetAccount)
        .arrival(Duration::from_millis(1))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        never.starts_with("expected within 1ms, at least 1 getAccount"),
        "{never}"
    );
    assert!(never.contains("getProfile GET /api/v1/profile"), "{never}");
}
