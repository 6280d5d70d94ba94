//! The SDK under faults: each one ends in the right error kind, within the
//! request timeout plus the retry budget, with no panic and no hang.
//!
//! Every call runs under a hang guard ([`reliability_support::guard`]); the
//! budgets are generous ([`reliability_support::budget`]): they catch a call
//! that ignored its timeout, not a slow machine.

mod reliability_support;

use std::time::Duration;

use reliability_support::{
    Behaviour, RawServer, TIMEOUT, budget, builder, builder_for, client, describe, record, retries,
    sandbox, timed,
};
use ruut_sandbox::Fault;
use ruut_sdk::{ConversationStatus, ErrorKind, RetryPolicy};

/// Case fault.connection-refused: Nothing listens on the port.
/// Expect: `Connection`, retried up to the policy's 3 attempts, within the budget.
#[tokio::test]
async fn connection_refused() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let client = builder_for(&format!("http://127.0.0.1:{port}"))
        .build()
        .unwrap();
    let budget = budget(&retries(), TIMEOUT);
    let (error, elapsed) = timed("a refused connection", client.get_conversation(1))
        .await
        .expect_error(ErrorKind::Connection, budget);
    assert_eq!(error.attempts(), 3);
    assert!(error.is_retryable());
    record(
        "fault.connection-refused",
        describe(&error, elapsed, budget),
    );
}

/// Case fault.silent-server: A server that accepts the connection and never reads or answers.
/// Expect: `Timeout` on every attempt, within attempts x timeout + backoff.
#[tokio::test]
async fn a_silent_server_times_out() {
    let server = RawServer::start("127.0.0.1", Behaviour::Silent).await;
    let client = builder_for(&server.url()).build().unwrap();
    let budget = budget(&retries(), TIMEOUT);
    let (error, elapsed) = timed("a silent server", client.get_conversation(1))
        .await
        .expect_error(ErrorKind::Timeout, budget);
    assert_eq!(error.attempts(), 3);
    assert!(elapsed >= TIMEOUT, "it did wait for the timeout");
    record("fault.silent-server", describe(&error, elapsed, budget));
}

/// Case fault.hang: The sandbox reads the request and never answers (`Fault::Hang`, every attempt).
/// Expect: `Timeout` after 3 attempts, within attempts x timeout + backoff; one hang alone is retried away.
#[tokio::test]
async fn a_hanging_answer_times_out() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let client = client(&sandbox);
    let budget = budget(&retries(), TIMEOUT);

    sandbox.inject("getConversation", Fault::Hang, 3);
    let (error, elapsed) = timed("a hanging server", client.get_conversation(id))
        .await
        .expect_error(ErrorKind::Timeout, budget);
    assert_eq!(error.attempts(), 3);
    assert_eq!(error.status(), None);

    sandbox.inject("getConversation", Fault::Hang, 1);
    let once = timed("one hang", client.get_conversation(id)).await;
    assert_eq!(once.result.unwrap().id, id);
    record(
        "fault.hang",
        format!(
            "{}; a single hang: succeeded on the retry",
            describe(&error, elapsed, budget)
        ),
    );
}

/// Case fault.dropped-connection: The connection is closed after the request is processed, before any answer (`Fault::DropConnection`).
/// Expect: `Connection` when not retried; an idempotent read retries it away.
#[tokio::test]
async fn a_dropped_connection_is_a_connection_error() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let once = builder(&sandbox)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let budget = budget(&RetryPolicy::none(), TIMEOUT);
    sandbox.inject("getConversation", Fault::DropConnection, 1);
    let (error, elapsed) = timed("a dropped connection", once.get_conversation(id))
        .await
        .expect_error(ErrorKind::Connection, budget);
    assert!(error.is_retryable());

    sandbox.inject("getConversation", Fault::DropConnection, 1);
    let retried = timed(
        "a dropped connection, retried",
        client(&sandbox).get_conversation(id),
    )
    .await;
    assert_eq!(retried.result.unwrap().id, id);
    record(
        "fault.dropped-connection",
        format!(
            "{}; with retries: succeeded",
            describe(&error, elapsed, budget)
        ),
    );
}

/// Case fault.truncated-body: The answer declares its length, sends half the body and closes the connection (`Fault::TruncatedBody`).
/// Expect: `Connection` when not retried; an idempotent read retries it away.
#[tokio::test]
async fn a_body_cut_in_half_is_a_connection_error() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let once = builder(&sandbox)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let budget = budget(&RetryPolicy::none(), TIMEOUT);
    sandbox.inject("getConversation", Fault::TruncatedBody, 1);
    let (error, elapsed) = timed("a truncated body", once.get_conversation(id))
        .await
        .expect_error(ErrorKind::Connection, budget);
    assert!(error.message().contains("broke off"), "{error}");

    sandbox.inject("getConversation", Fault::TruncatedBody, 1);
    let retried = timed(
        "a truncated body, retried",
        client(&sandbox).get_conversation(id),
    )
    .await;
    assert_eq!(retried.result.unwrap().id, id);
    record(
        "fault.truncated-body",
        format!(
            "{}; with retries: succeeded",
            describe(&error, elapsed, budget)
        ),
    );
}

/// Case fault.stalled-body: The answer declares 1000 bytes, sends 10 and then nothing, keeping the connection open.
/// Expect: `Timeout` on every attempt, within attempts x timeout + backoff.
#[tokio::test]
async fn a_body_that_stops_halfway_times_out() {
    let server = RawServer::start("127.0.0.1", Behaviour::StallMidBody).await;
    let client = builder_for(&server.url()).build().unwrap();
    let budget = budget(&retries(), TIMEOUT);
    let (error, elapsed) = timed("a stalled body", client.get_conversation(1))
        .await
        .expect_error(ErrorKind::Timeout, budget);
    assert_eq!(error.attempts(), 3);
    record("fault.stalled-body", describe(&error, elapsed, budget));
}

/// Case fault.malformed-json: A 200 whose body is cut-off JSON (`{"payload": [`).
/// Expect: `UnexpectedResponse`, not retried, with an excerpt of the body.
#[tokio::test]
async fn malformed_json_is_an_unexpected_response() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let budget = budget(&retries(), TIMEOUT);
    sandbox.inject("getConversation", Fault::MalformedJson, 1);
    let (error, elapsed) = timed("malformed JSON", client(&sandbox).get_conversation(id))
        .await
        .expect_error(ErrorKind::UnexpectedResponse, budget);
    assert_eq!(error.attempts(), 1);
    assert!(!error.is_retryable());
    assert_eq!(error.body_excerpt(), Some(r#"{"payload": ["#));
    record("fault.malformed-json", describe(&error, elapsed, budget));
}

/// Case fault.wrong-shape: A 200 whose JSON parses but is not a conversation (`{"unexpected": true}`).
/// Expect: `UnexpectedResponse`, not retried, saying the answer is not what the API describes.
#[tokio::test]
async fn json_of_the_wrong_shape_is_an_unexpected_response() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let budget = budget(&retries(), TIMEOUT);
    sandbox.inject("getConversation", Fault::WrongShape, 1);
    let (error, elapsed) = timed(
        "JSON of the wrong shape",
        client(&sandbox).get_conversation(id),
    )
    .await
    .expect_error(ErrorKind::UnexpectedResponse, budget);
    assert_eq!(error.attempts(), 1);
    assert!(
        error.message().contains("not what the API describes"),
        "{error}"
    );
    record("fault.wrong-shape", describe(&error, elapsed, budget));
}

/// Case fault.html-502: A proxy's HTML 502 page on every attempt (`Fault::BadGateway`).
/// Expect: `Server` with status 502 and the page's title as the message, after 3 attempts.
#[tokio::test]
async fn an_html_502_page_is_a_server_error() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let budget = budget(&retries(), TIMEOUT);
    sandbox.inject("getConversation", Fault::BadGateway, 3);
    let (error, elapsed) = timed("HTML 502 pages", client(&sandbox).get_conversation(id))
        .await
        .expect_error(ErrorKind::Server, budget);
    assert_eq!(error.status(), Some(502));
    assert_eq!(error.message(), "502 Bad Gateway");
    assert_eq!(error.attempts(), 3);
    record("fault.html-502", describe(&error, elapsed, budget));
}

/// Case fault.429-plain: Plain-text `Retry later` 429s without `Retry-After`, as Chatwoot sends them.
/// Expect: `RateLimited` after 3 attempts with backoff, message `Retry later`, no retry-after.
#[tokio::test]
async fn plain_text_429_without_retry_after() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let budget = budget(&retries(), TIMEOUT);
    sandbox.inject(
        "getConversation",
        Fault::TooManyRequests { retry_after: None },
        3,
    );
    let (error, elapsed) = timed("429s", client(&sandbox).get_conversation(id))
        .await
        .expect_error(ErrorKind::RateLimited, budget);
    assert_eq!(error.message(), "Retry later");
    assert_eq!(error.retry_after(), None);
    assert_eq!(error.attempts(), 3);
    record("fault.429-plain", describe(&error, elapsed, budget));
}

/// Case fault.429-retry-after: Plain-text 429 with `Retry-After: 1`, then with `Retry-After: 120`.
/// Expect: the 1 s wait is honoured and the call succeeds; 120 s is over the policy's max delay, so `RateLimited` comes back at once with `retry_after` = 120 s.
#[tokio::test]
async fn plain_text_429_with_retry_after() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let patient_policy = retries().with_max_delay(Duration::from_secs(2));
    let patient = builder(&sandbox)
        .retry_policy(patient_policy.clone())
        .build()
        .unwrap();
    sandbox.inject(
        "getConversation",
        Fault::TooManyRequests {
            retry_after: Some(1),
        },
        1,
    );
    let waited = timed("a short Retry-After", patient.get_conversation(id)).await;
    assert_eq!(waited.result.unwrap().id, id);
    assert!(
        waited.elapsed >= Duration::from_millis(900),
        "the server's 1 s was waited out, took {:?}",
        waited.elapsed
    );
    assert!(waited.elapsed <= budget(&patient_policy, TIMEOUT));

    sandbox.inject(
        "getConversation",
        Fault::TooManyRequests {
            retry_after: Some(120),
        },
        1,
    );
    let budget = budget(&RetryPolicy::none(), TIMEOUT);
    let (error, elapsed) = timed("a long Retry-After", patient.get_conversation(id))
        .await
        .expect_error(ErrorKind::RateLimited, budget);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    assert_eq!(error.attempts(), 1);
    record(
        "fault.429-retry-after",
        format!(
            "Retry-After 1 s: waited {:.1} s, then succeeded; Retry-After 120 s: {}, retry_after 120 s",
            waited.elapsed.as_secs_f64(),
            describe(&error, elapsed, budget)
        ),
    );
}

/// Case fault.503-burst: Five 503s in a row, more than the retry budget of 3 attempts.
/// Expect: `Server` (HTTP 503) after exactly 3 attempts, within the budget; the next call meets the rest of the burst and then succeeds.
#[tokio::test]
async fn a_503_burst_longer_than_the_retry_budget() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let client = client(&sandbox);
    let budget = budget(&retries(), TIMEOUT);
    sandbox.inject(
        "getConversation",
        Fault::ServiceUnavailable { retry_after: None },
        5,
    );
    let (error, elapsed) = timed("a 503 burst", client.get_conversation(id))
        .await
        .expect_error(ErrorKind::Server, budget);
    assert_eq!(error.status(), Some(503));
    assert_eq!(error.attempts(), 3);
    assert!(error.is_retryable());
    let after = timed("the end of the burst", client.get_conversation(id)).await;
    assert_eq!(after.result.unwrap().id, id);
    record(
        "fault.503-burst",
        format!(
            "{}; the next call: succeeded on its 3rd attempt",
            describe(&error, elapsed, budget)
        ),
    );
}

/// Case fault.huge-body: A 200 with a declared 20 MiB body (`Fault::HugeBody`), over the default 8 MiB cap.
/// Expect: `ResponseTooLarge`, not retried, naming the 8 MiB limit and the `max_response_body` setting; the body is not read.
#[tokio::test]
async fn a_huge_body_is_refused_by_the_default_cap() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let budget = budget(&retries(), TIMEOUT);
    sandbox.inject("getConversation", Fault::HugeBody(20 * 1024 * 1024), 1);
    let (error, elapsed) = timed("a 20 MiB body", client(&sandbox).get_conversation(id))
        .await
        .expect_error(ErrorKind::ResponseTooLarge, budget);
    assert_eq!(error.attempts(), 1);
    assert!(!error.is_retryable());
    assert!(error.message().contains("8 MiB"), "{error}");
    assert!(error.message().contains("20971520"), "{error}");
    assert!(error.to_string().contains("max_response_body"), "{error}");
    record(
        "fault.huge-body",
        format!(
            "{}; the message names the 8 MiB limit, the declared size and max_response_body",
            describe(&error, elapsed, budget)
        ),
    );
}

/// Case fault.huge-body-streamed: A 200 with a chunked body and no length that never ends, against a 1 MiB cap.
/// Expect: `ResponseTooLarge` as soon as 1 MiB has been read, well before the timeout; not retried.
#[tokio::test]
async fn an_endless_body_is_cut_at_the_cap() {
    let server = RawServer::start("127.0.0.1", Behaviour::Endless).await;
    let client = builder_for(&server.url())
        .max_response_body(1024 * 1024)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let budget = budget(&retries(), Duration::from_secs(30));
    let (error, elapsed) = timed("an endless body", client.get_conversation(1))
        .await
        .expect_error(ErrorKind::ResponseTooLarge, budget);
    assert_eq!(error.attempts(), 1);
    assert!(error.message().contains("1 MiB"), "{error}");
    assert_eq!(server.connections(), 1);
    record(
        "fault.huge-body-streamed",
        describe(&error, elapsed, budget),
    );
}

/// Case fault.body-cap-configurable: A 2 MiB body against the default cap, then against a 1 MiB cap.
/// Expect: the default cap reads it (and finds the wrong shape: `UnexpectedResponse`); the 1 MiB cap refuses it with `ResponseTooLarge`.
#[tokio::test]
async fn the_cap_is_configurable() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let budget = budget(&retries(), TIMEOUT);
    sandbox.inject("getConversation", Fault::HugeBody(2 * 1024 * 1024), 1);
    timed("2 MiB, default cap", client(&sandbox).get_conversation(id))
        .await
        .expect_error(ErrorKind::UnexpectedResponse, budget);

    let small = builder(&sandbox)
        .max_response_body(1024 * 1024)
        .build()
        .unwrap();
    sandbox.inject("getConversation", Fault::HugeBody(2 * 1024 * 1024), 1);
    let (error, elapsed) = timed("2 MiB, 1 MiB cap", small.get_conversation(id))
        .await
        .expect_error(ErrorKind::ResponseTooLarge, budget);
    assert!(error.message().contains("1 MiB"), "{error}");

    let zero = builder(&sandbox).max_response_body(0).build().unwrap_err();
    assert_eq!(zero.kind(), ErrorKind::Config);
    record(
        "fault.body-cap-configurable",
        format!(
            "default cap: UnexpectedResponse (read, wrong shape); 1 MiB cap: {}",
            describe(&error, elapsed, budget)
        ),
    );
}

/// Case fault.unknown-status: A conversation whose status is one this SDK does not know (`archived`).
/// Expect: not an error: the status reads as `Unknown("archived")`, in no status group.
#[tokio::test]
async fn an_unknown_status_value_is_kept() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    sandbox.inject("getConversation", Fault::UnknownStatus, 1);
    let read = timed("an unknown status", client(&sandbox).get_conversation(id)).await;
    let conversation = read.result.unwrap();
    assert_eq!(
        conversation.status,
        ConversationStatus::Unknown("archived".into())
    );
    assert!(
        !conversation.status.is_active()
            && !conversation.status.is_closed()
            && !conversation.status.is_deferred()
    );
    record(
        "fault.unknown-status",
        "read as Unknown(\"archived\"), in no status group",
    );
}
