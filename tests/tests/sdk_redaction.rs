//! The access token never shows: not in `Debug` output, not in errors, not in
//! anything written to `tracing` at any level.

mod sdk_support;

use ruut_sandbox::{Fault, Operation, Sandbox};
use ruut_sdk::{ErrorKind, StatusRoute};
use sdk_support::Captured;

/// Long and distinctive, so that any leak is found by a plain substring search.
const TOKEN: &str = "rt_live_7Hq2mZ9xVb4Kc8Wn3Lp6";
/// A wrong token, which must not leak either.
const WRONG_TOKEN: &str = "rt_live_WRONG_5Tg8Yh1Uj4Ik7Ol0";

fn assert_no_token(what: &str, text: &str) {
    for token in [TOKEN, WRONG_TOKEN] {
        assert!(!text.contains(token), "{what} contains a token:\n{text}");
    }
}

// The only test of this file: `tracing` caches which call sites are enabled
// process-wide, and a test running alongside without a subscriber could disable
// them. One thread, so that the subscriber set here sees the SDK, the HTTP stack
// and the sandbox alike.
#[tokio::test(flavor = "current_thread")]
async fn the_token_appears_in_no_debug_output_error_or_trace() {
    let captured = Captured::default();
    let _guard = captured.trace_everything();

    let sandbox = Sandbox::builder().user_token(TOKEN).start().await.unwrap();
    let seed = sandbox.seed_info().clone();
    let builder = sdk_support::builder(&sandbox);
    let client = builder.clone().build().unwrap();
    let mut debug_output = vec![
        format!("{builder:?}"),
        format!("{client:?}"),
        format!("{client:#?}"),
        format!("{:?}", client.conversation(seed.open_conversation_id)),
        format!(
            "{:?}",
            client
                .conversation(seed.open_conversation_id)
                .resolve()
                .reason("r")
        ),
        format!("{:?}", client.conversations()),
        format!("{:?}", client.conversation(1).messages()),
        format!("{:?}", client.search_contacts("x")),
        format!("{:?}", client.create_contact().name("n")),
        format!("{:?}", client.create_conversation(1)),
    ];

    // Successes, retried failures, and errors of several kinds.
    client.get_profile().await.unwrap();
    sandbox.inject(
        Operation::GetConversation,
        Fault::ServiceUnavailable { retry_after: None },
        2,
    );
    client
        .get_conversation(seed.open_conversation_id)
        .await
        .unwrap();
    let mut errors = vec![
        client.get_conversation(999_999).await.unwrap_err(),
        client
            .conversation(seed.locked_conversation_id)
            .resolve()
            .send()
            .await
            .unwrap_err(),
        builder
            .clone()
            .api_token(WRONG_TOKEN)
            .build()
            .unwrap()
            .get_profile()
            .await
            .unwrap_err(),
        builder
            .clone()
            .api_token(format!("{TOKEN}\n"))
            .build()
            .unwrap_err(),
    ];
    let scoped = builder
        .clone()
        .status_route(StatusRoute::AccountScoped)
        .build()
        .unwrap();
    scoped
        .conversation(seed.pending_conversation_id)
        .resolve()
        .reason("done")
        .agent(seed.agent_ids[0])
        .send()
        .await
        .unwrap();
    sandbox.inject(Operation::CreateMessage, Fault::DropConnection, 1);
    errors.push(
        client
            .conversation(seed.open_conversation_id)
            .reply("hi")
            .send()
            .await
            .unwrap_err(),
    );

    let kinds: Vec<ErrorKind> = errors.iter().map(|e| e.kind()).collect();
    assert_eq!(
        kinds,
        [
            ErrorKind::NotFound,
            ErrorKind::StatusChangeForbidden,
            ErrorKind::Unauthorized,
            ErrorKind::Config,
            ErrorKind::Connection,
        ]
    );
    for error in &errors {
        debug_output.push(format!("{error} {error:?} {:?}", error.body_excerpt()));
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            debug_output.push(format!("{cause} {cause:?}"));
            source = cause.source();
        }
    }
    for text in &debug_output {
        assert_no_token("Debug or error output", text);
    }
    assert!(
        debug_output[1].contains("[redacted]"),
        "{}",
        debug_output[1]
    );

    let trace = captured.text();
    assert_no_token("the trace", &trace);
    // The trace is not empty for lack of events: it names operations, attempts
    // and statuses.
    assert!(trace.contains("ruut.request"), "{trace}");
    assert!(trace.contains("operation=\"getConversation\""), "{trace}");
    assert!(trace.contains("attempt=3"), "{trace}");
    assert!(trace.contains("status=503"), "{trace}");
    assert!(
        trace.contains("retrying after a transient failure"),
        "{trace}"
    );
}
