//! The sandbox's own control routes (outside the spec, no authentication) and
//! the Rails-like answer for unknown routes.
//!
//! - `POST /__sandbox/faults` with a [`FaultSpec`] body queues a fault
//!   (200 `{"queued": n}`, or 422 `{"error": ...}`);
//! - `DELETE /__sandbox/faults` drops every queued fault (204);
//! - `GET /__sandbox/requests` lists the journal ([`RecordedRequest`]s, oldest first);
//! - `DELETE /__sandbox/requests` empties it (204).
//!
//! [`RecordedRequest`]: crate::RecordedRequest

use std::sync::Arc;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde_json::json;

use crate::app::App;
use crate::errors::{ApiError, json_response};
use crate::faults::FaultSpec;
use crate::operations;
use crate::render::to_json;

/// `POST /__sandbox/faults`.
pub(crate) async fn add_fault(State(app): State<Arc<App>>, body: Bytes) -> Response {
    let spec: FaultSpec = match serde_json::from_slice(&body) {
        Ok(spec) => spec,
        Err(e) => return ApiError::Unprocessable(format!("invalid fault: {e}")).into_response(),
    };
    let fault = match spec.to_fault() {
        Ok(fault) => fault,
        Err(e) => return ApiError::Unprocessable(e).into_response(),
    };
    let operation = match operations::parse_id(&spec.operation) {
        Ok(operation) => operation,
        Err(e) => return ApiError::Unprocessable(e).into_response(),
    };
    let times = spec.times.unwrap_or(1);
    app.faults.push(operation, fault, times);
    json_response(StatusCode::OK, &json!({"queued": times}))
}

/// `DELETE /__sandbox/faults`.
pub(crate) async fn clear_faults(State(app): State<Arc<App>>) -> StatusCode {
    app.faults.clear();
    StatusCode::NO_CONTENT
}

/// `GET /__sandbox/requests`.
pub(crate) async fn requests(State(app): State<Arc<App>>) -> Response {
    json_response(StatusCode::OK, &to_json(&app.journal.all()))
}

/// `DELETE /__sandbox/requests`.
pub(crate) async fn clear_requests(State(app): State<Arc<App>>) -> StatusCode {
    app.journal.clear();
    StatusCode::NO_CONTENT
}

/// Any path no route matches: Rails' routing 404 (before authentication).
pub(crate) async fn route_not_found(headers: HeaderMap) -> ApiError {
    ApiError::route_not_found(&headers)
}
