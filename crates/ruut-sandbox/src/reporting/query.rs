//! The query parameters the report routes share, read as the server reads
//! them: `since` and `until` as Unix seconds in digits (`DateRangeHelper`:
//! a range only when both are present), `business_hours` as Rails casts a
//! boolean, `timezone_offset` in hours.

use crate::clock::MAX_UNIX;
use crate::errors::ApiError;
use crate::validate::Query;

/// `since...until` (exclusive end), when both are given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Range {
    pub since: i64,
    pub until: i64,
}

impl Range {
    /// Whether `at` is in the range.
    pub fn contains(self, at: i64) -> bool {
        self.since <= at && at < self.until
    }
}

/// Whether `at` is in `range`; nothing is in no range (`created_at: nil`).
pub(crate) fn within(range: Option<Range>, at: i64) -> bool {
    range.is_some_and(|r| r.contains(at))
}

/// One time parameter: absent or blank is `None`; anything but digits is
/// a 422 (the server's `DateTime.strptime(value, '%s')` raises: a 500).
fn seconds(query: &Query, name: &str) -> Result<Option<i64>, ApiError> {
    let Some(text) = query.get(name).filter(|t| !t.trim().is_empty()) else {
        return Ok(None);
    };
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ApiError::invalid(name, "Unix seconds"));
    }
    Ok(Some(text.parse::<i64>().unwrap_or(MAX_UNIX).min(MAX_UNIX)))
}

/// `since` and `until`: the range when both are present.
pub(crate) fn range(query: &Query) -> Result<Option<Range>, ApiError> {
    let (since, until) = (seconds(query, "since")?, seconds(query, "until")?);
    Ok(since
        .zip(until)
        .map(|(since, until)| Range { since, until }))
}

/// `business_hours`: `true` or `false` (the spec's boolean; Rails would take
/// any other text as true).
pub(crate) fn business_hours(query: &Query) -> Result<bool, ApiError> {
    Ok(query.bool("business_hours")?.unwrap_or(false))
}

/// `timezone_offset` in hours, if given.
pub(crate) fn timezone_offset(query: &Query) -> Result<Option<f64>, ApiError> {
    let Some(text) = query.get("timezone_offset").filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    text.parse::<f64>()
        .ok()
        .filter(|h| h.is_finite() && (-12.0..=14.0).contains(h))
        .map(Some)
        .ok_or_else(|| ApiError::invalid("timezone_offset", "a number of hours from -12 to 14"))
}
