//! Writing the reports' CSV files: Ruby's `CSV.generate_line` (the CSAT
//! download) and the `csv-safe` gem's `CSVSafe.generate_line` (the reports
//! v2 downloads), durations as `Reports::TimeFormatPresenter` renders them,
//! the period line, and the `text/csv` attachment answer.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::query::Range;
use crate::clock::to_datetime;

/// One line as Ruby's `CSV.generate_line` writes it: a missing value is an
/// empty field; a field with a comma, a quote or a line break, or an empty
/// string, is quoted, its quotes doubled.
pub(crate) fn line<S: AsRef<str>>(fields: &[Option<S>]) -> String {
    let cells: Vec<String> = fields
        .iter()
        .map(|field| match field {
            None => String::new(),
            Some(text) => {
                let text = text.as_ref();
                if text.is_empty() || text.contains([',', '"', '\r', '\n']) {
                    format!("\"{}\"", text.replace('"', "\"\""))
                } else {
                    text.to_owned()
                }
            }
        })
        .collect();
    format!("{}\n", cells.join(","))
}

/// A field of a `CSVSafe` line: text (not a number).
#[derive(Clone, Debug)]
pub(crate) enum Field {
    /// Text: prefixed with `'` when a spreadsheet would read it as a formula.
    Text(String),
    /// A number: written as it is.
    Number(i64),
}

/// Whether `text` is a phone number as `CSVSafe#phone_number?` matches it:
/// `/^[\+]?[(]?[0-9]{3}[)]?[-\s\.]?[0-9]{2,3}?[-\s\.]?[0-9]{2,3}[-\s\.]?[0-9]{2,4}$/`
/// (matched whole here; Ruby's anchors are per line).
fn phone_number(text: &str) -> bool {
    let b = text.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'+'));
    i += usize::from(b.get(i) == Some(&b'('));
    if !(0..3).all(|k| b.get(i + k).is_some_and(u8::is_ascii_digit)) {
        return false;
    }
    i += 3;
    i += usize::from(b.get(i) == Some(&b')'));
    groups(b, i, &[(2, 3), (2, 3), (2, 4)])
}

/// The rest of [`phone_number`]: each group an optional separator, then
/// `min..=max` digits, ending the text.
fn groups(b: &[u8], at: usize, rest: &[(usize, usize)]) -> bool {
    let Some(((min, max), rest)) = rest.split_first() else {
        return at == b.len();
    };
    let separator = |c: &u8| matches!(c, b'-' | b'.' | b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let starts = [Some(at), b.get(at).filter(|c| separator(c)).map(|_| at + 1)];
    starts.into_iter().flatten().any(|start| {
        (*min..=*max).any(|n| {
            (0..n).all(|k| b.get(start + k).is_some_and(u8::is_ascii_digit))
                && groups(b, start + n, rest)
        })
    })
}

/// `CSVSafe#sanitize_field`: text starting with `-`, `=`, `+`, `@`, `%`,
/// `|`, a carriage return or a tab gets a leading `'` (a `+` phone number
/// excepted).
fn safe(text: &str) -> String {
    let special = text.starts_with(['-', '=', '+', '@', '%', '|', '\r', '\t']);
    if special && !(text.starts_with('+') && phone_number(text)) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// One line as `CSVSafe.generate_line` writes it.
pub(crate) fn safe_line(fields: &[Field]) -> String {
    let cells: Vec<Option<String>> = fields
        .iter()
        .map(|f| match f {
            Field::Text(text) => Some(safe(text)),
            Field::Number(n) => Some(n.to_string()),
        })
        .collect();
    line(&cells)
}

/// `Reports::TimeFormatPresenter#format`: whole seconds as at most the two
/// largest non-zero units of days, hours, minutes and seconds; `N/A` for
/// none or 0.
pub(crate) fn duration(seconds: Option<f64>) -> String {
    let total = seconds.map_or(0, |s| s.trunc() as i64);
    if total == 0 {
        return "N/A".to_owned();
    }
    let (days, rest) = (total / 86_400, total % 86_400);
    let (hours, rest) = (rest / 3_600, rest % 3_600);
    let (minutes, seconds) = (rest / 60, rest % 60);
    let parts: Vec<String> = [
        (days, "day"),
        (hours, "hour"),
        (minutes, "minute"),
        (seconds, "second"),
    ]
    .into_iter()
    .filter(|(n, _)| *n != 0)
    .map(|(n, unit)| {
        if n == 1 {
            format!("{n} {unit}")
        } else {
            format!("{n} {unit}s")
        }
    })
    .collect();
    parts.into_iter().take(2).collect::<Vec<_>>().join(" ")
}

/// `reports.period`: `Reporting period {since} to {until}`, both as dates.
pub(crate) fn period(range: Range) -> String {
    let day = |at: i64| to_datetime(at).format("%Y-%m-%d").to_string();
    format!(
        "Reporting period {} to {}",
        day(range.since),
        day(range.until)
    )
}

/// `generate_csv`: the file as an attachment named `{filename}.csv`.
pub(crate) fn attachment(filename: &str, body: String) -> Response {
    let disposition = format!("attachment; filename={filename}.csv");
    let headers = [
        (header::CONTENT_TYPE, "text/csv".to_owned()),
        (header::CONTENT_DISPOSITION, disposition),
    ];
    (StatusCode::OK, headers, body).into_response()
}

#[cfg(test)]
mod tests {
    use super::{Field, duration, line, safe_line};

    #[test]
    fn fields_are_quoted_as_ruby_csv_quotes_them() {
        let line = line(&[
            Some("plain"),
            None,
            Some(""),
            Some("a, b"),
            Some("say \"hi\""),
            Some("two\nlines"),
        ]);
        assert_eq!(
            line,
            "plain,,\"\",\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
        );
    }

    #[test]
    fn formulas_are_prefixed_and_phone_numbers_kept() {
        let fields = [
            Field::Text("=SUM(A1)".into()),
            Field::Text("-x".into()),
            Field::Text("+14155550100".into()),
            Field::Text("+help".into()),
            Field::Number(-3),
        ];
        assert_eq!(safe_line(&fields), "'=SUM(A1),'-x,+14155550100,'+help,-3\n");
    }

    #[test]
    fn durations_read_as_the_presenter_writes_them() {
        assert_eq!(duration(None), "N/A");
        assert_eq!(duration(Some(0.4)), "N/A");
        assert_eq!(duration(Some(1.0)), "1 second");
        assert_eq!(duration(Some(65.9)), "1 minute 5 seconds");
        assert_eq!(duration(Some(93_784.0)), "1 day 2 hours");
        assert_eq!(duration(Some(7_200.0)), "2 hours");
    }
}
