//! The account's labels: `listLabels`, `getLabel`, `createLabel`,
//! `updateLabel`, `deleteLabel` (Chatwoot's `LabelsController`,
//! `LabelPolicy`, `Label`).
//!
//! Agents may list; everything else is for administrators (Pundit's 401),
//! checked after the label is looked up, as the controller's
//! `before_action`s run (`fetch_label`, then `check_authorization`). Titles
//! are lower-cased, then must match `RegexHelper`'s
//! `\A[\p{L}\p{N}]+[\p{L}\p{N}_-]+\Z` and be unique in the account. A new
//! title is also given to the conversations and contacts that carried the
//! old one (`Labels::UpdateService`); deleting leaves their labels alone.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Map, Value, json};

use crate::admin_config::{Kind, Label, invalid, wrapped};
use crate::auth::Caller;
use crate::errors::{ApiError, json_response};
use crate::scope::{Account, AccountScope, InAccount, Path, Place, Reply, Scope};
use crate::state::Store;
use crate::validate::Fields;

/// The model's attributes Rails wraps from the top level of a body.
const ATTRIBUTES: &[&str] = &[
    "id",
    "title",
    "description",
    "color",
    "show_on_sidebar",
    "account_id",
];

/// The color of a label created without one (the column's default).
const DEFAULT_COLOR: &str = "#1f93ff";

/// A label: `{label_id}` in `{account_id}`.
pub(crate) struct InLabel {
    account: Account,
    index: usize,
}

impl Place for InLabel {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        let id = path.id("label_id")?;
        let index = store
            .config
            .labels
            .iter()
            .position(|l| l.id == id && l.account_id == account.id)
            .ok_or(ApiError::NotFound)?;
        Ok(InLabel { account, index })
    }
}

impl InAccount for InLabel {
    fn account(&self) -> Account {
        self.account
    }
}

/// A route scoped to a label.
type LabelScope<'a> = Scope<'a, InLabel>;

/// `LabelPolicy`: administrators only, for everything but the list.
fn administrators<P: InAccount>(cx: &Scope<'_, P>) -> Result<(), ApiError> {
    match cx.role() {
        Some("administrator") => Ok(()),
        _ => Err(ApiError::NotAuthorized),
    }
}

/// Whether a (lower-cased) title has the format `RegexHelper` asks for: at
/// least two letters, digits, `_` or `-`, the first a letter or digit (`\Z`
/// also lets one final newline through).
fn well_formed(title: &str) -> bool {
    let title = title.strip_suffix('\n').unwrap_or(title);
    let mut chars = title.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c.is_numeric());
    let rest: Vec<char> = chars.collect();
    first_ok
        && !rest.is_empty()
        && rest
            .iter()
            .all(|c| c.is_alphabetic() || c.is_numeric() || *c == '_' || *c == '-')
}

/// Checks a label as the model's validations do.
fn validate(store: &Store, label: &Label) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if label.title.trim().is_empty() {
        errors.push(("title", "Title must not be blank".to_owned()));
    }
    if !well_formed(&label.title) {
        errors.push(("title", "Title is invalid".to_owned()));
    }
    let taken =
        store.config.labels.iter().any(|l| {
            l.id != label.id && l.account_id == label.account_id && l.title == label.title
        });
    if taken {
        errors.push(("title", "Title has already been taken".to_owned()));
    }
    invalid(&errors)
}

/// Applies the fields a body sends to `label` (the title lower-cased).
fn apply(label: &mut Label, fields: &Map<String, Value>) -> Result<(), ApiError> {
    let f = Fields(fields);
    if let Some(title) = f.string("title", false)? {
        label.title = title.to_lowercase();
    }
    if fields.contains_key("description") {
        label.description = f.string("description", true)?;
    }
    if let Some(color) = f.string("color", false)? {
        label.color = color;
    }
    if fields.contains_key("show_on_sidebar") {
        label.show_on_sidebar = match fields.get("show_on_sidebar") {
            Some(Value::Null) => None,
            _ => f.bool("show_on_sidebar")?,
        };
    }
    Ok(())
}

/// `GET /api/v1/accounts/{account_id}/labels`: by title.
pub(crate) fn list(cx: AccountScope<'_>) -> Reply {
    let account_id = cx.account_id();
    let mut labels: Vec<&Label> = cx
        .store
        .config
        .labels
        .iter()
        .filter(|l| l.account_id == account_id)
        .collect();
    labels.sort_by(|a, b| a.title.cmp(&b.title));
    let payload: Vec<Value> = labels.iter().map(|l| l.to_json()).collect();
    Ok(json_response(StatusCode::OK, &json!({"payload": payload})))
}

/// `GET /api/v1/accounts/{account_id}/labels/{label_id}`.
pub(crate) fn show(cx: LabelScope<'_>) -> Reply {
    administrators(&cx)?;
    let body = cx.store.config.labels[cx.place.index].to_json();
    Ok(json_response(StatusCode::OK, &body))
}

/// `POST /api/v1/accounts/{account_id}/labels`.
pub(crate) fn create(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    administrators(&cx)?;
    let fields = wrapped(&bytes, "label", ATTRIBUTES)?;
    let mut label = Label {
        id: 0,
        account_id: cx.account_id(),
        title: String::new(),
        description: None,
        color: DEFAULT_COLOR.to_owned(),
        show_on_sidebar: None,
    };
    apply(&mut label, &fields)?;
    validate(&cx.store, &label)?;
    label.id = cx.store.config.take_id(Kind::Label);
    let body = label.to_json();
    cx.store.config.labels.push(label);
    Ok(json_response(StatusCode::OK, &body))
}

/// `PATCH /api/v1/accounts/{account_id}/labels/{label_id}`.
pub(crate) fn update(mut cx: LabelScope<'_>, bytes: Bytes) -> Reply {
    administrators(&cx)?;
    let fields = wrapped(&bytes, "label", ATTRIBUTES)?;
    let index = cx.place.index;
    let before = cx.store.config.labels[index].clone();
    let mut label = before.clone();
    apply(&mut label, &fields)?;
    validate(&cx.store, &label)?;
    if label.title != before.title {
        rename(&mut cx.store, label.account_id, &before.title, &label.title);
    }
    let body = label.to_json();
    cx.store.config.labels[index] = label;
    Ok(json_response(StatusCode::OK, &body))
}

/// `Labels::UpdateService`: every conversation and contact of the account
/// tagged `old` is tagged `new` instead.
fn rename(store: &mut Store, account_id: i64, old: &str, new: &str) {
    let conversations = store
        .conversations
        .iter_mut()
        .filter(|c| c.account_id == account_id)
        .map(|c| &mut c.labels);
    let contacts = store
        .contacts
        .iter_mut()
        .filter(|c| c.account_id == account_id)
        .map(|c| &mut c.labels);
    for labels in conversations.chain(contacts) {
        if let Some(at) = labels.iter().position(|l| l == old) {
            labels.remove(at);
            if !labels.iter().any(|l| l == new) {
                labels.push(new.to_owned());
            }
        }
    }
}

/// `DELETE /api/v1/accounts/{account_id}/labels/{label_id}`: an empty 200.
pub(crate) fn delete(mut cx: LabelScope<'_>) -> Reply {
    administrators(&cx)?;
    let index = cx.place.index;
    cx.store.config.labels.remove(index);
    Ok(StatusCode::OK.into_response())
}

#[cfg(test)]
mod tests {
    use super::well_formed;

    #[test]
    fn titles_follow_the_regex_helper() {
        for good in ["vip", "a1", "billing-eu", "née_2", "12"] {
            assert!(well_formed(good), "{good}");
        }
        for bad in ["", "a", "-vip", "_vip", "two words", "vip!", "b\n\n"] {
            assert!(!well_formed(bad), "{bad}");
        }
    }
}
