//! The auth matrix of chatwoot-api.md §3, and the request journal's redaction.

mod common;

use common::Api;
use reqwest::Method;
use ruut_sandbox::Operation;
use serde_json::json;

#[tokio::test]
async fn missing_header_is_devise_401() {
    let api = Api::start().await;
    let answer = api.call(Method::GET, "/api/v1/profile", None, None).await;
    assert_eq!(answer.status, 401);
    assert_eq!(
        answer.json(),
        json!({"errors": ["You need to sign in or sign up before continuing."]})
    );
    let empty = api
        .call(Method::GET, "/api/v1/profile", Some(""), None)
        .await;
    assert_eq!(empty.status, 401);
    assert!(empty.json()["errors"].is_array());
}

#[tokio::test]
async fn unknown_token_is_invalid_access_token() {
    let api = Api::start().await;
    let answer = api
        .call(Method::GET, &api.acct("/conversations"), Some("nope"), None)
        .await;
    assert_eq!(answer.status, 401);
    assert_eq!(answer.json(), json!({"error": "Invalid Access Token"}));
}

#[tokio::test]
async fn both_header_spellings_work() {
    let api = Api::start().await;
    for name in ["api_access_token", "Api-Access-Token", "API_ACCESS_TOKEN"] {
        let resp = api
            .http
            .get(api.url("/api/v1/profile"))
            .header(name, api.sb.user_token())
            .send()
            .await
            .expect("sent");
        assert_eq!(resp.status(), 200, "{name}");
    }
}

#[tokio::test]
async fn bot_token_on_a_user_endpoint_is_refused() {
    let api = Api::start().await;
    let bot = Some(api.sb.bot_token());
    for path in [
        "/api/v1/profile".to_owned(),
        api.acct("/conversations"),
        api.acct("/contacts"),
    ] {
        let answer = api.call(Method::GET, &path, bot, None).await;
        assert_eq!(answer.status, 401, "{path}");
        assert_eq!(
            answer.json(),
            json!({"error": "Access to this endpoint is not authorized for bots"})
        );
    }
}

#[tokio::test]
async fn bot_token_works_where_bots_are_allowed() {
    let api = Api::start().await;
    let bot = Some(api.sb.bot_token());
    let id = api.sb.seed_info().pending_conversation_id;
    let path = api.acct(&format!("/conversations/{id}/messages"));
    let answer = api
        .call(
            Method::POST,
            &path,
            bot,
            Some(json!({"content": "hi from the bot"})),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.json()["sender"]["type"], "agent_bot");
    // Bot pending -> open is a handoff: success is null.
    let path = api.acct(&format!("/conversations/{id}/toggle_status"));
    let answer = api
        .call(Method::POST, &path, bot, Some(json!({"status": "open"})))
        .await;
    assert_eq!(answer.status, 200);
    assert!(answer.json()["payload"]["success"].is_null());
    // The bot may not use another account.
    let other = format!(
        "/api/v1/accounts/{}/conversations/1/messages",
        api.sb.seed_info().second_account_id
    );
    let answer = api
        .call(Method::POST, &other, bot, Some(json!({"content": "x"})))
        .await;
    assert_eq!(answer.status, 401);
    assert_eq!(
        answer.json(),
        json!({"error": "You are not authorized to access this account"})
    );
}

#[tokio::test]
async fn user_outside_the_account_and_unknown_records() {
    let api = Api::start().await;
    let foreign = api.sb.seed_info().foreign_account_id;
    let answer = api
        .get(&format!("/api/v1/accounts/{foreign}/conversations"))
        .await;
    assert_eq!(answer.status, 401);
    assert_eq!(
        answer.json(),
        json!({"error": "You are not authorized to access this account"})
    );
    // getAccount looks the account up among the user's own: 404.
    let answer = api.get(&format!("/api/v1/accounts/{foreign}")).await;
    assert_eq!(answer.status, 404);
    for path in [
        "/api/v1/accounts/999/conversations".to_owned(),
        api.acct("/conversations/99999"),
        api.acct("/contacts/99999"),
        api.acct("/conversations/abc"),
        "/api/v1/accounts/1x/contacts".to_owned(),
    ] {
        let answer = api.get(&path).await;
        assert_eq!(answer.status, 404, "{path}");
        assert_eq!(
            answer.json(),
            json!({"error": "Resource could not be found"})
        );
    }
}

#[tokio::test]
async fn auth_comes_before_not_found() {
    let api = Api::start().await;
    let answer = api
        .call(Method::GET, &api.acct("/conversations/abc"), None, None)
        .await;
    assert_eq!(answer.status, 401);
}

#[tokio::test]
async fn server_info_needs_no_token_and_the_journal_redacts_it() {
    let api = Api::start().await;
    assert_eq!(api.call(Method::GET, "/api", None, None).await.status, 200);
    api.sb.clear_requests();
    api.get(&api.acct("/conversations?status=all")).await;
    let requests = api.sb.requests();
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!(r.method, "GET");
    assert_eq!(r.path, "/api/v1/accounts/1/conversations");
    assert_eq!(r.query.as_deref(), Some("status=all"));
    assert_eq!(r.operation, Some(Operation::ListConversations));
    assert_eq!(r.header("api_access_token"), Some("[redacted]"));
    let over_http: serde_json::Value = api.get("/__sandbox/requests").await.json();
    assert_eq!(over_http[0]["operation_id"], "listConversations");
    assert!(!over_http.to_string().contains(api.sb.user_token()));
}
