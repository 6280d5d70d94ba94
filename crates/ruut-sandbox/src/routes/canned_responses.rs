//! Canned responses: `listCannedResponses`, `createCannedResponse`,
//! `updateCannedResponse`, `deleteCannedResponse` (Chatwoot's
//! `CannedResponsesController`, no policy: any member of the account).
//!
//! Bodies are `{"short_code", "content"}` (Rails wraps them into
//! `canned_response`) or `{"canned_response": {...}}`; the model requires
//! both fields and a short code unique in the account (422 with `message`
//! and `attributes`). `search` matches as SQL `ILIKE '%search%'` does and
//! orders the best matches first (`CannedResponse.order_by_search`).

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Map, Value};

use crate::admin_config::{CannedResponse, Kind, invalid, wrapped};
use crate::auth::Caller;
use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::scope::{Account, AccountScope, InAccount, Path, Place, Reply, Scope};
use crate::state::Store;
use crate::validate::{Fields, Query};

/// The model's attributes Rails wraps from the top level of a body.
const ATTRIBUTES: &[&str] = &["id", "short_code", "content", "account_id"];

/// A canned response: `{canned_response_id}` in `{account_id}`.
pub(crate) struct InCannedResponse {
    account: Account,
    index: usize,
}

impl Place for InCannedResponse {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        let id = path.id("canned_response_id")?;
        let index = store
            .config
            .canned_responses
            .iter()
            .position(|c| c.id == id && c.account_id == account.id)
            .ok_or(ApiError::NotFound)?;
        Ok(InCannedResponse { account, index })
    }
}

impl InAccount for InCannedResponse {
    fn account(&self) -> Account {
        self.account
    }
}

/// Whether `text` matches the SQL `ILIKE` pattern (`%` any run, `_` any one
/// character), without case.
pub(crate) fn ilike(text: &str, pattern: &str) -> bool {
    let text: Vec<char> = text.to_lowercase().chars().collect();
    let pattern: Vec<char> = pattern.to_lowercase().chars().collect();
    // matched[j]: the text so far matches the first j pattern characters.
    let mut matched = vec![false; pattern.len() + 1];
    matched[0] = true;
    for j in 1..=pattern.len() {
        matched[j] = matched[j - 1] && pattern[j - 1] == '%';
    }
    for c in &text {
        let mut next = vec![false; pattern.len() + 1];
        for j in 1..=pattern.len() {
            next[j] = match pattern[j - 1] {
                '%' => next[j - 1] || matched[j],
                '_' => matched[j - 1],
                p => matched[j - 1] && p == *c,
            };
        }
        matched = next;
    }
    matched[pattern.len()]
}

/// `order_by_search`'s score: a short code starting with the search, then
/// one containing it, then content containing it.
fn score(c: &CannedResponse, search: &str) -> u8 {
    if ilike(&c.short_code, &format!("{search}%")) {
        3
    } else if ilike(&c.short_code, &format!("%{search}%")) {
        2
    } else if ilike(&c.content, &format!("%{search}%")) {
        1
    } else {
        0
    }
}

/// `GET /api/v1/accounts/{account_id}/canned_responses`.
pub(crate) fn list(cx: AccountScope<'_>, query: Query) -> Reply {
    let account_id = cx.account_id();
    let mut list: Vec<&CannedResponse> = cx
        .store
        .config
        .canned_responses
        .iter()
        .filter(|c| c.account_id == account_id)
        .collect();
    if let Some(search) = query.get("search") {
        list.retain(|c| score(c, search) > 0);
        // A stable sort: equal scores keep the table's order.
        list.sort_by_key(|c| std::cmp::Reverse(score(c, search)));
    }
    let body: Vec<Value> = list.iter().map(|c| c.to_json()).collect();
    Ok(json_response(StatusCode::OK, &Value::Array(body)))
}

/// Checks a canned response as the model's validations do.
fn validate(store: &Store, c: &CannedResponse) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if c.content.trim().is_empty() {
        errors.push(("content", "Content can't be blank".to_owned()));
    }
    if c.short_code.trim().is_empty() {
        errors.push(("short_code", "Short code can't be blank".to_owned()));
    }
    let taken = store
        .config
        .canned_responses
        .iter()
        .any(|o| o.id != c.id && o.account_id == c.account_id && o.short_code == c.short_code);
    if taken {
        errors.push(("short_code", "Short code has already been taken".to_owned()));
    }
    invalid(&errors)
}

/// Applies the fields a body sends to `c`.
fn apply(c: &mut CannedResponse, fields: &Map<String, Value>) -> Result<(), ApiError> {
    let f = Fields(fields);
    if let Some(short_code) = f.string("short_code", false)? {
        c.short_code = short_code;
    }
    if let Some(content) = f.string("content", false)? {
        c.content = content;
    }
    Ok(())
}

/// `POST /api/v1/accounts/{account_id}/canned_responses`.
pub(crate) fn create(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    let fields = wrapped(&bytes, "canned_response", ATTRIBUTES)?;
    let now = clock::now();
    let mut record = CannedResponse {
        id: 0,
        account_id: cx.account_id(),
        short_code: String::new(),
        content: String::new(),
        created_at: now,
        updated_at: now,
    };
    apply(&mut record, &fields)?;
    validate(&cx.store, &record)?;
    record.id = cx.store.config.take_id(Kind::CannedResponse);
    let body = record.to_json();
    cx.store.config.canned_responses.push(record);
    Ok(json_response(StatusCode::OK, &body))
}

/// `PATCH /api/v1/accounts/{account_id}/canned_responses/{canned_response_id}`.
pub(crate) fn update(mut cx: Scope<'_, InCannedResponse>, bytes: Bytes) -> Reply {
    let fields = wrapped(&bytes, "canned_response", ATTRIBUTES)?;
    let index = cx.place.index;
    let mut record = cx.store.config.canned_responses[index].clone();
    apply(&mut record, &fields)?;
    validate(&cx.store, &record)?;
    record.updated_at = clock::now();
    let body = record.to_json();
    cx.store.config.canned_responses[index] = record;
    Ok(json_response(StatusCode::OK, &body))
}

/// `DELETE .../canned_responses/{canned_response_id}`: an empty 200.
pub(crate) fn delete(mut cx: Scope<'_, InCannedResponse>) -> Reply {
    let index = cx.place.index;
    cx.store.config.canned_responses.remove(index);
    Ok(StatusCode::OK.into_response())
}

#[cfg(test)]
mod tests {
    use super::ilike;

    #[test]
    fn ilike_matches_as_sql_does() {
        assert!(ilike("Refund", "%fun%"));
        assert!(ilike("refund", "REF%"));
        assert!(!ilike("refund", "fun%"));
        assert!(ilike("refund", "r_fund"));
        assert!(ilike("anything", "%%"));
        assert!(!ilike("", "_"));
    }
}
