//! Fault injection: queue the next answers of an operation as failures.
//!
//! Faults are deterministic: each queued fault fires exactly once, first in
//! first out, per operation. They are queued from Rust with
//! [`Sandbox::inject`](crate::Sandbox::inject) or over HTTP with
//! `POST /__sandbox/faults` (see [`FaultSpec`] for the JSON shape).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use ruut_api::operations::Operation;
use serde::Deserialize;
use serde_json::Value;

/// A failure to answer with instead of (or on top of) the real response.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// 429 with Rack::Attack's plain-text `Retry later\n`; a `Retry-After`
    /// header only when `retry_after` is `Some` (Chatwoot sends none).
    TooManyRequests {
        /// Seconds for the `Retry-After` header.
        retry_after: Option<u64>,
    },
    /// 500 with Rails' generic JSON `{"status":500,"error":"Internal Server Error"}`.
    InternalServerError,
    /// 502 with an nginx-style HTML page (`text/html`).
    BadGateway,
    /// 503 with an nginx-style HTML page and an optional `Retry-After`.
    ServiceUnavailable {
        /// Seconds for the `Retry-After` header.
        retry_after: Option<u64>,
    },
    /// Waits this long, then answers normally.
    Delay(Duration),
    /// Accepts the request and never answers (until the sandbox shuts down).
    Hang,
    /// Processes the request (its side effects happen), then cuts the
    /// connection before any response is sent.
    DropConnection,
    /// Sends the real status and a `Content-Length` for the full body, half the
    /// bytes, then closes the connection.
    TruncatedBody,
    /// 200 `application/json` with the body `{"payload": [`.
    MalformedJson,
    /// 200 JSON that parses but has the wrong shape: `{"unexpected": true}`.
    WrongShape,
    /// 200 `application/json` with a body of exactly this many bytes.
    HugeBody(usize),
    /// The real response with every conversation status replaced by `archived`.
    UnknownStatus,
    /// 307 to this absolute URL.
    Redirect(String),
}

/// `POST /__sandbox/faults` body: queue `times` copies of a fault for an operation.
///
/// `operation` is the operation's id ([`Operation::id`]); `fault` is one of
/// `too_many_requests`, `internal_server_error`, `bad_gateway`,
/// `service_unavailable`, `delay` (with `delay_ms`), `hang`,
/// `drop_connection`, `truncated_body`, `malformed_json`, `wrong_shape`,
/// `huge_body` (with `bytes`), `unknown_status`, `redirect` (with `location`).
/// `retry_after` (seconds, or null) applies to 429 and 503; `times` defaults
/// to 1. The crate README has an example.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    /// The operation's id (the spec's `operationId`).
    pub operation: String,
    /// The fault's snake_case name.
    pub fault: String,
    /// Seconds for `Retry-After` (429, 503).
    #[serde(default)]
    pub retry_after: Option<u64>,
    /// How many of the next answers get the fault (default 1).
    #[serde(default)]
    pub times: Option<u32>,
    /// The delay of `delay`, in milliseconds.
    #[serde(default)]
    pub delay_ms: Option<u64>,
    /// The body size of `huge_body`.
    #[serde(default)]
    pub bytes: Option<usize>,
    /// The target of `redirect`.
    #[serde(default)]
    pub location: Option<String>,
}

impl FaultSpec {
    /// The fault this spec describes, or why it describes none.
    pub fn to_fault(&self) -> Result<Fault, String> {
        let needs = |what: &str| format!("fault `{}` needs `{what}`", self.fault);
        Ok(match self.fault.as_str() {
            "too_many_requests" => Fault::TooManyRequests {
                retry_after: self.retry_after,
            },
            "internal_server_error" => Fault::InternalServerError,
            "bad_gateway" => Fault::BadGateway,
            "service_unavailable" => Fault::ServiceUnavailable {
                retry_after: self.retry_after,
            },
            "delay" => Fault::Delay(Duration::from_millis(
                self.delay_ms.ok_or_else(|| needs("delay_ms"))?,
            )),
            "hang" => Fault::Hang,
            "drop_connection" => Fault::DropConnection,
            "truncated_body" => Fault::TruncatedBody,
            "malformed_json" => Fault::MalformedJson,
            "wrong_shape" => Fault::WrongShape,
            "huge_body" => Fault::HugeBody(self.bytes.ok_or_else(|| needs("bytes"))?),
            "unknown_status" => Fault::UnknownStatus,
            "redirect" => Fault::Redirect(self.location.clone().ok_or_else(|| needs("location"))?),
            other => return Err(format!("unknown fault `{other}`")),
        })
    }
}

/// The queued faults, per operation.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue(Mutex<HashMap<Operation, VecDeque<Fault>>>);

impl FaultQueue {
    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<Operation, VecDeque<Fault>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Queues `times` copies of the fault for the operation.
    pub fn push(&self, operation: Operation, fault: Fault, times: u32) {
        let mut map = self.map();
        let queue = map.entry(operation).or_default();
        for _ in 0..times {
            queue.push_back(fault.clone());
        }
    }

    /// Takes the next fault of the operation, if any.
    pub fn pop(&self, operation: Operation) -> Option<Fault> {
        self.map().get_mut(&operation).and_then(VecDeque::pop_front)
    }

    /// Drops every queued fault.
    pub fn clear(&self) {
        self.map().clear();
    }
}

const BAD_GATEWAY_HTML: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n\
<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

const UNAVAILABLE_HTML: &str = "<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n\
<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n\
</body>\r\n</html>\r\n";

fn with_type(status: StatusCode, content_type: &'static str, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        body,
    )
        .into_response()
}

fn with_retry_after(mut response: Response, retry_after: Option<u64>) -> Response {
    if let Some(seconds) = retry_after {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// The answer of a fault that replaces the real response without running it,
/// or `None` for faults that need the real response (or no response at all).
pub(crate) fn canned(fault: &Fault) -> Option<Response> {
    const JSON: &str = "application/json; charset=utf-8";
    let response = match fault {
        Fault::TooManyRequests { retry_after } => with_retry_after(
            with_type(
                StatusCode::TOO_MANY_REQUESTS,
                "text/plain",
                "Retry later\n".to_owned(),
            ),
            *retry_after,
        ),
        Fault::InternalServerError => with_type(
            StatusCode::INTERNAL_SERVER_ERROR,
            JSON,
            r#"{"status":500,"error":"Internal Server Error"}"#.to_owned(),
        ),
        Fault::BadGateway => with_type(
            StatusCode::BAD_GATEWAY,
            "text/html",
            BAD_GATEWAY_HTML.to_owned(),
        ),
        Fault::ServiceUnavailable { retry_after } => with_retry_after(
            with_type(
                StatusCode::SERVICE_UNAVAILABLE,
                "text/html",
                UNAVAILABLE_HTML.to_owned(),
            ),
            *retry_after,
        ),
        Fault::MalformedJson => with_type(StatusCode::OK, JSON, r#"{"payload": ["#.to_owned()),
        Fault::WrongShape => with_type(StatusCode::OK, JSON, r#"{"unexpected": true}"#.to_owned()),
        Fault::HugeBody(size) => with_type(StatusCode::OK, JSON, huge_body(*size)),
        Fault::Redirect(location) => {
            let mut response = StatusCode::TEMPORARY_REDIRECT.into_response();
            if let Ok(value) = HeaderValue::from_str(location) {
                response.headers_mut().insert(header::LOCATION, value);
            }
            response
        }
        Fault::Delay(_)
        | Fault::Hang
        | Fault::DropConnection
        | Fault::TruncatedBody
        | Fault::UnknownStatus => return None,
    };
    Some(response)
}

/// A JSON body of exactly `size` bytes (`{"payload":"xxx…"}`; spaces when tiny).
fn huge_body(size: usize) -> String {
    const FRAME: usize = r#"{"payload":""}"#.len();
    if size < FRAME {
        return " ".repeat(size);
    }
    format!(r#"{{"payload":"{}"}}"#, "x".repeat(size - FRAME))
}

/// Replaces every conversation status in a response (`status` and
/// `current_status` values that are conversation statuses) with `archived`.
pub(crate) fn archive_statuses(value: &mut Value) {
    const STATUSES: [&str; 5] = ["open", "pending", "resolved", "snoozed", "scheduling"];
    match value {
        Value::Object(map) => {
            for (key, item) in map.iter_mut() {
                let is_status = (key == "status" || key == "current_status")
                    && item.as_str().is_some_and(|s| STATUSES.contains(&s));
                if is_status {
                    *item = Value::from("archived");
                } else {
                    archive_statuses(item);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(archive_statuses),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_is_fifo_and_counts_down() {
        let (op, other) = (Operation::GetConversation, Operation::GetContact);
        let queue = FaultQueue::default();
        queue.push(op, Fault::BadGateway, 2);
        queue.push(op, Fault::Hang, 1);
        assert_eq!(queue.pop(op), Some(Fault::BadGateway));
        assert_eq!(queue.pop(op), Some(Fault::BadGateway));
        assert_eq!(queue.pop(op), Some(Fault::Hang));
        assert_eq!(queue.pop(op), None);
        assert_eq!(queue.pop(other), None);
    }

    #[test]
    fn huge_bodies_have_the_exact_size() {
        for size in [0, 5, 14, 15, 1000] {
            assert_eq!(huge_body(size).len(), size);
        }
    }

    #[test]
    fn statuses_are_archived_but_other_statuses_are_kept() {
        let mut v = serde_json::json!({"status": "open", "messages": [{"status": "sent"}],
            "payload": {"current_status": "snoozed"}});
        archive_statuses(&mut v);
        assert_eq!(v["status"], "archived");
        assert_eq!(v["messages"][0]["status"], "sent");
        assert_eq!(v["payload"]["current_status"], "archived");
    }
}
