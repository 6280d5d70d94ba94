//! Changing contacts: `updateContact`, `deleteContact`,
//! `removeContactCustomAttributes` and `mergeContacts`, as Chatwoot's
//! `ContactsController` and `ContactMergeAction` do them.
//!
//! A change sends `contact_updated` with the attributes that changed.
//! Deleting is for administrators only, checked (as Pundit's
//! `check_authorization` does) before the contact is looked up; it takes the
//! contact's conversations and notes with it (`dependent: :destroy_async`).

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Map, Value, json};

use crate::auth::Caller;
use crate::errors::{ApiError, json_response};
use crate::render;
use crate::routes::contact_links::string_list;
use crate::routes::contacts::unique;
use crate::scope::{Account, AccountScope, ContactScope, InAccount, Path, Place, Reply, Scope};
use crate::state::{Attrs, Contact, SenderRef, Store};
use crate::validate::{Fields, Query, body};
use crate::webhooks::Webhooks;

/// The attributes whose changes `contact_updated` reports.
const WATCHED: [&str; 7] = [
    "name",
    "email",
    "phone_number",
    "identifier",
    "blocked",
    "additional_attributes",
    "custom_attributes",
];

/// The watched attributes of a contact, as JSON.
fn watched(contact: &Contact) -> Map<String, Value> {
    let all = render::contact_json(&Store::default(), contact, false);
    WATCHED
        .iter()
        .map(|key| {
            (
                (*key).to_owned(),
                all.get(*key).cloned().unwrap_or_default(),
            )
        })
        .collect()
}

/// Sends `contact_updated` for the contact with `id` if any watched
/// attribute differs from `before`.
fn announce(webhooks: &Webhooks, store: &Store, id: i64, before: &Map<String, Value>) {
    let Some(contact) = store.contacts.iter().find(|c| c.id == id) else {
        return;
    };
    let after = watched(contact);
    let changed: Vec<Value> = WATCHED
        .iter()
        .filter(|key| before.get(**key) != after.get(**key))
        .map(|key| json!({*key: {"previous_value": before[*key], "current_value": after[*key]}}))
        .collect();
    if !changed.is_empty() {
        webhooks.contact_updated(store, contact, changed);
    }
}

/// `PUT /api/v1/accounts/{account_id}/contacts/{contact_id}`.
pub(crate) fn update(mut cx: ContactScope<'_>, (query, bytes): (Query, Bytes)) -> Reply {
    let with_inboxes = query.bool("include_contact_inboxes")?.unwrap_or(true);
    let map = body(&bytes, "contact")?;
    let f = Fields(&map);
    let mut contact = cx.contact().clone();
    let before = watched(&contact);
    if let Some(name) = f.string("name", false)? {
        contact.name = Some(name);
    }
    if let Some(email) = f.string("email", false)? {
        contact.email = Some(email.to_lowercase());
    }
    if let Some(phone) = f.string("phone_number", false)? {
        contact.phone_number = Some(phone);
    }
    if let Some(identifier) = f.string("identifier", false)? {
        contact.identifier = Some(identifier);
    }
    if let Some(blocked) = f.bool("blocked")? {
        contact.blocked = blocked;
    }
    f.string("avatar_url", false)?;
    for (key, attrs) in [
        ("additional_attributes", &mut contact.additional_attributes),
        ("custom_attributes", &mut contact.custom_attributes),
    ] {
        attrs.extend(f.object(key)?.unwrap_or_default());
    }
    unique(&cx.store, cx.account_id(), &contact)?;
    let id = contact.id;
    *cx.contact_mut() = contact;
    announce(&cx.app.webhooks, &cx.store, id, &before);
    let body = json!({"payload": render::contact_json(&cx.store, cx.contact(), with_inboxes)});
    Ok(json_response(StatusCode::OK, &body))
}

/// `POST /api/v1/accounts/{account_id}/contacts/{contact_id}/destroy_custom_attributes`.
pub(crate) fn remove_custom_attributes(mut cx: ContactScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "custom_attributes")?;
    let keys = string_list(&map, "custom_attributes")?.unwrap_or_default();
    let before = watched(cx.contact());
    let id = cx.contact().id;
    cx.contact_mut()
        .custom_attributes
        .retain(|key, _| !keys.contains(key));
    announce(&cx.app.webhooks, &cx.store, id, &before);
    let body = json!({"payload": render::contact_json(&cx.store, cx.contact(), true)});
    Ok(json_response(StatusCode::OK, &body))
}

/// A contact of an account where the caller is an administrator: the role
/// is checked first (401 for an agent, whether or not the contact exists).
pub(crate) struct AdminContact {
    account: Account,
    id: i64,
}

impl Place for AdminContact {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        if account.role != Some("administrator") {
            return Err(ApiError::NotAuthorized);
        }
        let id = path.id("contact_id")?;
        store.contact(account.id, id).ok_or(ApiError::NotFound)?;
        Ok(AdminContact { account, id })
    }
}

impl InAccount for AdminContact {
    fn account(&self) -> Account {
        self.account
    }
}

/// `DELETE /api/v1/accounts/{account_id}/contacts/{contact_id}`: the contact,
/// its conversations and its notes go; the answer is an empty 200.
pub(crate) fn delete(mut cx: Scope<'_, AdminContact>) -> Reply {
    let (account_id, id) = (cx.account_id(), cx.place.id);
    let store = &mut cx.store;
    store
        .contacts
        .retain(|c| !(c.account_id == account_id && c.id == id));
    store
        .conversations
        .retain(|c| !(c.account_id == account_id && c.contact_id == id));
    store.notes.retain(|n| n.contact_id != id);
    Ok(StatusCode::OK.into_response())
}

/// `POST /api/v1/accounts/{account_id}/actions/contact_merge`.
pub(crate) fn merge(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    let account_id = cx.account_id();
    let map = body(&bytes, "base_contact_id")?;
    let f = Fields(&map);
    let (base, mergee) = (f.int("base_contact_id")?, f.int("mergee_contact_id")?);
    let found = |id: Option<i64>| {
        id.and_then(|id| cx.store.contact(account_id, id))
            .cloned()
            .ok_or(ApiError::NotFound)
    };
    let (base, mergee) = (found(base)?, found(mergee)?);
    if base.id != mergee.id {
        let before = watched(&base);
        move_records(&mut cx.store, account_id, &mergee, base.id);
        let merged = merged(&base, &mergee);
        let store = &mut cx.store;
        store.contacts.retain(|c| c.id != mergee.id);
        if let Some(slot) = store.contacts.iter_mut().find(|c| c.id == base.id) {
            *slot = merged;
        }
        announce(&cx.app.webhooks, &cx.store, base.id, &before);
    }
    let merged = cx
        .store
        .contact(account_id, base.id)
        .ok_or(ApiError::NotFound)?;
    Ok(json_response(
        StatusCode::OK,
        &render::contact_json(&cx.store, merged, false),
    ))
}

/// Moves the mergee's conversations, messages, contact inboxes and notes to
/// the base contact (its labels stay with it, and go when it is deleted).
fn move_records(store: &mut Store, account_id: i64, mergee: &Contact, base: i64) {
    for conversation in store
        .conversations
        .iter_mut()
        .filter(|c| c.account_id == account_id)
    {
        if conversation.contact_id == mergee.id {
            conversation.contact_id = base;
        }
        for message in &mut conversation.messages {
            if message.sender == Some(SenderRef::Contact(mergee.id)) {
                message.sender = Some(SenderRef::Contact(base));
            }
        }
    }
    for note in store.notes.iter_mut().filter(|n| n.contact_id == mergee.id) {
        note.contact_id = base;
    }
    if let Some(base) = store.contacts.iter_mut().find(|c| c.id == base) {
        base.inboxes.extend(mergee.inboxes.iter().cloned());
    }
}

/// The base contact's details with the mergee's filling its blanks:
/// `mergee.deep_merge(base)` over the non-blank mergeable attributes.
fn merged(base: &Contact, mergee: &Contact) -> Contact {
    let mut merged = base.clone();
    let blank = |v: &Option<String>| v.as_deref().is_none_or(str::is_empty);
    for (mine, theirs) in [
        (&mut merged.name, &mergee.name),
        (&mut merged.email, &mergee.email),
        (&mut merged.phone_number, &mergee.phone_number),
        (&mut merged.identifier, &mergee.identifier),
    ] {
        if blank(mine) && !blank(theirs) {
            mine.clone_from(theirs);
        }
    }
    deep_fill(
        &mut merged.additional_attributes,
        &mergee.additional_attributes,
    );
    deep_fill(&mut merged.custom_attributes, &mergee.custom_attributes);
    merged
}

/// Adds what `from` has and `into` lacks, recursively into nested objects
/// (`into` wins where both have a key).
fn deep_fill(into: &mut Attrs, from: &Attrs) {
    for (key, value) in from {
        match (into.get_mut(key), value) {
            (Some(Value::Object(mine)), Value::Object(theirs)) => deep_fill(mine, theirs),
            (Some(_), _) => {}
            (None, _) => {
                into.insert(key.clone(), value.clone());
            }
        }
    }
}
