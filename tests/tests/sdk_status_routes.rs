//! The status helpers over both routes: Ruut's documented one and Chatwoot's
//! account-scoped `toggle_status`, including a server that lacks the former.

mod sdk_support;

use chrono::{DateTime, TimeZone, Utc};
use ruut_sandbox::Sandbox;
use ruut_sdk::{Client, ConversationStatus, ErrorKind, Operation, StatusChange, StatusRoute};
use sdk_support::{account_scoped_client, client, requests_for};

/// A snooze time far enough ahead not to expire during the test, on a whole second
/// (the account-scoped route carries Unix seconds).
fn next_year() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2030, 1, 1, 9, 0, 0).unwrap()
}

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox starts")
}

/// Runs the docs' workflow on one conversation and returns each answer.
async fn walk(client: &Client, id: i64) -> Vec<StatusChange> {
    let conversation = client.conversation(id);
    vec![
        conversation.mark_pending().send().await.unwrap(),
        conversation
            .resolve()
            .reason("Customer issue addressed")
            .send()
            .await
            .unwrap(),
        conversation.snooze_until(next_year()).send().await.unwrap(),
        conversation.snooze_until_reply().send().await.unwrap(),
        conversation.reopen().send().await.unwrap(),
    ]
}

#[tokio::test]
async fn both_routes_answer_the_same_for_the_same_intents() {
    let documented_sandbox = sandbox().await;
    let scoped_sandbox = sandbox().await;
    let id = documented_sandbox.seed_info().open_conversation_id;

    let documented = walk(&client(&documented_sandbox), id).await;
    let scoped = walk(&account_scoped_client(&scoped_sandbox), id).await;
    assert_eq!(documented, scoped);

    let statuses: Vec<_> = documented.iter().map(|c| c.status.clone()).collect();
    assert_eq!(
        statuses,
        [
            ConversationStatus::Pending,
            ConversationStatus::Resolved,
            ConversationStatus::Snoozed,
            ConversationStatus::Snoozed,
            ConversationStatus::Open,
        ]
    );
    assert_eq!(documented[2].snoozed_until, Some(next_year()));
    assert_eq!(
        documented[3].snoozed_until, None,
        "until the customer replies"
    );
    assert!(documented.iter().all(|c| c.conversation_id == id));

    assert_eq!(
        requests_for(&documented_sandbox, "toggleConversationStatus").len(),
        0
    );
    assert_eq!(
        requests_for(&scoped_sandbox, "updateConversationStatus").len(),
        0
    );
}

#[tokio::test]
async fn the_documented_route_carries_reason_agent_and_scheduling() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    let id = seed.pending_conversation_id;
    let agent = seed.agent_ids[1];

    let change = client
        .conversation(id)
        .resolve()
        .reason("Refund issued")
        .agent(agent)
        .send()
        .await
        .unwrap();
    assert!(change.status.is_closed());
    let logged = sandbox.status_changes(seed.account_id, id).pop().unwrap();
    assert_eq!(logged.status, "resolved");
    assert_eq!(logged.reason.as_deref(), Some("Refund issued"));
    assert_eq!(logged.agent_id, Some(agent.to_string()));

    let scheduled = client
        .conversation(id)
        .schedule()
        .reason("Demo next week")
        .send()
        .await
        .unwrap();
    assert_eq!(scheduled.status, ConversationStatus::Scheduling);
    assert!(scheduled.status.is_deferred());
    assert_eq!(
        client.get_conversation(id).await.unwrap().status,
        ConversationStatus::Scheduling
    );
}

#[tokio::test]
async fn a_locked_conversation_is_status_change_forbidden() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let error = client(&sandbox)
        .conversation(seed.locked_conversation_id)
        .resolve()
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::StatusChangeForbidden);
    assert_eq!(error.status(), Some(403));
    assert_eq!(error.code(), Some("STATUS_CHANGE_FORBIDDEN"));
    assert!(error.details().is_some());
    assert!(!error.is_retryable());
    assert_eq!(error.operation(), Some(Operation::UpdateConversationStatus));
    assert_eq!(error.attempts(), 1);
}

#[tokio::test]
async fn the_account_scoped_route_keeps_the_reason_as_a_note_and_assigns_the_agent() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = account_scoped_client(&sandbox);
    let id = seed.pending_conversation_id;
    let agent = seed.agent_ids[2];
    let notes_before = sandbox.message_count(seed.account_id, id);

    let change = client
        .conversation(id)
        .resolve()
        .reason("Customer confirmed the fix")
        .agent(agent)
        .send()
        .await
        .unwrap();
    assert_eq!(change.status, ConversationStatus::Resolved);

    let operations: Vec<_> = sandbox
        .requests()
        .into_iter()
        .filter_map(|r| r.operation.map(|op| op.id()))
        .collect();
    assert_eq!(
        operations,
        [
            "toggleConversationStatus",
            "assignConversation",
            "createMessage"
        ]
    );
    assert_eq!(sandbox.message_count(seed.account_id, id), notes_before + 1);
    let conversation = client.get_conversation(id).await.unwrap();
    assert_eq!(conversation.meta.assignee.map(|a| a.id), Some(agent));
    let note = client
        .conversation(id)
        .messages()
        .send()
        .await
        .unwrap()
        .messages
        .pop()
        .unwrap();
    assert_eq!(note.private, Some(true));
    assert_eq!(
        note.content.as_deref(),
        Some("Status changed to resolved: Customer confirmed the fix")
    );
}

#[tokio::test]
async fn the_account_scoped_route_sends_the_snooze_time_as_unix_seconds() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let change = account_scoped_client(&sandbox)
        .conversation(id)
        .snooze_until(next_year())
        .send()
        .await
        .unwrap();
    assert_eq!(change.snoozed_until, Some(next_year()));
    let sent = requests_for(&sandbox, "toggleConversationStatus")
        .pop()
        .unwrap();
    let body: serde_json::Value = serde_json::from_str(&sent.body).unwrap();
    assert_eq!(body["snoozed_until"], next_year().timestamp());
}

#[tokio::test]
async fn scheduling_on_the_account_scoped_route_fails_before_any_request() {
    let sandbox = sandbox().await;
    let client = account_scoped_client(&sandbox);
    let id = sandbox.seed_info().open_conversation_id;

    for request in [
        client.conversation(id).schedule(),
        client
            .conversation(id)
            .set_status(ConversationStatus::from("archived")),
    ] {
        let error = request.send().await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidRequest);
        assert_eq!(error.attempts(), 0);
        assert!(
            error.hint().unwrap().contains("StatusRoute::Documented"),
            "{error}"
        );
    }
    assert!(sandbox.requests().is_empty());
}

#[tokio::test]
/// With the documented route chosen explicitly, a stock Chatwoot server's error
/// names the other settings (the default, `Auto`, switches by itself: see
/// sdk_auto_route.rs).
async fn a_stock_chatwoot_server_names_the_account_scoped_route() {
    let sandbox = Sandbox::builder()
        .chatwoot_only(true)
        .start()
        .await
        .unwrap();
    let seed = sandbox.seed_info().clone();
    let id = seed.open_conversation_id;

    let documented = sdk_support::builder(&sandbox)
        .status_route(StatusRoute::Documented)
        .build()
        .unwrap();
    let error = documented
        .conversation(id)
        .resolve()
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::RouteNotFound);
    assert_eq!(error.status(), Some(404));
    assert_eq!(error.attempts(), 1, "a missing route is not retried");
    let hint = error.hint().unwrap();
    assert!(
        hint.contains(".status_route(StatusRoute::AccountScoped)"),
        "{hint}"
    );
    assert!(
        error.to_string().contains("StatusRoute::AccountScoped"),
        "{error}"
    );

    // The setting the error names works there.
    let change = account_scoped_client(&sandbox)
        .conversation(id)
        .resolve()
        .reason("Closed by the SDK")
        .send()
        .await
        .unwrap();
    assert_eq!(change.status, ConversationStatus::Resolved);
    assert_eq!(
        account_scoped_client(&sandbox).status_route(),
        StatusRoute::AccountScoped
    );
}

#[tokio::test]
async fn the_account_scoped_route_needs_an_account_id() {
    let sandbox = sandbox().await;
    let client = Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .status_route(StatusRoute::AccountScoped)
        .build()
        .unwrap();
    let error = client.conversation(1).resolve().send().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert_eq!(error.operation(), Some(Operation::ToggleConversationStatus));
    assert!(sandbox.requests().is_empty());
}

#[tokio::test]
async fn a_failing_note_says_the_status_did_change() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let id = seed.pending_conversation_id;
    sandbox.inject(
        Operation::CreateMessage,
        ruut_sandbox::Fault::InternalServerError,
        1,
    );

    let error = account_scoped_client(&sandbox)
        .conversation(id)
        .resolve()
        .reason("Duplicate of #1")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Server);
    assert_eq!(error.operation(), Some(Operation::CreateMessage));
    assert!(
        error
            .message()
            .starts_with("the status is now resolved, but keeping the reason"),
        "{error}"
    );
    let read = client(&sandbox).get_conversation(id).await.unwrap();
    assert_eq!(read.status, ConversationStatus::Resolved);
}
