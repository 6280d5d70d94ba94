//! How one condition compares a record's value, as the SQL the server builds
//! for it would (FilterService#filter_operation and FilterHelper).

use chrono::NaiveDate;
use serde_json::Value;

use super::keys::{Entity, Field, Kind};
use super::{Condition, Op};
use crate::errors::ApiError;

const STATUSES: [&str; 4] = ["open", "resolved", "pending", "snoozed"];
const PRIORITIES: [&str; 4] = ["low", "medium", "high", "urgent"];
const DAY: i64 = 86_400;

/// A value as the text SQL would compare.
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A value as an integer, if it reads as one.
fn int(v: &Value) -> Option<i64> {
    match v {
        Value::String(s) => s.trim().parse().ok(),
        other => other.as_i64(),
    }
}

/// A value as a number, if it reads as one.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::String(s) => s.trim().parse().ok(),
        other => other.as_f64(),
    }
}

/// A value as a boolean, the spellings PostgreSQL casts.
fn boolean(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_lowercase().as_str() {
            "true" | "t" | "yes" | "y" | "1" | "on" => Some(true),
            "false" | "f" | "no" | "n" | "0" | "off" => Some(false),
            _ => None,
        },
        Value::Number(n) => n.as_i64().map(|n| n != 0),
        _ => None,
    }
}

/// A `YYYY-MM-DD` date (a longer timestamp is cut to its day), as a day number.
fn date(v: &Value) -> Option<i64> {
    let s = text(v);
    let day = NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    Some((day - epoch).num_days())
}

/// Ruby's `to_i`: the leading integer, or 0.
fn ruby_to_i(v: &Value) -> i64 {
    if let Some(n) = v.as_i64() {
        return n;
    }
    let s = text(v);
    let s = s.trim_start();
    let end = s
        .char_indices()
        .find(|&(i, ch)| !(ch.is_ascii_digit() || (i == 0 && (ch == '-' || ch == '+'))))
        .map_or(s.len(), |(i, _)| i);
    s[..end].parse().unwrap_or(0)
}

/// The 422s for values the server's SQL could not use (it would fail with a 500).
pub(super) fn check(c: &Condition) -> Result<(), ApiError> {
    let first = c.values.first();
    let bad = |what: &str| {
        Err(ApiError::Unprocessable(format!(
            "the values of {} must be {what}",
            c.key
        )))
    };
    match (c.kind, c.op) {
        (Kind::Id, Op::EqualTo | Op::NotEqualTo) if c.values.iter().any(|v| int(v).is_none()) => {
            bad("integers")
        }
        (Kind::Date, Op::IsGreaterThan | Op::IsLessThan) if first.and_then(date).is_none() => {
            bad("dates (YYYY-MM-DD)")
        }
        (Kind::Bool | Kind::CustomBool, _) if first.is_some_and(|v| boolean(v).is_none()) => {
            bad("true or false")
        }
        (Kind::CustomNumber, _)
            if !matches!(c.op, Op::Contains | Op::DoesNotContain)
                && first.is_some_and(|v| number(v).is_none()) =>
        {
            bad("numbers")
        }
        _ => Ok(()),
    }
}

/// SQL's `field IN (values)`: true, false, or unknown (`None`) when a NULL is involved.
fn any_equal(matches: impl Iterator<Item = Option<bool>>) -> Option<bool> {
    let mut unknown = false;
    for m in matches {
        match m {
            Some(true) => return Some(true),
            None => unknown = true,
            Some(false) => {}
        }
    }
    (!unknown).then_some(false)
}

/// The values an equality compares with: the contact filter takes the first
/// only (Contacts::FilterService#filter_values), the conversation filter all.
fn compared(c: &Condition, entity: Entity) -> &[Value] {
    match entity {
        Entity::Contact => c.values.get(..1).unwrap_or(&[]),
        Entity::Conversation | Entity::Automation
            if matches!(c.kind, Kind::CustomText | Kind::CustomBool) =>
        {
            c.values.get(..1).unwrap_or(&[])
        }
        Entity::Conversation | Entity::Automation => &c.values,
    }
}

/// `field = value` / `field IN (values)`.
fn equal(c: &Condition, entity: Entity, field: &Field) -> Option<bool> {
    let values = compared(c, entity);
    let named = |s: &str, names: &[&str]| {
        if c.kind == Kind::Status && values.iter().any(|v| text(v) == "all") {
            return Some(true);
        }
        any_equal(values.iter().map(|v| {
            let v = text(v);
            names.contains(&v.as_str()).then(|| v == s)
        }))
    };
    match (c.kind, field) {
        (_, Field::Labels(labels)) => Some(values.iter().any(|v| labels.contains(&text(v)))),
        (_, Field::Null) => None,
        (Kind::Status, Field::Text(s)) => named(s, &STATUSES),
        (Kind::Priority, Field::Text(s)) => named(s, &PRIORITIES),
        (Kind::Id, Field::Int(n)) => Some(values.iter().any(|v| int(v) == Some(*n))),
        (Kind::Bool | Kind::CustomBool, Field::Bool(b)) => {
            Some(values.first().and_then(boolean) == Some(*b))
        }
        (Kind::CustomNumber, Field::Int(n)) => {
            Some(values.iter().any(|v| number(v) == Some(*n as f64)))
        }
        (Kind::Phone, Field::Text(s)) => {
            let wanted = values
                .first()
                .map(|v| format!("+{}", text(v).replace('+', "")));
            Some(wanted.as_deref() == Some(s.as_str()))
        }
        (Kind::TextCi | Kind::CustomText, field) => {
            let have = field_text(field).to_lowercase();
            Some(values.iter().any(|v| text(v).to_lowercase() == have))
        }
        (_, field) => {
            let have = field_text(field);
            Some(values.iter().any(|v| text(v) == have))
        }
    }
}

fn field_text(field: &Field) -> String {
    match field {
        Field::Text(s) => s.clone(),
        Field::Int(n) | Field::Date(n) => n.to_string(),
        Field::Bool(b) => b.to_string(),
        Field::Labels(l) => l.join(","),
        Field::Null => String::new(),
    }
}

/// `field ILIKE ANY (ARRAY['%value%', ...])`.
fn contains(c: &Condition, field: &Field) -> Option<bool> {
    if *field == Field::Null {
        return None;
    }
    let have = field_text(field).to_lowercase();
    Some(
        c.values
            .iter()
            .any(|v| have.contains(&text(v).trim().to_lowercase())),
    )
}

/// `field > value` (`greater`) or `field < value`.
fn order(c: &Condition, field: &Field, greater: bool, today: i64) -> bool {
    let Some(v) = c.values.first() else {
        return false;
    };
    let ordering = match (c.kind, field) {
        (_, Field::Null) => None,
        (Kind::Date, Field::Date(t)) => {
            let wanted = if c.op == Op::DaysBefore {
                Some(today - ruby_to_i(v))
            } else {
                date(v)
            };
            wanted.map(|d| t.div_euclid(DAY).cmp(&d))
        }
        (Kind::CustomNumber, Field::Int(n)) => number(v).and_then(|w| (*n as f64).partial_cmp(&w)),
        (Kind::CustomBool, Field::Bool(b)) => boolean(v).map(|w| b.cmp(&w)),
        (_, field) => Some(
            field_text(field)
                .to_lowercase()
                .as_str()
                .cmp(text(v).as_str()),
        ),
    };
    ordering.is_some_and(|o| if greater { o.is_gt() } else { o.is_lt() })
}

/// Whether the condition holds for a record whose value is `field`.
pub(super) fn holds(c: &Condition, entity: Entity, field: &Field, today: i64) -> bool {
    let empty = match field {
        Field::Null => true,
        Field::Labels(labels) => labels.is_empty(),
        _ => false,
    };
    match c.op {
        Op::IsPresent => !empty,
        Op::IsNotPresent => empty,
        Op::EqualTo | Op::StartsWith => equal(c, entity, field) == Some(true),
        // A custom attribute's `not_equal_to` also matches records without it.
        Op::NotEqualTo if c.kind.is_custom() && *field == Field::Null => true,
        Op::NotEqualTo => equal(c, entity, field) == Some(false),
        Op::Contains => contains(c, field) == Some(true),
        Op::DoesNotContain => contains(c, field) == Some(false),
        Op::IsGreaterThan => order(c, field, true, today),
        Op::IsLessThan | Op::DaysBefore => order(c, field, false, today),
    }
}
