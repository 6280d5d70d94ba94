//! `Retry-After`: how long a server asks the client to wait, in delay-seconds or
//! as an HTTP date.

use std::time::Duration;

use reqwest::header::{HeaderMap, RETRY_AFTER};

/// The wait a `Retry-After` header asks for: delay-seconds or an HTTP date.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = at.signed_duration_since(chrono::Utc::now());
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_parses_seconds_and_http_dates() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, "7".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));

        headers.insert(
            RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(
            retry_after(&headers),
            Some(Duration::ZERO),
            "a date in the past"
        );

        let soon = chrono::Utc::now() + chrono::Duration::seconds(120);
        let http_date = soon.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
        headers.insert(RETRY_AFTER, http_date.parse().unwrap());
        let wait = retry_after(&headers).unwrap();
        assert!(
            wait > Duration::from_secs(100) && wait <= Duration::from_secs(120),
            "{wait:?}"
        );

        headers.insert(RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&headers), None);
        assert_eq!(retry_after(&HeaderMap::new()), None);
    }
}

/// Properties of the parser: whatever the server sends, no panic; seconds and
/// HTTP dates read back as the wait they mean.
#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;
    use reqwest::header::HeaderValue;

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
}
