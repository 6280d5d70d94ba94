//! Tests of the classification: every error body shape the server sends, and random ones.

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
fn any_status_and_body_classify_without_panicking() {
    // Bodies built from the pieces real answers are made of, cut anywhere.
    const PIECES: [&str; 12] = [
        "{",
        "}",
        "[",
        "]",
        "\"error\":",
        "\"errors\":",
        "\"message\":",
        "\"code\":",
        "\"Not Found\"",
        "<html><title>",
        "</title>",
        "é\u{0}\n",
    ];
    let mut rng = fastrand::Rng::with_seed(2024);
    for _ in 0..5_000 {
        let mut body: Vec<u8> = (0..rng.usize(0..12))
            .flat_map(|_| PIECES[rng.usize(..PIECES.len())].bytes())
            .collect();
        body.truncate(rng.usize(0..=body.len()));
        if rng.bool() {
            body.push(rng.u8(..));
        }
        let status = rng.u16(100..600);
        let c = classify(Some(status), None, &body);
        assert!(!c.message.is_empty());
        assert_eq!(c.status, Some(status));
        if (500..600).contains(&status) && c.code.is_none() {
            assert_eq!(c.kind, ErrorKind::Server, "{status} {body:?}");
        }
        let e = excerpt(&body).unwrap_or_default();
        assert!(e.len() <= EXCERPT_BYTES + '…'.len_utf8());
    }
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
