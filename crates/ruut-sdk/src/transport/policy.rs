//! How idempotent requests are retried: the [`RetryPolicy`] and the waits it
//! computes.
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

use std::time::Duration;

use crate::error::Error;

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
    pub(crate) fn delay_before(
        &self,
        retry: u32,
        error: &Error,
        rng: &mut fastrand::Rng,
    ) -> Option<Duration> {
        match error.retry_after() {
            Some(asked) if asked > self.max_delay => None,
            Some(asked) => Some(asked),
            None => Some(self.backoff(retry, rng)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transient() -> Error {
        Error::from_http_response(503, Some("text/plain"), b"Service Unavailable")
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
}
