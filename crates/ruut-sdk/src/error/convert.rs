//! Turning the generated client's errors into [`Error`]s.
//!
//! The generated client reports failures in several shapes: a documented error
//! status with its parsed body, an undocumented status with the raw response (429
//! and 5xx land here), a body that did not decode, or a transport error from
//! reqwest. All of them go through the same classification
//! ([`Error::from_http_response`]) wherever a status and a body are at hand.

use std::error::Error as _;

use progenitor_client::Error as ApiError;
use reqwest::header::{CONTENT_TYPE, LOCATION};

use crate::error::limits;
use crate::error::retry_after::retry_after;
use crate::error::{Error, ErrorKind};

/// The most of an unexpected response's body that is read: enough to classify it
/// and quote it, without letting a huge error page fill memory.
const MAX_ERROR_BODY: usize = 64 * 1024;

/// Converts an error of the generated client. `observed` is the status of the
/// answer, as the generated client's hook saw it, when there was one: the
/// generated error does not always keep it.
pub(crate) async fn from_api<E: serde::Serialize>(
    error: ApiError<E>,
    observed: Option<u16>,
) -> Error {
    let error = convert(error, observed).await;
    match (error.status(), observed) {
        (None, Some(status)) => error.with_status(status),
        _ => error,
    }
}

async fn convert<E: serde::Serialize>(error: ApiError<E>, observed: Option<u16>) -> Error {
    match error {
        ApiError::InvalidRequest(message) => Error::invalid_request(message),
        ApiError::CommunicationError(e) | ApiError::InvalidUpgrade(e) => {
            from_reqwest(&e).with_source(e)
        }
        ApiError::ResponseBodyError(e) => {
            if let Some(error) = limits::too_large(&e) {
                return error.with_source(e);
            }
            // reqwest calls a body cut short a decoding error; it is a connection
            // that broke, and as transient as one.
            let kind = if e.is_timeout() {
                ErrorKind::Timeout
            } else {
                ErrorKind::Connection
            };
            let message = format!("the answer broke off while it was read: {}", causes(&e));
            let error = Error::new(kind, message);
            match e.status() {
                Some(status) => error.with_status(status.as_u16()),
                None => error,
            }
            .with_source(e)
        }
        ApiError::ErrorResponse(response) => {
            // A documented error status; the body has already been parsed into
            // `ErrorBody`, which keeps every field the classification reads.
            let status = response.status().as_u16();
            let wait = retry_after(response.headers());
            let body = serde_json::to_vec(&response.into_inner()).unwrap_or_default();
            Error::from_http_response(status, Some("application/json"), &body)
                .with_retry_after(wait)
        }
        ApiError::InvalidResponsePayload(body, e) => undecodable(observed, &body, e),
        ApiError::UnexpectedResponse(response) => from_response(response).await,
        ApiError::Custom(message) => Error::new(ErrorKind::UnexpectedResponse, message),
    }
}

/// A body the generated client could not decode: a success body not shaped as
/// described, or a documented error status with a body that is not JSON (Rails'
/// HTML 404 page). The generated code keeps the status only of bodies it could
/// decode; `status` is what the hook observed, if it did.
fn undecodable(status: Option<u16>, body: &[u8], e: serde_json::Error) -> Error {
    let error = Error::from_body(status, body);
    if error.kind() != ErrorKind::UnexpectedResponse || error.hint().is_some() {
        // An HTML page: what it is matters more than why serde choked on it.
        return error;
    }
    let message = format!("the answer is not what the API describes: {e}");
    error.with_message(message).with_source(e)
}

/// An answer with a status the operation does not document.
async fn from_response(mut response: reqwest::Response) -> Error {
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let content_type = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok());

    let mut body = Vec::new();
    let mut read_error = None;
    while body.len() < MAX_ERROR_BODY {
        match response.chunk().await {
            Ok(Some(chunk)) => body.extend_from_slice(&chunk),
            Ok(None) => break,
            Err(e) => {
                read_error = Some(e);
                break;
            }
        }
    }
    body.truncate(MAX_ERROR_BODY);

    let mut error = Error::from_http_response(status, content_type, &body)
        .with_retry_after(retry_after(&headers));
    if error.kind() == ErrorKind::Redirect {
        let location = headers.get(LOCATION).and_then(|v| v.to_str().ok());
        let message = match location {
            Some(location) => format!("the server redirects to {location}"),
            None => "the server answered with a redirect".to_owned(),
        };
        error = error.with_message(message).with_hint(
            "redirects are not followed, so that the access token is never sent elsewhere; \
             if the new address is right, use it as the base URL",
        );
    } else if (200..300).contains(&status) {
        error = error.with_message(format!(
            "the server answered {status}, which this operation does not describe"
        ));
    }
    match read_error {
        // The status says more than a body that broke off.
        Some(e) if error.kind() == ErrorKind::UnexpectedResponse => {
            from_reqwest(&e).with_status(status).with_source(e)
        }
        _ => error,
    }
}

/// A transport failure: no answer, or no complete one.
pub(crate) fn from_reqwest(e: &reqwest::Error) -> Error {
    if let Some(error) = limits::too_large(e) {
        return error;
    }
    let kind = if e.is_timeout() {
        ErrorKind::Timeout
    } else if e.is_redirect() {
        ErrorKind::Redirect
    } else if e.is_builder() {
        ErrorKind::InvalidRequest
    } else if e.is_decode() {
        ErrorKind::UnexpectedResponse
    } else {
        ErrorKind::Connection
    };
    Error::new(kind, describe(e))
}

/// What went wrong, in words, without the URL reqwest puts in its own message.
fn describe(e: &reqwest::Error) -> String {
    let head = if e.is_timeout() {
        "the request timed out"
    } else if e.is_connect() {
        "could not connect to the server"
    } else if e.is_body() {
        "the request body could not be sent"
    } else {
        "the request failed"
    };
    match causes(e) {
        causes if causes.is_empty() => head.to_owned(),
        causes => format!("{head}: {causes}"),
    }
}

/// The messages of an error's causes, outermost first, without repeats.
fn causes(e: &reqwest::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cause: Option<&(dyn std::error::Error + 'static)> = e.source();
    while let Some(current) = cause {
        let text = current.to_string();
        if !text.is_empty() && !parts.contains(&text) {
            parts.push(text);
        }
        cause = current.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_undecodable_success_body_is_an_unexpected_response() {
        let e = serde_json::from_slice::<u32>(b"{}").unwrap_err();
        let error = undecodable(Some(200), br#"{"id": "not a number"}"#, e);
        assert_eq!(error.kind(), ErrorKind::UnexpectedResponse);
        assert!(
            error
                .message()
                .starts_with("the answer is not what the API describes")
        );
        assert_eq!(error.body_excerpt(), Some(r#"{"id": "not a number"}"#));
    }

    #[test]
    fn an_undecodable_html_404_is_a_routing_miss() {
        let page = b"<html><title>404 Not Found</title></html>";
        let e = serde_json::from_slice::<u32>(b"<").unwrap_err();
        let error = undecodable(None, page, e);
        assert_eq!(error.kind(), ErrorKind::RouteNotFound);
        assert_eq!(error.message(), "404 Not Found");
        assert_eq!(error.status(), None, "no status was observed");

        let e = serde_json::from_slice::<u32>(b"<").unwrap_err();
        let error = undecodable(Some(404), page, e);
        assert_eq!(error.kind(), ErrorKind::RouteNotFound);
        assert_eq!(error.status(), Some(404));
    }

    #[tokio::test]
    async fn an_observed_status_fills_in_what_the_error_lacks() {
        let page = b"<html><title>Service Unavailable</title></html>".to_vec();
        let e = serde_json::from_slice::<u32>(b"<").unwrap_err();
        let error =
            from_api::<()>(ApiError::InvalidResponsePayload(page.into(), e), Some(503)).await;
        assert_eq!(error.kind(), ErrorKind::Server);
        assert_eq!(error.status(), Some(503));
        assert!(error.is_retryable());
    }

    #[tokio::test]
    async fn invalid_requests_stay_client_side() {
        let error = from_api::<()>(ApiError::InvalidRequest("bad id".into()), None).await;
        assert_eq!(error.kind(), ErrorKind::InvalidRequest);
        assert_eq!(error.status(), None);
    }
}
