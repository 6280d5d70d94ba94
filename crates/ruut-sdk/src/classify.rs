//! Reading an error response: a pure function from (status, content type, body) to
//! a kind and a message.
//!
//! Chatwoot has no uniform error envelope, so the body is read by shape, in this
//! order (see `chatwoot-api.md` §3 and its corrections):
//!
//! | body | message | details |
//! |---|---|---|
//! | `{"error": {"code", "message", "details"}}` (Ruut's envelope) | `message`, else `code` | `details` |
//! | `{"error": "text"}` | `text` | |
//! | `{"status": 404, "error": "Not Found"}` (routing miss) | `Not Found` | |
//! | `{"errors": ["a", "b"]}` (devise) | `a; b` | the array |
//! | `{"message": "...", "attributes": [...]}` (validation) | `message` | `attributes` |
//! | plain text (`Retry later`) | its first line | |
//! | an HTML page | its `<title>` | |
//!
//! The kind comes from the status, refined by what the body says: Ruut's
//! `STATUS_CHANGE_FORBIDDEN` code, Chatwoot's 401s that really mean "forbidden",
//! and 404s that come from the router rather than from a record lookup.

use crate::error::ErrorKind;

/// The most of a body kept in an error.
const EXCERPT_BYTES: usize = 512;
/// The most of a plain-text or HTML body used as a message.
const MESSAGE_CHARS: usize = 200;

/// What a response body says, before it becomes an [`Error`](crate::Error).
#[derive(Debug, PartialEq)]
pub(crate) struct Classified {
    pub kind: ErrorKind,
    pub status: Option<u16>,
    pub message: String,
    pub code: Option<String>,
    pub details: Option<serde_json::Value>,
    pub hint: Option<&'static str>,
}

/// What the body held, whatever the status.
#[derive(Debug, Default)]
struct Said {
    message: Option<String>,
    code: Option<String>,
    details: Option<serde_json::Value>,
    /// `{"status": 404, "error": "Not Found"}`: Rails' answer to an unknown route.
    routing_miss: bool,
    /// An HTML page, where an API answers JSON.
    html: bool,
}

/// Classifies a response. `status` is `None` when the generated client dropped it
/// (it does so when a documented error status carries a body that is not JSON).
pub(crate) fn classify(status: Option<u16>, content_type: Option<&str>, body: &[u8]) -> Classified {
    let said = read_body(content_type, body);
    let kind = match status {
        Some(status) => kind_for(status, &said),
        // An HTML page that calls itself a 404 is the router's; anything else is
        // merely not what an API answers.
        None if said.html && said.message.as_deref().is_some_and(reads_like_not_found) => {
            ErrorKind::RouteNotFound
        }
        None => ErrorKind::UnexpectedResponse,
    };
    let hint = match kind {
        ErrorKind::RouteNotFound => Some(
            "the server has no route for this request: check the base URL, or whether \
             this server (a stock Chatwoot?) offers this operation",
        ),
        ErrorKind::UnexpectedResponse if said.html => {
            Some("the server answered with an HTML page instead of JSON: check the base URL")
        }
        _ => None,
    };
    let message = said
        .message
        .filter(|m| !m.is_empty())
        .or_else(|| status.and_then(reason_phrase).map(str::to_owned))
        .unwrap_or_else(|| "the response could not be read".to_owned());
    Classified {
        kind,
        status,
        message,
        code: said.code,
        details: said.details,
        hint,
    }
}

fn kind_for(status: u16, said: &Said) -> ErrorKind {
    if said.code.as_deref() == Some("STATUS_CHANGE_FORBIDDEN") {
        return ErrorKind::StatusChangeForbidden;
    }
    match status {
        401 if said.message.as_deref().is_some_and(means_forbidden) => ErrorKind::Forbidden,
        401 => ErrorKind::Unauthorized,
        402 | 403 => ErrorKind::Forbidden,
        404 if said.routing_miss || said.html => ErrorKind::RouteNotFound,
        404 => ErrorKind::NotFound,
        408 => ErrorKind::Timeout,
        400 | 409 | 422 => ErrorKind::Validation,
        429 => ErrorKind::RateLimited,
        300..=399 => ErrorKind::Redirect,
        500..=599 => ErrorKind::Server,
        _ => ErrorKind::UnexpectedResponse,
    }
}

/// Chatwoot's 401 messages for a token that is valid but not allowed.
fn means_forbidden(message: &str) -> bool {
    let message = message.to_ascii_lowercase();
    [
        "not authorized to do this action",
        "not authorized to access this account",
        "not authorized for bots",
        "account is suspended",
    ]
    .iter()
    .any(|phrase| message.contains(phrase))
}

fn reads_like_not_found(title: &str) -> bool {
    let title = title.to_ascii_lowercase();
    title.contains("404") || title.contains("not found") || title.contains("doesn't exist")
}

fn read_body(content_type: Option<&str>, body: &[u8]) -> Said {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim();
    let media_type = content_type
        .and_then(|ct| ct.split(';').next())
        .map(|ct| ct.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if trimmed.is_empty() {
        return Said::default();
    }
    if (media_type.ends_with("json") || trimmed.starts_with(['{', '[', '"']))
        && let Ok(value) = serde_json::from_str::<serde_json::Value>(trimmed)
    {
        return read_json(value);
    }
    if media_type == "text/html" || trimmed.starts_with('<') {
        return Said {
            message: html_title(trimmed).map(|t| shorten(&t)),
            html: true,
            ..Said::default()
        };
    }
    Said {
        message: trimmed.lines().next().map(|line| shorten(line.trim())),
        ..Said::default()
    }
}

fn read_json(value: serde_json::Value) -> Said {
    use serde_json::Value;

    let mut said = Said::default();
    match value {
        Value::Object(mut map) => {
            match map.remove("error") {
                Some(Value::Object(mut envelope)) => {
                    said.code = envelope.remove("code").and_then(into_text);
                    said.message = envelope
                        .remove("message")
                        .and_then(into_text)
                        .or_else(|| said.code.clone());
                    said.details = envelope.remove("details").filter(|d| !d.is_null());
                }
                Some(Value::String(text)) => {
                    said.routing_miss = map.get("status").and_then(Value::as_u64) == Some(404)
                        && text.eq_ignore_ascii_case("not found");
                    said.message = Some(text);
                }
                Some(other) if !other.is_null() => said.message = Some(other.to_string()),
                _ => {}
            }
            if said.message.is_none()
                && let Some(Value::Array(errors)) = map.get("errors")
            {
                said.message = Some(join_messages(errors));
                said.details = map.remove("errors");
            }
            if let Some(message) = map.remove("message").and_then(into_text) {
                said.message.get_or_insert(message);
                if said.details.is_none() {
                    said.details = map.remove("attributes").filter(|a| !a.is_null());
                }
            }
            if said.message.is_none() {
                // Swagger's never-sent `bad_request_error`, and other frameworks' habit.
                said.message = map.remove("description").and_then(into_text);
            }
        }
        Value::Array(errors) => {
            said.message = Some(join_messages(&errors));
            said.details = Some(Value::Array(errors));
        }
        Value::String(text) => said.message = Some(text),
        _ => {}
    }
    said
}

fn into_text(value: serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(text) => Some(text),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

fn join_messages(values: &[serde_json::Value]) -> String {
    values
        .iter()
        .map(|v| match v {
            serde_json::Value::String(text) => text.clone(),
            other => other.to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The text of an HTML page's `<title>`, or of its first `<h1>`.
fn html_title(html: &str) -> Option<String> {
    ["title", "h1"].iter().find_map(|tag| {
        let lower = html.to_ascii_lowercase();
        let open = lower.find(&format!("<{tag}"))?;
        let start = open + lower[open..].find('>')? + 1;
        let end = start + lower[start..].find(&format!("</{tag}"))?;
        let text = html[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        (!text.is_empty()).then_some(text)
    })
}

fn shorten(text: &str) -> String {
    match text.char_indices().nth(MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// At most [`EXCERPT_BYTES`] of the body, cut at a character boundary.
pub(crate) fn excerpt(body: &[u8]) -> Option<String> {
    if body.is_empty() {
        return None;
    }
    let head = &body[..body.len().min(EXCERPT_BYTES)];
    let text = match std::str::from_utf8(head) {
        Ok(text) => text.to_owned(),
        // Cut inside a character: drop the partial one. Not UTF-8 at all: replace.
        Err(e) if e.error_len().is_none() => {
            String::from_utf8_lossy(&head[..e.valid_up_to()]).into_owned()
        }
        Err(_) => String::from_utf8_lossy(head).into_owned(),
    };
    let truncated = body.len() > head.len();
    Some(if truncated {
        format!("{text}…")
    } else {
        text
    })
}

/// The standard reason phrase, used when the body says nothing.
fn reason_phrase(status: u16) -> Option<&'static str> {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const JSON: Option<&str> = Some("application/json; charset=utf-8");

    fn json(status: u16, body: serde_json::Value) -> Classified {
        classify(Some(status), JSON, body.to_string().as_bytes())
    }

    #[test]
    fn plain_error_string() {
        let c = json(404, json!({"error": "Resource could not be found"}));
        assert_eq!(c.kind, ErrorKind::NotFound);
        assert_eq!(c.message, "Resource could not be found");
        assert_eq!(c.details, None);
    }

    #[test]
    fn ruut_envelope_keeps_code_message_and_details() {
        let c = json(
            403,
            json!({"error": {
                "code": "STATUS_CHANGE_FORBIDDEN",
                "message": "Cannot change status due to current conversation state",
                "details": "Conversation is locked or requires specific permissions"
            }}),
        );
        assert_eq!(c.kind, ErrorKind::StatusChangeForbidden);
        assert_eq!(c.code.as_deref(), Some("STATUS_CHANGE_FORBIDDEN"));
        assert_eq!(
            c.message,
            "Cannot change status due to current conversation state"
        );
        assert_eq!(
            c.details,
            Some(json!(
                "Conversation is locked or requires specific permissions"
            ))
        );
    }

    #[test]
    fn envelope_code_wins_over_status_and_null_details_are_dropped() {
        let c = json(
            422,
            json!({"error": {"code": "STATUS_CHANGE_FORBIDDEN", "details": null}}),
        );
        assert_eq!(c.kind, ErrorKind::StatusChangeForbidden);
        assert_eq!(c.message, "STATUS_CHANGE_FORBIDDEN");
        assert_eq!(c.details, None);

        let c = json(
            422,
            json!({"error": {"code": "VALIDATION_FAILED", "message": "bad status"}}),
        );
        assert_eq!(c.kind, ErrorKind::Validation);
        assert_eq!(c.code.as_deref(), Some("VALIDATION_FAILED"));
    }

    #[test]
    fn devise_errors_array_is_joined() {
        let c = json(
            401,
            json!({"errors": ["You need to sign in or sign up before continuing."]}),
        );
        assert_eq!(c.kind, ErrorKind::Unauthorized);
        assert_eq!(
            c.message,
            "You need to sign in or sign up before continuing."
        );
        assert_eq!(
            c.details,
            Some(json!(["You need to sign in or sign up before continuing."]))
        );

        let c = json(422, json!({"errors": ["a", {"field": "b"}]}));
        assert_eq!(c.message, r#"a; {"field":"b"}"#);
    }

    #[test]
    fn validation_message_and_attributes() {
        let c = json(
            422,
            json!({"message": "Email has already been taken", "attributes": ["email"]}),
        );
        assert_eq!(c.kind, ErrorKind::Validation);
        assert_eq!(c.message, "Email has already been taken");
        assert_eq!(c.details, Some(json!(["email"])));
    }

    #[test]
    fn routing_miss_is_not_a_missing_record() {
        let c = json(404, json!({"status": 404, "error": "Not Found"}));
        assert_eq!(c.kind, ErrorKind::RouteNotFound);
        assert_eq!(c.message, "Not Found");
        assert!(c.hint.is_some());
    }

    #[test]
    fn html_404_page_is_a_routing_miss() {
        let page = b"<!DOCTYPE html>\n<html><head><title>The page you were looking for doesn't exist (404)</title></head><body><h1>Not here</h1></body></html>";
        let c = classify(Some(404), Some("text/html; charset=utf-8"), page);
        assert_eq!(c.kind, ErrorKind::RouteNotFound);
        assert_eq!(
            c.message,
            "The page you were looking for doesn't exist (404)"
        );

        // The generated client drops the status of undecodable error bodies.
        let c = classify(None, None, page);
        assert_eq!(c.kind, ErrorKind::RouteNotFound);
        assert_eq!(c.status, None);
    }

    #[test]
    fn html_without_status_that_is_not_a_404_is_unexpected() {
        let page = b"<html><head><title>Attention Required!</title></head></html>";
        let c = classify(None, None, page);
        assert_eq!(c.kind, ErrorKind::UnexpectedResponse);
        assert!(c.hint.unwrap().contains("HTML"));
    }

    #[test]
    fn html_502_from_a_proxy_is_a_server_error_named_by_its_title() {
        let page = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
        let c = classify(Some(502), Some("text/html"), page);
        assert_eq!(c.kind, ErrorKind::Server);
        assert_eq!(c.message, "502 Bad Gateway");
    }

    #[test]
    fn rack_attack_plain_text() {
        let c = classify(Some(429), Some("text/plain"), b"Retry later\n");
        assert_eq!(c.kind, ErrorKind::RateLimited);
        assert_eq!(c.message, "Retry later");
    }

    #[test]
    fn empty_body_falls_back_to_the_reason_phrase() {
        let c = classify(Some(503), None, b"");
        assert_eq!(c.kind, ErrorKind::Server);
        assert_eq!(c.message, "Service Unavailable");
        let c = classify(Some(599), None, b"  ");
        assert_eq!(c.message, "the response could not be read");
    }

    #[test]
    fn chatwoot_401s_that_mean_forbidden() {
        for message in [
            "You are not authorized to do this action",
            "You are not authorized to access this account",
            "Access to this endpoint is not authorized for bots",
            "Account is suspended",
        ] {
            assert_eq!(
                json(401, json!({"error": message})).kind,
                ErrorKind::Forbidden,
                "{message}"
            );
        }
        assert_eq!(
            json(401, json!({"error": "Invalid Access Token"})).kind,
            ErrorKind::Unauthorized
        );
        assert_eq!(
            json(402, json!({"error": "Upgrade your plan"})).kind,
            ErrorKind::Forbidden
        );
        assert_eq!(
            json(403, json!({"message": "Signup disabled"})).kind,
            ErrorKind::Forbidden
        );
    }

    #[test]
    fn statuses_without_a_body_shape_map_by_status() {
        let kind = |status| classify(Some(status), None, b"").kind;
        assert_eq!(kind(400), ErrorKind::Validation);
        assert_eq!(kind(408), ErrorKind::Timeout);
        assert_eq!(kind(409), ErrorKind::Validation);
        assert_eq!(kind(302), ErrorKind::Redirect);
        assert_eq!(kind(418), ErrorKind::UnexpectedResponse);
        assert_eq!(kind(200), ErrorKind::UnexpectedResponse);
        assert_eq!(kind(500), ErrorKind::Server);
    }

    #[test]
    fn rails_generic_500_json() {
        let c = json(
            500,
            json!({"status": 500, "error": "Internal Server Error"}),
        );
        assert_eq!(c.kind, ErrorKind::Server);
        assert_eq!(c.message, "Internal Server Error");
    }

    #[test]
    fn json_with_a_wrong_content_type_and_bare_json_values_are_read() {
        let c = classify(
            Some(422),
            Some("text/plain"),
            br#"{"error":"param is missing"}"#,
        );
        assert_eq!(c.message, "param is missing");
        let c = classify(Some(422), JSON, br#"["first", "second"]"#);
        assert_eq!(c.message, "first; second");
        let c = classify(Some(422), JSON, br#""just text""#);
        assert_eq!(c.message, "just text");
    }

    #[test]
    fn broken_json_is_read_as_text() {
        let c = classify(Some(500), JSON, br#"{"error": "trunc"#);
        assert_eq!(c.kind, ErrorKind::Server);
        assert_eq!(c.message, r#"{"error": "trunc"#);
    }

    #[test]
    fn long_text_is_shortened_on_a_character_boundary() {
        let body = "é".repeat(300);
        let c = classify(Some(500), Some("text/plain"), body.as_bytes());
        assert_eq!(c.message.chars().count(), MESSAGE_CHARS + 1);
        assert!(c.message.ends_with('…'));
    }

    #[test]
    fn excerpt_is_utf8_safe_and_bounded() {
        assert_eq!(excerpt(b""), None);
        assert_eq!(excerpt(b"short").as_deref(), Some("short"));

        // 511 ASCII bytes, then a two-byte character straddling the limit.
        let mut body = "a".repeat(511).into_bytes();
        body.extend("é and more".as_bytes());
        let e = excerpt(&body).unwrap();
        assert_eq!(e, format!("{}…", "a".repeat(511)));

        let binary = [0xff_u8; 600];
        let e = excerpt(&binary).unwrap();
        assert!(e.ends_with('…'));
        assert_eq!(e.chars().filter(|c| *c == '\u{fffd}').count(), 512);
    }
}
