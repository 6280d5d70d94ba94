//! The generated client against a tiny loopback server: what goes on the wire
//! (auth header, path and Rails-style query encoding) and how answers come back
//! (typed error bodies, open enums, undocumented statuses, and the status
//! `hooks::observe` keeps when the body cannot be parsed).

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use ruut_api::enums::ConversationStatus;
use ruut_api::hooks::{Observed, observe};
use ruut_api::types::{ErrorField, ToggleStatusRequest, ToggleableStatus};
use ruut_api::{Client, Error, Operation};

const TOKEN: &str = "runtime-test-token";

/// What the server saw of one request.
#[derive(Clone, Debug)]
struct Seen {
    method: String,
    path_and_query: String,
    headers: HeaderMap,
    body: String,
}

/// A canned answer: status, content type and body.
#[derive(Clone)]
struct Canned(StatusCode, &'static str, String);

#[derive(Clone)]
struct Stub {
    seen: Arc<Mutex<Vec<Seen>>>,
    answer: Canned,
}

async fn handle(State(stub): State<Stub>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let body: Bytes = axum::body::to_bytes(body, 1 << 20)
        .await
        .unwrap_or_default();
    stub.seen.lock().expect("lock").push(Seen {
        method: parts.method.to_string(),
        path_and_query: parts
            .uri
            .path_and_query()
            .map(ToString::to_string)
            .unwrap_or_default(),
        headers: parts.headers.clone(),
        body: String::from_utf8_lossy(&body).into_owned(),
    });
    let authorised = parts
        .headers
        .get("api_access_token")
        .and_then(|v| v.to_str().ok())
        == Some(TOKEN);
    if !authorised {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::CONTENT_TYPE, "application/json")],
            r#"{"error":"Invalid Access Token"}"#,
        )
            .into_response();
    }
    let Canned(status, content_type, body) = stub.answer;
    (status, [(header::CONTENT_TYPE, content_type)], body).into_response()
}

/// Starts a server that records requests and answers every one with `answer`.
async fn serve(answer: Canned) -> (String, Arc<Mutex<Vec<Seen>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let app = Router::new().fallback(handle).with_state(Stub {
        seen: seen.clone(),
        answer,
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    (format!("http://{addr}"), seen)
}

fn client(base_url: &str, token: &str) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    let mut value = reqwest::header::HeaderValue::from_str(token).expect("token");
    value.set_sensitive(true);
    headers.insert("api_access_token", value);
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("reqwest");
    Client::new_with_client(base_url, http, Default::default())
}

/// The typed body of a documented error status, or a panic saying what came instead.
fn typed<T: std::fmt::Debug>(
    result: Result<T, Error<ruut_api::types::ErrorBody>>,
    status: u16,
) -> ruut_api::ResponseValue<ruut_api::types::ErrorBody> {
    match result {
        Err(Error::ErrorResponse(response)) => {
            assert_eq!(response.status().as_u16(), status);
            response
        }
        other => panic!("expected a typed {status} error, got {other:?}"),
    }
}

fn json(status: StatusCode, body: &str) -> Canned {
    Canned(status, "application/json", body.to_owned())
}

const CONVERSATION: &str = r#"{"id":42,"account_id":1,"inbox_id":1,"status":"open","created_at":1764000000,
  "updated_at":1764000123.456,"unread_count":0,"labels":[],"meta":{"channel":"Channel::Api"}}"#;

#[tokio::test]
async fn sends_the_token_header_and_parses_the_answer() {
    let (url, seen) = serve(json(StatusCode::OK, CONVERSATION)).await;
    let conversation = client(&url, TOKEN)
        .get_conversation()
        .account_id(1)
        .conversation_id(42)
        .send()
        .await
        .expect("the conversation");
    assert_eq!(conversation.id, 42);
    assert_eq!(conversation.status, ConversationStatus::Open);
    assert_eq!(conversation.updated_at, Some(1764000123.456));
    let seen = seen.lock().expect("lock");
    assert_eq!(seen[0].method, "GET");
    assert_eq!(
        seen[0].path_and_query,
        "/api/v1/accounts/1/conversations/42"
    );
    assert_eq!(seen[0].headers["api_access_token"], TOKEN);
    assert_eq!(seen[0].headers["accept"], "application/json");
}

#[tokio::test]
async fn a_wrong_token_gets_the_typed_401_body() {
    let (url, _) = serve(json(StatusCode::OK, CONVERSATION)).await;
    let response = typed(
        client(&url, "not-the-token").get_profile().send().await,
        401,
    );
    assert_eq!(
        response.error,
        Some(ErrorField::String("Invalid Access Token".into()))
    );
}

#[tokio::test]
async fn rails_style_array_and_enum_query_parameters() {
    let list = format!(
        r#"{{"data":{{"meta":{{"mine_count":0,"unassigned_count":1,"all_count":1}},"payload":[{CONVERSATION}]}}}}"#
    );
    let (url, seen) = serve(json(StatusCode::OK, &list)).await;
    let page = client(&url, TOKEN)
        .list_conversations()
        .account_id(7)
        .status(ruut_api::types::ConversationStatusFilter::All)
        .labels(vec!["billing".to_owned(), "vip customer".to_owned()])
        .q("refund & return")
        .page(2)
        .send()
        .await
        .expect("a page");
    assert_eq!(page.data.payload.len(), 1);
    assert_eq!(
        page.data.meta.assigned_count, None,
        "absent counts stay absent"
    );
    let seen = seen.lock().expect("lock");
    let target = &seen[0].path_and_query;
    assert!(
        target.starts_with("/api/v1/accounts/7/conversations?"),
        "{target}"
    );
    for expected in [
        "status=all",
        "labels%5B%5D=billing",
        "labels%5B%5D=vip+customer",
        "q=refund+%26+return",
        "page=2",
    ] {
        assert!(
            target.contains(expected),
            "{expected} missing from {target}"
        );
    }
}

#[tokio::test]
async fn json_bodies_are_sent_as_the_spec_says() {
    let answer = r#"{"payload":{"success":true,"conversation_id":42,"current_status":"snoozed","snoozed_until":"2026-01-01T09:00:00.000Z"}}"#;
    let (url, seen) = serve(json(StatusCode::OK, answer)).await;
    let toggled = client(&url, TOKEN)
        .toggle_conversation_status()
        .account_id(1)
        .conversation_id(42)
        .body(ToggleStatusRequest {
            status: Some(ToggleableStatus::Snoozed),
            snoozed_until: Some(1767258000),
        })
        .send()
        .await
        .expect("toggled");
    assert_eq!(toggled.payload.current_status, ConversationStatus::Snoozed);
    assert_eq!(
        toggled.payload.snoozed_until.map(|t| t.timestamp()),
        Some(1767258000)
    );
    let seen = seen.lock().expect("lock");
    assert_eq!(seen[0].method, "POST");
    assert_eq!(seen[0].headers["content-type"], "application/json");
    let body: serde_json::Value = serde_json::from_str(&seen[0].body).expect("json body");
    assert_eq!(
        body,
        serde_json::json!({"status": "snoozed", "snoozed_until": 1767258000})
    );
}

#[tokio::test]
async fn documented_errors_are_typed() {
    let (url, _) = serve(json(
        StatusCode::NOT_FOUND,
        r#"{"error":"Resource could not be found"}"#,
    ))
    .await;
    let response = typed(
        client(&url, TOKEN)
            .get_conversation()
            .account_id(1)
            .conversation_id(9)
            .send()
            .await,
        404,
    );
    assert_eq!(
        response.error,
        Some(ErrorField::String("Resource could not be found".into()))
    );

    let (url, _) = serve(json(
        StatusCode::UNPROCESSABLE_ENTITY,
        r#"{"message":"Email has already been taken","attributes":["email"]}"#,
    ))
    .await;
    let body = ruut_api::types::NewContact {
        email: Some("a@example.com".to_owned()),
        ..Default::default()
    };
    let response = typed(
        client(&url, TOKEN)
            .create_contact()
            .account_id(1)
            .body(body)
            .send()
            .await,
        422,
    );
    assert_eq!(
        response.message.as_deref(),
        Some("Email has already been taken")
    );
    assert_eq!(response.attributes, vec!["email".to_owned()]);
}

#[tokio::test]
async fn the_documented_status_change_forbidden_envelope_is_typed() {
    let envelope = r#"{"error":{"code":"STATUS_CHANGE_FORBIDDEN","message":"Cannot change status due to current conversation state","details":"Conversation is locked"}}"#;
    let (url, seen) = serve(json(StatusCode::FORBIDDEN, envelope)).await;
    let change = ruut_api::types::ConversationStatusChange {
        status: ConversationStatus::Scheduling,
        reason: Some("Demo booked".to_owned()),
        agent_id: Some(ruut_api::types::RuutId::String("agent-7".into())),
        snooze_time: None,
    };
    let response = typed(
        client(&url, TOKEN)
            .update_conversation_status()
            .conversation_id(42)
            .body(change)
            .send()
            .await,
        403,
    );
    let Some(ErrorField::ErrorDetail(detail)) = &response.error else {
        panic!("expected the envelope: {response:?}")
    };
    assert_eq!(detail.code, "STATUS_CHANGE_FORBIDDEN");
    let seen = seen.lock().expect("lock");
    assert_eq!(seen[0].method, "PATCH");
    assert_eq!(seen[0].path_and_query, "/api/v1/conversations/42/status");
    let body: serde_json::Value = serde_json::from_str(&seen[0].body).expect("json body");
    assert_eq!(
        body,
        serde_json::json!({"status": "scheduling", "reason": "Demo booked", "agent_id": "agent-7"})
    );
}

#[tokio::test]
async fn an_unknown_status_value_is_tolerated() {
    let (url, _) = serve(json(
        StatusCode::OK,
        &CONVERSATION.replace(r#""status":"open""#, r#""status":"archived""#),
    ))
    .await;
    let conversation = client(&url, TOKEN)
        .get_conversation()
        .account_id(1)
        .conversation_id(42)
        .send()
        .await
        .expect("parses");
    assert_eq!(
        conversation.status,
        ConversationStatus::Unknown("archived".into())
    );
    assert_eq!(conversation.status.to_string(), "archived");
}

#[tokio::test]
async fn undocumented_statuses_keep_their_status_code() {
    let (url, _) = serve(json(
        StatusCode::INTERNAL_SERVER_ERROR,
        r#"{"status":500,"error":"Internal Server Error"}"#,
    ))
    .await;
    let error = client(&url, TOKEN)
        .get_profile()
        .send()
        .await
        .expect_err("500");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(500));
    assert!(matches!(error, Error::UnexpectedResponse(_)), "{error:?}");

    let (url, _) = serve(Canned(
        StatusCode::TOO_MANY_REQUESTS,
        "text/plain",
        "Retry later\n".into(),
    ))
    .await;
    let error = client(&url, TOKEN)
        .get_profile()
        .send()
        .await
        .expect_err("429");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(429));
}

#[tokio::test]
async fn a_body_that_does_not_match_the_schema_is_an_error_not_a_panic() {
    let (url, _) = serve(json(StatusCode::OK, r#"{"id":"forty-two"}"#)).await;
    let error = client(&url, TOKEN)
        .get_conversation()
        .account_id(1)
        .conversation_id(42)
        .send()
        .await
        .expect_err("bad body");
    assert!(
        matches!(error, Error::InvalidResponsePayload(..)),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_missing_required_parameter_is_reported_before_sending() {
    let (url, seen) = serve(json(StatusCode::OK, CONVERSATION)).await;
    let error = client(&url, TOKEN)
        .get_conversation()
        .account_id(1)
        .send()
        .await
        .expect_err("missing id");
    assert!(
        matches!(error, Error::InvalidRequest(ref m) if m.contains("conversation_id")),
        "{error:?}"
    );
    assert!(seen.lock().expect("lock").is_empty(), "nothing was sent");
}

/// What Rails sends a client whose `Accept` is not JSON-only, for a route the
/// server lacks.
const HTML_404: &str = "<!DOCTYPE html><html><head><title>The page you were looking for \
                        doesn't exist (404)</title></head><body></body></html>";

#[tokio::test]
async fn observe_keeps_the_status_of_a_documented_error_with_an_html_body() {
    let (url, seen) = serve(Canned(
        StatusCode::NOT_FOUND,
        "text/html; charset=utf-8",
        HTML_404.into(),
    ))
    .await;
    let client = client(&url, TOKEN);
    let send = || {
        client
            .get_conversation()
            .account_id(1)
            .conversation_id(42)
            .send()
    };

    let (result, observed) = observe(send()).await;
    let error = result.expect_err("an HTML 404");
    // 404 is documented (JSON), so the generated client tries to parse the page.
    assert!(
        matches!(error, Error::InvalidResponsePayload(..)),
        "{error:?}"
    );
    assert_eq!(
        error.status(),
        None,
        "the generated error has lost the status"
    );
    assert_eq!(
        observed,
        Some(Observed {
            operation: Some(Operation::GetConversation),
            status: 404,
        })
    );

    // Outside `observe` the call is the same, and a later `observe` that
    // sends nothing sees nothing.
    let error = send().await.expect_err("an HTML 404 again");
    assert!(matches!(error, Error::InvalidResponsePayload(..)));
    let ((), nothing) = observe(async {}).await;
    assert_eq!(nothing, None);
    assert_eq!(seen.lock().expect("lock").len(), 2);
}

#[tokio::test]
async fn observe_names_the_operation_of_every_answer() {
    let (url, _) = serve(json(StatusCode::OK, "[]")).await;
    let client = client(&url, TOKEN);
    let (accounts, observed) = observe(client.list_accounts().send()).await;
    assert!(accounts.expect("an empty list").is_empty());
    assert_eq!(
        observed,
        Some(Observed {
            operation: Some(Operation::ListAccounts),
            status: 200,
        })
    );

    // The last request decides: an answered one, then one that gets no
    // answer (a port nothing listens on any more) leaves nothing.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind")
        .local_addr()
        .expect("addr");
    let unreachable = ruut_api::Client::new_with_client(
        &format!("http://{closed}"),
        reqwest::Client::new(),
        Default::default(),
    );
    let (result, observed) = observe(async {
        client.list_accounts().send().await.expect("answered");
        unreachable.list_accounts().send().await
    })
    .await;
    assert!(
        matches!(result, Err(Error::CommunicationError(_))),
        "{result:?}"
    );
    assert_eq!(observed, None, "no answer, no status");
}
