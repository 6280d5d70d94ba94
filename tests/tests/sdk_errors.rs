//! Every error kind, produced by the sandbox's real answers and injected faults,
//! and the retry behaviour each one gets.

mod sdk_support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ruut_sandbox::{Fault, Sandbox};
use ruut_sdk::{Client, ConversationStatus, ErrorKind, Operation, RetryPolicy};
use sdk_support::{builder, client, requests_for};

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox starts")
}

#[tokio::test]
async fn unauthorized_for_an_unknown_token() {
    let sandbox = sandbox().await;
    let client = builder(&sandbox)
        .api_token("not-the-sandbox-token")
        .build()
        .unwrap();
    let error = client.conversations().send().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unauthorized);
    assert_eq!(error.status(), Some(401));
    assert_eq!(error.message(), "Invalid Access Token");
    assert_eq!(error.operation(), Some(Operation::ListConversations));
    assert!(!error.is_retryable());
    assert_eq!(error.attempts(), 1);
}

#[tokio::test]
async fn forbidden_although_chatwoot_says_401() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();

    let outsider = client(&sandbox).with_account_id(seed.foreign_account_id);
    let error = outsider.conversations().send().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Forbidden, "{error}");
    assert_eq!(error.status(), Some(401));

    let bot = builder(&sandbox)
        .api_token(sandbox.bot_token())
        .build()
        .unwrap();
    let error = bot.conversations().send().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Forbidden, "{error}");
    assert!(error.message().contains("bots"), "{error}");
}

#[tokio::test]
async fn not_found_for_a_missing_record() {
    let sandbox = sandbox().await;
    let error = client(&sandbox)
        .get_conversation(999_999)
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert_eq!(error.status(), Some(404));
    assert_eq!(error.message(), "Resource could not be found");
    assert!(
        error
            .body_excerpt()
            .unwrap()
            .contains("Resource could not be found")
    );

    let error = client(&sandbox).get_contact(999_999).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotFound);
}

#[tokio::test]
async fn validation_keeps_the_attributes_that_failed() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let error = client(&sandbox)
        .create_contact()
        .name("Twin")
        .email(&seed.taken_email)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Validation, "{error}");
    assert_eq!(error.status(), Some(422));
    assert!(error.message().contains("taken"), "{error}");
    assert_eq!(error.details(), Some(&serde_json::json!(["email"])));
}

#[tokio::test]
async fn a_call_retried_after_two_transient_503s_succeeds() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    sandbox.inject(
        Operation::GetConversation,
        Fault::ServiceUnavailable { retry_after: None },
        2,
    );

    let conversation = client(&sandbox).get_conversation(id).await.unwrap();
    assert_eq!(conversation.id, id);
    assert_eq!(requests_for(&sandbox, "getConversation").len(), 3);
}

#[tokio::test]
async fn the_last_error_reports_every_attempt() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    sandbox.inject(Operation::GetConversation, Fault::BadGateway, 3);

    let error = client(&sandbox).get_conversation(id).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Server);
    assert_eq!(error.status(), Some(502));
    assert_eq!(error.message(), "502 Bad Gateway", "the HTML page's title");
    assert!(error.is_retryable());
    assert_eq!(error.attempts(), 3);
    assert!(error.to_string().contains("after 3 attempts"), "{error}");
    assert_eq!(requests_for(&sandbox, "getConversation").len(), 3);
}

#[tokio::test]
async fn rate_limited_retries_and_honours_retry_after() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;

    sandbox.inject(
        Operation::GetConversation,
        Fault::TooManyRequests { retry_after: None },
        3,
    );
    let error = client(&sandbox).get_conversation(id).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::RateLimited);
    assert_eq!(error.status(), Some(429));
    assert_eq!(error.message(), "Retry later");
    assert_eq!(error.retry_after(), None, "Chatwoot sends no Retry-After");
    assert_eq!(error.attempts(), 3);

    // A Retry-After within the policy's max_delay is waited out...
    sandbox.inject(
        Operation::GetConversation,
        Fault::TooManyRequests {
            retry_after: Some(1),
        },
        1,
    );
    let patient = builder(&sandbox)
        .retry_policy(sdk_support::quick_retries().with_max_delay(Duration::from_secs(2)))
        .build()
        .unwrap();
    assert_eq!(patient.get_conversation(id).await.unwrap().id, id);

    // ...a longer one is handed to the caller instead.
    sandbox.clear_requests();
    sandbox.inject(
        Operation::GetConversation,
        Fault::TooManyRequests {
            retry_after: Some(120),
        },
        1,
    );
    let error = client(&sandbox).get_conversation(id).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::RateLimited);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(120)));
    assert_eq!(error.attempts(), 1);
    assert_eq!(requests_for(&sandbox, "getConversation").len(), 1);
}

#[tokio::test]
async fn a_500_is_not_retried() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    sandbox.inject(Operation::GetConversation, Fault::InternalServerError, 1);
    let error = client(&sandbox).get_conversation(id).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Server);
    assert_eq!(error.status(), Some(500));
    assert_eq!(error.message(), "Internal Server Error");
    assert!(!error.is_retryable());
    assert_eq!(requests_for(&sandbox, "getConversation").len(), 1);
}

#[tokio::test]
async fn timeout_when_the_server_hangs() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let impatient = builder(&sandbox)
        .timeout(Duration::from_millis(300))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();

    sandbox.inject(Operation::GetConversation, Fault::Hang, 1);
    let error = impatient.get_conversation(id).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
    assert_eq!(error.status(), None);
    assert!(error.is_retryable());

    // With retries, a hang once is only a delay.
    sandbox.inject(Operation::GetConversation, Fault::Hang, 1);
    let retrying = builder(&sandbox)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    assert_eq!(retrying.get_conversation(id).await.unwrap().id, id);
}

#[tokio::test]
async fn the_retry_deadline_bounds_a_slow_call() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    sandbox.inject(
        Operation::GetConversation,
        Fault::Delay(Duration::from_secs(2)),
        1,
    );
    let hurried = builder(&sandbox)
        .retry_policy(sdk_support::quick_retries().with_deadline(Some(Duration::from_millis(200))))
        .build()
        .unwrap();
    let error = hurried.get_conversation(id).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
    assert!(error.message().contains("deadline"), "{error}");
    assert_eq!(error.attempts(), 1);
}

#[tokio::test]
async fn connection_errors_retry_reads_but_never_repeat_a_message() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let id = seed.open_conversation_id;

    sandbox.inject(Operation::GetConversation, Fault::DropConnection, 1);
    assert_eq!(client(&sandbox).get_conversation(id).await.unwrap().id, id);

    let before = sandbox.message_count(seed.account_id, id);
    sandbox.inject(Operation::CreateMessage, Fault::DropConnection, 1);
    let error = client(&sandbox)
        .conversation(id)
        .reply("Hello once")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Connection, "{error}");
    assert!(error.is_retryable(), "transient, though not safe to repeat");
    assert_eq!(error.attempts(), 1);
    assert_eq!(requests_for(&sandbox, "createMessage").len(), 1);
    assert_eq!(
        sandbox.message_count(seed.account_id, id),
        before + 1,
        "the server kept the message whose answer was lost; the SDK did not post it again"
    );
}

#[tokio::test]
async fn connection_refused() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let client = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .api_token("a-token-for-nobody")
        .account_id(1)
        .retry_policy(sdk_support::quick_retries())
        .build()
        .unwrap();
    let error = client.get_conversation(1).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Connection, "{error}");
    assert!(error.message().starts_with("could not connect"), "{error}");
    assert_eq!(error.attempts(), 3);
}

#[tokio::test]
async fn a_truncated_body_is_a_broken_connection_and_retried() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    sandbox.inject(Operation::GetConversation, Fault::TruncatedBody, 1);
    assert_eq!(client(&sandbox).get_conversation(id).await.unwrap().id, id);

    sandbox.inject(Operation::GetConversation, Fault::TruncatedBody, 1);
    let once = builder(&sandbox)
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let error = once.get_conversation(id).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Connection, "{error}");
}

#[tokio::test]
async fn undecodable_answers_are_unexpected_and_not_retried() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    for fault in [
        Fault::MalformedJson,
        Fault::WrongShape,
        Fault::HugeBody(2 * 1024 * 1024),
    ] {
        sandbox.clear_requests();
        sandbox.inject(Operation::GetConversation, fault.clone(), 1);
        let error = client(&sandbox).get_conversation(id).await.unwrap_err();
        assert_eq!(
            error.kind(),
            ErrorKind::UnexpectedResponse,
            "{fault:?}: {error}"
        );
        assert!(!error.is_retryable());
        assert!(
            error.body_excerpt().unwrap().len() <= 512 + '…'.len_utf8(),
            "{fault:?}"
        );
        assert_eq!(
            requests_for(&sandbox, "getConversation").len(),
            1,
            "{fault:?}"
        );
    }
}

#[tokio::test]
async fn an_unknown_status_is_kept_not_an_error() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    sandbox.inject(Operation::GetConversation, Fault::UnknownStatus, 1);
    let conversation = client(&sandbox).get_conversation(id).await.unwrap();
    assert_eq!(
        conversation.status,
        ConversationStatus::Unknown("archived".into())
    );
    assert!(!conversation.status.is_active() && !conversation.status.is_closed());
}

#[tokio::test]
async fn a_redirect_is_refused_and_the_token_goes_nowhere() {
    // A listener standing for another host: it counts whoever connects.
    let trap = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let trap_url = format!(
        "http://{}/api/v1/accounts/1/conversations/1",
        trap.local_addr().unwrap()
    );
    let visits = Arc::new(AtomicUsize::new(0));
    let counter = visits.clone();
    let watcher = tokio::spawn(async move {
        while trap.accept().await.is_ok() {
            counter.fetch_add(1, Ordering::SeqCst);
        }
    });

    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    sandbox.inject(
        Operation::GetConversation,
        Fault::Redirect(trap_url.clone()),
        1,
    );
    let error = client(&sandbox).get_conversation(id).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Redirect, "{error}");
    assert_eq!(error.status(), Some(307));
    assert!(error.message().contains(&trap_url), "{error}");
    assert!(error.hint().unwrap().contains("token"), "{error}");
    assert_eq!(error.attempts(), 1);

    // Give a follow-up request every chance to arrive before looking.
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(visits.load(Ordering::SeqCst), 0);
    watcher.abort();
}

#[tokio::test]
async fn invalid_requests_are_refused_before_sending() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let error = client(&sandbox)
        .conversation(id)
        .reply("   ")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert_eq!(error.operation(), Some(Operation::CreateMessage));
    assert!(sandbox.requests().is_empty());
}

#[tokio::test]
async fn configuration_errors_surface_at_build_time() {
    for builder in [
        Client::builder(),
        Client::builder().api_token(""),
        Client::builder().api_token("line\nbreak"),
        Client::builder()
            .api_token("t0ken-123")
            .base_url("not a url"),
        Client::builder()
            .api_token("t0ken-123")
            .base_url("http://chat.example.com"),
        Client::builder().api_token("t0ken-123").account_id(-4),
    ] {
        let error = builder.build().unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config, "{error}");
        assert_eq!(error.attempts(), 0);
    }
}
