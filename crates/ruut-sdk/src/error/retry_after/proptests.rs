//! Properties of the `Retry-After` parser: whatever the server sends, no
//! panic; seconds and HTTP dates read back as the wait they mean.
//!
//! Seeded from `PROPTEST_RNG_SEED`, fixed under `cargo xtask ci` (see
//! `tests/proptest_parsers.rs`).

use std::time::Duration;

use proptest::prelude::*;
use reqwest::header::{HeaderMap, HeaderValue, RETRY_AFTER};

use super::retry_after;

fn headers(value: HeaderValue) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(RETRY_AFTER, value);
    headers
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Case prop.retry-after: `Retry-After` values: arbitrary header bytes, delay-seconds over the whole u64 range, and HTTP dates from the past to decades ahead.
    /// Expect: never panics; seconds read back exactly; a future date reads as the time until it (to the second), a past one as zero; anything else is ignored (`None`).
    #[test]
    fn retry_after_values(
        bytes in prop::collection::vec(any::<u8>(), 0..40),
        seconds in any::<u64>(),
        offset in -3_000_000_000_i64..3_000_000_000,
    ) {
        if let Ok(value) = HeaderValue::from_bytes(&bytes) {
            let _ = retry_after(&headers(value));
        }

        let value = HeaderValue::from_str(&seconds.to_string()).unwrap();
        prop_assert_eq!(retry_after(&headers(value)), Some(Duration::from_secs(seconds)));

        let at = chrono::Utc::now() + chrono::Duration::seconds(offset);
        let date = at.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
        let wait = retry_after(&headers(HeaderValue::from_str(&date).unwrap()));
        let wait = wait.ok_or_else(|| TestCaseError::fail(format!("{date} not read")))?;
        if offset <= 0 {
            prop_assert_eq!(wait, Duration::ZERO, "{}", date);
        } else {
            let expected = offset.unsigned_abs();
            prop_assert!(
                wait.as_secs() + 2 >= expected && wait.as_secs() <= expected,
                "{} read as {:?}, expected about {}s",
                date,
                wait,
                expected
            );
        }
    }
}
