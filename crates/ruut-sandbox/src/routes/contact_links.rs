//! What a contact is linked to: `listContactConversations`,
//! `listContactableInboxes`, `createContactInbox`, `listContactLabels` and
//! `setContactLabels` (Chatwoot's `Contacts::*Controller`s,
//! `Contacts::ContactableInboxesService` and `ContactInboxBuilder`).

use axum::http::StatusCode;
use bytes::Bytes;
use serde_json::{Map, Value, json};

use crate::errors::{ApiError, json_response};
use crate::render;
use crate::scope::{ContactScope, Reply};
use crate::state::{Contact, Inbox, Store};
use crate::validate::{Fields, body};

/// Conversations `listContactConversations` shows at most.
const CONVERSATIONS: usize = 20;

/// A list of strings in the body, if the key is there; anything else (a
/// `null`, a number, a list with a non-string) is a 422.
pub(crate) fn string_list(
    map: &Map<String, Value>,
    key: &str,
) -> Result<Option<Vec<String>>, ApiError> {
    let Some(value) = map.get(key) else {
        return Ok(None);
    };
    let items = value
        .as_array()
        .ok_or_else(|| ApiError::invalid(key, "an array of strings"))?;
    items
        .iter()
        .map(|item| {
            item.as_str()
                .map(str::to_owned)
                .ok_or_else(|| ApiError::invalid(key, "an array of strings"))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// `GET /api/v1/accounts/{account_id}/contacts/{contact_id}/conversations`:
/// the latest 20 by last activity that the caller lists ([`Viewer::lists`](crate::visibility::Viewer::lists)).
pub(crate) fn conversations(cx: ContactScope<'_>) -> Reply {
    let (store, id, viewer) = (&cx.store, cx.contact().id, cx.viewer());
    let mut list: Vec<_> = store
        .conversations
        .iter()
        .filter(|c| c.account_id == cx.account_id() && c.contact_id == id)
        .filter(|c| viewer.lists(store, c))
        .collect();
    list.sort_by_key(|c| std::cmp::Reverse(c.last_activity_at));
    let payload: Vec<Value> = list
        .iter()
        .take(CONVERSATIONS)
        .map(|c| render::conversation(store, c, cx.user_id()))
        .collect();
    Ok(json_response(StatusCode::OK, &json!({"payload": payload})))
}

/// A UUID-shaped source id for the contact in the inbox, `n` telling
/// several apart.
fn new_source_id(contact: &Contact, inbox: &Inbox, n: usize) -> String {
    format!(
        "00000000-{:04x}-4000-8000-{:06x}{:06x}",
        n & 0xffff,
        contact.id & 0xff_ffff,
        inbox.id & 0xff_ffff
    )
}

/// The contact's latest source id in the inbox, if it has one.
fn latest_source(contact: &Contact, inbox: &Inbox) -> Option<String> {
    contact
        .inboxes
        .iter()
        .rev()
        .find(|(id, _)| *id == inbox.id)
        .map(|(_, source)| source.clone())
}

/// The source id a new conversation in `inbox` would use, if the contact is
/// reachable there (`ContactableInboxesService#get_contactable_inbox`).
fn contactable(store: &Store, contact: &Contact, inbox: &Inbox) -> Option<String> {
    let present = |v: &Option<String>| v.clone().filter(|s| !s.is_empty());
    match inbox.channel_type {
        "Channel::Api" => {
            Some(latest_source(contact, inbox).unwrap_or_else(|| new_source_id(contact, inbox, 0)))
        }
        "Channel::Email" => present(&contact.email),
        "Channel::Sms" | "Channel::TwilioSms" => present(&contact.phone_number),
        "Channel::Whatsapp" => present(&contact.phone_number).map(|p| p.replace('+', "")),
        "Channel::WebWidget" => {
            let source = latest_source(contact, inbox)?;
            let talked = store
                .conversations
                .iter()
                .any(|c| c.contact_id == contact.id && c.inbox_id == inbox.id);
            (!talked).then_some(source)
        }
        _ => None,
    }
}

fn contact_inbox(inbox: &Inbox, source_id: &str) -> Value {
    json!({
        "source_id": source_id,
        "inbox": {"id": inbox.id, "name": inbox.name, "channel_type": inbox.channel_type},
    })
}

/// `GET /api/v1/accounts/{account_id}/contacts/{contact_id}/contactable_inboxes`.
pub(crate) fn contactable_inboxes(cx: ContactScope<'_>) -> Reply {
    let (store, contact) = (&cx.store, cx.contact());
    let payload: Vec<Value> = store
        .inboxes
        .iter()
        .filter(|i| i.account_id == cx.account_id())
        .filter_map(|i| Some(contact_inbox(i, &contactable(store, contact, i)?)))
        .collect();
    Ok(json_response(StatusCode::OK, &json!({"payload": payload})))
}

/// The source id `ContactInboxBuilder` makes when none is given.
fn generated_source(contact: &Contact, inbox: &Inbox) -> Result<String, ApiError> {
    let need = |value: &Option<String>, what: &str| {
        value
            .clone()
            .ok_or_else(|| ApiError::missing(&format!("contact {what}")))
    };
    match inbox.channel_type {
        "Channel::Email" => need(&contact.email, "email"),
        "Channel::Sms" | "Channel::TwilioSms" => need(&contact.phone_number, "phone number"),
        "Channel::Whatsapp" => Ok(need(&contact.phone_number, "phone number")?.replace('+', "")),
        _ => Ok(new_source_id(contact, inbox, contact.inboxes.len() + 1)),
    }
}

/// `POST /api/v1/accounts/{account_id}/contacts/{contact_id}/contact_inboxes`:
/// the contact inbox with this source id, made if the contact has none.
pub(crate) fn add_inbox(mut cx: ContactScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "inbox_id")?;
    let f = Fields(&map);
    let inbox_id = f.int("inbox_id")?;
    let source_id = f.string("source_id", false)?;
    f.bool("hmac_verified")?;
    let inbox = inbox_id
        .and_then(|id| cx.store.inbox(cx.account_id(), id))
        .cloned()
        .ok_or(ApiError::NotFound)?;
    let contact = cx.contact().clone();
    let source = match source_id {
        Some(source) => source,
        None => generated_source(&contact, &inbox)?,
    };
    let mine = (inbox.id, source.clone());
    if !contact.inboxes.contains(&mine) {
        let owner = cx
            .store
            .contacts
            .iter()
            .position(|c| c.id != contact.id && c.inboxes.contains(&mine));
        if let Some(owner) = owner {
            // Only channels without live sessions may take a source id over:
            // the old one gets a new value (`update_old_contact_inbox`).
            if !matches!(
                inbox.channel_type,
                "Channel::Email" | "Channel::Sms" | "Channel::TwilioSms" | "Channel::Whatsapp"
            ) {
                return Err(ApiError::Unprocessable(
                    "source_id has already been taken in this inbox".to_owned(),
                ));
            }
            for pair in &mut cx.store.contacts[owner].inboxes {
                if *pair == mine {
                    pair.1 = format!("0{source}");
                }
            }
        }
        cx.contact_mut().inboxes.push(mine);
    }
    Ok(json_response(
        StatusCode::OK,
        &contact_inbox(&inbox, &source),
    ))
}

fn labels_body(contact: &Contact) -> Value {
    json!({"payload": contact.labels})
}

/// `GET /api/v1/accounts/{account_id}/contacts/{contact_id}/labels`.
pub(crate) fn labels(cx: ContactScope<'_>) -> Reply {
    Ok(json_response(StatusCode::OK, &labels_body(cx.contact())))
}

/// `POST /api/v1/accounts/{account_id}/contacts/{contact_id}/labels`: the
/// labels become exactly these (none when `labels` is missing).
pub(crate) fn set_labels(mut cx: ContactScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "labels")?;
    let mut wanted: Vec<String> = Vec::new();
    for label in string_list(&map, "labels")?.unwrap_or_default() {
        let label = label.trim().to_owned();
        if !label.is_empty() && !wanted.contains(&label) {
            wanted.push(label);
        }
    }
    cx.contact_mut().labels = wanted;
    Ok(json_response(StatusCode::OK, &labels_body(cx.contact())))
}
