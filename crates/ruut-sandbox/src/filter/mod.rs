//! Chatwoot's conversation and contact filters (`filterConversations`,
//! `filterContacts`): the documented `{payload: [{attribute_key,
//! filter_operator, values, query_operator}]}` parsed and checked as
//! `FilterService` checks it, then evaluated over the store's records.
//!
//! The server turns the conditions into one SQL `WHERE` clause, each
//! condition followed by its `query_operator`, so `AND` binds tighter than
//! `OR`; [`Filter::matches`] evaluates it the same way, with SQL's `NULL`
//! rules (a comparison with an empty field is false, `NOT IN` included).
//! Which attributes exist and what they take is in [`keys`].

mod compare;
pub(crate) mod keys;

use serde_json::{Map, Value};

use crate::errors::ApiError;
pub(crate) use keys::Entity;
use keys::{Field, Kind};

/// A filter operator (lib/filters/filter_keys.yml's list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    EqualTo,
    NotEqualTo,
    Contains,
    DoesNotContain,
    IsPresent,
    IsNotPresent,
    IsGreaterThan,
    IsLessThan,
    DaysBefore,
    StartsWith,
}

impl Op {
    const ALL: [(&'static str, Op); 10] = [
        ("equal_to", Op::EqualTo),
        ("not_equal_to", Op::NotEqualTo),
        ("contains", Op::Contains),
        ("does_not_contain", Op::DoesNotContain),
        ("is_present", Op::IsPresent),
        ("is_not_present", Op::IsNotPresent),
        ("is_greater_than", Op::IsGreaterThan),
        ("is_less_than", Op::IsLessThan),
        ("days_before", Op::DaysBefore),
        ("starts_with", Op::StartsWith),
    ];

    fn parse(name: &str) -> Option<Op> {
        Op::ALL.iter().find(|(n, _)| *n == name).map(|(_, op)| *op)
    }

    fn name(self) -> &'static str {
        Op::ALL
            .iter()
            .find(|(_, op)| *op == self)
            .map_or("", |(n, _)| n)
    }
}

/// One checked condition.
#[derive(Clone, Debug)]
struct Condition {
    kind: Kind,
    key: String,
    op: Op,
    values: Vec<Value>,
}

/// A checked filter: groups of conditions joined by `AND`, the groups joined by `OR`.
#[derive(Clone, Debug)]
pub(crate) struct Filter {
    entity: Entity,
    groups: Vec<Vec<Condition>>,
    today: i64,
}

/// The server's messages (config/locales/en.yml, `errors.custom_filters`).
fn invalid_attribute(key: &str, entity: Entity) -> ApiError {
    ApiError::Unprocessable(format!(
        "Invalid attribute key - [{key}]. The key should be one of [{}] or a custom attribute \
         defined in the account.",
        entity.standard_keys().join(",")
    ))
}

fn invalid_operator(key: &str, allowed: &[Op]) -> ApiError {
    let names: Vec<&str> = allowed.iter().map(|op| op.name()).collect();
    ApiError::Unprocessable(format!(
        "Invalid operator. The allowed operators for {key} are [{}].",
        names.join(",")
    ))
}

fn invalid_value(key: &str) -> ApiError {
    ApiError::Unprocessable(format!(
        "Invalid value. The values provided for {key} are invalid"
    ))
}

/// What a field of a condition must be, for the 422s the schema implies.
fn field<'a>(c: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    c.get(key).filter(|v| !v.is_null())
}

impl Filter {
    /// Reads and checks a filter body for `entity`; `custom` tells whether a key
    /// is a custom attribute defined in the account, and what its values look like.
    pub(crate) fn parse(
        body: &Map<String, Value>,
        entity: Entity,
        custom: impl Fn(&str) -> Option<Kind>,
        today: i64,
    ) -> Result<Filter, ApiError> {
        let Some(Value::Array(payload)) = body.get("payload") else {
            return Err(ApiError::invalid("payload", "an array of conditions"));
        };
        let mut raw = Vec::with_capacity(payload.len());
        for item in payload {
            let Value::Object(c) = item else {
                return Err(ApiError::invalid(
                    "payload",
                    "an array of condition objects",
                ));
            };
            raw.push(c);
        }
        // FilterHelper#validate_single_condition runs over every condition first.
        let mut joins = Vec::with_capacity(raw.len());
        for c in &raw {
            let join = match field(c, "query_operator") {
                None => None,
                Some(Value::String(s)) if s.is_empty() => None,
                Some(Value::String(s)) if ["AND", "OR"].contains(&s.to_uppercase().as_str()) => {
                    Some(s.to_uppercase())
                }
                Some(_) => {
                    return Err(ApiError::Unprocessable(
                        "Query operator must be either \"AND\" or \"OR\".".to_owned(),
                    ));
                }
            };
            joins.push(join);
        }
        let mut groups = vec![Vec::new()];
        for (index, c) in raw.iter().enumerate() {
            let condition = Self::condition(c, entity, &custom)?;
            if let Some(group) = groups.last_mut() {
                group.push(condition);
            }
            let last = index + 1 == raw.len();
            match (joins[index].as_deref(), last) {
                (None, true) => {}
                (Some("OR"), false) => groups.push(Vec::new()),
                (Some(_), false) => {}
                // The server's SQL would end in, or run two conditions together without, an operator.
                (Some(_), true) => {
                    return Err(ApiError::Unprocessable(
                        "the last condition must have no query_operator".to_owned(),
                    ));
                }
                (None, false) => {
                    return Err(ApiError::Unprocessable(
                        "every condition but the last needs a query_operator".to_owned(),
                    ));
                }
            }
        }
        if raw.is_empty() {
            groups = vec![Vec::new()];
        }
        Ok(Filter {
            entity,
            groups,
            today,
        })
    }

    /// One condition, checked in the order FilterHelper#build_condition_query checks it.
    fn condition(
        c: &Map<String, Value>,
        entity: Entity,
        custom: &impl Fn(&str) -> Option<Kind>,
    ) -> Result<Condition, ApiError> {
        let key = match field(c, "attribute_key") {
            Some(Value::String(key)) => key.clone(),
            Some(_) => return Err(ApiError::invalid("attribute_key", "a string")),
            None => return Err(ApiError::missing("attribute_key")),
        };
        let op = match field(c, "filter_operator") {
            Some(Value::String(name)) => Op::parse(name),
            Some(_) => return Err(ApiError::invalid("filter_operator", "a string")),
            None => return Err(ApiError::missing("filter_operator")),
        };
        let standard = entity.standard(&key);
        if let Some((_, allowed)) = standard
            && !op.is_some_and(|op| allowed.contains(&op))
        {
            return Err(invalid_operator(&key, allowed));
        }
        let op = op.ok_or_else(|| {
            let names: Vec<&str> = Op::ALL.iter().map(|(n, _)| *n).collect();
            ApiError::invalid("filter_operator", &format!("one of {}", names.join(", ")))
        })?;
        let values = match field(c, "values") {
            None => Vec::new(),
            Some(Value::Array(values)) => values.clone(),
            Some(_) => return Err(ApiError::invalid("values", "an array")),
        };
        if values
            .iter()
            .any(|v| !(v.is_string() || v.is_i64() || v.is_boolean()))
        {
            return Err(ApiError::invalid("values", "strings, integers or booleans"));
        }
        if !matches!(op, Op::IsPresent | Op::IsNotPresent) && values.is_empty() {
            return Err(invalid_value(&key));
        }
        let kind = match standard {
            Some((kind, _)) => kind,
            None => custom(&key).ok_or_else(|| invalid_attribute(&key, entity))?,
        };
        let condition = Condition {
            kind,
            key,
            op,
            values,
        };
        compare::check(&condition)?;
        Ok(condition)
    }

    /// Whether a record, whose attributes `get` reads, matches.
    pub(crate) fn matches(&self, get: impl Fn(&str, Kind) -> Field) -> bool {
        self.groups.iter().any(|group| {
            group
                .iter()
                .all(|c| compare::holds(c, self.entity, &get(&c.key, c.kind), self.today))
        })
    }
}

#[cfg(test)]
mod tests;
