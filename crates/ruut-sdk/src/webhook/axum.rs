//! An axum extractor that verifies and parses a delivery (feature `axum`).

use std::time::SystemTime;

use axum::body::Bytes;
use axum::extract::{FromRef, FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{Delivery, Verifier, WebhookError, WebhookEvent};

/// A delivery whose signature was verified (by the [`Verifier`] in the router's
/// state) and whose body parsed, with what verification learned about it.
///
/// It rejects with [`WebhookRejection`]: `401 Unauthorized` when the signature,
/// its headers or the timestamp fail, `400 Bad Request` when the body is not an
/// event (or cannot be read). The state must provide a [`Verifier`] through
/// [`FromRef`]; for a state that *is* a `Verifier` that comes for free.
///
/// ```
/// use axum::{Router, http::StatusCode, routing::post};
/// use ruut_sdk::webhook::{Verifier, WebhookEvent, axum::VerifiedWebhook};
///
/// async fn receive(VerifiedWebhook(event, delivery): VerifiedWebhook) -> StatusCode {
///     if let WebhookEvent::MessageCreated(message) = &event {
///         println!("{:?}: {:?}", delivery.id, message.content);
///     }
///     StatusCode::NO_CONTENT
/// }
///
/// let app: Router = Router::new()
///     .route("/webhooks/ruut", post(receive))
///     .with_state(Verifier::new("s3cret"));
/// ```
///
/// With a larger state, implement `FromRef<AppState> for Verifier`, as the
/// `agent_bot` example does.
#[derive(Clone, Debug)]
pub struct VerifiedWebhook(pub WebhookEvent, pub Delivery);

/// Why [`VerifiedWebhook`] refused a request; answers 401 or 400 with the reason
/// as plain text.
#[derive(Debug)]
#[non_exhaustive]
pub enum WebhookRejection {
    /// Verification or parsing failed.
    Invalid(WebhookError),
    /// The body could not be read (too large, or the connection failed).
    Body(axum::extract::rejection::BytesRejection),
}

impl WebhookRejection {
    /// The status this rejection answers.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::Invalid(e) if e.is_unauthenticated() => StatusCode::UNAUTHORIZED,
            Self::Invalid(_) => StatusCode::BAD_REQUEST,
            Self::Body(rejection) => rejection.status(),
        }
    }
}

impl std::fmt::Display for WebhookRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Invalid(e) => e.fmt(f),
            Self::Body(rejection) => write!(f, "webhook body could not be read: {rejection}"),
        }
    }
}

impl std::error::Error for WebhookRejection {}

impl IntoResponse for WebhookRejection {
    fn into_response(self) -> Response {
        (self.status(), self.to_string()).into_response()
    }
}

impl<S> FromRequest<S> for VerifiedWebhook
where
    S: Send + Sync,
    Verifier: FromRef<S>,
{
    type Rejection = WebhookRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let verifier = Verifier::from_ref(state);
        let headers = request.headers().clone();
        let body = Bytes::from_request(request, state)
            .await
            .map_err(WebhookRejection::Body)?;
        let (event, delivery) = verifier
            .verify_and_parse(&headers, &body, SystemTime::now())
            .map_err(WebhookRejection::Invalid)?;
        Ok(VerifiedWebhook(event, delivery))
    }
}
