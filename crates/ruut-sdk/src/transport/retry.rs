//! The retry loop: one call, attempt after attempt, as the [`RetryPolicy`] says.
//!
//! Only idempotent operations get more than one attempt; see
//! [`policy`](super::policy) for when and how long the loop waits.

use std::future::Future;
use std::time::{Duration, Instant};

use tracing::Instrument;

use crate::error::{Error, ErrorKind};
use crate::transport::policy::RetryPolicy;
use crate::transport::rate_limit::RateLimiter;
use crate::transport::telemetry;
use ruut_api::operations::Operation;

/// Runs `attempt` until it succeeds, fails for good, or the policy says stop.
///
/// Each attempt runs in its own span (operation, attempt, status); a retry is an
/// event in the failed attempt's span. The error returned carries the number of
/// attempts made. `timeout`, when given, bounds each attempt (a per-call
/// override; the HTTP client's own timeout bounds each request anyway). With a
/// `limiter`, every attempt first waits for its turn; the wait for the first
/// one counts neither against the timeout nor against the deadline.
pub(crate) async fn run<T, F, Fut>(
    policy: &RetryPolicy,
    timeout: Option<Duration>,
    limiter: Option<&RateLimiter>,
    op: Operation,
    mut attempt: F,
) -> Result<T, Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, Error>>,
{
    if let Some(limiter) = limiter {
        limiter.acquire().await;
    }
    let started = Instant::now();
    let max_attempts = if op.idempotent() {
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
        let outcome = match limit(remaining, timeout) {
            Some((limit, by_deadline)) => tokio::time::timeout(limit, attempt())
                .instrument(span.clone())
                .await
                .unwrap_or_else(|_| Err(timed_out(policy, by_deadline, limit))),
            None => attempt().instrument(span.clone()).await,
        };
        let error = match outcome {
            Ok(value) => return Ok(value),
            Err(error) => error.with_operation(op).with_attempts(number),
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
        if let Some(limiter) = limiter {
            limiter.acquire().await;
        }
    }
}

/// How long the next attempt may take, and whether that limit is the call's
/// deadline (rather than its per-attempt timeout).
fn limit(remaining: Option<Duration>, timeout: Option<Duration>) -> Option<(Duration, bool)> {
    match (remaining, timeout) {
        (Some(remaining), Some(timeout)) if timeout < remaining => Some((timeout, false)),
        (Some(remaining), _) => Some((remaining, true)),
        (None, Some(timeout)) => Some((timeout, false)),
        (None, None) => None,
    }
}

fn timed_out(policy: &RetryPolicy, by_deadline: bool, limit: Duration) -> Error {
    let message = if by_deadline {
        let deadline = policy.deadline.unwrap_or_default();
        format!("the call did not finish within its deadline of {deadline:?}")
    } else {
        format!("the request did not finish within the call's timeout of {limit:?}")
    };
    Error::new(ErrorKind::Timeout, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};
    use std::time::Duration;

    fn transient() -> Error {
        Error::from_http_response(503, Some("text/plain"), b"Service Unavailable")
    }

    /// Runs a read whose every attempt meets a 503; returns its error and the
    /// number of attempts made.
    async fn always_transient(policy: &RetryPolicy, limiter: Option<&RateLimiter>) -> (Error, u32) {
        let calls = AtomicU32::new(0);
        let error = run(
            policy,
            None,
            limiter,
            Operation::GetConversation,
            || async {
                calls.fetch_add(1, Ordering::SeqCst);
                Err::<(), _>(transient())
            },
        )
        .await
        .unwrap_err();
        (error, calls.load(Ordering::SeqCst))
    }

    fn quick() -> RetryPolicy {
        RetryPolicy::default()
            .with_base_delay(Duration::from_millis(1))
            .with_max_delay(Duration::from_millis(5))
    }

    #[tokio::test]
    async fn idempotent_calls_are_retried_until_they_succeed() {
        let calls = AtomicU32::new(0);
        let result = run(&quick(), None, None, Operation::GetConversation, || async {
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
        let (error, calls) = always_transient(&quick().with_max_attempts(4), None).await;
        assert_eq!(error.attempts(), 4);
        assert_eq!(error.operation(), Some(Operation::GetConversation));
        assert_eq!(calls, 4);
    }

    #[tokio::test]
    async fn calls_that_create_are_sent_once() {
        let calls = AtomicU32::new(0);
        let error = run(&quick(), None, None, Operation::CreateMessage, || async {
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
        let error = run(&quick(), None, None, Operation::GetConversation, || async {
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
        let error = run(&policy, None, None, Operation::GetConversation, || async {
            std::future::pending::<Result<(), Error>>().await
        })
        .await
        .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Timeout);
        assert_eq!(error.attempts(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn a_per_call_timeout_bounds_each_attempt_and_is_retried() {
        let calls = AtomicU32::new(0);
        let error = run(
            &quick().with_max_attempts(2),
            Some(Duration::from_millis(50)),
            None,
            Operation::GetConversation,
            || async {
                calls.fetch_add(1, Ordering::SeqCst);
                std::future::pending::<Result<(), Error>>().await
            },
        )
        .await
        .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Timeout);
        assert!(error.message().contains("timeout of 50ms"), "{error}");
        assert_eq!(error.attempts(), 2);
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(start_paused = true)]
    async fn every_attempt_waits_for_the_rate_limit() {
        use crate::transport::rate_limit::{RateLimit, RateLimiter};
        let limiter = RateLimiter::new(RateLimit::per_second(10));
        let policy = RetryPolicy::default().with_base_delay(Duration::ZERO);
        let started = tokio::time::Instant::now();
        let (error, calls) = always_transient(&policy, Some(&limiter)).await;
        assert_eq!(error.attempts(), 3);
        // Three attempts, no backoff: the limiter alone spaces them by 100 ms.
        assert_eq!(started.elapsed(), Duration::from_millis(200));
        assert_eq!(calls, 3);
    }

    #[test]
    fn the_shorter_of_deadline_and_timeout_wins() {
        let ms = Duration::from_millis;
        assert_eq!(limit(Some(ms(100)), Some(ms(10))), Some((ms(10), false)));
        assert_eq!(limit(Some(ms(10)), Some(ms(100))), Some((ms(10), true)));
        assert_eq!(limit(None, Some(ms(10))), Some((ms(10), false)));
        assert_eq!(limit(Some(ms(10)), None), Some((ms(10), true)));
        assert_eq!(limit(None, None), None);
    }
}
