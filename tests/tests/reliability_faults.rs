//! The SDK under faults: each one ends in the right error kind, within the
//! request timeout plus the retry budget, with no panic and no hang.
//!
//! Every call runs under a hang guard ([`reliability_support::guard`]); the
//! budgets are generous ([`reliability_support::budget`]): they catch a call
//! that ignored its timeout, not a slow machine.
//!
//! Most cases are one row each of [`fault_cases!`]'s table: where the call
//! goes, what the error must be, and what happens next ([`FaultCase`], run by
//! [`run`]). The cases that do more than that are plain tests below it.

mod reliability_support;

use std::time::Duration;

use reliability_support::{
    Behaviour, RawServer, TIMEOUT, budget, builder, builder_for, client, describe, record, retries,
    sandbox, timed,
};
use ruut_api::operations::Operation::GetConversation;
use ruut_sandbox::{Fault, Sandbox};
use ruut_sdk::{ClientBuilder, ConversationStatus, ErrorKind, RetryPolicy};

/// Where a case's call goes.
#[derive(Clone, Debug)]
enum Target {
    /// A port nothing listens on.
    Refused,
    /// A tiny TCP server that behaves so.
    Tcp(Behaviour),
    /// The sandbox, whose next `times` answers of getConversation meet `fault`.
    Injected(Fault, u32),
}

/// What a case does after its error.
#[derive(Clone, Copy, Debug)]
enum Then {
    Nothing,
    /// The same fault once more, against a client that retries: it succeeds.
    /// The text is added to what is recorded.
    RetriedAway(&'static str),
    /// The next call of the same client succeeds (the fault has run out).
    NextSucceeds(&'static str),
}

/// One row: a getConversation call that must fail so.
#[derive(Clone, Debug)]
struct FaultCase {
    /// What the call meets, for the hang guard's message.
    what: &'static str,
    target: Target,
    /// The client retries ([`retries`]) or sends once.
    retried: bool,
    /// The request timeout ([`TIMEOUT`] unless said).
    timeout: Duration,
    /// The client's response-body cap, when not the default.
    cap: Option<usize>,
    kind: ErrorKind,
    attempts: Option<u32>,
    retryable: Option<bool>,
    status: Option<Option<u16>>,
    /// The error's whole message.
    message: Option<&'static str>,
    /// Pieces of the message.
    says: &'static [&'static str],
    /// Pieces of the error's `Display`.
    shows: &'static [&'static str],
    excerpt: Option<&'static str>,
    retry_after: Option<Option<Duration>>,
    /// The call waited at least the request timeout.
    waited: bool,
    /// How many connections the raw server accepted.
    connections: Option<usize>,
    then: Then,
    /// Added to what is recorded.
    note: &'static str,
}

impl FaultCase {
    /// A case that checks nothing but the kind (the rows set the rest).
    const fn expect(what: &'static str, target: Target, kind: ErrorKind) -> FaultCase {
        FaultCase {
            what,
            target,
            retried: true,
            timeout: TIMEOUT,
            cap: None,
            kind,
            attempts: None,
            retryable: None,
            status: None,
            message: None,
            says: &[],
            shows: &[],
            excerpt: None,
            retry_after: None,
            waited: false,
            connections: None,
            then: Then::Nothing,
            note: "",
        }
    }
}

/// Runs `case`, checks its error, records what happened as `id`.
async fn run(id: &str, case: FaultCase) {
    let policy = if case.retried {
        retries()
    } else {
        RetryPolicy::none()
    };
    let budget = budget(&policy, case.timeout);
    let (mut target, sandbox, raw, conversation) = start(&case.target).await;
    target = target.retry_policy(policy).timeout(case.timeout);
    if let Some(cap) = case.cap {
        target = target.max_response_body(cap);
    }
    let sdk = target.build().unwrap();
    let (error, elapsed) = timed(case.what, sdk.get_conversation(conversation))
        .await
        .expect_error(case.kind, budget);
    if let Some(attempts) = case.attempts {
        assert_eq!(error.attempts(), attempts, "{error}");
    }
    if let Some(retryable) = case.retryable {
        assert_eq!(error.is_retryable(), retryable, "{error}");
    }
    if let Some(status) = case.status {
        assert_eq!(error.status(), status, "{error}");
    }
    if let Some(message) = case.message {
        assert_eq!(error.message(), message);
    }
    for piece in case.says {
        assert!(error.message().contains(piece), "{error}");
    }
    for piece in case.shows {
        assert!(error.to_string().contains(piece), "{error}");
    }
    if let Some(excerpt) = case.excerpt {
        assert_eq!(error.body_excerpt(), Some(excerpt));
    }
    if let Some(retry_after) = case.retry_after {
        assert_eq!(error.retry_after(), retry_after);
    }
    if case.waited {
        assert!(elapsed >= case.timeout, "it did wait for the timeout");
    }
    if let Some(connections) = case.connections {
        let server = raw.as_ref().expect("a raw server");
        assert_eq!(server.connections(), connections);
    }
    let then = match (case.then, &case.target, &sandbox) {
        (Then::Nothing, ..) => "",
        (Then::RetriedAway(note), Target::Injected(fault, _), Some(sandbox)) => {
            sandbox.inject(GetConversation, fault.clone(), 1);
            let retried = timed(
                "the fault once more",
                client(sandbox).get_conversation(conversation),
            )
            .await;
            assert_eq!(retried.result.unwrap().id, conversation);
            note
        }
        (Then::NextSucceeds(note), ..) => {
            let after = timed("the next call", sdk.get_conversation(conversation)).await;
            assert_eq!(after.result.unwrap().id, conversation);
            note
        }
        (then, target, _) => panic!("{then:?} needs the sandbox, not {target:?}"),
    };
    record(
        id,
        format!("{}{}{then}", describe(&error, elapsed, budget), case.note),
    );
}

/// Starts what `target` names: a client builder for it, what must live as
/// long as the call, and the conversation to read.
async fn start(target: &Target) -> (ClientBuilder, Option<Sandbox>, Option<RawServer>, i64) {
    match target {
        Target::Refused => {
            let port = {
                let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
                listener.local_addr().unwrap().port()
            };
            (
                builder_for(&format!("http://127.0.0.1:{port}")),
                None,
                None,
                1,
            )
        }
        Target::Tcp(behaviour) => {
            let raw = RawServer::start("127.0.0.1", *behaviour).await;
            (builder_for(&raw.url()), None, Some(raw), 1)
        }
        Target::Injected(fault, times) => {
            let sandbox = sandbox().await;
            let id = sandbox.seed_info().open_conversation_id;
            sandbox.inject(GetConversation, fault.clone(), *times);
            (builder(&sandbox), Some(sandbox), None, id)
        }
    }
}

/// The id of the `/// Case <id>: <what>` line of a test's docs.
fn case_id(docs: &str) -> &str {
    docs.lines()
        .find_map(|line| line.trim().strip_prefix("Case ")?.split_once(':'))
        .map(|(id, _)| id)
        .expect("a `/// Case <id>: <what>` line")
}

/// The table: each row a test named after `fn`, its case and expectation
/// in the `/// Case` and `/// Expect` lines above it (RELIABILITY.md is made
/// of them, and the case id names what the row records).
macro_rules! fault_cases {
    ($($(#[doc = $doc:literal])* fn $name:ident = $case:expr;)*) => {
        $(
            $(#[doc = $doc])*
            #[tokio::test]
            async fn $name() {
                run(case_id(concat!($($doc, "\n"),*)), $case).await;
            }
        )*
    };
}

use ErrorKind::*;
use Target::*;

fault_cases! {
    /// Case fault.connection-refused: Nothing listens on the port.
    /// Expect: `Connection`, retried up to the policy's 3 attempts, within the budget.
    fn connection_refused = FaultCase {
        attempts: Some(3),
        retryable: Some(true),
        ..FaultCase::expect("a refused connection", Refused, Connection)
    };

    /// Case fault.silent-server: A server that accepts the connection and never reads or answers.
    /// Expect: `Timeout` on every attempt, within attempts x timeout + backoff.
    fn a_silent_server_times_out = FaultCase {
        attempts: Some(3),
        waited: true,
        ..FaultCase::expect("a silent server", Tcp(Behaviour::Silent), Timeout)
    };

    /// Case fault.hang: The sandbox reads the request and never answers (`Fault::Hang`, every attempt).
    /// Expect: `Timeout` after 3 attempts, within attempts x timeout + backoff; one hang alone is retried away.
    fn a_hanging_answer_times_out = FaultCase {
        attempts: Some(3),
        status: Some(None),
        then: Then::RetriedAway("; a single hang: succeeded on the retry"),
        ..FaultCase::expect("a hanging server", Injected(Fault::Hang, 3), Timeout)
    };

    /// Case fault.dropped-connection: The connection is closed after the request is processed, before any answer (`Fault::DropConnection`).
    /// Expect: `Connection` when not retried; an idempotent read retries it away.
    fn a_dropped_connection_is_a_connection_error = FaultCase {
        retried: false,
        retryable: Some(true),
        then: Then::RetriedAway("; with retries: succeeded"),
        ..FaultCase::expect("a dropped connection", Injected(Fault::DropConnection, 1), Connection)
    };

    /// Case fault.truncated-body: The answer declares its length, sends half the body and closes the connection (`Fault::TruncatedBody`).
    /// Expect: `Connection` when not retried; an idempotent read retries it away.
    fn a_body_cut_in_half_is_a_connection_error = FaultCase {
        retried: false,
        says: &["broke off"],
        then: Then::RetriedAway("; with retries: succeeded"),
        ..FaultCase::expect("a truncated body", Injected(Fault::TruncatedBody, 1), Connection)
    };

    /// Case fault.stalled-body: The answer declares 1000 bytes, sends 10 and then nothing, keeping the connection open.
    /// Expect: `Timeout` on every attempt, within attempts x timeout + backoff.
    fn a_body_that_stops_halfway_times_out = FaultCase {
        attempts: Some(3),
        ..FaultCase::expect("a stalled body", Tcp(Behaviour::StallMidBody), Timeout)
    };

    /// Case fault.malformed-json: A 200 whose body is cut-off JSON (`{"payload": [`).
    /// Expect: `UnexpectedResponse`, not retried, with an excerpt of the body.
    fn malformed_json_is_an_unexpected_response = FaultCase {
        attempts: Some(1),
        retryable: Some(false),
        excerpt: Some(r#"{"payload": ["#),
        ..FaultCase::expect("malformed JSON", Injected(Fault::MalformedJson, 1), UnexpectedResponse)
    };

    /// Case fault.wrong-shape: A 200 whose JSON parses but is not a conversation (`{"unexpected": true}`).
    /// Expect: `UnexpectedResponse`, not retried, saying the answer is not what the API describes.
    fn json_of_the_wrong_shape_is_an_unexpected_response = FaultCase {
        attempts: Some(1),
        says: &["not what the API describes"],
        ..FaultCase::expect(
            "JSON of the wrong shape",
            Injected(Fault::WrongShape, 1),
            UnexpectedResponse,
        )
    };

    /// Case fault.html-502: A proxy's HTML 502 page on every attempt (`Fault::BadGateway`).
    /// Expect: `Server` with status 502 and the page's title as the message, after 3 attempts.
    fn an_html_502_page_is_a_server_error = FaultCase {
        status: Some(Some(502)),
        message: Some("502 Bad Gateway"),
        attempts: Some(3),
        ..FaultCase::expect("HTML 502 pages", Injected(Fault::BadGateway, 3), Server)
    };

    /// Case fault.429-plain: Plain-text `Retry later` 429s without `Retry-After`, as Chatwoot sends them.
    /// Expect: `RateLimited` after 3 attempts with backoff, message `Retry later`, no retry-after.
    fn plain_text_429_without_retry_after = FaultCase {
        message: Some("Retry later"),
        retry_after: Some(None),
        attempts: Some(3),
        ..FaultCase::expect(
            "429s",
            Injected(Fault::TooManyRequests { retry_after: None }, 3),
            RateLimited,
        )
    };

    /// Case fault.503-burst: Five 503s in a row, more than the retry budget of 3 attempts.
    /// Expect: `Server` (HTTP 503) after exactly 3 attempts, within the budget; the next call meets the rest of the burst and then succeeds.
    fn a_503_burst_longer_than_the_retry_budget = FaultCase {
        status: Some(Some(503)),
        attempts: Some(3),
        retryable: Some(true),
        then: Then::NextSucceeds("; the next call: succeeded on its 3rd attempt"),
        ..FaultCase::expect(
            "a 503 burst",
            Injected(Fault::ServiceUnavailable { retry_after: None }, 5),
            Server,
        )
    };

    /// Case fault.huge-body: A 200 with a declared 20 MiB body (`Fault::HugeBody`), over the default 8 MiB cap.
    /// Expect: `ResponseTooLarge`, not retried, naming the 8 MiB limit and the `max_response_body` setting; the body is not read.
    fn a_huge_body_is_refused_by_the_default_cap = FaultCase {
        attempts: Some(1),
        retryable: Some(false),
        says: &["8 MiB", "20971520"],
        shows: &["max_response_body"],
        note: "; the message names the 8 MiB limit, the declared size and max_response_body",
        ..FaultCase::expect(
            "a 20 MiB body",
            Injected(Fault::HugeBody(20 * 1024 * 1024), 1),
            ResponseTooLarge,
        )
    };

    /// Case fault.huge-body-streamed: A 200 with a chunked body and no length that never ends, against a 1 MiB cap.
    /// Expect: `ResponseTooLarge` as soon as 1 MiB has been read, well before the timeout; not retried.
    fn an_endless_body_is_cut_at_the_cap = FaultCase {
        cap: Some(1024 * 1024),
        timeout: Duration::from_secs(30),
        attempts: Some(1),
        says: &["1 MiB"],
        connections: Some(1),
        ..FaultCase::expect("an endless body", Tcp(Behaviour::Endless), ResponseTooLarge)
    };
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
        GetConversation,
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
        GetConversation,
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

/// Case fault.body-cap-configurable: A 2 MiB body against the default cap, then against a 1 MiB cap.
/// Expect: the default cap reads it (and finds the wrong shape: `UnexpectedResponse`); the 1 MiB cap refuses it with `ResponseTooLarge`.
#[tokio::test]
async fn the_cap_is_configurable() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let budget = budget(&retries(), TIMEOUT);
    sandbox.inject(GetConversation, Fault::HugeBody(2 * 1024 * 1024), 1);
    timed("2 MiB, default cap", client(&sandbox).get_conversation(id))
        .await
        .expect_error(ErrorKind::UnexpectedResponse, budget);

    let small = builder(&sandbox)
        .max_response_body(1024 * 1024)
        .build()
        .unwrap();
    sandbox.inject(GetConversation, Fault::HugeBody(2 * 1024 * 1024), 1);
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
    sandbox.inject(GetConversation, Fault::UnknownStatus, 1);
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
