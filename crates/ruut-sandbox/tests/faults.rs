//! Fault injection: every fault kind, FIFO order, and the HTTP control API.

mod common;

use std::time::{Duration, Instant};

use common::Api;
use ruut_sandbox::{Fault, Operation};
use serde_json::json;

fn conversation_path(api: &Api) -> String {
    api.acct(&format!(
        "/conversations/{}",
        api.sb.seed_info().open_conversation_id
    ))
}

#[tokio::test]
async fn status_faults_have_their_bodies_and_headers() {
    let api = Api::start().await;
    let path = conversation_path(&api);
    api.sb.inject(
        Operation::GetConversation,
        Fault::TooManyRequests { retry_after: None },
        1,
    );
    api.sb.inject(
        Operation::GetConversation,
        Fault::TooManyRequests {
            retry_after: Some(3),
        },
        1,
    );
    api.sb
        .inject(Operation::GetConversation, Fault::InternalServerError, 1);
    api.sb
        .inject(Operation::GetConversation, Fault::BadGateway, 1);
    api.sb.inject(
        Operation::GetConversation,
        Fault::ServiceUnavailable {
            retry_after: Some(7),
        },
        1,
    );

    let a = api.get(&path).await;
    assert_eq!(a.status, 429);
    assert_eq!(a.text, "Retry later\n");
    assert!(
        a.header("content-type")
            .is_some_and(|t| t.starts_with("text/plain"))
    );
    assert!(a.header("retry-after").is_none());
    let a = api.get(&path).await;
    assert_eq!(
        (a.status.as_u16(), a.header("retry-after")),
        (429, Some("3"))
    );
    let a = api.get(&path).await;
    assert_eq!(a.status, 500);
    assert_eq!(
        a.json(),
        json!({"status": 500, "error": "Internal Server Error"})
    );
    let a = api.get(&path).await;
    assert_eq!(a.status, 502);
    assert!(
        a.header("content-type")
            .is_some_and(|t| t.starts_with("text/html"))
    );
    assert!(a.text.contains("502 Bad Gateway"));
    let a = api.get(&path).await;
    assert_eq!(
        (a.status.as_u16(), a.header("retry-after")),
        (503, Some("7"))
    );
    // The queue is empty again: the real answer.
    assert_eq!(api.get(&path).await.status, 200);
}

#[tokio::test]
async fn faults_are_fifo_per_operation_and_exactly_counted() {
    let api = Api::start().await;
    let path = conversation_path(&api);
    api.sb
        .inject(Operation::GetConversation, Fault::InternalServerError, 2);
    api.sb
        .inject(Operation::GetConversation, Fault::BadGateway, 1);
    assert_eq!(
        api.get("/api/v1/profile").await.status,
        200,
        "other operations are untouched"
    );
    let statuses: Vec<u16> = {
        let mut out = Vec::new();
        for _ in 0..4 {
            out.push(api.get(&path).await.status.as_u16());
        }
        out
    };
    assert_eq!(statuses, [500, 500, 502, 200]);
    api.sb
        .inject(Operation::GetConversation, Fault::InternalServerError, 5);
    api.sb.clear_faults();
    assert_eq!(api.get(&path).await.status, 200);
}

#[tokio::test]
async fn body_faults() {
    let api = Api::start().await;
    let path = conversation_path(&api);
    api.sb
        .inject(Operation::GetConversation, Fault::MalformedJson, 1);
    api.sb
        .inject(Operation::GetConversation, Fault::WrongShape, 1);
    api.sb
        .inject(Operation::GetConversation, Fault::HugeBody(100_000), 1);
    api.sb
        .inject(Operation::GetConversation, Fault::UnknownStatus, 1);
    api.sb
        .inject(Operation::ListConversations, Fault::UnknownStatus, 1);
    api.sb.inject(
        Operation::GetConversation,
        Fault::Redirect("http://127.0.0.1:9/elsewhere".to_owned()),
        1,
    );

    let a = api.get(&path).await;
    assert_eq!(a.status, 200);
    assert_eq!(a.text, r#"{"payload": ["#);
    assert!(serde_json::from_str::<serde_json::Value>(&a.text).is_err());
    assert_eq!(api.get(&path).await.json(), json!({"unexpected": true}));
    assert_eq!(api.get(&path).await.text.len(), 100_000);
    let c = api.get(&path).await.json();
    assert_eq!(c["status"], "archived");
    assert!(c["id"].is_i64(), "the rest of the answer is real");
    let list = api.get(&api.acct("/conversations?status=all")).await.json();
    assert!(
        list["data"]["payload"]
            .as_array()
            .is_some_and(|a| a.iter().all(|c| c["status"] == "archived"))
    );
    let a = api.get(&path).await;
    assert_eq!(a.status, 307);
    assert_eq!(a.header("location"), Some("http://127.0.0.1:9/elsewhere"));
}

#[tokio::test]
async fn delay_then_the_real_answer() {
    let api = Api::start().await;
    api.sb.inject(
        Operation::GetConversation,
        Fault::Delay(Duration::from_millis(300)),
        1,
    );
    let start = Instant::now();
    let a = api.get(&conversation_path(&api)).await;
    assert!(start.elapsed() >= Duration::from_millis(300));
    assert_eq!(a.status, 200);
}

#[tokio::test]
async fn hang_never_answers() {
    let api = Api::start().await;
    api.sb.inject(Operation::GetConversation, Fault::Hang, 1);
    let result = api
        .http
        .get(api.url(&conversation_path(&api)))
        .header("api_access_token", api.sb.user_token())
        .timeout(Duration::from_millis(300))
        .send()
        .await;
    assert!(result.is_err_and(|e| e.is_timeout()));
    // The sandbox still serves other requests, and shuts down despite the hang.
    assert_eq!(api.get(&conversation_path(&api)).await.status, 200);
    tokio::time::timeout(Duration::from_secs(5), api.sb.shutdown())
        .await
        .expect("shutdown does not wait for hanging requests");
}

#[tokio::test]
async fn drop_connection_processes_the_request_first() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let before = api
        .sb
        .message_count(info.account_id, info.open_conversation_id);
    api.sb
        .inject(Operation::CreateMessage, Fault::DropConnection, 1);
    let result = api
        .http
        .post(api.url(&format!("{}/messages", conversation_path(&api))))
        .header("api_access_token", api.sb.user_token())
        .json(&json!({"content": "did this arrive?"}))
        .send()
        .await;
    assert!(result.is_err(), "the connection is cut: {result:?}");
    assert_eq!(
        api.sb
            .message_count(info.account_id, info.open_conversation_id),
        before + 1
    );
}

#[tokio::test]
async fn truncated_body_sends_half_then_closes() {
    let api = Api::start().await;
    api.sb
        .inject(Operation::GetConversation, Fault::TruncatedBody, 1);
    let resp = api
        .http
        .get(api.url(&conversation_path(&api)))
        .header("api_access_token", api.sb.user_token())
        .send()
        .await
        .expect("headers arrive");
    assert_eq!(resp.status(), 200);
    let length: usize = resp
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or_default();
    assert!(length > 100);
    assert!(resp.bytes().await.is_err(), "the body is cut short");
}

#[tokio::test]
async fn faults_over_http() {
    let api = Api::start().await;
    let path = conversation_path(&api);
    let queue = |body: serde_json::Value| {
        let api = &api;
        async move {
            api.call(reqwest::Method::POST, "/__sandbox/faults", None, Some(body))
                .await
        }
    };
    let a = queue(json!({"operation": "getConversation", "fault": "too_many_requests", "retry_after": null, "times": 2})).await;
    assert_eq!(a.status, 200, "{}", a.text);
    assert_eq!(a.json(), json!({"queued": 2}));
    assert_eq!(api.get(&path).await.status, 429);
    assert_eq!(api.get(&path).await.status, 429);
    assert_eq!(api.get(&path).await.status, 200);
    assert_eq!(
        queue(json!({"operation": "getConversation", "fault": "delay", "delay_ms": 10}))
            .await
            .status,
        200
    );
    assert_eq!(api.get(&path).await.status, 200);
    for bad in [
        json!({"operation": "nope", "fault": "hang"}),
        json!({"operation": "getConversation", "fault": "explode"}),
        json!({"operation": "getConversation", "fault": "huge_body"}),
        json!({"operation": "getConversation"}),
    ] {
        assert_eq!(queue(bad.clone()).await.status, 422, "{bad}");
    }
    let unknown = queue(json!({"operation": "getConversations", "fault": "hang"})).await;
    let error = unknown.json()["error"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        error.starts_with("unknown operation `getConversations`; the operations are: ")
            && error.contains("getConversation, "),
        "{error}"
    );
    queue(json!({"operation": "getConversation", "fault": "internal_server_error", "times": 3}))
        .await;
    let cleared = api
        .call(reqwest::Method::DELETE, "/__sandbox/faults", None, None)
        .await;
    assert_eq!(cleared.status, 204);
    assert_eq!(api.get(&path).await.status, 200);
    let cleared = api
        .call(reqwest::Method::DELETE, "/__sandbox/requests", None, None)
        .await;
    assert_eq!(cleared.status, 204);
    assert!(api.sb.requests().is_empty());
}
