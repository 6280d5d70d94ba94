//! A rack-attack-like request limit, off by default
//! ([`SandboxBuilder::rate_limit`](crate::SandboxBuilder::rate_limit)).
//!
//! Over the limit, the answer is Chatwoot's: 429 with Rack::Attack's plain-text
//! `Retry later\n` and no `Retry-After` or `X-RateLimit-*` header. One difference,
//! on purpose: rack-attack counts requests in fixed windows (`limit` per
//! `period`, the count reset at each window's start, so up to twice the limit
//! can pass around a window's edge); the sandbox keeps a bucket of the same size
//! (`limit` requests, refilled at `limit` per `period`), so that a client paced
//! at `limit / period` never meets it whatever the phase of its requests, and a
//! burst over the limit always does. Throttled requests do not use up the bucket.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::response::Response;

use crate::faults::{self, Fault};

/// The limit and where the bucket stands.
#[derive(Debug)]
pub(crate) struct Throttle {
    interval: Duration,
    tolerance: Duration,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// When the bucket is full again; `None` before the first request.
    next: Option<Instant>,
    throttled: u64,
}

impl Throttle {
    /// `limit` requests per `period` (a `limit` of 0 is taken as 1).
    pub(crate) fn new(limit: u32, period: Duration) -> Self {
        let interval = period / limit.max(1);
        Self {
            interval,
            tolerance: period.saturating_sub(interval),
            state: Mutex::default(),
        }
    }

    /// Counts one request: `None` if it may pass, the 429 if it may not.
    pub(crate) fn check(&self) -> Option<Response> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        let due = state.next.map_or(now, |next| next.max(now));
        if due.saturating_duration_since(now) > self.tolerance {
            state.throttled += 1;
            return faults::canned(&Fault::TooManyRequests { retry_after: None });
        }
        state.next = Some(due + self.interval);
        None
    }

    /// How many requests were answered 429 so far.
    pub(crate) fn throttled(&self) -> u64 {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .throttled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_over_the_limit_is_throttled() {
        let throttle = Throttle::new(5, Duration::from_secs(60));
        let passed = (0..8).filter(|_| throttle.check().is_none()).count();
        assert_eq!(passed, 5);
        assert_eq!(throttle.throttled(), 3);
    }

    #[tokio::test]
    async fn the_answer_is_rack_attacks() {
        let throttle = Throttle::new(1, Duration::from_secs(60));
        assert!(throttle.check().is_none());
        let response = throttle.check().unwrap();
        assert_eq!(response.status(), 429);
        assert!(response.headers().get("retry-after").is_none());
        let body = axum::body::to_bytes(response.into_body(), 100)
            .await
            .unwrap();
        assert_eq!(&body[..], b"Retry later\n");
    }
}
