//! The periods of a timeseries report, as groupdate makes them: the start of
//! each day, week (from Sunday), month, year or hour containing a time, in a
//! time zone given by its UTC offset, and every period of a range.

use chrono::{Datelike, NaiveDate};

/// The most periods one report may have in the sandbox (the server has no
/// limit; a range of centuries by the hour would take it minutes).
pub(crate) const MAX_PERIODS: usize = 5_000;

/// A period length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Period {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Period {
    /// `group_by` as the server reads it: anything unknown is a day.
    pub fn parse(group_by: Option<&str>) -> Self {
        match group_by {
            Some("hour") => Self::Hour,
            Some("week") => Self::Week,
            Some("month") => Self::Month,
            Some("year") => Self::Year,
            _ => Self::Day,
        }
    }
}

/// The UTC offset in seconds of `timezone_offset` (hours), as
/// `TimezoneHelper#timezone_name_from_offset` finds a zone for it: offsets
/// that are not a whole quarter hour between -12 and +14 match no zone and
/// fall back to UTC.
pub(crate) fn offset_seconds(hours: Option<f64>) -> i64 {
    let Some(hours) = hours.filter(|h| h.is_finite() && (-12.0..=14.0).contains(h)) else {
        return 0;
    };
    let seconds = (hours * 3600.0).round() as i64;
    if seconds % 900 == 0 { seconds } else { 0 }
}

/// The start (Unix seconds) of the period of `period` containing `at`, in
/// the zone `offset` seconds east of UTC.
pub(crate) fn start(period: Period, offset: i64, at: i64) -> i64 {
    let local = at + offset;
    let day = local.div_euclid(86_400);
    let local_start = match period {
        Period::Hour => local.div_euclid(3_600) * 3_600,
        Period::Day => day * 86_400,
        // 1970-01-01 was a Thursday: Sunday-based weekday is (day + 4) mod 7.
        Period::Week => (day - (day + 4).rem_euclid(7)) * 86_400,
        Period::Month | Period::Year => {
            let date =
                NaiveDate::from_num_days_from_ce_opt(day as i32 + 719_163).unwrap_or_default();
            let month = if period == Period::Month {
                date.month()
            } else {
                1
            };
            let first = NaiveDate::from_ymd_opt(date.year(), month, 1).unwrap_or_default();
            i64::from(first.num_days_from_ce() - 719_163) * 86_400
        }
    };
    local_start - offset
}

/// The start of the period after the one starting at `from`.
fn next(period: Period, offset: i64, from: i64) -> i64 {
    match period {
        Period::Hour => from + 3_600,
        Period::Day => start(period, offset, from + 86_400 + 7_200),
        Period::Week => start(period, offset, from + 7 * 86_400 + 7_200),
        Period::Month => start(period, offset, from + 32 * 86_400),
        Period::Year => start(period, offset, from + 366 * 86_400),
    }
}

/// The start of every period from the one containing `since` to the one
/// containing the last second before `until`; `None` when there would be
/// more than [`MAX_PERIODS`].
pub(crate) fn every(period: Period, offset: i64, since: i64, until: i64) -> Option<Vec<i64>> {
    let mut starts = Vec::new();
    if until <= since {
        return Some(starts);
    }
    let last = start(period, offset, until - 1);
    let mut at = start(period, offset, since);
    while at <= last {
        if starts.len() == MAX_PERIODS {
            return None;
        }
        starts.push(at);
        at = next(period, offset, at);
    }
    Some(starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_sunday_and_months_on_the_first() {
        // 2025-11-26 (a Wednesday) 15:00 UTC.
        let at = 1_764_169_200;
        assert_eq!(
            start(Period::Week, 0, at),
            1_763_856_000,
            "Sunday 2025-11-23"
        );
        assert_eq!(start(Period::Month, 0, at), 1_761_955_200, "2025-11-01");
        assert_eq!(start(Period::Year, 0, at), 1_735_689_600, "2025-01-01");
        assert_eq!(
            start(Period::Day, 3_600 * 10, at),
            1_764_165_600,
            "27th, UTC+10"
        );
    }

    #[test]
    fn every_period_of_a_range_once() {
        let days = every(Period::Day, 0, 86_400, 86_400 * 4).expect("few");
        assert_eq!(days, [86_400, 172_800, 259_200]);
        let months = every(Period::Month, 0, 0, 86_400 * 365).expect("few");
        assert_eq!(months.len(), 12);
        assert!(every(Period::Hour, 0, 0, 3_600 * 10_000).is_none());
        assert_eq!(offset_seconds(Some(5.5)), 19_800);
        assert_eq!(offset_seconds(Some(5.1)), 0, "no such zone: UTC");
    }
}
