//! The attributes a filter can name (lib/filters/filter_keys.yml), what kind
//! of value each holds, and how a conversation's or contact's value is read.

use serde_json::Value;

use super::Op;
use crate::state::{AssigneeRef, Attrs, Contact, Conversation, Store};

/// What a filter filters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Entity {
    Conversation,
    Contact,
    /// An automation rule's conditions: a conversation's, its contact's and
    /// a message's attributes (`AutomationRules::ConditionsFilterService`).
    Automation,
}

/// The kind of value an attribute holds, which decides how it compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A conversation status; the values are status names (or `all`).
    Status,
    /// A conversation priority; the values are priority names.
    Priority,
    /// An integer column (ids); the values must read as integers.
    Id,
    /// Text compared as it is.
    Text,
    /// Text compared without case (`text_case_insensitive`).
    TextCi,
    /// A contact's phone number: `equal_to` compares with `+` and the digits.
    Phone,
    /// A time, compared by UTC day.
    Date,
    /// The record's labels.
    Labels,
    /// A boolean column.
    Bool,
    /// A custom attribute holding text (compared without case).
    CustomText,
    /// A custom attribute holding numbers.
    CustomNumber,
    /// A custom attribute holding booleans.
    CustomBool,
}

impl Kind {
    /// Whether the attribute is a custom one.
    pub(crate) fn is_custom(self) -> bool {
        matches!(
            self,
            Kind::CustomText | Kind::CustomNumber | Kind::CustomBool
        )
    }
}

/// An attribute's value in one record (`Null` as SQL's `NULL`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Field {
    Null,
    Text(String),
    Int(i64),
    Bool(bool),
    /// Unix seconds.
    Date(i64),
    Labels(Vec<String>),
}

const EQ: &[Op] = &[Op::EqualTo, Op::NotEqualTo];
const EQ_PRESENT: &[Op] = &[Op::EqualTo, Op::NotEqualTo, Op::IsPresent, Op::IsNotPresent];
const EQ_CONTAINS: &[Op] = &[
    Op::EqualTo,
    Op::NotEqualTo,
    Op::Contains,
    Op::DoesNotContain,
];
const PHONE: &[Op] = &[
    Op::EqualTo,
    Op::NotEqualTo,
    Op::Contains,
    Op::DoesNotContain,
    Op::StartsWith,
];
const DATE: &[Op] = &[Op::IsGreaterThan, Op::IsLessThan, Op::DaysBefore];

/// The message attributes (`messages:` in filter_keys.yml), which only
/// automation rules name.
const MESSAGE: &[(&str, Kind, &[Op])] = &[
    ("message_type", Kind::Id, EQ),
    ("content", Kind::TextCi, EQ_CONTAINS),
];

/// The conversation attributes, in filter_keys.yml's order.
const CONVERSATION: &[(&str, Kind, &[Op])] = &[
    ("status", Kind::Status, EQ),
    ("assignee_id", Kind::Id, EQ_PRESENT),
    ("inbox_id", Kind::Id, EQ_PRESENT),
    ("team_id", Kind::Id, EQ_PRESENT),
    ("priority", Kind::Priority, EQ),
    ("display_id", Kind::Id, EQ_CONTAINS),
    ("campaign_id", Kind::Id, EQ_PRESENT),
    ("labels", Kind::Labels, EQ_PRESENT),
    ("browser_language", Kind::Text, EQ),
    ("conversation_language", Kind::Text, EQ),
    ("referer", Kind::Text, EQ_CONTAINS),
    ("created_at", Kind::Date, DATE),
    ("last_activity_at", Kind::Date, DATE),
    ("mail_subject", Kind::Text, EQ_CONTAINS),
];

/// The contact attributes, in filter_keys.yml's order.
const CONTACT: &[(&str, Kind, &[Op])] = &[
    ("name", Kind::TextCi, EQ_CONTAINS),
    ("phone_number", Kind::Phone, PHONE),
    ("email", Kind::TextCi, EQ_CONTAINS),
    ("identifier", Kind::TextCi, EQ),
    ("country_code", Kind::TextCi, EQ),
    ("city", Kind::TextCi, EQ_CONTAINS),
    ("company", Kind::TextCi, EQ_CONTAINS),
    ("labels", Kind::Labels, EQ_PRESENT),
    ("created_at", Kind::Date, DATE),
    ("last_activity_at", Kind::Date, DATE),
    ("blocked", Kind::Bool, EQ),
];

/// One table of attributes: name, kind, operators.
type Table = &'static [(&'static str, Kind, &'static [Op])];

impl Entity {
    /// The attribute tables, searched in order (the server's
    /// `conversation_filter || contact_filter || message_filter`).
    fn tables(self) -> &'static [Table] {
        match self {
            Entity::Conversation => &[CONVERSATION],
            Entity::Contact => &[CONTACT],
            Entity::Automation => &[CONVERSATION, CONTACT, MESSAGE],
        }
    }

    /// The standard attribute `key`: its kind and operators.
    pub(crate) fn standard(self, key: &str) -> Option<(Kind, &'static [Op])> {
        self.tables()
            .iter()
            .flat_map(|table| table.iter())
            .find(|(k, _, _)| *k == key)
            .map(|(_, kind, ops)| (*kind, *ops))
    }

    /// The standard attribute keys, for the error message.
    pub(crate) fn standard_keys(self) -> Vec<&'static str> {
        let all = self.tables().iter().flat_map(|table| table.iter());
        all.map(|(k, _, _)| *k).collect()
    }
}

/// The kind of a custom attribute the account defines for `model`, from its
/// display type, as `FilterService::ATTRIBUTE_TYPES` casts it (numbers,
/// booleans, the rest text; the server has no cast for `currency` and
/// `percent`, which are numbers here).
pub(crate) fn defined_kind(store: &Store, account_id: i64, model: &str, key: &str) -> Option<Kind> {
    let definition = store
        .config
        .attribute_definitions
        .iter()
        .find(|d| d.account_id == account_id && d.model == model && d.key == key)?;
    Some(match definition.display_type.as_str() {
        "number" | "currency" | "percent" => Kind::CustomNumber,
        "checkbox" => Kind::CustomBool,
        _ => Kind::CustomText,
    })
}

/// The kind of a custom attribute, from the values records hold for it: a
/// key the account has no definition for (`routes/filter.rs` asks the
/// definitions first) is "defined" when a record of the account carries it.
pub(crate) fn custom_kind<'a>(mut values: impl Iterator<Item = &'a Value>) -> Option<Kind> {
    values.find(|v| !v.is_null()).map(|v| match v {
        Value::Number(_) => Kind::CustomNumber,
        Value::Bool(_) => Kind::CustomBool,
        _ => Kind::CustomText,
    })
}

fn text(value: Option<&String>) -> Field {
    value.map_or(Field::Null, |v| Field::Text(v.clone()))
}

fn attr(attrs: &Attrs, key: &str) -> Field {
    match attrs.get(key) {
        None | Some(Value::Null) => Field::Null,
        Some(Value::String(s)) => Field::Text(s.clone()),
        Some(Value::Bool(b)) => Field::Bool(*b),
        Some(Value::Number(n)) => n
            .as_i64()
            .map_or_else(|| Field::Text(n.to_string()), Field::Int),
        Some(other) => Field::Text(other.to_string()),
    }
}

/// A conversation's value of `key`.
pub(crate) fn conversation_field(c: &Conversation, key: &str, kind: Kind) -> Field {
    if kind.is_custom() {
        return attr(&c.custom_attributes, key);
    }
    match key {
        "status" => Field::Text(c.status.as_str().to_owned()),
        "assignee_id" => match c.assignee {
            // A bot is assigned through another column: assignee_id stays NULL.
            Some(AssigneeRef::User(id)) => Field::Int(id),
            _ => Field::Null,
        },
        "inbox_id" => Field::Int(c.inbox_id),
        "team_id" => c.team_id.map_or(Field::Null, Field::Int),
        "priority" => c
            .priority
            .as_ref()
            .map_or(Field::Null, |p| Field::Text(p.as_str().to_owned())),
        "display_id" => Field::Int(c.display_id),
        "labels" => Field::Labels(c.labels.clone()),
        "created_at" => Field::Date(c.created_at),
        "last_activity_at" => Field::Date(c.last_activity_at),
        other => attr(&c.additional_attributes, other),
    }
}

/// A contact's value of `key`.
pub(crate) fn contact_field(c: &Contact, key: &str, kind: Kind) -> Field {
    if kind.is_custom() {
        return attr(&c.custom_attributes, key);
    }
    match key {
        "name" => text(c.name.as_ref()),
        "phone_number" => text(c.phone_number.as_ref()),
        "email" => text(c.email.as_ref()),
        "identifier" => text(c.identifier.as_ref()),
        "labels" => Field::Labels(c.labels.clone()),
        "created_at" => Field::Date(c.created_at),
        "last_activity_at" => c.last_activity_at.map_or(Field::Null, Field::Date),
        "blocked" => Field::Bool(c.blocked),
        other => attr(&c.additional_attributes, other),
    }
}
