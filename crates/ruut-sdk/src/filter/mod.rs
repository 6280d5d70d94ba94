//! Typed filters for [`Client::filter_conversations`](crate::Client::filter_conversations)
//! and [`Client::filter_contacts`](crate::Client::filter_contacts).
//!
//! A [`Filter`] is a list of conditions, each an attribute, an operator and
//! values, joined by `and` and `or`. The server combines them as SQL does:
//! `and` binds tighter than `or`, so `a.and(b).or(c)` is `(a and b) or c`.
//!
//! ```
//! use ruut_sdk::filter::{ConversationAttribute as C, Filter, FilterAttribute};
//!
//! let urgent_or_vip = Filter::new(C::Status.equal_to(["open", "pending"]))
//!     .and(C::Priority.equal_to(["urgent"]))
//!     .or(C::Labels.equal_to(["vip"]));
//! assert_eq!(urgent_or_vip.len(), 3);
//! ```
//!
//! Which operators an attribute takes is the server's rule (listed on each
//! attribute); a condition it refuses comes back as an error of kind
//! [`Validation`](crate::ErrorKind::Validation) with the server's message.

mod attribute;
pub(crate) mod query;

use ruut_api::types::{FilterCondition, FilterOperator, FilterQueryOperator, FilterValue};

pub use attribute::{ContactAttribute, ConversationAttribute};
pub use query::{ContactFilterQuery, ConversationFilterQuery};

/// A value a condition compares with: text, an integer, a boolean or a date.
///
/// ```
/// use ruut_sdk::filter::IntoFilterValue;
/// let _ = "open".into_filter_value();
/// let _ = 7_i64.into_filter_value();
/// let _ = chrono::NaiveDate::from_ymd_opt(2026, 1, 31).unwrap().into_filter_value();
/// ```
pub trait IntoFilterValue {
    /// The value as the request carries it.
    fn into_filter_value(self) -> FilterValue;
}

impl IntoFilterValue for &str {
    fn into_filter_value(self) -> FilterValue {
        FilterValue::String(self.to_owned())
    }
}

impl IntoFilterValue for String {
    fn into_filter_value(self) -> FilterValue {
        FilterValue::String(self)
    }
}

impl IntoFilterValue for i64 {
    fn into_filter_value(self) -> FilterValue {
        FilterValue::Int64(self)
    }
}

impl IntoFilterValue for bool {
    fn into_filter_value(self) -> FilterValue {
        FilterValue::Boolean(self)
    }
}

/// A date, sent as `YYYY-MM-DD` (the server compares dates by day).
impl IntoFilterValue for chrono::NaiveDate {
    fn into_filter_value(self) -> FilterValue {
        FilterValue::String(self.format("%Y-%m-%d").to_string())
    }
}

/// An attribute a filter can name: [`ConversationAttribute`] or
/// [`ContactAttribute`]. Its methods make the conditions.
///
/// ```
/// use ruut_sdk::filter::{ContactAttribute, FilterAttribute};
/// let blocked = ContactAttribute::Blocked.equal_to([true]);
/// let no_labels = ContactAttribute::Labels.is_not_present();
/// # let _ = (blocked, no_labels);
/// ```
pub trait FilterAttribute: Clone + Sized {
    /// The attribute's key, as the server names it (`status`, `email`, a custom key).
    fn key(&self) -> &str;

    /// A condition with any operator.
    fn condition<I>(&self, operator: FilterOperator, values: I) -> Condition<Self>
    where
        I: IntoIterator,
        I::Item: IntoFilterValue,
    {
        Condition {
            attribute: self.clone(),
            operator,
            values: values
                .into_iter()
                .map(IntoFilterValue::into_filter_value)
                .collect(),
        }
    }

    /// Equal to any of the values (text fields of contacts: the first, without case).
    fn equal_to<I>(&self, values: I) -> Condition<Self>
    where
        I: IntoIterator,
        I::Item: IntoFilterValue,
    {
        self.condition(FilterOperator::EqualTo, values)
    }

    /// Equal to none of the values; never matches an empty field (except custom attributes).
    fn not_equal_to<I>(&self, values: I) -> Condition<Self>
    where
        I: IntoIterator,
        I::Item: IntoFilterValue,
    {
        self.condition(FilterOperator::NotEqualTo, values)
    }

    /// Contains any of the values, without case.
    fn contains<I>(&self, values: I) -> Condition<Self>
    where
        I: IntoIterator,
        I::Item: IntoFilterValue,
    {
        self.condition(FilterOperator::Contains, values)
    }

    /// Contains none of the values, without case.
    fn does_not_contain<I>(&self, values: I) -> Condition<Self>
    where
        I: IntoIterator,
        I::Item: IntoFilterValue,
    {
        self.condition(FilterOperator::DoesNotContain, values)
    }

    /// Has a value (labels: at least one).
    fn is_present(&self) -> Condition<Self> {
        self.condition(FilterOperator::IsPresent, None::<i64>)
    }

    /// Has no value (labels: none).
    fn is_not_present(&self) -> Condition<Self> {
        self.condition(FilterOperator::IsNotPresent, None::<i64>)
    }

    /// After `value` (a date: a later day).
    fn is_greater_than(&self, value: impl IntoFilterValue) -> Condition<Self> {
        self.condition(FilterOperator::IsGreaterThan, [value])
    }

    /// Before `value` (a date: an earlier day).
    fn is_less_than(&self, value: impl IntoFilterValue) -> Condition<Self> {
        self.condition(FilterOperator::IsLessThan, [value])
    }

    /// A date before today minus `days` days.
    fn days_before(&self, days: i64) -> Condition<Self> {
        self.condition(FilterOperator::DaysBefore, [days])
    }
}

/// One condition of a [`Filter`]; made by the methods of [`FilterAttribute`].
#[derive(Clone, Debug)]
#[must_use = "a condition does nothing until it is in a filter"]
pub struct Condition<A> {
    attribute: A,
    operator: FilterOperator,
    values: Vec<FilterValue>,
}

/// Conditions joined by `and` and `or`; see the [module docs](self).
#[derive(Clone, Debug)]
#[must_use = "a filter does nothing until a filter query sends it"]
pub struct Filter<A> {
    /// Each condition with the operator that joins it to the one before (none on the first).
    conditions: Vec<(Option<FilterQueryOperator>, Condition<A>)>,
}

impl<A: FilterAttribute> Filter<A> {
    /// A filter of one condition.
    pub fn new(condition: Condition<A>) -> Self {
        Self {
            conditions: vec![(None, condition)],
        }
    }

    /// This filter and `condition` (binds tighter than [`or`](Self::or)).
    pub fn and(mut self, condition: Condition<A>) -> Self {
        self.conditions
            .push((Some(FilterQueryOperator::And), condition));
        self
    }

    /// This filter or `condition`.
    pub fn or(mut self, condition: Condition<A>) -> Self {
        self.conditions
            .push((Some(FilterQueryOperator::Or), condition));
        self
    }

    /// How many conditions the filter has.
    pub fn len(&self) -> usize {
        self.conditions.len()
    }

    /// Whether the filter has no condition (never: [`new`](Self::new) takes one).
    pub fn is_empty(&self) -> bool {
        self.conditions.is_empty()
    }

    /// The request's `payload`: each condition carries the operator that joins
    /// it to the *next* one, the last none.
    pub(crate) fn payload(&self) -> Vec<FilterCondition> {
        let joins = self.conditions.iter().skip(1).map(|(join, _)| *join);
        self.conditions
            .iter()
            .zip(joins.map(Some).chain(std::iter::once(None)))
            .map(|((_, c), next)| FilterCondition {
                attribute_key: c.attribute.key().to_owned(),
                filter_operator: c.operator,
                values: c.values.clone(),
                query_operator: next.flatten(),
            })
            .collect()
    }
}
