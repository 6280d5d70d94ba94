//! The request journal: every request the sandbox received, for assertions.

use std::collections::VecDeque;
use std::sync::Mutex;

use axum::http::HeaderMap;
use ruut_api::operations::Operation;
use serde::{Serialize, Serializer};

use crate::auth::is_token_header;

/// How many requests the journal keeps (the oldest are dropped first).
const CAPACITY: usize = 10_000;

/// One request as the sandbox received it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// The HTTP method, e.g. `GET`.
    pub method: String,
    /// The path, without the query string.
    pub path: String,
    /// The raw query string, if any.
    pub query: Option<String>,
    /// The headers in arrival order; the token header's value is `[redacted]`.
    pub headers: Vec<(String, String)>,
    /// The body as text (lossy UTF-8); empty when there was none.
    pub body: String,
    /// The spec operation the request is, or `None` for a request outside the
    /// spec (serialised as `"operation_id"`, the operation's id).
    #[serde(rename = "operation_id", serialize_with = "operation_id")]
    pub operation: Option<Operation>,
}

impl RecordedRequest {
    /// The value of a header (case-insensitive name), if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn operation_id<S: Serializer>(operation: &Option<Operation>, s: S) -> Result<S::Ok, S::Error> {
    operation.map(Operation::id).serialize(s)
}

/// Headers as `(name, value)` pairs with the token redacted.
pub(crate) fn redacted_headers(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(name, value)| {
            let value = if is_token_header(name.as_str()) {
                "[redacted]".to_owned()
            } else {
                String::from_utf8_lossy(value.as_bytes()).into_owned()
            };
            (name.as_str().to_owned(), value)
        })
        .collect()
}

/// The journal itself, and a signal for those waiting for a request.
#[derive(Debug, Default)]
pub(crate) struct Journal(Mutex<VecDeque<RecordedRequest>>, tokio::sync::Notify);

impl Journal {
    fn entries(&self) -> std::sync::MutexGuard<'_, VecDeque<RecordedRequest>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Resolves after the next request is recorded; create it *before*
    /// reading the journal so that no request slips in between.
    pub fn recorded(&self) -> tokio::sync::futures::Notified<'_> {
        self.1.notified()
    }

    /// Appends a request.
    pub fn record(&self, request: RecordedRequest) {
        let mut entries = self.entries();
        if entries.len() == CAPACITY {
            entries.pop_front();
        }
        entries.push_back(request);
        drop(entries);
        self.1.notify_waiters();
    }

    /// Every recorded request, oldest first.
    pub fn all(&self) -> Vec<RecordedRequest> {
        self.entries().iter().cloned().collect()
    }

    /// Forgets every recorded request.
    pub fn clear(&self) {
        self.entries().clear();
    }
}
