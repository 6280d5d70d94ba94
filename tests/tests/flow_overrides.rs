//! Per-call overrides: one call gets its own timeout or retry policy, the
//! client and its other calls keep theirs. The sandbox's journal counts what
//! was sent.

use std::time::Duration;

use futures::StreamExt;
use ruut_sandbox::{Fault, Operation, Sandbox};
use ruut_sdk::{CallOptions, Client, ErrorKind, RetryPolicy};

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox starts")
}

/// A client of `sandbox` with the default timeout (30 s) and quick retries.
fn client(sandbox: &Sandbox) -> Client {
    Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .account_id(sandbox.account_id())
        .retry_policy(
            RetryPolicy::default()
                .with_base_delay(Duration::from_millis(1))
                .with_max_delay(Duration::from_millis(5)),
        )
        .build()
        .expect("the client builds")
}

fn listings(sandbox: &Sandbox) -> usize {
    sandbox
        .requests()
        .iter()
        .filter(|r| r.operation == Some(Operation::ListConversations))
        .count()
}

#[tokio::test]
async fn a_per_call_timeout_ends_a_hanging_call_the_client_would_wait_for() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);

    sandbox.inject(Operation::ListConversations, Fault::Hang, 1);
    let error = client
        .conversations()
        .timeout(Duration::from_millis(200))
        .retry_policy(RetryPolicy::none())
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
    assert_eq!(error.attempts(), 1);
    assert!(error.message().contains("200ms"), "{error}");

    // The same call without the override is still waiting (for the client's
    // 30 s) long after the override gave up: the hang never answers.
    sandbox.inject(Operation::ListConversations, Fault::Hang, 1);
    let waiting = client
        .conversations()
        .retry_policy(RetryPolicy::none())
        .send();
    assert!(
        tokio::time::timeout(Duration::from_secs(1), waiting)
            .await
            .is_err(),
        "the client's default timeout is 30 s"
    );
    assert_eq!(listings(&sandbox), 2);
}

#[tokio::test]
async fn a_per_call_retry_policy_sends_once_where_the_client_retries() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let unavailable = Fault::ServiceUnavailable { retry_after: None };

    sandbox.inject(Operation::ListConversations, unavailable.clone(), 2);
    let page = client
        .conversations()
        .send()
        .await
        .expect("the third attempt succeeds");
    assert!(!page.conversations.is_empty());
    assert_eq!(listings(&sandbox), 3, "the client's policy retries twice");

    sandbox.clear_requests();
    sandbox.inject(Operation::ListConversations, unavailable.clone(), 2);
    let error = client
        .conversations()
        .retry_policy(RetryPolicy::none())
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(503));
    assert_eq!(error.attempts(), 1);
    assert_eq!(listings(&sandbox), 1, "the override sends once");

    // A stream carries the override to every page it fetches.
    sandbox.clear_faults();
    sandbox.clear_requests();
    sandbox.inject(Operation::ListConversations, unavailable, 1);
    let first = client
        .conversations()
        .retry_policy(RetryPolicy::none())
        .stream()
        .next()
        .await
        .expect("the stream yields the error");
    assert_eq!(first.unwrap_err().status(), Some(503));
    assert_eq!(listings(&sandbox), 1);

    // The same overrides, set whole, on another kind of call.
    sandbox.clear_requests();
    sandbox.inject(
        Operation::ListContacts,
        Fault::ServiceUnavailable { retry_after: None },
        2,
    );
    let once = CallOptions::default().with_retry_policy(RetryPolicy::none());
    let error = client.contacts().options(once).send().await.unwrap_err();
    assert_eq!((error.status(), error.attempts()), (Some(503), 1));
    let contact_listings = sandbox
        .requests()
        .iter()
        .filter(|r| r.operation == Some(Operation::ListContacts))
        .count();
    assert_eq!(contact_listings, 1);

    // The client itself keeps its policy.
    assert_eq!(client.retry_policy().max_attempts, 3);
}
