//! Saved filters: `listCustomFilters`, `getCustomFilter`,
//! `createCustomFilter`, `updateCustomFilter`, `deleteCustomFilter`
//! (Chatwoot's `CustomFiltersController`, `CustomFilterPolicy`: agents and
//! administrators, each only their own filters; another user's is a 404).
//!
//! `query` is stored as sent; the sandbox checks only that it has the shape
//! of the filter body (`FilterRequest`), as the spec describes it. A user
//! keeps at most [`MAX_PER_USER`] filters per account. Deleting answers 204.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use ruut_api::enums::CustomFilterType;
use serde_json::{Map, Value};

use crate::admin_config::{CustomFilter, Kind, invalid, wrapped};
use crate::auth::Caller;
use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::scope::{Account, AccountScope, InAccount, Path, Place, Reply, Scope};
use crate::state::Store;
use crate::validate::{Fields, Query};

/// `Limits::MAX_CUSTOM_FILTERS_PER_USER`.
pub(crate) const MAX_PER_USER: usize = 1000;

/// The model's attributes Rails wraps from the top level of a body.
const ATTRIBUTES: &[&str] = &[
    "id",
    "name",
    "filter_type",
    "query",
    "account_id",
    "user_id",
];

/// The operators `FilterOperator` lists.
const OPERATORS: &[&str] = &[
    "equal_to",
    "not_equal_to",
    "contains",
    "does_not_contain",
    "is_present",
    "is_not_present",
    "is_greater_than",
    "is_less_than",
    "days_before",
    "starts_with",
];

/// One of the caller's filters: `{custom_filter_id}` in `{account_id}`.
pub(crate) struct InCustomFilter {
    account: Account,
    index: usize,
}

impl Place for InCustomFilter {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        let id = path.id("custom_filter_id")?;
        let user_id = caller.user_id();
        let index = store
            .config
            .custom_filters
            .iter()
            .position(|f| f.id == id && f.account_id == account.id && Some(f.user_id) == user_id)
            .ok_or(ApiError::NotFound)?;
        Ok(InCustomFilter { account, index })
    }
}

impl InAccount for InCustomFilter {
    fn account(&self) -> Account {
        self.account
    }
}

/// A route scoped to one of the caller's filters.
type FilterScope<'a> = Scope<'a, InCustomFilter>;

/// A `filter_type`, which must be one of the enum's values (Rails raises
/// `ArgumentError`, a 500, for any other).
fn filter_type(value: &str) -> Result<String, ApiError> {
    if CustomFilterType::KNOWN.contains(&value) {
        Ok(value.to_owned())
    } else {
        Err(ApiError::Unprocessable(format!(
            "'{value}' is not a valid filter_type"
        )))
    }
}

/// Checks that a condition has the shape of `FilterCondition`.
fn check_condition(condition: &Value) -> Result<(), ApiError> {
    let Value::Object(c) = condition else {
        return Err(ApiError::invalid(
            "query.payload",
            "an array of condition objects",
        ));
    };
    let f = Fields(c);
    f.required_string("attribute_key")?;
    let operator = f.required_string("filter_operator")?;
    if !OPERATORS.contains(&operator.as_str()) {
        let expected = format!("one of {}", OPERATORS.join(", "));
        return Err(ApiError::invalid("filter_operator", &expected));
    }
    match c.get("values") {
        None => {}
        Some(Value::Array(values))
            if values
                .iter()
                .all(|v| v.is_string() || v.is_i64() || v.is_boolean()) => {}
        Some(_) => {
            let expected = "an array of strings, integers or booleans";
            return Err(ApiError::invalid("values", expected));
        }
    }
    f.one_of("query_operator", &["AND", "OR"], true)?;
    Ok(())
}

/// A `query`, which must have the shape of `FilterRequest`.
fn check_query(value: &Value) -> Result<Map<String, Value>, ApiError> {
    let Value::Object(query) = value else {
        return Err(ApiError::invalid("query", "an object with a payload"));
    };
    let Some(Value::Array(conditions)) = query.get("payload") else {
        return Err(ApiError::invalid("query.payload", "an array of conditions"));
    };
    conditions.iter().try_for_each(check_condition)?;
    Ok(query.clone())
}

/// Applies the fields a body sends to `filter`.
fn apply(filter: &mut CustomFilter, fields: &Map<String, Value>) -> Result<(), ApiError> {
    let f = Fields(fields);
    if let Some(name) = f.string("name", false)? {
        filter.name = name;
    }
    if let Some(kind) = f.string("filter_type", false)? {
        filter.filter_type = filter_type(&kind)?;
    }
    if let Some(query) = fields.get("query") {
        filter.query = check_query(query)?;
    }
    Ok(())
}

/// `GET /api/v1/accounts/{account_id}/custom_filters`: the caller's, of one type.
pub(crate) fn list(cx: AccountScope<'_>, query: Query) -> Reply {
    let kind = query
        .one_of("filter_type", CustomFilterType::KNOWN)?
        .unwrap_or("conversation");
    let (account_id, user_id) = (cx.account_id(), cx.user_id());
    let body: Vec<Value> = cx
        .store
        .config
        .custom_filters
        .iter()
        .filter(|f| f.account_id == account_id && Some(f.user_id) == user_id)
        .filter(|f| f.filter_type == kind)
        .map(CustomFilter::to_json)
        .collect();
    Ok(json_response(StatusCode::OK, &Value::Array(body)))
}

/// `GET /api/v1/accounts/{account_id}/custom_filters/{custom_filter_id}`.
pub(crate) fn show(cx: FilterScope<'_>) -> Reply {
    let body = cx.store.config.custom_filters[cx.place.index].to_json();
    Ok(json_response(StatusCode::OK, &body))
}

/// `POST /api/v1/accounts/{account_id}/custom_filters`.
pub(crate) fn create(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    let fields = wrapped(&bytes, "custom_filter", ATTRIBUTES)?;
    let f = Fields(&fields);
    // The server's insert fails without them (NOT NULL columns): a 500 there.
    f.required_string("name")?;
    if !fields.contains_key("query") {
        return Err(ApiError::missing("query"));
    }
    let (account_id, user_id) = (cx.account_id(), cx.user_id().ok_or(ApiError::BotForbidden)?);
    let now = clock::now();
    let mut filter = CustomFilter {
        id: 0,
        account_id,
        user_id,
        name: String::new(),
        filter_type: "conversation".to_owned(),
        query: Map::new(),
        created_at: now,
        updated_at: now,
    };
    apply(&mut filter, &fields)?;
    let kept = cx
        .store
        .config
        .custom_filters
        .iter()
        .filter(|f| f.account_id == account_id && f.user_id == user_id)
        .count();
    if kept >= MAX_PER_USER {
        let message = format!(
            "Account Limit reached. The maximum number of allowed custom filters for a user \
             per account is {MAX_PER_USER}."
        );
        invalid(&[("account_id", message)])?;
    }
    filter.id = cx.store.config.take_id(Kind::CustomFilter);
    let body = filter.to_json();
    cx.store.config.custom_filters.push(filter);
    Ok(json_response(StatusCode::OK, &body))
}

/// `PATCH /api/v1/accounts/{account_id}/custom_filters/{custom_filter_id}`.
pub(crate) fn update(mut cx: FilterScope<'_>, bytes: Bytes) -> Reply {
    let fields = wrapped(&bytes, "custom_filter", ATTRIBUTES)?;
    let index = cx.place.index;
    let mut filter = cx.store.config.custom_filters[index].clone();
    apply(&mut filter, &fields)?;
    filter.updated_at = clock::now();
    let body = filter.to_json();
    cx.store.config.custom_filters[index] = filter;
    Ok(json_response(StatusCode::OK, &body))
}

/// `DELETE /api/v1/accounts/{account_id}/custom_filters/{custom_filter_id}`:
/// an empty 204.
pub(crate) fn delete(mut cx: FilterScope<'_>) -> Reply {
    let index = cx.place.index;
    cx.store.config.custom_filters.remove(index);
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::check_query;

    #[test]
    fn queries_must_have_the_filter_body_shape() {
        let good = json!({"payload": [
            {"attribute_key": "status", "filter_operator": "equal_to", "values": ["open"], "query_operator": "AND"},
            {"attribute_key": "labels", "filter_operator": "is_present", "query_operator": null},
        ]});
        assert!(check_query(&good).is_ok());
        for bad in [
            json!({}),
            json!({"payload": "x"}),
            json!({"payload": [{"filter_operator": "equal_to"}]}),
            json!({"payload": [{"attribute_key": "status", "filter_operator": "like"}]}),
            json!({"payload": [{"attribute_key": "status", "filter_operator": "equal_to", "values": [1.5]}]}),
            json!({"payload": [{"attribute_key": "status", "filter_operator": "equal_to", "query_operator": "XOR"}]}),
        ] {
            assert!(check_query(&bad).is_err(), "{bad}");
        }
    }
}
