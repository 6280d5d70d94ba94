//! Client-side rate limiting: every request waits for its turn, so that a bulk job
//! stays under the server's limit instead of meeting 429s.
//!
//! The limiter is a generic cell rate algorithm (a token bucket kept as one
//! instant, the "theoretical arrival time"): requests go out at most one per
//! `period / requests`, with up to `burst` at once after a quiet spell. Waiters
//! queue in order (tokio's mutex is fair); one that is dropped while waiting gives
//! up its place without using a turn. A stall (a busy runtime) never makes up for
//! lost time with a burst larger than `burst`.

use std::fmt;
use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::Instant;

use crate::error::Error;

/// How many requests a client may send per period; set with
/// [`ClientBuilder::rate_limit`](crate::ClientBuilder::rate_limit). Every clone of
/// the client (and every [`with_account_id`](crate::Client::with_account_id)
/// sibling) shares the limit, and every request counts: retries, each page of a
/// stream, each request of a call that takes several.
///
/// Chatwoot's rack-attack allows 3000 requests a minute per IP by default
/// (`RACK_ATTACK_LIMIT`); Ruut's limits are not published.
///
/// ```
/// use std::time::Duration;
/// use ruut_sdk::{Client, RateLimit};
///
/// let client = Client::builder()
///     .api_token("my-access-token")
///     .rate_limit(RateLimit::per_second(20))
///     .build()?;
/// let bursty = RateLimit::per_minute(3000).with_burst(10);
/// assert_eq!(bursty.interval(), Duration::from_millis(20));
/// # let _ = client;
/// # Ok::<(), ruut_sdk::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    requests: u32,
    period: Duration,
    burst: u32,
}

impl RateLimit {
    /// At most `requests` requests in any `period`, evenly spaced.
    pub fn new(requests: u32, period: Duration) -> Self {
        Self {
            requests,
            period,
            burst: 1,
        }
    }

    /// At most `requests` requests a second.
    pub fn per_second(requests: u32) -> Self {
        Self::new(requests, Duration::from_secs(1))
    }

    /// At most `requests` requests a minute.
    pub fn per_minute(requests: u32) -> Self {
        Self::new(requests, Duration::from_secs(60))
    }

    /// Lets up to `burst` requests go at once after a quiet spell (default 1:
    /// requests are always spaced by [`interval`](Self::interval)). 0 is taken as 1.
    pub fn with_burst(mut self, burst: u32) -> Self {
        self.burst = burst.max(1);
        self
    }

    /// The time between two requests at the steady rate.
    pub fn interval(&self) -> Duration {
        self.period / self.requests.max(1)
    }

    /// Checks that the limit lets any request through.
    pub(crate) fn check(&self) -> Result<(), Error> {
        if self.requests == 0 || self.period.is_zero() {
            return Err(Error::config(format!(
                "the rate limit of {} requests per {:?} lets no request through",
                self.requests, self.period
            )));
        }
        Ok(())
    }
}

/// The shared state of a [`RateLimit`]: when the next request may go.
pub(crate) struct RateLimiter {
    interval: Duration,
    /// How far ahead of the steady rate a request may go (`burst - 1` intervals).
    tolerance: Duration,
    /// The theoretical arrival time of the next request; `None` before the first.
    next: Mutex<Option<Instant>>,
}

impl RateLimiter {
    pub(crate) fn new(limit: RateLimit) -> Self {
        let interval = limit.interval();
        Self {
            interval,
            tolerance: interval.saturating_mul(limit.burst.saturating_sub(1)),
            next: Mutex::new(None),
        }
    }

    /// Waits until one more request may go, and counts it.
    pub(crate) async fn acquire(&self) {
        let mut next = self.next.lock().await;
        let now = Instant::now();
        let due = next.map_or(now, |next| next.max(now));
        let ahead = due.saturating_duration_since(now);
        if ahead > self.tolerance {
            tokio::time::sleep(ahead - self.tolerance).await;
        }
        *next = Some(due.max(Instant::now()) + self.interval);
    }
}

impl fmt::Debug for RateLimiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RateLimiter")
            .field("interval", &self.interval)
            .field("tolerance", &self.tolerance)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Runs `tasks` tasks that each take `each` turns, and returns the instants
    /// (from the start) at which the turns were granted, sorted.
    async fn turns(limit: RateLimit, tasks: usize, each: usize) -> Vec<Duration> {
        let limiter = Arc::new(RateLimiter::new(limit));
        let start = Instant::now();
        let handles: Vec<_> = (0..tasks)
            .map(|_| {
                let limiter = limiter.clone();
                tokio::spawn(async move {
                    let mut at = Vec::new();
                    for _ in 0..each {
                        limiter.acquire().await;
                        at.push(start.elapsed());
                    }
                    at
                })
            })
            .collect();
        let mut all = Vec::new();
        for handle in handles {
            all.extend(handle.await.unwrap());
        }
        all.sort();
        all
    }

    #[tokio::test(start_paused = true)]
    async fn turns_are_spaced_by_the_interval() {
        let at = turns(RateLimit::per_second(10), 8, 4).await;
        let expected: Vec<_> = (0..32).map(|i| Duration::from_millis(100 * i)).collect();
        assert_eq!(at, expected);
    }

    #[tokio::test(start_paused = true)]
    async fn a_burst_goes_at_once_then_the_rate_holds() {
        let at = turns(RateLimit::per_second(10).with_burst(4), 10, 1).await;
        let ms: Vec<u64> = at.iter().map(|d| d.as_millis() as u64).collect();
        assert_eq!(ms, [0, 0, 0, 0, 100, 200, 300, 400, 500, 600]);
    }

    #[tokio::test(start_paused = true)]
    async fn a_quiet_spell_earns_no_more_than_the_burst() {
        let limiter = RateLimiter::new(RateLimit::per_second(10).with_burst(2));
        limiter.acquire().await;
        tokio::time::sleep(Duration::from_secs(5)).await;
        let start = Instant::now();
        for _ in 0..4 {
            limiter.acquire().await;
        }
        assert_eq!(start.elapsed(), Duration::from_millis(200));
    }

    #[test]
    fn a_limit_that_lets_nothing_through_is_a_config_error() {
        assert!(RateLimit::per_second(0).check().is_err());
        assert!(RateLimit::new(5, Duration::ZERO).check().is_err());
        assert!(RateLimit::per_minute(3000).check().is_ok());
        assert_eq!(RateLimit::per_second(4).with_burst(0).burst, 1);
    }
}
