//! What the SDK tells `tracing` about its requests.
//!
//! Every attempt at a request is a span named `ruut.request` with the fields
//! `operation` (the operationId, for example `getConversation`), `attempt` (from 1)
//! and `status` (the HTTP status, once known). Inside it, a `DEBUG` event reports
//! the outcome and, when the client is about to try again, an `INFO` event says
//! why and after how long.
//!
//! Nothing here ever records a header, a body or a URL with its query: the access
//! token lives in a header, and search queries are the user's business.

use std::time::Duration;

use tracing::Span;

use crate::error::Error;
use ruut_api::operations::Operation;

/// The span of one attempt at `op`.
pub(crate) fn attempt_span(op: Operation, attempt: u32) -> Span {
    tracing::debug_span!(
        target: "ruut_sdk",
        "ruut.request",
        operation = op.id(),
        attempt,
        status = tracing::field::Empty,
    )
}

/// Records the answer's status in the current attempt's span.
pub(crate) fn record_status(status: u16) {
    Span::current().record("status", status);
}

/// Reports a successful answer.
pub(crate) fn succeeded(status: u16) {
    record_status(status);
    tracing::debug!(target: "ruut_sdk", status, "request succeeded");
}

/// Reports a failed attempt.
pub(crate) fn failed(error: &Error) {
    if let Some(status) = error.status() {
        record_status(status);
    }
    tracing::debug!(
        target: "ruut_sdk",
        kind = error.kind().as_str(),
        status = error.status(),
        error = %error,
        "request failed",
    );
}

/// Reports that the failed attempt in `span` will be retried after `delay`.
pub(crate) fn retrying(span: &Span, error: &Error, delay: Duration) {
    tracing::info!(
        target: "ruut_sdk",
        parent: span,
        kind = error.kind().as_str(),
        status = error.status(),
        delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
        "retrying after a transient failure",
    );
}
