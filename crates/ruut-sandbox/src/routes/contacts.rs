//! Contacts: `listContacts`, `searchContacts`, `createContact`, `getContact`.
//!
//! Lists are 15 a page. `listContacts` shows only resolved contacts (with an
//! email, phone number or identifier); `meta.current_page` echoes the page
//! as a string when the request named one (as Rails echoes the parameter),
//! as an integer otherwise. A `labels[]` filter keeps the contacts tagged with
//! any of the labels (`tagged_with(params[:labels], any: true)`).

use axum::http::StatusCode;
use bytes::Bytes;
use serde_json::{Value, json};

use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::render;
use crate::scope::{AccountScope, ContactScope, Reply};
use crate::state::{Contact, Store};
use crate::validate::{Fields, Query, body};

/// Contacts per page.
pub(crate) const PAGE_SIZE: usize = 15;

const SORT_KEYS: [&str; 8] = [
    "name",
    "email",
    "phone_number",
    "last_activity_at",
    "created_at",
    "company",
    "city",
    "country",
];

/// Reads `sort` (a key, `-` in front for descending).
pub(crate) fn sort_param(query: &Query) -> Result<Option<(String, bool)>, ApiError> {
    match query.get("sort") {
        None => Ok(None),
        Some(raw) => {
            let (key, desc) = match raw.strip_prefix('-') {
                Some(key) => (key, true),
                None => (raw, false),
            };
            if SORT_KEYS.contains(&key) {
                Ok(Some((key.to_owned(), desc)))
            } else {
                Err(ApiError::invalid("sort", "a contact sort key"))
            }
        }
    }
}

fn sort_value(c: &Contact, key: &str) -> (Option<String>, Option<i64>) {
    let attr = |name: &str| {
        c.additional_attributes
            .get(name)
            .and_then(Value::as_str)
            .map(str::to_lowercase)
    };
    match key {
        "name" => (c.name.as_ref().map(|s| s.to_lowercase()), None),
        "email" => (c.email.clone(), None),
        "phone_number" => (c.phone_number.clone(), None),
        "created_at" => (None, Some(c.created_at)),
        "company" => (attr("company_name"), None),
        "city" => (attr("city"), None),
        "country" => (attr("country"), None),
        _ => (None, c.last_activity_at),
    }
}

pub(crate) fn sort(list: &mut [&Contact], sort: Option<&(String, bool)>) {
    let (key, desc) = sort.map_or(("last_activity_at", true), |(k, d)| (k.as_str(), *d));
    list.sort_by(|a, b| {
        let (x, y) = (sort_value(a, key), sort_value(b, key));
        let order = if desc { y.cmp(&x) } else { x.cmp(&y) };
        order.then(a.id.cmp(&b.id))
    });
}

pub(crate) fn page_of(query: &Query) -> Result<(usize, Value), ApiError> {
    let page = query.int("page")?;
    let effective = page.unwrap_or(1).max(1);
    let echo = match page {
        Some(_) => Value::from(effective.to_string()),
        None => Value::from(1),
    };
    Ok((usize::try_from(effective).unwrap_or(usize::MAX), echo))
}

pub(crate) fn page_slice<'a>(list: &'a [&'a Contact], page: usize) -> &'a [&'a Contact] {
    let start = page
        .saturating_sub(1)
        .saturating_mul(PAGE_SIZE)
        .min(list.len());
    let end = start.saturating_add(PAGE_SIZE).min(list.len());
    &list[start..end]
}

pub(crate) fn render_all(store: &Store, list: &[&Contact], with_inboxes: bool) -> Vec<Value> {
    list.iter()
        .map(|c| render::contact_json(store, c, with_inboxes))
        .collect()
}

/// `GET /api/v1/accounts/{account_id}/contacts`.
pub(crate) fn list(cx: AccountScope<'_>, query: Query) -> Reply {
    let (page, echo) = page_of(&query)?;
    let sort_by = sort_param(&query)?;
    let labels = query.all("labels[]");
    let with_inboxes = query.bool("include_contact_inboxes")?.unwrap_or(true);
    let (store, account_id) = (&cx.store, cx.account_id());
    let mut list: Vec<&Contact> = store
        .contacts
        .iter()
        .filter(|c| c.account_id == account_id && c.is_resolved())
        .filter(|c| labels.is_empty() || c.labels.iter().any(|l| labels.contains(&l.as_str())))
        .collect();
    sort(&mut list, sort_by.as_ref());
    let payload = render_all(store, page_slice(&list, page), with_inboxes);
    let body = json!({"meta": {"count": list.len(), "current_page": echo}, "payload": payload});
    Ok(json_response(StatusCode::OK, &body))
}

/// `GET /api/v1/accounts/{account_id}/contacts/search`.
pub(crate) fn search(cx: AccountScope<'_>, query: Query) -> Reply {
    let (page, echo) = page_of(&query)?;
    let sort_by = sort_param(&query)?;
    let (store, account_id) = (&cx.store, cx.account_id());
    let Some(q) = query
        .get("q")
        .filter(|q| !q.is_empty())
        .map(str::to_lowercase)
    else {
        // Without `q` Chatwoot answers 200 with null counts.
        let body =
            json!({"meta": {"count": null, "current_page": null, "has_more": null}, "payload": []});
        return Ok(json_response(StatusCode::OK, &body));
    };
    let mut list: Vec<&Contact> = store
        .contacts
        .iter()
        .filter(|c| c.account_id == account_id)
        .filter(|c| {
            [&c.name, &c.email, &c.phone_number, &c.identifier]
                .iter()
                .any(|v| v.as_deref().is_some_and(|s| s.to_lowercase().contains(&q)))
        })
        .collect();
    sort(&mut list, sort_by.as_ref());
    let slice = page_slice(&list, page);
    let has_more = page.saturating_mul(PAGE_SIZE) < list.len();
    let body = json!({
        "meta": {"count": slice.len(), "current_page": echo, "has_more": has_more},
        "payload": render_all(store, slice, true),
    });
    Ok(json_response(StatusCode::OK, &body))
}

/// `GET /api/v1/accounts/{account_id}/contacts/{contact_id}`.
pub(crate) fn show(cx: ContactScope<'_>) -> Reply {
    let body = json!({"payload": render::contact_json(&cx.store, cx.contact(), true)});
    Ok(json_response(StatusCode::OK, &body))
}

/// Which unique attributes of `new` (a new or changed contact) another
/// contact of the account already has.
fn duplicates(store: &Store, account_id: i64, new: &Contact) -> Vec<String> {
    let same = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) if !a.is_empty() => a.eq_ignore_ascii_case(b),
        _ => false,
    };
    let mut taken = Vec::new();
    let others = store
        .contacts
        .iter()
        .filter(|c| c.account_id == account_id && c.id != new.id);
    for other in others {
        if same(&new.email, &other.email) {
            taken.push("email".to_owned());
        }
        if same(&new.phone_number, &other.phone_number) {
            taken.push("phone_number".to_owned());
        }
        if same(&new.identifier, &other.identifier) {
            taken.push("identifier".to_owned());
        }
    }
    taken.sort();
    taken.dedup();
    taken
}

/// `POST /api/v1/accounts/{account_id}/contacts`.
pub(crate) fn create(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    let account_id = cx.account_id();
    let store = &mut cx.store;
    let map = body(&bytes, "contact")?;
    let f = Fields(&map);
    let mut contact = Contact {
        id: store.next_contact_id,
        account_id,
        name: f.string("name", false)?,
        email: f.string("email", false)?.map(|e| e.to_lowercase()),
        phone_number: f.string("phone_number", false)?,
        identifier: f.string("identifier", false)?,
        blocked: f.bool("blocked")?.unwrap_or(false),
        additional_attributes: f.object("additional_attributes")?.unwrap_or_default(),
        custom_attributes: f.object("custom_attributes")?.unwrap_or_default(),
        created_at: clock::now(),
        last_activity_at: None,
        inboxes: Vec::new(),
        labels: Vec::new(),
    };
    f.string("avatar_url", false)?;
    let inbox_id = f.int("inbox_id")?;
    let source_id = f.string("source_id", false)?;
    if let Some(inbox_id) = inbox_id {
        store
            .inbox(account_id, inbox_id)
            .ok_or(ApiError::NotFound)?;
        let source = source_id.unwrap_or_else(|| format!("sandbox-contact-{}", contact.id));
        contact.inboxes.push((inbox_id, source));
    }
    unique(store, account_id, &contact)?;
    store.next_contact_id += 1;
    let contact_inbox = contact.inboxes.first().map(|(inbox_id, source_id)| {
        let inbox = store.inboxes.iter().find(|i| i.id == *inbox_id);
        json!({
            "source_id": source_id,
            "inbox": inbox.map(|i| json!({"id": i.id, "name": i.name, "channel_type": i.channel_type})),
        })
    });
    let body = json!({"payload": {
        "contact": render::contact_json(store, &contact, true),
        "contact_inbox": contact_inbox,
    }});
    store.contacts.push(contact);
    if let Some(created) = cx.store.contacts.last() {
        cx.app.webhooks.contact_created(&cx.store, created);
    }
    Ok(json_response(StatusCode::OK, &body))
}

/// The 422 `{"message", "attributes"}` the model's uniqueness validations
/// answer when another contact of the account has `contact`'s email, phone
/// number or identifier.
pub(crate) fn unique(store: &Store, account_id: i64, contact: &Contact) -> Result<(), ApiError> {
    let taken = duplicates(store, account_id, contact);
    if taken.is_empty() {
        return Ok(());
    }
    let message = taken
        .iter()
        .map(|a| format!("{} has already been taken", humanize(a)))
        .collect::<Vec<_>>()
        .join(", ");
    Err(ApiError::Invalid {
        message,
        attributes: taken,
    })
}

fn humanize(attribute: &str) -> String {
    let text = attribute.replace('_', " ");
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + chars.as_str()
    })
}
