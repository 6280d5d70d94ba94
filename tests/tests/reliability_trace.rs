//! Everything written to `tracing` at TRACE while the SDK meets every fault:
//! the token is never in it, and a call that succeeds after retries says on
//! which attempt it did.
//!
//! One test in its own binary: `tracing` caches per call site whether anyone
//! listens, process-wide, so a test running alongside without a subscriber
//! could switch events off. One thread, so that the subscriber set here sees
//! the SDK, the HTTP stack and the servers alike.

mod reliability_support;

use reliability_support::{
    Behaviour, Captured, RawServer, TOKEN, builder_for, client, record, sandbox,
};
use ruut_sandbox::{Fault, Operation};

/// Case sec.trace-no-token: A TRACE-level subscriber with span events records every call of the fault cases (hang, dropped and truncated connections, stalled and endless bodies, huge body, redirect, 429, 503, an echoing server) and a bad token at build.
/// Expect: the token appears nowhere in the captured trace, which does hold the requests' spans, statuses and retries.
/// Case retry.attempts-reported: An idempotent read meets two 503s and then succeeds.
/// Expect: the trace reports the success in the span of attempt 3, after two `retrying after a transient failure` events.
#[tokio::test(flavor = "current_thread")]
async fn the_trace_holds_no_token_and_reports_attempts() {
    let captured = Captured::default();
    let _guard = captured.trace_everything();

    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let client = client(&sandbox);

    // The success after retries, first, so that its lines are easy to find.
    sandbox.inject(
        Operation::GetConversation,
        Fault::ServiceUnavailable { retry_after: None },
        2,
    );
    reliability_support::guard("a read after two 503s", client.get_conversation(id))
        .await
        .expect("succeeds on the third attempt");
    let retried_trace = captured.text();

    for fault in [
        Fault::Hang,
        Fault::DropConnection,
        Fault::TruncatedBody,
        Fault::MalformedJson,
        Fault::WrongShape,
        Fault::HugeBody(9 * 1024 * 1024),
        Fault::Redirect("http://127.0.0.2:9/".into()),
        Fault::TooManyRequests { retry_after: None },
        Fault::BadGateway,
    ] {
        sandbox.inject(Operation::GetConversation, fault, 3);
        let _ = reliability_support::guard("a fault", client.get_conversation(id)).await;
        sandbox.clear_faults();
    }
    let message = sandbox.seed_info().open_conversation_id;
    sandbox.inject(Operation::CreateMessage, Fault::DropConnection, 1);
    let _ = reliability_support::guard(
        "a dropped message",
        client.conversation(message).reply("hi").send(),
    )
    .await;
    for behaviour in [Behaviour::StallMidBody, Behaviour::Endless, Behaviour::Echo] {
        let server = RawServer::start("127.0.0.1", behaviour).await;
        let raw = builder_for(&server.url())
            .max_response_body(256 * 1024)
            .build()
            .unwrap();
        let _ = reliability_support::guard("a raw server", raw.get_conversation(1)).await;
    }
    let _ = ruut_sdk::Client::builder()
        .api_token(format!("{TOKEN}\r\n"))
        .build()
        .unwrap_err();

    let trace = captured.text();
    assert!(!trace.contains(TOKEN), "the token is in the trace");
    assert!(
        trace.contains("ruut.request"),
        "the trace is not empty: {trace}"
    );
    assert!(trace.contains("status=503"), "{trace}");

    let lines: Vec<&str> = retried_trace.lines().collect();
    let retries = lines
        .iter()
        .filter(|l| l.contains("retrying after a transient failure"))
        .count();
    assert_eq!(retries, 2, "{retried_trace}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("attempt=3") && l.contains("request succeeded")),
        "the success is reported in the third attempt's span:\n{retried_trace}"
    );
    record(
        "sec.trace-no-token",
        format!(
            "{} lines ({} KiB) of TRACE output, no token",
            trace.lines().count(),
            trace.len() / 1024
        ),
    );
    record(
        "retry.attempts-reported",
        "2 retry events, then `request succeeded` in the span with attempt=3",
    );
}
