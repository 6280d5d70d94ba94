//! Unknown routes (Rails' routing 404), strict-Chatwoot mode, methods, and
//! request validation: 413, malformed JSON, bad query values.

mod common;

use common::Api;
use reqwest::Method;
use ruut_sandbox::{Operation, Sandbox};
use serde_json::json;

async fn raw_get(api: &Api, path: &str, accept: Option<&str>) -> common::Answer {
    let mut req = api
        .http
        .get(api.url(path))
        .header("api_access_token", api.sb.user_token());
    if let Some(accept) = accept {
        req = req.header("accept", accept);
    }
    let resp = req.send().await.expect("sent");
    common::Answer {
        status: resp.status(),
        headers: resp.headers().clone(),
        text: resp.text().await.expect("body"),
    }
}

#[tokio::test]
async fn chatwoot_only_routes_are_rails_404s_json_only_when_asked() {
    let api = Api::with(Sandbox::builder().chatwoot_only(true)).await;
    let json = raw_get(&api, "/api/v1/accounts", Some("application/json")).await;
    assert_eq!(json.status, 404);
    assert_eq!(json.json(), json!({"status": 404, "error": "Not Found"}));
    for accept in [
        None,
        Some("*/*"),
        Some("application/json, text/plain, */*"),
        Some("text/html"),
    ] {
        let html = raw_get(&api, "/api/v1/accounts", accept).await;
        assert_eq!(html.status, 404, "{accept:?}");
        assert!(
            html.header("content-type")
                .is_some_and(|t| t.starts_with("text/html"))
        );
        assert!(html.text.contains("<html>"));
    }
    // Routing fails before auth: no token still gets the routing 404.
    let answer = api.call(Method::GET, "/api/v1/accounts", None, None).await;
    assert_eq!(answer.status, 404);
    // The Chatwoot routes still work.
    assert_eq!(api.get("/api/v1/profile").await.status, 200);
}

/// A path of the operation's template, with `1` for every parameter.
fn path_of(op: Operation) -> String {
    op.path()
        .split('/')
        .map(|part| if part.starts_with('{') { "1" } else { part })
        .collect::<Vec<_>>()
        .join("/")
}

#[tokio::test]
async fn the_router_and_the_journal_agree_on_every_operation() {
    let api = Api::start().await;
    for &op in Operation::ALL {
        assert!(ruut_sandbox::handles(op), "{op} is not served");
        let method = Method::from_bytes(op.method().as_bytes()).expect("method");
        let answer = api.call(method, &path_of(op), None, None).await;
        // Served routes check the token first; only getServerInfo needs none.
        let expected = if op == Operation::GetServerInfo {
            200
        } else {
            401
        };
        assert_eq!(answer.status, expected, "{op}: {}", answer.text);
        let last = api.sb.requests().pop().expect("journaled");
        assert_eq!(last.operation, Some(op), "{op}");
    }
    // A path no route matches is no operation, and its faults do not fire.
    api.sb
        .inject(Operation::GetServerInfo, ruut_sandbox::Fault::BadGateway, 1);
    let answer = api.call(Method::GET, "//api", None, None).await;
    assert_eq!(answer.status, 404);
    assert_eq!(api.sb.requests().pop().expect("journaled").operation, None);
    assert_eq!(api.call(Method::GET, "/api", None, None).await.status, 502);
}

#[tokio::test]
async fn ruut_mode_lists_accounts() {
    let api = Api::start().await;
    let answer = api.get("/api/v1/accounts").await;
    assert_eq!(answer.status, 200);
    let ids: Vec<i64> = answer.json().as_array().map_or_else(Vec::new, |a| {
        a.iter().filter_map(|x| x["id"].as_i64()).collect()
    });
    let info = api.sb.seed_info();
    assert_eq!(ids, [info.account_id, info.second_account_id]);
    let profile = api.get("/api/v1/profile").await.json();
    assert_eq!(profile["accounts"].as_array().map(Vec::len), Some(2));
    let account = api.get(&api.acct("")).await.json();
    assert_eq!(account["id"], info.account_id);
    assert!(
        account["created_at"]
            .as_str()
            .is_some_and(|t| t.ends_with(".000Z"))
    );
}

#[tokio::test]
async fn unknown_paths_and_methods() {
    let api = Api::start().await;
    let answer = raw_get(&api, "/api/v1/nothing/here", Some("application/json")).await;
    assert_eq!(answer.json(), json!({"status": 404, "error": "Not Found"}));
    let answer = api
        .call(
            Method::DELETE,
            &api.acct("/conversations/1/labels"),
            Some(api.sb.user_token()),
            None,
        )
        .await;
    assert_eq!(answer.status, 405);
    assert!(answer.header("allow").is_some_and(|a| a.contains("GET")));
}

#[tokio::test]
async fn bodies_over_the_limit_get_413() {
    let api = Api::with(Sandbox::builder().body_limit(1024)).await;
    let id = api.sb.seed_info().open_conversation_id;
    let path = api.acct(&format!("/conversations/{id}/messages"));
    let before = api.sb.message_count(1, id);
    let answer = api.post(&path, json!({"content": "x".repeat(4096)})).await;
    assert_eq!(answer.status, 413);
    assert!(answer.json()["error"].is_string());
    assert_eq!(api.sb.message_count(1, id), before);
    assert_eq!(
        api.post(&path, json!({"content": "small"})).await.status,
        200
    );
}

#[tokio::test]
async fn malformed_and_mistyped_bodies_get_422() {
    let api = Api::start().await;
    let id = api.sb.seed_info().open_conversation_id;
    let path = api.acct(&format!("/conversations/{id}/messages"));
    for body in [
        "{",
        "",
        "[]",
        "null",
        "{\"content\": 5}",
        "{\"content\": \"x\", \"private\": \"yes\"}",
        "{\"content\":\"x\",\"content_type\":\"bogus\"}",
        "\u{0}\u{1}",
    ] {
        let resp = api
            .http
            .post(api.url(&path))
            .header("api_access_token", api.sb.user_token())
            .header("content-type", "application/json")
            .body(body.to_owned())
            .send()
            .await
            .expect("sent");
        assert_eq!(resp.status(), 422, "{body:?}");
        let value: serde_json::Value = resp.json().await.expect("json");
        assert!(value["error"].is_string(), "{body:?}");
    }
}

#[tokio::test]
async fn bad_query_values_get_422() {
    let api = Api::start().await;
    for query in [
        "page=abc",
        "status=bogus",
        "assignee_type=x",
        "inbox_id=1.5",
        "sort_by=nope",
        "updated_within=soon",
    ] {
        let answer = api.get(&api.acct(&format!("/conversations?{query}"))).await;
        assert_eq!(answer.status, 422, "{query}");
        assert!(answer.json()["error"].is_string());
    }
    let answer = api
        .get(&api.acct("/conversations/1/messages?before=x"))
        .await;
    assert_eq!(answer.status, 422);
    let answer = api.get(&api.acct("/contacts?sort=-age")).await;
    assert_eq!(answer.status, 422);
    let answer = api
        .get(&api.acct("/contacts?include_contact_inboxes=maybe"))
        .await;
    assert_eq!(answer.status, 422);
}
