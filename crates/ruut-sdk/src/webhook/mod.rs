//! Receiving the server's webhooks: signature verification, typed events and
//! duplicate detection. This is what an agent bot is built on.
//!
//! A receiver takes the raw body and headers of each POST and, in this order:
//!
//! 1. [`Verifier::verify`]: checks `X-Chatwoot-Signature` (HMAC-SHA256 with the
//!    webhook's secret over `"{timestamp}.{raw body}"`) and that
//!    `X-Chatwoot-Timestamp` is within five minutes of its clock. Servers before
//!    Chatwoot 4.11.2 do not sign; accept them only with
//!    [`Verifier::allow_unsigned`].
//! 2. [`DeliveryDeduper::first_time`]: drops a retried delivery by its
//!    `X-Chatwoot-Delivery` id.
//! 3. [`WebhookEvent::parse`]: a typed event per `event` name, with events this
//!    version does not know kept as [`WebhookEvent::Unknown`].
//!
//! [`Verifier::verify_and_parse`] does 1 and 3 together. With the `axum` feature,
//! `webhook::axum::VerifiedWebhook` does them in an extractor.
//!
//! ```
//! use std::time::SystemTime;
//! use http::HeaderMap;
//! use ruut_sdk::webhook::{DeliveryDeduper, Verifier, WebhookError, WebhookEvent};
//!
//! fn receive(
//!     verifier: &Verifier,
//!     seen: &DeliveryDeduper,
//!     headers: &HeaderMap,
//!     body: &[u8],
//! ) -> Result<(), WebhookError> {
//!     let (event, delivery) = verifier.verify_and_parse(headers, body, SystemTime::now())?;
//!     if let Some(id) = &delivery.id {
//!         if !seen.first_time(id) {
//!             return Ok(()); // a retry of a delivery already handled
//!         }
//!     }
//!     if let Some(change) = event.status_transition() {
//!         println!("conversation {:?} is now {}", event.conversation_id(), change.current);
//!     }
//!     Ok(())
//! }
//! ```

#[cfg(feature = "axum")]
pub mod axum;
mod dedupe;
mod event;
mod signature;

use std::fmt;
use std::time::Duration;

pub use dedupe::DeliveryDeduper;
pub use event::{StatusTransition, WebhookEvent, changed_attribute};
pub use signature::{
    DEFAULT_TOLERANCE, DELIVERY_HEADER, Delivery, SIGNATURE_HEADER, TIMESTAMP_HEADER, Verifier,
    WebhookSecret, sign,
};

/// Why a delivery was rejected.
///
/// [`is_unauthenticated`](WebhookError::is_unauthenticated) tells a receiver which
/// status to answer: 401 for the signature kinds, 400 for a bad body.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebhookError {
    /// A header the check needs is absent (its lowercase name).
    MissingHeader(&'static str),
    /// A header is present but unreadable, for example a timestamp that is not an
    /// integer (its lowercase name).
    MalformedHeader(&'static str),
    /// The signature does not match the body and timestamp: a wrong secret, a
    /// changed body, or a forgery.
    BadSignature,
    /// The signature matches but the timestamp is too far from the receiver's clock,
    /// in the past (a replay) or the future.
    StaleTimestamp {
        /// `X-Chatwoot-Timestamp`, Unix seconds.
        timestamp: i64,
        /// The receiver's clock, Unix seconds.
        now: i64,
        /// The tolerance it exceeds.
        tolerance: Duration,
    },
    /// The body is not a webhook event of the shape its `event` names.
    BadBody(String),
}

impl WebhookError {
    /// Whether the delivery failed authentication (answer 401) rather than being
    /// malformed (answer 400).
    pub fn is_unauthenticated(&self) -> bool {
        !matches!(self, WebhookError::BadBody(_))
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingHeader(name) => write!(f, "webhook delivery has no `{name}` header"),
            Self::MalformedHeader(name) => {
                write!(f, "webhook delivery has a malformed `{name}` header")
            }
            Self::BadSignature => f.write_str(
                "webhook signature does not match (wrong secret, changed body, or forgery)",
            ),
            Self::StaleTimestamp {
                timestamp,
                now,
                tolerance,
            } => write!(
                f,
                "webhook timestamp {timestamp} is {}s from now ({now}), more than the {}s allowed",
                now.abs_diff(*timestamp),
                tolerance.as_secs()
            ),
            Self::BadBody(why) => write!(f, "webhook body is not a valid event: {why}"),
        }
    }
}

impl std::error::Error for WebhookError {}
