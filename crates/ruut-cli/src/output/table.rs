//! Plain-text tables: rows of items (listings) and field/value pairs (one item).

use serde_json::Value;

/// One column: its header and where its value is in the item (a JSON pointer).
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The header.
    pub header: &'static str,
    /// A JSON pointer into the item, e.g. `/meta/sender/name`.
    pub pointer: &'static str,
    /// Unix seconds, shown as a UTC time.
    pub time: bool,
}

impl Column {
    /// A column.
    pub const fn new(header: &'static str, pointer: &'static str) -> Self {
        Self {
            header,
            pointer,
            time: false,
        }
    }

    /// A column of Unix seconds, shown as `2026-12-01 09:30 UTC`.
    pub const fn time(header: &'static str, pointer: &'static str) -> Self {
        Self {
            header,
            pointer,
            time: true,
        }
    }
}

/// Unix seconds as a readable UTC time; anything else as it is.
fn as_time(value: Option<&Value>) -> Option<Value> {
    let seconds = value?.as_i64()?;
    let at = chrono::DateTime::from_timestamp(seconds, 0)?;
    Some(Value::String(at.format("%Y-%m-%d %H:%M UTC").to_string()))
}

/// The widest a cell gets before it is cut with an ellipsis.
const MAX_CELL: usize = 48;

/// A value as a cell: strings bare, null empty, lists joined, objects as JSON.
fn cell(value: Option<&Value>) -> String {
    let text = match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) if items.iter().all(|i| !i.is_object()) => items
            .iter()
            .map(|i| cell(Some(i)))
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    };
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() > MAX_CELL {
        one_line.chars().take(MAX_CELL - 1).collect::<String>() + "…"
    } else {
        one_line
    }
}

/// The columns to show: the given ones, or every plain (non-object) top-level
/// field of `sample` (for answers the CLI has no layout for).
fn columns_for(sample: Option<&Value>, columns: &[Column]) -> Vec<(String, String, bool)> {
    if !columns.is_empty() {
        return columns
            .iter()
            .map(|c| (c.header.to_owned(), c.pointer.to_owned(), c.time))
            .collect();
    }
    match sample {
        Some(Value::Object(map)) => map
            .iter()
            .filter(|(_, v)| !v.is_object())
            .map(|(k, _)| (k.clone(), format!("/{k}"), false))
            .collect(),
        _ => vec![("value".to_owned(), String::new(), false)],
    }
}

fn bold(text: &str, color: bool) -> String {
    if color {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

fn width(text: &str) -> usize {
    text.chars().count()
}

/// The cell of `item` in one column.
fn cell_of(item: &Value, pointer: &str, time: bool) -> String {
    let value = item.pointer(pointer);
    match time.then(|| as_time(value)).flatten() {
        Some(at) => cell(Some(&at)),
        None => cell(value),
    }
}

/// Rows of items under a header line.
pub fn horizontal(rows: &[Value], columns: &[Column], color: bool) -> String {
    let columns = columns_for(rows.first(), columns);
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            columns
                .iter()
                .map(|(_, p, time)| cell_of(row, p, *time))
                .collect()
        })
        .collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, (header, _, _))| {
            cells
                .iter()
                .map(|r| width(&r[i]))
                .chain([width(header)])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |texts: Vec<String>| {
        let padded: Vec<String> = texts
            .iter()
            .zip(&widths)
            .map(|(t, w)| format!("{t}{}", " ".repeat(w - width(t))))
            .collect();
        padded.join("  ").trim_end().to_owned() + "\n"
    };
    let header = line(columns.iter().map(|(h, _, _)| h.to_uppercase()).collect());
    let mut out = bold(header.trim_end(), color) + "\n";
    for row in cells {
        out.push_str(&line(row));
    }
    if rows.is_empty() {
        out.push_str("(none)\n");
    }
    out
}

/// One item as `field  value` lines.
pub fn vertical(item: &Value, columns: &[Column], color: bool) -> String {
    let columns = columns_for(Some(item), columns);
    let label_width = columns.iter().map(|(h, _, _)| width(h)).max().unwrap_or(0);
    columns
        .iter()
        .map(|(header, pointer, time)| {
            let label = format!("{header}{}", " ".repeat(label_width - width(header)));
            format!("{}  {}", bold(&label, color), cell_of(item, pointer, *time))
                .trim_end()
                .to_owned()
                + "\n"
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const COLUMNS: &[Column] = &[Column::new("id", "/id"), Column::new("name", "/who/name")];

    #[test]
    fn rows_line_up_under_their_headers() {
        let rows = [json!({"id": 1, "who": {"name": "Ann"}}), json!({"id": 22})];
        assert_eq!(horizontal(&rows, COLUMNS, false), "ID  NAME\n1   Ann\n22\n");
    }

    #[test]
    fn long_and_multiline_cells_are_cut_to_one_line() {
        let long = "x\n".repeat(40);
        let text = cell(Some(&json!(long)));
        assert_eq!(text.chars().count(), MAX_CELL);
        assert!(!text.contains('\n'));
    }

    #[test]
    fn an_item_without_a_layout_shows_its_plain_fields() {
        let item = json!({"a": 1, "b": ["x", "y"], "c": {"nested": true}});
        assert_eq!(vertical(&item, &[], false), "a  1\nb  x, y\n");
    }
}
