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

use crate::error::kind::ErrorKind;

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
mod tests;
