//! Error answers, in the exact shapes the Chatwoot server under Ruut sends
//! (chatwoot-api.md §3); Chatwoot has no uniform envelope, so neither do we.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Rails' production 404 page, sent for an unknown route when the request
/// does not ask for JSON.
const NOT_FOUND_HTML: &str = "<!DOCTYPE html>\n<html>\n<head>\n  \
<title>The page you were looking for doesn't exist (404)</title>\n  \
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n</head>\n<body>\n  \
<div class=\"dialog\">\n    <div>\n      <h1>The page you were looking for doesn't exist.</h1>\n      \
<p>You may have mistyped the address or the page may have moved.</p>\n    </div>\n  </div>\n\
</body>\n</html>\n";

/// Everything a handler can answer instead of a success.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ApiError {
    /// No token header at all (devise_token_auth's answer).
    MissingToken,
    /// A token the server does not know.
    InvalidToken,
    /// An agent-bot token on an endpoint bots may not use.
    BotForbidden,
    /// The user (or bot) may not access this account.
    NotMember,
    /// A Pundit policy forbids the action (an agent on an administrators-only
    /// route): 401, as Chatwoot answers it.
    NotAuthorized,
    /// A team member id that is not a user of the account: 401 "Invalid
    /// User IDs", as `TeamMembersController` answers it.
    InvalidUserIds,
    /// The record does not exist (including non-integer ids in the path).
    NotFound,
    /// 422 `{"error": "..."}`: missing parameter, malformed JSON, bad value.
    Unprocessable(String),
    /// 422 `{"message": "...", "attributes": [...]}`: a model validation failed.
    Invalid {
        /// The human-readable message.
        message: String,
        /// The attributes that failed.
        attributes: Vec<String>,
    },
    /// 403 with Ruut's documented `STATUS_CHANGE_FORBIDDEN` envelope.
    StatusChangeForbidden,
    /// The request body is larger than the limit.
    PayloadTooLarge,
    /// No route matches: Rails' routing 404, JSON only when the request asks for it.
    RouteNotFound {
        /// Whether the request's `Accept` header asks for JSON.
        json: bool,
    },
}

impl ApiError {
    /// A 422 `{"error": ...}` for a parameter that is missing or empty.
    pub fn missing(param: &str) -> Self {
        Self::Unprocessable(format!("param is missing or the value is empty: {param}"))
    }

    /// A 422 `{"error": ...}` for a parameter with a value of the wrong type or range.
    pub fn invalid(param: &str, expected: &str) -> Self {
        Self::Unprocessable(format!("{param} must be {expected}"))
    }

    /// The routing 404 for a request with these headers.
    pub fn route_not_found(headers: &HeaderMap) -> Self {
        Self::RouteNotFound {
            json: wants_json(headers),
        }
    }
}

/// Whether Rails would pick the JSON format for this `Accept` header: only when
/// JSON is asked for without any wildcard or HTML alternative.
pub(crate) fn wants_json(headers: &HeaderMap) -> bool {
    let accept = headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    let types: Vec<&str> = accept
        .split(',')
        .map(|t| t.split(';').next().unwrap_or("").trim())
        .filter(|t| !t.is_empty())
        .collect();
    types
        .iter()
        .any(|t| *t == "application/json" || t.ends_with("+json"))
        && !types.iter().any(|t| *t == "*/*" || *t == "text/html")
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            ApiError::MissingToken => (
                StatusCode::UNAUTHORIZED,
                json!({"errors": ["You need to sign in or sign up before continuing."]}),
            ),
            ApiError::InvalidToken => (
                StatusCode::UNAUTHORIZED,
                json!({"error": "Invalid Access Token"}),
            ),
            ApiError::BotForbidden => (
                StatusCode::UNAUTHORIZED,
                json!({"error": "Access to this endpoint is not authorized for bots"}),
            ),
            ApiError::NotMember => (
                StatusCode::UNAUTHORIZED,
                json!({"error": "You are not authorized to access this account"}),
            ),
            ApiError::NotAuthorized => (
                StatusCode::UNAUTHORIZED,
                json!({"error": "You are not authorized to do this action"}),
            ),
            ApiError::InvalidUserIds => (
                StatusCode::UNAUTHORIZED,
                json!({"error": "Invalid User IDs"}),
            ),
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                json!({"error": "Resource could not be found"}),
            ),
            ApiError::Unprocessable(message) => {
                (StatusCode::UNPROCESSABLE_ENTITY, json!({"error": message}))
            }
            ApiError::Invalid {
                message,
                attributes,
            } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({"message": message, "attributes": attributes}),
            ),
            ApiError::StatusChangeForbidden => (
                StatusCode::FORBIDDEN,
                json!({"error": {
                    "code": "STATUS_CHANGE_FORBIDDEN",
                    "message": "Cannot change status due to current conversation state",
                    "details": "Conversation is locked or requires specific permissions",
                }}),
            ),
            ApiError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                json!({"error": "Request Entity Too Large"}),
            ),
            ApiError::RouteNotFound { json: true } => (
                StatusCode::NOT_FOUND,
                json!({"status": 404, "error": "Not Found"}),
            ),
            ApiError::RouteNotFound { json: false } => {
                return (
                    StatusCode::NOT_FOUND,
                    [(
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("text/html; charset=utf-8"),
                    )],
                    NOT_FOUND_HTML,
                )
                    .into_response();
            }
        };
        json_response(status, &body)
    }
}

/// A JSON answer with Rails' content type.
pub(crate) fn json_response(status: StatusCode, body: &serde_json::Value) -> Response {
    let text = serde_json::to_string(body).unwrap_or_else(|_| "null".to_owned());
    (
        status,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json; charset=utf-8"),
        )],
        text,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Ok(v) = HeaderValue::from_str(value) {
            headers.insert(header::ACCEPT, v);
        }
        headers
    }

    #[test]
    fn json_only_when_asked_for_without_wildcards() {
        assert!(wants_json(&accept("application/json")));
        assert!(!wants_json(&accept("*/*")));
        assert!(!wants_json(&accept("application/json, text/plain, */*")));
        assert!(!wants_json(&HeaderMap::new()));
        assert!(!wants_json(&accept("text/html")));
    }
}
