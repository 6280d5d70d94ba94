//! Time helpers: the wall clock and the wire formats of times.

use chrono::{DateTime, SecondsFormat, Utc};

/// The latest time the sandbox stores: 9999-12-31T23:59:59Z, so every time it
/// sends is a valid RFC 3339 string.
pub(crate) const MAX_UNIX: i64 = 253_402_300_799;

/// Now, in whole Unix seconds.
pub(crate) fn now() -> i64 {
    Utc::now().timestamp()
}

/// Now, in Unix seconds with a fraction (Chatwoot's `updated_at`).
pub(crate) fn now_f64() -> f64 {
    let now = Utc::now();
    now.timestamp() as f64 + f64::from(now.timestamp_subsec_millis()) / 1000.0
}

/// Clamps Unix seconds into the range the sandbox can store and print.
pub(crate) fn clamp_unix(seconds: i64) -> i64 {
    seconds.clamp(0, MAX_UNIX)
}

/// Unix seconds as a UTC time (clamped into range).
pub(crate) fn to_datetime(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(clamp_unix(seconds), 0).unwrap_or_default()
}

/// Unix seconds as Rails prints them in JSON: ISO 8601 with milliseconds.
pub(crate) fn iso_millis(seconds: i64) -> String {
    to_datetime(seconds).to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses an RFC 3339 time into Unix seconds (clamped into range).
pub(crate) fn parse_rfc3339(text: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| clamp_unix(t.timestamp()))
}
