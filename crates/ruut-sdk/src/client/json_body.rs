//! Requests whose JSON body the generated client cannot write: an explicit
//! `null` in an optional field (`{"assignee_id": null}` unassigns,
//! `{"priority": null}` clears a priority). Progenitor's request types skip
//! `None` fields, so "send null" and "leave the key out" are the same to
//! them, while the server tells them apart.
//!
//! [`Client::call_json`] sends such a body through the same path as every
//! generated call: [`Client::call`] (account check, retries by the
//! operation's idempotency, rate limit, a span per attempt, error conversion
//! and token scrubbing), the generated client's reqwest client (its default
//! headers carry the token) and its hooks (the response-size cap and the
//! status observer), and the generated code's decoding: the success's JSON,
//! the documented JSON error statuses as `ErrorBody`, anything else as an
//! unexpected answer. Only the body is written by hand.

use progenitor_client::{ClientHooks, ClientInfo, Error as ApiError, OperationInfo, ResponseValue};
use reqwest::header::{ACCEPT, HeaderValue};
use ruut_api::operations::Operation;
use ruut_api::types::ErrorBody;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::client::Client;
use crate::error::Error;

/// The error statuses the spec documents with a JSON `ErrorBody`, which the
/// generated code decodes as one.
const JSON_ERRORS: [u16; 4] = [401, 403, 404, 422];

impl Client {
    /// Sends `op` to `path` (its template filled in) with the JSON `body`, and
    /// decodes the success as `T`; see the module documentation.
    pub(crate) async fn call_json<T: DeserializeOwned>(
        &self,
        op: Operation,
        path: &str,
        body: &Value,
    ) -> Result<T, Error> {
        self.call(op, |raw| send(raw, op, path, body)).await
    }
}

/// One attempt, as the generated `send()` makes it.
async fn send<T: DeserializeOwned>(
    raw: &ruut_api::Client,
    op: Operation,
    path: &str,
    body: &Value,
) -> Result<ResponseValue<T>, ApiError<ErrorBody>> {
    let method = reqwest::Method::from_bytes(op.method().as_bytes())
        .map_err(|e| ApiError::InvalidRequest(e.to_string()))?;
    let mut request = raw
        .client()
        .request(method, format!("{}{path}", raw.baseurl()))
        .header(ACCEPT, HeaderValue::from_static("application/json"))
        .header(
            "api-version",
            HeaderValue::from_static(ruut_api::Client::api_version()),
        )
        .json(body)
        .build()?;
    let info = OperationInfo {
        operation_id: op.client_method(),
    };
    raw.pre(&mut request, &info).await?;
    let result = raw.exec(request, &info).await;
    raw.post(&result, &info).await?;
    let response = result?;
    match response.status().as_u16() {
        200..=299 => ResponseValue::from_response(response).await,
        status if JSON_ERRORS.contains(&status) => Err(ApiError::ErrorResponse(
            ResponseValue::from_response(response).await?,
        )),
        _ => Err(ApiError::UnexpectedResponse(response)),
    }
}
