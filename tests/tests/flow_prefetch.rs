//! Streams fetch one page ahead: while the consumer holds the first item of a
//! page, the sandbox's journal already shows the request for the next one, and
//! the items still come out in order, each page requested once.

use std::time::Duration;

use futures::{StreamExt, TryStreamExt};
use ruut_sandbox::{Fault, Operation, Sandbox};
use ruut_sdk::types::ConversationStatusFilter;
use ruut_sdk::{Client, ErrorKind, RetryPolicy};

fn client(sandbox: &Sandbox) -> Client {
    Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .account_id(sandbox.account_id())
        .build()
        .expect("the client builds")
}

/// The page numbers of the conversation listings the sandbox received, in order.
fn pages_requested(sandbox: &Sandbox) -> Vec<String> {
    sandbox
        .requests()
        .iter()
        .filter(|r| r.operation == Some(Operation::ListConversations))
        .filter_map(|r| {
            r.query
                .as_deref()?
                .split('&')
                .find(|p| p.starts_with("page="))
        })
        .map(str::to_owned)
        .collect()
}

/// Waits (without touching the stream) until the journal shows `page`; fails
/// after 10 s rather than hanging.
async fn wait_for_request(sandbox: &Sandbox, page: &str) {
    for _ in 0..1000 {
        if pages_requested(sandbox).iter().any(|p| p == page) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("{page} was never requested: {:?}", pages_requested(sandbox));
}

#[tokio::test]
async fn the_next_page_is_requested_before_the_consumer_finishes_this_one() {
    let sandbox = Sandbox::start().await.unwrap();
    let total = sandbox.seed_info().conversation_count;
    assert!(total > 25, "the seed spans several pages ({total})");
    let client = client(&sandbox);
    let query = client.conversations().status(ConversationStatusFilter::All);

    // One page at a time, by hand: what the stream must yield, in this order.
    let mut expected = Vec::new();
    let mut page = Some(1);
    while let Some(number) = page {
        let got = query.clone().page(number).send().await.unwrap();
        expected.extend(got.conversations.iter().map(|c| c.id));
        page = got.next_page;
    }
    assert_eq!(expected.len(), total);
    sandbox.clear_requests();

    let mut stream = query.stream();
    let first = stream.try_next().await.unwrap().expect("a first item");
    // The consumer holds the first item of page 1 and has 24 more to go.
    wait_for_request(&sandbox, "page=2").await;
    assert_eq!(pages_requested(&sandbox), ["page=1", "page=2"]);

    let mut ids = vec![first.id];
    ids.extend(
        stream
            .map_ok(|c| c.id)
            .try_collect::<Vec<_>>()
            .await
            .unwrap(),
    );
    assert_eq!(ids, expected, "the same items in the same order");
    let pages = pages_requested(&sandbox);
    let wanted: Vec<String> = (1..=pages.len()).map(|n| format!("page={n}")).collect();
    assert_eq!(pages, wanted, "each page requested once, in order");
}

#[tokio::test]
async fn a_failed_page_is_yielded_and_ends_the_stream() {
    let sandbox = Sandbox::start().await.unwrap();
    let client = client(&sandbox);
    sandbox.inject(
        Operation::ListConversations,
        Fault::ServiceUnavailable { retry_after: None },
        1,
    );
    let all: Vec<_> = client
        .conversations()
        .retry_policy(RetryPolicy::none())
        .stream()
        .collect()
        .await;
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].as_ref().unwrap_err().kind(), ErrorKind::Server);
    assert_eq!(pages_requested(&sandbox), ["page=1"]);
}
