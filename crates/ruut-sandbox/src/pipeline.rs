//! The middleware in front of every route: body limit, request journal and
//! fault injection.
//!
//! Order: the body is read (over the limit: 413, before anything else, as a
//! proxy would answer), the request is journaled, the rate limit (if set) may
//! answer 429, and then the next queued fault of its operation (if any) decides
//! what happens.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;

use crate::app::App;
use crate::errors::ApiError;
use crate::faults::{self, Fault};
use crate::journal::{RecordedRequest, redacted_headers};
use crate::operations;
use crate::server::ConnCtl;

/// The middleware itself.
pub(crate) async fn pipeline(
    State(app): State<Arc<App>>,
    request: Request,
    next: Next,
) -> Response {
    let (mut parts, body) = request.into_parts();
    let operation = operations::operation(&parts.method, parts.uri.path(), app.chatwoot_only);
    if let Some(operation) = operation {
        parts.extensions.insert(operation);
    }
    let limited = axum::body::to_bytes(body, app.body_limit).await;
    let text = match &limited {
        Ok(bytes) => String::from_utf8_lossy(bytes).into_owned(),
        Err(_) => "[body over the size limit]".to_owned(),
    };
    app.journal.record(RecordedRequest {
        method: parts.method.to_string(),
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: redacted_headers(&parts.headers),
        body: text,
        operation,
    });
    let Ok(bytes) = limited else {
        return ApiError::PayloadTooLarge.into_response();
    };
    let limited = app
        .throttle
        .as_ref()
        .filter(|_| !parts.uri.path().starts_with("/__sandbox"));
    if let Some(too_many) = limited.and_then(|throttle| throttle.check()) {
        return too_many;
    }
    let conn = parts.extensions.get::<ConnCtl>().cloned();
    let request = Request::from_parts(parts, Body::from(bytes));

    let Some(fault) = operation.and_then(|op| app.faults.pop(op)) else {
        return next.run(request).await;
    };
    if let Some(response) = faults::canned(&fault) {
        return response;
    }
    match fault {
        Fault::Delay(duration) => {
            tokio::time::sleep(duration).await;
            next.run(request).await
        }
        Fault::DropConnection => {
            // The request is processed: its side effects happen.
            drop(next.run(request).await);
            cut(conn).await
        }
        Fault::TruncatedBody => {
            let response = next.run(request).await;
            truncate(response, conn).await
        }
        Fault::UnknownStatus => {
            let response = next.run(request).await;
            archive(response).await
        }
        // `Hang`, and anything `canned` did not answer, never answers.
        _ => std::future::pending().await,
    }
}

/// Closes the connection without answering.
async fn cut(conn: Option<ConnCtl>) -> Response {
    if let Some(conn) = conn {
        conn.kill();
    }
    std::future::pending().await
}

/// Sends the real status and a `Content-Length` for the whole body, half of
/// the body, and then closes the connection.
async fn truncate(response: Response, conn: Option<ConnCtl>) -> Response {
    let (mut parts, body) = response.into_parts();
    let full = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let half: Bytes = full.slice(..full.len() / 2);
    parts
        .headers
        .insert(header::CONTENT_LENGTH, full.len().into());
    let first = futures::stream::once(async move { Ok::<Bytes, std::io::Error>(half) });
    let rest = futures::stream::once(async move {
        // Give hyper time to flush the first half before the socket closes.
        tokio::time::sleep(Duration::from_millis(50)).await;
        if let Some(conn) = conn {
            conn.kill();
        }
        std::future::pending::<Result<Bytes, std::io::Error>>().await
    });
    Response::from_parts(
        parts,
        Body::from_stream(futures::StreamExt::chain(first, rest)),
    )
}

/// Rewrites every conversation status in a JSON response to `archived`.
async fn archive(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let Ok(mut value) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    faults::archive_statuses(&mut value);
    parts.headers.remove(header::CONTENT_LENGTH);
    let text = serde_json::to_vec(&value).unwrap_or_default();
    Response::from_parts(parts, Body::from(text))
}
