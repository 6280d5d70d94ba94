//! Retries: idempotent calls ride out transient faults; calls that create
//! something are never sent twice, whatever happened to the first answer.
//! The sandbox counts what it received and what it kept.

mod reliability_support;

use reliability_support::{
    TIMEOUT, budget, builder, client, describe, record, retries, sandbox, timed,
};
use ruut_sandbox::{Fault, Operation};
use ruut_sdk::{ConversationStatus, ErrorKind, RetryPolicy};

fn requests_for(sandbox: &ruut_sandbox::Sandbox, operation: &str) -> usize {
    sandbox
        .requests()
        .iter()
        .filter(|r| r.operation.map(Operation::id) == Some(operation))
        .count()
}

/// Case retry.idempotent-transient: A read meets a 503, a dropped connection and a truncated body, one after another.
/// Expect: it succeeds on its 4th attempt (policy of 4); the sandbox received exactly 4 requests.
#[tokio::test]
async fn an_idempotent_read_rides_out_transient_faults() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let client = builder(&sandbox)
        .retry_policy(retries().with_max_attempts(4))
        .build()
        .unwrap();
    sandbox.inject(
        Operation::GetConversation,
        Fault::ServiceUnavailable { retry_after: None },
        1,
    );
    sandbox.inject(Operation::GetConversation, Fault::DropConnection, 1);
    sandbox.inject(Operation::GetConversation, Fault::TruncatedBody, 1);
    let read = timed("a read through three faults", client.get_conversation(id)).await;
    assert_eq!(read.result.unwrap().id, id);
    assert_eq!(requests_for(&sandbox, "getConversation"), 4);
    record(
        "retry.idempotent-transient",
        format!(
            "succeeded on attempt 4 of 4 in {:.1} s; 4 requests received",
            read.elapsed.as_secs_f64()
        ),
    );
}

/// Case retry.status-change-dropped: A status change whose first answer is lost to a dropped connection (the change was made).
/// Expect: retried and succeeds; the status log holds the change twice, and the conversation ends in the status asked for.
#[tokio::test]
async fn a_status_change_whose_answer_was_lost_is_safely_repeated() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let id = seed.open_conversation_id;
    sandbox.inject(
        Operation::UpdateConversationStatus,
        Fault::DropConnection,
        1,
    );
    let change = timed(
        "a status change through a dropped connection",
        client(&sandbox).conversation(id).mark_pending().send(),
    )
    .await
    .result
    .unwrap();
    assert_eq!(change.status, ConversationStatus::Pending);
    let log: Vec<String> = sandbox
        .status_changes(seed.account_id, id)
        .into_iter()
        .map(|c| c.status)
        .collect();
    assert_eq!(log, ["pending", "pending"]);
    record(
        "retry.status-change-dropped",
        "succeeded on attempt 2; logged twice, final status pending",
    );
}

/// Case retry.create-message-dropped: `createMessage` meets a dropped connection after the server stored the message.
/// Expect: `Connection` after 1 attempt; the sandbox received one request and holds the message once.
#[tokio::test]
async fn a_message_is_never_sent_twice() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let id = seed.open_conversation_id;
    let before = sandbox.message_count(seed.account_id, id);
    sandbox.inject(Operation::CreateMessage, Fault::DropConnection, 1);
    let budget = budget(&RetryPolicy::none(), TIMEOUT);
    let (error, elapsed) = timed(
        "a message through a dropped connection",
        client(&sandbox).conversation(id).reply("Hello once").send(),
    )
    .await
    .expect_error(ErrorKind::Connection, budget);
    assert_eq!(error.attempts(), 1);
    assert_eq!(requests_for(&sandbox, "createMessage"), 1);
    assert_eq!(sandbox.message_count(seed.account_id, id), before + 1);
    record(
        "retry.create-message-dropped",
        format!(
            "{}; 1 request received, message stored once",
            describe(&error, elapsed, budget)
        ),
    );
}

/// Case retry.create-message-503: `createMessage` meets a 503 (nothing stored) and a 429.
/// Expect: `Server` / `RateLimited` after 1 attempt each, marked retryable for the caller to decide; one request each, no message stored.
#[tokio::test]
async fn a_refused_message_is_not_retried_by_the_sdk() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let id = seed.open_conversation_id;
    let before = sandbox.message_count(seed.account_id, id);
    let budget = budget(&RetryPolicy::none(), TIMEOUT);
    let client = client(&sandbox);

    sandbox.inject(
        Operation::CreateMessage,
        Fault::ServiceUnavailable { retry_after: None },
        1,
    );
    let (error, elapsed) = timed(
        "a message meeting a 503",
        client.conversation(id).reply("Hi").send(),
    )
    .await
    .expect_error(ErrorKind::Server, budget);
    assert_eq!(error.attempts(), 1);
    assert!(error.is_retryable());

    sandbox.inject(
        Operation::CreateMessage,
        Fault::TooManyRequests { retry_after: None },
        1,
    );
    let (limited, _) = timed(
        "a message meeting a 429",
        client.conversation(id).reply("Hi").send(),
    )
    .await
    .expect_error(ErrorKind::RateLimited, budget);
    assert_eq!(limited.attempts(), 1);
    assert_eq!(requests_for(&sandbox, "createMessage"), 2);
    assert_eq!(sandbox.message_count(seed.account_id, id), before);
    record(
        "retry.create-message-503",
        format!(
            "{}; 429: RateLimited after 1 attempt; 2 requests, no message stored",
            describe(&error, elapsed, budget)
        ),
    );
}

/// Case retry.create-conversation-dropped: `createConversation` and `createContact` meet a dropped connection.
/// Expect: `Connection` after 1 attempt each; one request each reached the sandbox.
#[tokio::test]
async fn creations_are_sent_once() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    let budget = budget(&RetryPolicy::none(), TIMEOUT);

    sandbox.inject(Operation::CreateConversation, Fault::DropConnection, 1);
    let (error, _) = timed(
        "a conversation through a dropped connection",
        client
            .create_conversation(seed.api_inbox_id)
            .contact(seed.contact_ids[0])
            .send(),
    )
    .await
    .expect_error(ErrorKind::Connection, budget);
    assert_eq!(error.attempts(), 1);

    sandbox.inject(Operation::CreateContact, Fault::DropConnection, 1);
    let (error, _) = timed(
        "a contact through a dropped connection",
        client
            .create_contact()
            .name("Once Only")
            .email("once.only@example.com")
            .send(),
    )
    .await
    .expect_error(ErrorKind::Connection, budget);
    assert_eq!(error.attempts(), 1);
    assert_eq!(requests_for(&sandbox, "createConversation"), 1);
    assert_eq!(requests_for(&sandbox, "createContact"), 1);
    record(
        "retry.create-conversation-dropped",
        "Connection after 1 attempt each; 1 request each",
    );
}
