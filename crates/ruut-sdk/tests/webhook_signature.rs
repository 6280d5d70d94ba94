//! Known answers and failure modes of webhook signature verification.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::{HeaderMap, HeaderValue};
use ruut_sdk::webhook::{
    DELIVERY_HEADER, DeliveryDeduper, SIGNATURE_HEADER, TIMESTAMP_HEADER, Verifier, WebhookError,
    WebhookEvent, WebhookSecret, sign,
};

const SECRET: &str = "whsec_ruut_test_4f9a";
const TIMESTAMP: &str = "1772446565";
const BODY: &str = r#"{"event":"conversation_status_changed","id":42,"inbox_id":1,"status":"open","changed_attributes":[{"status":{"previous_value":"pending","current_value":"open"}}]}"#;

/// Computed independently of this crate, with Python's standard library:
///
/// ```text
/// python3 -c 'import hmac, hashlib
/// secret=b"whsec_ruut_test_4f9a"; ts=b"1772446565"
/// body=b"{\"event\":\"conversation_status_changed\",\"id\":42,\"inbox_id\":1,\"status\":\"open\",\"changed_attributes\":[{\"status\":{\"previous_value\":\"pending\",\"current_value\":\"open\"}}]}"
/// print(hmac.new(secret, ts+b"."+body, hashlib.sha256).hexdigest())'
/// ```
const PYTHON_HMAC: &str = "e05293e6a3654e34b144dd74151b3fff36c745f7461d816dbaf0dee1989cc1b5";

fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

fn now() -> SystemTime {
    at(1_772_446_565)
}

fn headers(signature: Option<&str>, timestamp: Option<&str>, delivery: Option<&str>) -> HeaderMap {
    let mut headers = HeaderMap::new();
    for (name, value) in [
        (SIGNATURE_HEADER, signature),
        (TIMESTAMP_HEADER, timestamp),
        (DELIVERY_HEADER, delivery),
    ] {
        if let Some(value) = value {
            headers.insert(name, HeaderValue::from_str(value).expect("a header value"));
        }
    }
    headers
}

fn signed() -> HeaderMap {
    headers(
        Some(&format!("sha256={PYTHON_HMAC}")),
        Some(TIMESTAMP),
        Some("9b2f7c1e-4d3a-4f6b-8e2d-1c0b9a8f7e6d"),
    )
}

#[test]
fn sign_matches_an_independent_hmac_implementation() {
    let ours = sign(&WebhookSecret::from(SECRET), TIMESTAMP, BODY.as_bytes());
    assert_eq!(ours, format!("sha256={PYTHON_HMAC}"));
}

#[test]
fn a_delivery_signed_elsewhere_verifies_and_parses() {
    let verifier = Verifier::new(SECRET);
    let (event, delivery) = verifier
        .verify_and_parse(&signed(), BODY.as_bytes(), now())
        .expect("verifies");
    assert!(delivery.signed);
    assert_eq!(delivery.timestamp, Some(1_772_446_565));
    assert_eq!(
        delivery.id.as_deref(),
        Some("9b2f7c1e-4d3a-4f6b-8e2d-1c0b9a8f7e6d")
    );
    assert!(matches!(event, WebhookEvent::ConversationStatusChanged(_)));
}

#[test]
fn upper_case_hex_and_surrounding_spaces_are_accepted() {
    let upper = format!(" sha256={} ", PYTHON_HMAC.to_uppercase());
    let headers = headers(Some(&upper), Some(TIMESTAMP), None);
    assert!(
        Verifier::new(SECRET)
            .verify(&headers, BODY.as_bytes(), now())
            .is_ok()
    );
}

#[test]
fn a_tampered_body_is_rejected() {
    let tampered = BODY.replace("\"id\":42", "\"id\":43");
    let result = Verifier::new(SECRET).verify(&signed(), tampered.as_bytes(), now());
    assert_eq!(result, Err(WebhookError::BadSignature));
    // Even one trailing byte.
    let longer = format!("{BODY}\n");
    let result = Verifier::new(SECRET).verify(&signed(), longer.as_bytes(), now());
    assert_eq!(result, Err(WebhookError::BadSignature));
}

#[test]
fn a_wrong_secret_is_rejected() {
    let result = Verifier::new("whsec_ruut_test_4f9b").verify(&signed(), BODY.as_bytes(), now());
    assert_eq!(result, Err(WebhookError::BadSignature));
}

#[test]
fn a_changed_timestamp_breaks_the_signature() {
    let headers = headers(
        Some(&format!("sha256={PYTHON_HMAC}")),
        Some("1772446566"),
        None,
    );
    let result = Verifier::new(SECRET).verify(&headers, BODY.as_bytes(), now());
    assert_eq!(result, Err(WebhookError::BadSignature));
}

#[test]
fn malformed_signatures_are_bad_signatures() {
    for value in [
        "",
        "sha256=",
        "sha256=zz",
        PYTHON_HMAC,
        "sha1=e05293e6a3654e34b144dd74151b3fff36c745f7",
        &format!("sha256={}", &PYTHON_HMAC[..62]),
    ] {
        let headers = headers(Some(value), Some(TIMESTAMP), None);
        let result = Verifier::new(SECRET).verify(&headers, BODY.as_bytes(), now());
        assert_eq!(result, Err(WebhookError::BadSignature), "{value:?}");
    }
}

#[test]
fn an_old_timestamp_is_stale() {
    // Signed correctly, but replayed six minutes later.
    let later = at(1_772_446_565 + 6 * 60);
    let result = Verifier::new(SECRET).verify(&signed(), BODY.as_bytes(), later);
    assert_eq!(
        result,
        Err(WebhookError::StaleTimestamp {
            timestamp: 1_772_446_565,
            now: 1_772_446_925,
            tolerance: Duration::from_secs(300),
        })
    );
    let message = result.unwrap_err().to_string();
    assert!(
        message.contains("360s") && message.contains("300s"),
        "{message}"
    );
}

#[test]
fn a_timestamp_beyond_the_tolerance_in_the_future_is_stale() {
    let earlier = at(1_772_446_565 - 301);
    let result = Verifier::new(SECRET).verify(&signed(), BODY.as_bytes(), earlier);
    assert!(matches!(result, Err(WebhookError::StaleTimestamp { .. })));
}

#[test]
fn the_tolerance_is_inclusive_and_configurable() {
    let verifier = Verifier::new(SECRET);
    for seconds in [1_772_446_565 - 300, 1_772_446_565 + 300] {
        assert!(
            verifier
                .verify(&signed(), BODY.as_bytes(), at(seconds))
                .is_ok()
        );
    }
    let strict = Verifier::new(SECRET).tolerance(Duration::from_secs(10));
    let result = strict.verify(&signed(), BODY.as_bytes(), at(1_772_446_565 + 11));
    assert!(matches!(result, Err(WebhookError::StaleTimestamp { .. })));
}

#[test]
fn a_forgery_with_an_old_timestamp_reports_the_signature_not_the_age() {
    let headers = headers(
        Some(&format!("sha256={}", "0".repeat(64))),
        Some("1000"),
        None,
    );
    let result = Verifier::new(SECRET).verify(&headers, BODY.as_bytes(), now());
    assert_eq!(result, Err(WebhookError::BadSignature));
}

#[test]
fn missing_headers_are_named() {
    let verifier = Verifier::new(SECRET);
    let result = verifier.verify(&HeaderMap::new(), BODY.as_bytes(), now());
    assert_eq!(
        result,
        Err(WebhookError::MissingHeader("x-chatwoot-signature"))
    );

    let no_timestamp = headers(Some(&format!("sha256={PYTHON_HMAC}")), None, None);
    let result = verifier.verify(&no_timestamp, BODY.as_bytes(), now());
    assert_eq!(
        result,
        Err(WebhookError::MissingHeader("x-chatwoot-timestamp"))
    );

    let bad_timestamp = headers(Some(&format!("sha256={PYTHON_HMAC}")), Some("soon"), None);
    let result = verifier.verify(&bad_timestamp, BODY.as_bytes(), now());
    assert_eq!(
        result,
        Err(WebhookError::MalformedHeader("x-chatwoot-timestamp"))
    );
    assert!(result.unwrap_err().is_unauthenticated());
}

#[test]
fn unsigned_deliveries_are_rejected_unless_allowed() {
    let unsigned = headers(None, None, Some("d-1"));
    let strict = Verifier::new(SECRET);
    assert!(matches!(
        strict.verify(&unsigned, BODY.as_bytes(), now()),
        Err(WebhookError::MissingHeader(_))
    ));

    let tolerant = Verifier::new(SECRET).allow_unsigned(true);
    let delivery = tolerant
        .verify(&unsigned, BODY.as_bytes(), now())
        .expect("allowed");
    assert!(!delivery.signed);
    assert_eq!(delivery.id.as_deref(), Some("d-1"));
    // A signature that is present is still checked.
    let forged = headers(
        Some(&format!("sha256={}", "0".repeat(64))),
        Some(TIMESTAMP),
        None,
    );
    assert_eq!(
        tolerant.verify(&forged, BODY.as_bytes(), now()),
        Err(WebhookError::BadSignature)
    );

    let no_secret = Verifier::unsigned_only();
    assert!(
        !no_secret
            .verify(&signed(), BODY.as_bytes(), now())
            .expect("accepted")
            .signed
    );
    let refused = Verifier::unsigned_only().allow_unsigned(false);
    assert!(refused.verify(&unsigned, BODY.as_bytes(), now()).is_err());
}

#[test]
fn a_verified_but_malformed_body_is_a_bad_body() {
    let body = br#"{"event":"conversation_status_changed","id":"forty-two"}"#;
    let signature = sign(&WebhookSecret::from(SECRET), TIMESTAMP, body);
    let headers = headers(Some(&signature), Some(TIMESTAMP), None);
    let error = Verifier::new(SECRET)
        .verify_and_parse(&headers, body, now())
        .expect_err("bad body");
    assert!(matches!(error, WebhookError::BadBody(_)), "{error}");
    assert!(!error.is_unauthenticated());
}

#[test]
fn the_secret_never_shows_in_debug_output() {
    let verifier = Verifier::new(SECRET);
    let shown = format!("{verifier:?} {:?}", WebhookSecret::from(SECRET));
    assert!(!shown.contains(SECRET), "{shown}");
    assert!(shown.contains("redacted"), "{shown}");
}

#[test]
fn a_duplicate_delivery_id_is_detected() {
    let verifier = Verifier::new(SECRET);
    let seen = DeliveryDeduper::default();
    let mut handled = 0;
    // The server retries the same delivery (same id, same signature).
    for _ in 0..3 {
        let (_, delivery) = verifier
            .verify_and_parse(&signed(), BODY.as_bytes(), now())
            .expect("verifies");
        if seen.first_time(delivery.id.as_deref().expect("an id")) {
            handled += 1;
        }
    }
    assert_eq!(handled, 1);
    assert!(seen.first_time("another-delivery"));
    assert_eq!(seen.len(), 2);
}

#[test]
fn the_deduper_is_bounded_and_forgets_the_oldest() {
    let seen = DeliveryDeduper::new(3);
    for id in ["a", "b", "c", "d"] {
        assert!(seen.first_time(id));
    }
    assert_eq!(seen.len(), 3);
    assert!(!seen.contains("a"));
    assert!(!seen.first_time("d"));
    assert!(seen.first_time("a"));
    assert!(!seen.contains("b"));
    assert_eq!(DeliveryDeduper::new(0).capacity(), 1);
}
