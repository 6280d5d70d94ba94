//! Reading a point in time the way a person writes it: `2026-12-24T09:00:00Z`,
//! `2h`, `1d12h`, `45m`, `tomorrow 9:00`, `today 17:30`.

use chrono::{DateTime, Days, Local, NaiveTime, TimeZone, Utc};

/// `text` as a time, relative to `now` (local time for `today`/`tomorrow`).
///
/// # Errors
///
/// A message saying which forms are understood.
pub fn parse<Tz: TimeZone>(text: &str, now: DateTime<Tz>) -> Result<DateTime<Utc>, String> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(at.with_timezone(&Utc));
    }
    if let Some(seconds) = duration_seconds(text) {
        return Ok(now.with_timezone(&Utc) + chrono::Duration::seconds(seconds));
    }
    if let Some(at) = day_and_time(text, &now) {
        return Ok(at);
    }
    Err(format!(
        "cannot read `{text}` as a time: use RFC 3339 (2026-12-24T09:00:00Z), a duration \
         from now (2h, 30m, 1d12h) or `today|tomorrow HH:MM`"
    ))
}

/// `text` as a time relative to the local clock.
pub fn parse_now(text: &str) -> Result<DateTime<Utc>, String> {
    parse(text, Local::now())
}

/// `1d2h30m15s` (any subset, in this order) in seconds.
fn duration_seconds(text: &str) -> Option<i64> {
    let mut rest = text;
    let mut total: i64 = 0;
    let mut last_unit = 0usize;
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit())?;
        if digits == 0 {
            return None;
        }
        let number: i64 = rest[..digits].parse().ok()?;
        let unit = rest[digits..].chars().next()?;
        let (rank, seconds) = match unit {
            'd' => (1, 86_400),
            'h' => (2, 3_600),
            'm' => (3, 60),
            's' => (4, 1),
            _ => return None,
        };
        if rank <= last_unit {
            return None;
        }
        last_unit = rank;
        total = total.checked_add(number.checked_mul(seconds)?)?;
        rest = &rest[digits + 1..];
    }
    (last_unit > 0).then_some(total)
}

/// `today HH:MM` or `tomorrow HH:MM` in `now`'s time zone.
fn day_and_time<Tz: TimeZone>(text: &str, now: &DateTime<Tz>) -> Option<DateTime<Utc>> {
    let (day, time) = text.split_once(char::is_whitespace)?;
    let offset = match day.to_ascii_lowercase().as_str() {
        "today" => 0,
        "tomorrow" => 1,
        _ => return None,
    };
    let time = NaiveTime::parse_from_str(time.trim(), "%H:%M").ok()?;
    let date = now.date_naive().checked_add_days(Days::new(offset))?;
    let local = now.timezone().from_local_datetime(&date.and_time(time));
    local.earliest().map(|at| at.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-12-01T22:15:00+02:00").unwrap()
    }

    fn at(text: &str) -> String {
        parse(text, now()).unwrap().to_rfc3339()
    }

    #[test]
    fn understands_each_form() {
        assert_eq!(at("2026-12-24T09:00:00Z"), "2026-12-24T09:00:00+00:00");
        assert_eq!(at("2h"), "2026-12-01T22:15:00+00:00");
        assert_eq!(at("1d12h"), "2026-12-03T08:15:00+00:00");
        assert_eq!(at("45m"), "2026-12-01T21:00:00+00:00");
        assert_eq!(at("tomorrow 9:00"), "2026-12-02T07:00:00+00:00");
        assert_eq!(at("today 23:30"), "2026-12-01T21:30:00+00:00");
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        for text in [
            "",
            "2",
            "h",
            "2x",
            "2h1d",
            "yesterday 9:00",
            "tomorrow 25:00",
            "9:00",
        ] {
            let error = parse(text, now()).unwrap_err();
            assert!(error.contains("RFC 3339"), "{text}: {error}");
        }
    }
}
