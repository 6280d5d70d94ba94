//! Retrying idempotent requests on transient failures.
//!
//! Requests that read, or that set something to a given value (a status, a
//! priority, an assignee), are retried on rate limiting, timeouts, broken
//! connections and HTTP 502, 503 and 504, waiting between attempts with
//! exponential backoff and full jitter (a random delay between zero and
//! `base_delay * 2^(retry - 1)`, capped at `max_delay`). A `Retry-After` header, in
//! seconds or as an HTTP date, replaces the computed delay; Chatwoot's own 429 has
//! none.
//!
//! Requests that create something (a message, a conversation, a contact) are sent
//! once: when the answer is lost, the request may still have been carried out, and
//! a second one would post the message twice.

use std::future::Future;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, RETRY_AFTER};
use tracing::Instrument;

use crate::error::{Error, ErrorKind};
use crate::telemetry;

/// How the client retries idempotent requests.
///
/// ```
/// use std::time::Duration;
/// use ruut_sdk::RetryPolicy;
///
/// let patient = RetryPolicy::default()
///     .with_max_attempts(5)
///     .with_base_delay(Duration::from_millis(500))
///     .with_deadline(Some(Duration::from_secs(60)));
/// assert_eq!(patient.max_attempts, 5);
///
/// let never = RetryPolicy::none();
/// assert_eq!(never.max_attempts, 1);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// The most requests sent for one call, the first included (at least 1).
    /// Default 3.
    pub max_attempts: u32,
    /// The scale of the backoff: the first retry waits up to this long, each
    /// further one up to twice as long as the one before. Default 200 ms.
    pub base_delay: Duration,
    /// The longest wait between two attempts. A `Retry-After` longer than this is
    /// not waited out: the error is returned with
    /// [`Error::retry_after`](crate::Error::retry_after) set instead. Default 10 s.
    pub max_delay: Duration,
    /// How long one call may take in all, attempts and waits included; `None` for
    /// no limit beyond `max_attempts` and the per-request timeout. Default 60 s.
    pub deadline: Option<Duration>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(10),
            deadline: Some(Duration::from_secs(60)),
        }
    }
}

impl RetryPolicy {
    /// A policy that sends every request once.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Sets [`max_attempts`](Self::max_attempts) (0 is taken as 1).
    pub fn with_max_attempts(mut self, max_attempts: u32) -> Self {
        self.max_attempts = max_attempts.max(1);
        self
    }

    /// Sets [`base_delay`](Self::base_delay).
    pub fn with_base_delay(mut self, base_delay: Duration) -> Self {
        self.base_delay = base_delay;
        self
    }

    /// Sets [`max_delay`](Self::max_delay).
    pub fn with_max_delay(mut self, max_delay: Duration) -> Self {
        self.max_delay = max_delay;
        self
    }

    /// Sets [`deadline`](Self::deadline).
    pub fn with_deadline(mut self, deadline: Option<Duration>) -> Self {
        self.deadline = deadline;
        self
    }

    /// The longest the wait before retry number `retry` (from 1) may be.
    fn backoff_cap(&self, retry: u32) -> Duration {
        let factor = 2_u32.saturating_pow(retry.saturating_sub(1));
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }

    /// A random wait before retry number `retry`, in `0..=backoff_cap(retry)`.
    fn backoff(&self, retry: u32, rng: &mut fastrand::Rng) -> Duration {
        let cap = self.backoff_cap(retry).as_nanos();
        let nanos = rng.u128(0..=cap);
        Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
    }

    /// The wait before retry number `retry` after `error`, or `None` when the
    /// server asked for a longer wait than this policy allows.
    fn delay_before(&self, retry: u32, error: &Error, rng: &mut fastrand::Rng) -> Option<Duration> {
        match error.retry_after() {
            Some(asked) if asked > self.max_delay => None,
            Some(asked) => Some(asked),
            None => Some(self.backoff(retry, rng)),
        }
    }
}

/// One operation of the API, as the retry loop and the telemetry see it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Operation {
    /// The operationId in `openapi/ruut.yaml`.
    pub id: &'static str,
    /// Whether sending the request twice has the same effect as sending it once.
    pub idempotent: bool,
}

/// Every operation the SDK calls.
pub(crate) mod ops {
    use super::Operation;

    const fn idempotent(id: &'static str) -> Operation {
        Operation {
            id,
            idempotent: true,
        }
    }

    const fn creates(id: &'static str) -> Operation {
        Operation {
            id,
            idempotent: false,
        }
    }

    pub const GET_SERVER_INFO: Operation = idempotent("getServerInfo");
    pub const LIST_ACCOUNTS: Operation = idempotent("listAccounts");
    pub const GET_PROFILE: Operation = idempotent("getProfile");
    pub const GET_ACCOUNT: Operation = idempotent("getAccount");
    pub const LIST_CONVERSATIONS: Operation = idempotent("listConversations");
    pub const GET_CONVERSATION_COUNTS: Operation = idempotent("getConversationCounts");
    pub const GET_CONVERSATION: Operation = idempotent("getConversation");
    pub const CREATE_CONVERSATION: Operation = creates("createConversation");
    pub const UPDATE_CONVERSATION_STATUS: Operation = idempotent("updateConversationStatus");
    pub const TOGGLE_CONVERSATION_STATUS: Operation = idempotent("toggleConversationStatus");
    pub const TOGGLE_CONVERSATION_PRIORITY: Operation = idempotent("toggleConversationPriority");
    pub const ASSIGN_CONVERSATION: Operation = idempotent("assignConversation");
    pub const LIST_MESSAGES: Operation = idempotent("listMessages");
    pub const CREATE_MESSAGE: Operation = creates("createMessage");
    pub const LIST_CONTACTS: Operation = idempotent("listContacts");
    pub const SEARCH_CONTACTS: Operation = idempotent("searchContacts");
    pub const GET_CONTACT: Operation = idempotent("getContact");
    pub const CREATE_CONTACT: Operation = creates("createContact");
}

/// Runs `attempt` until it succeeds, fails for good, or the policy says stop.
///
/// Each attempt runs in its own span (operation, attempt, status); a retry is an
/// event in the failed attempt's span. The error returned carries the number of
/// attempts made.
pub(crate) async fn run<T, F, Fut>(
    policy: &RetryPolicy,
    op: Operation,
    mut attempt: F,
) -> Result<T, Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, Error>>,
{
    let started = Instant::now();
    let max_attempts = if op.idempotent {
        policy.max_attempts.max(1)
    } else {
        1
    };
    let mut rng = fastrand::Rng::new();
    let mut number = 0;
    loop {
        number += 1;
        let span = telemetry::attempt_span(op, number);
        let remaining = policy.deadline.map(|d| d.saturating_sub(started.elapsed()));
        let outcome = match remaining {
            Some(remaining) => tokio::time::timeout(remaining, attempt())
                .instrument(span.clone())
                .await
                .unwrap_or_else(|_| Err(deadline_passed(policy))),
            None => attempt().instrument(span.clone()).await,
        };
        let error = match outcome {
            Ok(value) => return Ok(value),
            Err(error) => error.with_operation(op.id).with_attempts(number),
        };
        if number >= max_attempts || !error.is_retryable() {
            return Err(error);
        }
        let Some(delay) = policy.delay_before(number, &error, &mut rng) else {
            return Err(error);
        };
        if policy
            .deadline
            .is_some_and(|deadline| started.elapsed() + delay >= deadline)
        {
            return Err(error);
        }
        telemetry::retrying(&span, &error, delay);
        tokio::time::sleep(delay).await;
    }
}

fn deadline_passed(policy: &RetryPolicy) -> Error {
    let deadline = policy.deadline.unwrap_or_default();
    Error::new(
        ErrorKind::Timeout,
        format!("the call did not finish within its deadline of {deadline:?}"),
    )
}

/// The wait a `Retry-After` header asks for: delay-seconds or an HTTP date.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = at.signed_duration_since(chrono::Utc::now());
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

// Arbitrary and valid Retry-After values (proptest).
#[cfg(test)]
mod proptests;

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    fn transient() -> Error {
        Error::from_http_response(503, Some("text/plain"), b"Service Unavailable")
    }

    fn quick() -> RetryPolicy {
        RetryPolicy::default()
            .with_base_delay(Duration::from_millis(1))
            .with_max_delay(Duration::from_millis(5))
    }

    #[test]
    fn backoff_stays_within_its_exponential_cap() {
        let policy = RetryPolicy::default()
            .with_base_delay(Duration::from_millis(100))
            .with_max_delay(Duration::from_secs(1));
        let mut rng = fastrand::Rng::with_seed(7);
        for (retry, cap_ms) in [
            (1, 100),
            (2, 200),
            (3, 400),
            (4, 800),
            (5, 1000),
            (40, 1000),
        ] {
            let cap = Duration::from_millis(cap_ms);
            assert_eq!(policy.backoff_cap(retry), cap, "retry {retry}");
            for _ in 0..200 {
                assert!(policy.backoff(retry, &mut rng) <= cap);
            }
        }
    }

    #[test]
    fn backoff_is_jittered_over_the_whole_range() {
        let policy = RetryPolicy::default().with_base_delay(Duration::from_millis(100));
        let mut rng = fastrand::Rng::with_seed(42);
        let delays: Vec<_> = (0..500).map(|_| policy.backoff(1, &mut rng)).collect();
        assert!(delays.iter().any(|d| *d < Duration::from_millis(20)));
        assert!(delays.iter().any(|d| *d > Duration::from_millis(80)));
    }

    #[test]
    fn retry_after_replaces_backoff_unless_too_long() {
        let policy = RetryPolicy::default().with_max_delay(Duration::from_secs(10));
        let mut rng = fastrand::Rng::with_seed(1);
        let asked = transient().with_retry_after(Some(Duration::from_secs(3)));
        assert_eq!(
            policy.delay_before(1, &asked, &mut rng),
            Some(Duration::from_secs(3))
        );
        let too_long = transient().with_retry_after(Some(Duration::from_secs(30)));
        assert_eq!(policy.delay_before(1, &too_long, &mut rng), None);
    }

    #[test]
    fn retry_after_parses_seconds_and_http_dates() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, "7".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));

        headers.insert(
            RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(
            retry_after(&headers),
            Some(Duration::ZERO),
            "a date in the past"
        );

        let soon = chrono::Utc::now() + chrono::Duration::seconds(120);
        let http_date = soon.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
        headers.insert(RETRY_AFTER, http_date.parse().unwrap());
        let wait = retry_after(&headers).unwrap();
        assert!(
            wait > Duration::from_secs(100) && wait <= Duration::from_secs(120),
            "{wait:?}"
        );

        headers.insert(RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&headers), None);
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }

    #[tokio::test]
    async fn idempotent_calls_are_retried_until_they_succeed() {
        let calls = AtomicU32::new(0);
        let result = run(&quick(), ops::GET_CONVERSATION, || async {
            match calls.fetch_add(1, Ordering::SeqCst) {
                0 | 1 => Err(transient()),
                _ => Ok("done"),
            }
        })
        .await;
        assert_eq!(result.unwrap(), "done");
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn the_last_error_reports_every_attempt() {
        let calls = AtomicU32::new(0);
        let error = run(
            &quick().with_max_attempts(4),
            ops::GET_CONVERSATION,
            || async {
                calls.fetch_add(1, Ordering::SeqCst);
                Err::<(), _>(transient())
            },
        )
        .await
        .unwrap_err();
        assert_eq!(error.attempts(), 4);
        assert_eq!(error.operation(), Some("getConversation"));
        assert_eq!(calls.load(Ordering::SeqCst), 4);
    }

    #[tokio::test]
    async fn calls_that_create_are_sent_once() {
        let calls = AtomicU32::new(0);
        let error = run(&quick(), ops::CREATE_MESSAGE, || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err::<(), _>(Error::new(ErrorKind::Connection, "reset"))
        })
        .await
        .unwrap_err();
        assert_eq!(error.attempts(), 1);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn permanent_failures_are_not_retried() {
        let calls = AtomicU32::new(0);
        let error = run(&quick(), ops::GET_CONVERSATION, || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err::<(), _>(Error::from_http_response(404, None, b""))
        })
        .await
        .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::NotFound);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn the_deadline_bounds_a_hanging_attempt() {
        let policy = quick().with_deadline(Some(Duration::from_millis(50)));
        let error = run(&policy, ops::GET_CONVERSATION, || async {
            std::future::pending::<Result<(), Error>>().await
        })
        .await
        .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Timeout);
        assert_eq!(error.attempts(), 1);
    }
}
