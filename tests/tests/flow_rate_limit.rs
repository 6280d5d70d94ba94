//! Client-side rate limiting against a sandbox that enforces the same limit the
//! way rack-attack does (429 `Retry later`): 64 concurrent tasks sharing one
//! paced client (48 reading one conversation, 16 streaming every conversation
//! page after page) meet no 429; without the client's limit they do.
//!
//! Retries are off, so that every 429 shows as an error. The limit is 20 a
//! second; the sandbox's bucket holds 20 requests, so the paced client has
//! close to a second of slack for scheduling jitter on a busy machine, while
//! the unpaced one sends its 64 requests at once.

use std::time::Duration;

use futures::StreamExt;
use ruut_sandbox::Sandbox;
use ruut_sdk::types::ConversationStatusFilter;
use ruut_sdk::{Client, ClientBuilder, ErrorKind, RateLimit, RetryPolicy};

const LIMIT: u32 = 20;
const TASKS: usize = 64;
/// Of the tasks, how many stream every conversation (the others read one).
const STREAMS: usize = 16;

async fn limited_sandbox() -> Sandbox {
    Sandbox::builder()
        .rate_limit(LIMIT, Duration::from_secs(1))
        .start()
        .await
        .expect("the sandbox starts")
}

fn builder(sandbox: &Sandbox) -> ClientBuilder {
    Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .account_id(sandbox.account_id())
        .retry_policy(RetryPolicy::none())
}

/// Runs the 64-task job (every task on its own clone) and returns the kinds of
/// the errors it met.
async fn job(sandbox: &Sandbox, client: Client) -> Vec<ErrorKind> {
    let id = sandbox.seed_info().open_conversation_id;
    let tasks: Vec<_> = (0..TASKS)
        .map(|task| {
            let client = client.clone();
            tokio::spawn(async move {
                if task < STREAMS {
                    let all = client.conversations().status(ConversationStatusFilter::All);
                    let items: Vec<_> = all.stream().collect().await;
                    items.into_iter().filter_map(Result::err).collect()
                } else {
                    client
                        .get_conversation(id)
                        .await
                        .err()
                        .into_iter()
                        .collect::<Vec<_>>()
                }
            })
        })
        .collect();
    let mut errors = Vec::new();
    for task in tasks {
        let failed = task.await.expect("the task does not panic");
        errors.extend(failed.iter().map(ruut_sdk::Error::kind));
    }
    errors
}

/// The requests the job sends when nothing fails: one per read, one per page
/// per stream.
fn requests_of_the_job(sandbox: &Sandbox) -> usize {
    let pages = sandbox.seed_info().conversation_count.div_ceil(25);
    STREAMS * pages + (TASKS - STREAMS)
}

#[tokio::test]
async fn a_job_paced_at_the_servers_limit_meets_no_429() {
    let sandbox = limited_sandbox().await;
    let client = builder(&sandbox)
        .rate_limit(RateLimit::per_second(LIMIT))
        .build()
        .unwrap();
    let errors = job(&sandbox, client).await;
    assert_eq!(errors, []);
    assert_eq!(sandbox.throttled(), 0);
    assert_eq!(sandbox.requests().len(), requests_of_the_job(&sandbox));
}

#[tokio::test]
async fn the_same_job_without_the_limit_meets_429s() {
    let sandbox = limited_sandbox().await;
    let client = builder(&sandbox).build().unwrap();
    let errors = job(&sandbox, client).await;
    assert!(
        !errors.is_empty(),
        "64 requests at once exceed a bucket of 20"
    );
    assert!(
        errors.iter().all(|kind| *kind == ErrorKind::RateLimited),
        "{errors:?}"
    );
    assert_eq!(sandbox.throttled(), errors.len() as u64);
}

#[test]
fn a_limit_that_lets_nothing_through_fails_the_build() {
    let error = Client::builder()
        .api_token("token")
        .rate_limit(RateLimit::per_second(0))
        .build()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Config);
}
