//! Property tests of every parser the SDK owns, through its public API:
//! arbitrary input never panics, and valid input round-trips.
//!
//! The Retry-After parser is crate-private; its properties live in
//! `src/error/retry_after/proptests.rs`. The snooze times' trip through the
//! sandbox is in `proptest_snooze.rs`.
//!
//! Seeds: every `proptest!` here reads `PROPTEST_RNG_SEED` (and
//! `PROPTEST_RNG_ALGORITHM`) from the environment, since each config extends
//! `ProptestConfig::default()` and sets no seed of its own. `cargo xtask ci`
//! fixes them, so that CI runs the same cases every time; a plain `cargo test`
//! draws a fresh random seed each run, and `PROPTEST_RNG_SEED=<n> cargo test -p
//! ruut-sdk` replays seed `n`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use proptest::prelude::*;
use ruut_sdk::enums::ConversationPriority;
use ruut_sdk::webhook::{Verifier, WebhookError, WebhookSecret, sign};
use ruut_sdk::{Client, ConversationStatus, Error, ErrorKind};
use serde_json::{Value, json};

/// Any JSON value, a few levels deep.
fn json_value() -> impl Strategy<Value = Value> {
    json_with(prop_oneof![exact_leaf(), any::<f64>().prop_map(|f| json!(f)),].boxed())
}

/// Any JSON value without floats, whose text serde_json reads back exactly
/// (its default float parsing may be off in the last digit).
fn exact_json() -> impl Strategy<Value = Value> {
    json_with(exact_leaf().boxed())
}

fn exact_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        ".{0,40}".prop_map(Value::from),
    ]
}

fn json_with(leaf: BoxedStrategy<Value>) -> impl Strategy<Value = Value> {
    leaf.prop_recursive(3, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Bodies shaped like the server's error bodies, with arbitrary contents.
fn error_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..1024),
        json_value().prop_map(|v| v.to_string().into_bytes()),
        (json_value(), json_value(), json_value()).prop_map(|(code, message, details)| {
            json!({"error": {"code": code, "message": message, "details": details}})
                .to_string()
                .into_bytes()
        }),
        (json_value(), json_value())
            .prop_map(|(e, s)| json!({"error": e, "status": s}).to_string().into_bytes()),
        (json_value(), json_value()).prop_map(|(m, a)| {
            json!({"message": m, "attributes": a})
                .to_string()
                .into_bytes()
        }),
        json_value().prop_map(|e| json!({"errors": e}).to_string().into_bytes()),
        ".{0,300}"
            .prop_map(|t| format!("<html><head><title>{t}</title></head></html>").into_bytes()),
        // Anything above, cut anywhere.
        (json_value(), any::<prop::sample::Index>()).prop_map(|(v, cut)| {
            let text = v.to_string().into_bytes();
            let at = cut.index(text.len() + 1);
            text[..at].to_vec()
        }),
    ]
}

fn content_type() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        Just("application/json; charset=utf-8".to_owned()),
        Just("text/html".to_owned()),
        Just("text/plain".to_owned()),
        ".{0,30}",
    ])
}

/// A DNS label of letters, digits and inner hyphens that is not an IDN label:
/// `xn--` starts an internationalised label in its ASCII (punycode) form, which
/// the URL parser decodes and refuses when the rest is not valid punycode
/// (`xn--a` is not; it once failed CI).
fn plain_label() -> impl Strategy<Value = String> {
    plain_labels_of("[a-z][a-z0-9-]{0,10}[a-z0-9]")
}

/// The labels `pattern` generates, less those that are not plain.
fn plain_labels_of(pattern: &'static str) -> impl Strategy<Value = String> {
    pattern.prop_filter("an xn-- label is an IDN label", |label| {
        is_plain_label(label)
    })
}

/// Whether `label` is what [`plain_label`] claims to produce.
fn is_plain_label(label: &str) -> bool {
    !label.starts_with("xn--")
}

/// A printable, distinctive token: `tok_` and 8 to 40 token characters.
fn token() -> impl Strategy<Value = String> {
    "[A-Za-z0-9_.~-]{8,40}".prop_map(|t| format!("tok_{t}"))
}

proptest! {
    // No regression files written into the repository: a failure prints its
    // minimal input.
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Case prop.classify-arbitrary: Error classification of arbitrary status (0..1000), content type and body (random bytes, random JSON in every envelope shape, HTML, JSON cut anywhere).
    /// Expect: never panics; keeps the status; always has a message; the excerpt covers at most 512 bytes of the body; 5xx is `Server` and 429 `RateLimited` unless Ruut's `STATUS_CHANGE_FORBIDDEN` code says otherwise.
    #[test]
    fn classification_of_arbitrary_answers(
        status in 0_u16..1000,
        content_type in content_type(),
        body in error_body(),
    ) {
        let error = Error::from_http_response(status, content_type.as_deref(), &body);
        prop_assert_eq!(error.status(), Some(status));
        prop_assert!(!error.message().is_empty());
        if let Some(excerpt) = error.body_excerpt() {
            // At most 512 bytes of the body, each read as one character at most
            // (invalid UTF-8 becomes U+FFFD), and an ellipsis if there was more.
            prop_assert!(excerpt.chars().count() <= 513, "{}", excerpt.chars().count());
        }
        let _ = (error.to_string(), format!("{error:?}"), error.is_retryable());
        if error.code() != Some("STATUS_CHANGE_FORBIDDEN") {
            match status {
                500..=599 => prop_assert_eq!(error.kind(), ErrorKind::Server),
                429 => prop_assert_eq!(error.kind(), ErrorKind::RateLimited),
                _ => {}
            }
        }
    }

    /// Case prop.classify-roundtrip: Valid error bodies of each documented shape (Ruut's envelope, `{"error": text}`, `{"message", "attributes"}`, `{"errors": [...]}`) with random contents.
    /// Expect: the code, message and details read back exactly as sent.
    #[test]
    fn valid_error_bodies_round_trip(
        status in 400_u16..600,
        code in "[A-Z][A-Z_]{0,30}",
        message in "\\PC{1,80}",
        details in exact_json(),
        messages in prop::collection::vec("\\PC{1,20}", 1..5),
    ) {
        let json_type = Some("application/json");
        let body = json!({"error": {"code": code, "message": message, "details": details}});
        let error = Error::from_http_response(status, json_type, body.to_string().as_bytes());
        prop_assert_eq!(error.code(), Some(code.as_str()));
        prop_assert_eq!(error.message(), message.as_str());
        prop_assert_eq!(error.details(), (!details.is_null()).then_some(&details));

        let body = json!({"error": message});
        let error = Error::from_http_response(status, json_type, body.to_string().as_bytes());
        prop_assert_eq!(error.message(), message.as_str());

        let body = json!({"message": message, "attributes": details});
        let error = Error::from_http_response(status, json_type, body.to_string().as_bytes());
        prop_assert_eq!(error.message(), message.as_str());
        prop_assert_eq!(error.details(), (!details.is_null()).then_some(&details));

        let body = json!({"errors": messages});
        let error = Error::from_http_response(status, json_type, body.to_string().as_bytes());
        prop_assert_eq!(error.message(), messages.join("; "));
    }

    /// Case prop.status-roundtrip: Conversation statuses and priorities from any string, and from any JSON value.
    /// Expect: never panics; every string round-trips through `as_str`, `Display` and serde; the known values parse as known, anything else as `Unknown` verbatim; non-strings are a serde error.
    #[test]
    fn statuses_round_trip(text in ".{0,40}", value in json_value()) {
        let status = ConversationStatus::from(text.as_str());
        prop_assert_eq!(status.as_str(), text.as_str());
        prop_assert_eq!(status.to_string(), text.clone());
        prop_assert_eq!(status.is_unknown(), !ConversationStatus::KNOWN.contains(&text.as_str()));
        let wire = serde_json::to_string(&status).unwrap();
        prop_assert_eq!(serde_json::from_str::<ConversationStatus>(&wire).unwrap(), status);
        let parsed: ConversationStatus = text.parse().unwrap();
        prop_assert_eq!(parsed.as_str(), text.as_str());

        let priority = ConversationPriority::from(text.as_str());
        prop_assert_eq!(priority.as_str(), text.as_str());

        let from_json = serde_json::from_value::<ConversationStatus>(value.clone());
        match &value {
            Value::String(s) => {
                let parsed = from_json.unwrap();
                prop_assert_eq!(parsed.as_str(), s.as_str());
            }
            _ => prop_assert!(from_json.is_err()),
        }
    }

    /// Case prop.webhook-timestamps: Webhook timestamps: arbitrary `X-Chatwoot-Timestamp` text, and valid signed timestamps across the whole i64 range of seconds a SystemTime can hold, near and far from the receiver's clock.
    /// Expect: never panics; garbage is `MalformedHeader`; a valid signature verifies exactly when the clock difference is within the tolerance, and reports the timestamp it read.
    #[test]
    fn webhook_timestamps(
        garbage in ".{0,30}",
        at in -50_000_000_000_i64..50_000_000_000,
        skew in -1_000_i64..1_000,
        tolerance in 0_u64..600,
    ) {
        let secret = WebhookSecret::from("whsec_proptest");
        let verifier = Verifier::new(secret.clone()).tolerance(Duration::from_secs(tolerance));
        let body = br#"{"event":"conversation_status_changed"}"#;
        let clock = |seconds: i64| {
            if seconds >= 0 {
                UNIX_EPOCH + Duration::from_secs(seconds as u64)
            } else {
                UNIX_EPOCH - Duration::from_secs(seconds.unsigned_abs())
            }
        };
        let now: SystemTime = clock(at + skew);

        let signature = sign(&secret, &garbage, body);
        let result = verifier.verify_values(Some(&signature), Some(&garbage), None, body, now);
        if garbage.trim().parse::<i64>().is_err() {
            prop_assert!(matches!(result, Err(WebhookError::MalformedHeader(_))), "{:?}", result);
        }

        let text = at.to_string();
        let signature = sign(&secret, &text, body);
        let result = verifier.verify_values(Some(&signature), Some(&text), Some("d1"), body, now);
        if skew.unsigned_abs() <= tolerance {
            let delivery = result.map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(delivery.timestamp, Some(at));
            prop_assert!(delivery.signed);
        } else {
            let is_stale = matches!(result, Err(WebhookError::StaleTimestamp { timestamp, .. }) if timestamp == at);
            prop_assert!(is_stale, "{:?}", result);
        }
    }
}

proptest! {
    // Each case builds clients, and each build sets up TLS: fewer cases.
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Case prop.base-url-arbitrary: Base URLs from arbitrary text and from URL-like text (any scheme, user info, port, path, query, fragment), with or without the plain-http opt-in.
    /// Expect: `build` never panics; it either fails with `Config` or yields `http(s)://host[:port][/path]` with no trailing slash, query, fragment or credentials, which builds again.
    #[test]
    fn base_urls_from_arbitrary_text(
        input in prop_oneof![
            ".{0,80}",
            "[a-z]{0,6}://([a-z0-9]{1,6}(:[a-z0-9]{0,6})?@)?[a-zA-Z0-9.\\[\\]:-]{0,30}(/[a-zA-Z0-9%._-]{0,8}){0,4}/?(\\?[a-z=&]{0,10})?(#[a-z]{0,5})?",
        ],
        allow in any::<bool>(),
    ) {
        let built = Client::builder()
            .api_token("tok_arbitrary_base_url")
            .base_url(input.clone())
            .allow_insecure_http(allow)
            .build();
        match built {
            Ok(client) => {
                let url = client.base_url();
                prop_assert!(url.starts_with("https://") || url.starts_with("http://"), "{}", url);
                prop_assert!(!url.ends_with('/') && !url.contains(['?', '#', '@']), "{}", url);
                let again = Client::builder()
                    .api_token("tok_arbitrary_base_url")
                    .base_url(url)
                    .allow_insecure_http(allow)
                    .build();
                prop_assert!(again.is_ok(), "{:?} -> {}", input, url);
            }
            Err(error) => prop_assert_eq!(error.kind(), ErrorKind::Config),
        }
    }

    /// Case prop.base-url-roundtrip: Valid https base URLs: any host, optional port, optional path prefix, then any of `""`, `/`, `/api`, `/api/v1`, `/API/V1/`, with stray whitespace.
    /// Expect: all normalise to exactly `https://host[:port][/prefix]`.
    #[test]
    fn valid_base_urls_normalise(
        labels in prop::collection::vec(plain_label(), 1..4),
        tld in "[a-z]{2,6}",
        port in prop::option::of(1_u16..),
        prefix in prop::collection::vec("[a-z][a-z0-9_-]{0,8}", 0..3),
        suffix in prop::sample::select(vec!["", "/", "//", "/api", "/api/", "/api/v1", "/api/v1/", "/API/V1/"]),
        padding in prop::sample::select(vec!["", " ", "\t", " \n"]),
    ) {
        let host = format!("{}.{tld}", labels.join("."));
        let port = port.filter(|p| *p != 443).map(|p| format!(":{p}")).unwrap_or_default();
        let prefix: String = prefix.iter().map(|p| format!("/{p}")).collect();
        // A prefix that itself ends like the API's path would be taken for it.
        let lower = prefix.to_ascii_lowercase();
        prop_assume!(!["/api", "/api/v1", "/api/v2"].iter().any(|s| lower.ends_with(s)));
        let expected = format!("https://{host}{port}{prefix}");
        let input = format!("{padding}{expected}{suffix}{padding}");
        let client = Client::builder().api_token("tok_base_url").base_url(input.clone()).build();
        let client = client.map_err(|e| TestCaseError::fail(format!("{input:?}: {e}")))?;
        prop_assert_eq!(client.base_url(), expected.as_str());
    }

    /// Case prop.plain-http-policy: `http://` to random IPv4 addresses and names, with and without the opt-in.
    /// Expect: allowed exactly for 127.0.0.0/8 and `localhost` names unless opted in; otherwise `Config` naming `allow_insecure_http`.
    #[test]
    fn plain_http_only_to_loopback(octets in any::<[u8; 4]>(), name in "[a-z]{1,12}", opt_in in any::<bool>()) {
        let ip = std::net::Ipv4Addr::from(octets);
        for (url, loopback) in [
            (format!("http://{ip}:8080"), ip.is_loopback()),
            (format!("http://{name}.example"), false),
            (format!("http://{name}.localhost"), true),
        ] {
            let built = Client::builder()
                .api_token("tok_plain_http")
                .base_url(url.clone())
                .allow_insecure_http(opt_in)
                .build();
            if loopback || opt_in {
                prop_assert!(built.is_ok(), "{}", url);
            } else {
                let error = built.unwrap_err();
                prop_assert_eq!(error.kind(), ErrorKind::Config);
                prop_assert!(error.message().contains("allow_insecure_http"));
            }
        }
    }

    /// Case prop.token-header-safety: Tokens of printable ASCII, and the same tokens with a CR, LF, space, tab or non-ASCII character inserted anywhere.
    /// Expect: the printable ones build; the others are `Config` at build, and neither the error's `Display` nor its `Debug` quotes the token.
    #[test]
    fn tokens_that_cannot_be_headers_are_refused(
        token in token(),
        bad in prop::sample::select(vec!['\r', '\n', ' ', '\t', '\u{0}', 'é']),
        at in any::<prop::sample::Index>(),
    ) {
        prop_assert!(Client::builder().api_token(token.clone()).build().is_ok());
        let mut broken = token.clone();
        broken.insert(at.index(token.len() + 1), bad);
        let error = Client::builder().api_token(broken.clone()).build().unwrap_err();
        prop_assert_eq!(error.kind(), ErrorKind::Config);
        let (head, tail) = token.split_at(at.index(token.len() + 1));
        for text in [error.to_string(), format!("{error:?}")] {
            prop_assert!(!text.contains(&token));
            for part in [head, tail] {
                prop_assert!(part.len() < 8 || !text.contains(part), "{}", text);
            }
        }
    }
}

/// The input that failed CI once: `xn--a` is not valid punycode, so the host is
/// no valid international domain name and the URL is refused.
#[test]
fn an_invalid_idn_label_is_a_config_error_the_valid_generator_never_makes() {
    let error = Client::builder()
        .api_token("tok_base_url")
        .base_url("https://xn--a.aa")
        .build()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Config);
    assert!(error.message().contains("xn--a.aa"), "{error}");

    assert!(!is_plain_label("xn--a"));
    // The generator filters: given only `xn--a` to draw from, it finds nothing.
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    assert!(plain_labels_of("xn--a").new_tree(&mut runner).is_err());
    assert!(plain_labels_of("xn-a").new_tree(&mut runner).is_ok());
}
