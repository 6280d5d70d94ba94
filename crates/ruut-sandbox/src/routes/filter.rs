//! `filterConversations`, `filterContacts` and `searchConversations`.
//!
//! The filters evaluate the documented conditions ([`crate::filter`]) over
//! the account's conversations (most recently active first, 25 a page, the
//! counts of every match without `assigned_count`) or its resolved contacts
//! (15 a page, in the `sort` order, `meta.count` the number of matches). The
//! search is the conversation list's finder with a text, in the slim shape
//! of `app/views/api/v1/models/_conversation.json.jbuilder`.

use axum::http::StatusCode;
use bytes::Bytes;
use serde_json::{Value, json};

use super::contacts as contact_list;
use super::conversations::{self as conversation_list, PAGE_SIZE};
use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::filter::{Entity, Filter, keys};
use crate::paging::{page, page_number};
use crate::render;
use crate::scope::{AccountScope, Reply};
use crate::state::{Contact, Conversation, SenderRef, Store};
use crate::validate::{Query, body};

/// The filter of a request body, for `entity`, with the account's custom
/// attributes: those it defines for `model` (`createCustomAttributeDefinition`),
/// else those the records `attrs` yields carry.
fn filter<'s>(
    bytes: &[u8],
    entity: Entity,
    (store, account_id, model): (&Store, i64, &str),
    attrs: impl Fn() -> Box<dyn Iterator<Item = &'s crate::state::Attrs> + 's>,
) -> Result<Filter, ApiError> {
    let map = body(bytes, "payload")?;
    let custom = |key: &str| {
        keys::defined_kind(store, account_id, model, key)
            .or_else(|| keys::custom_kind(attrs().filter_map(|a| a.get(key))))
    };
    Filter::parse(&map, entity, custom, clock::now().div_euclid(86_400))
}

/// `POST /api/v1/accounts/{account_id}/conversations/filter`.
pub(crate) fn conversations(cx: AccountScope<'_>, (query, bytes): (Query, Bytes)) -> Reply {
    let number = page_number(&query)?;
    let (store, account_id, user_id) = (&cx.store, cx.account_id(), cx.user_id());
    let mine = |c: &&Conversation| c.account_id == account_id;
    let scope = (&**store, account_id, "conversation_attribute");
    let filter = filter(&bytes, Entity::Conversation, scope, || {
        Box::new(
            store
                .conversations
                .iter()
                .filter(mine)
                .map(|c| &c.custom_attributes),
        )
    })?;
    let viewer = cx.viewer();
    let mut list: Vec<&Conversation> = store
        .conversations
        .iter()
        .filter(mine)
        .filter(|c| viewer.lists(store, c))
        .filter(|c| filter.matches(|key, kind| keys::conversation_field(c, key, kind)))
        .collect();
    let mut meta = conversation_list::tally(&list, user_id);
    if let Value::Object(counts) = &mut meta {
        counts.remove("assigned_count");
    }
    conversation_list::sort(&mut list, "last_activity_at_desc");
    let payload: Vec<Value> = page(&list, number, PAGE_SIZE)
        .iter()
        .map(|c| render::conversation(store, c, user_id))
        .collect();
    Ok(json_response(
        StatusCode::OK,
        &json!({"meta": meta, "payload": payload}),
    ))
}

/// `POST /api/v1/accounts/{account_id}/contacts/filter`.
pub(crate) fn contacts(cx: AccountScope<'_>, (query, bytes): (Query, Bytes)) -> Reply {
    let (number, echo) = contact_list::page_of(&query)?;
    let sort_by = contact_list::sort_param(&query)?;
    let (store, account_id) = (&cx.store, cx.account_id());
    let listed = |c: &&Contact| c.account_id == account_id && c.is_resolved();
    let scope = (&**store, account_id, "contact_attribute");
    let filter = filter(&bytes, Entity::Contact, scope, || {
        Box::new(
            store
                .contacts
                .iter()
                .filter(listed)
                .map(|c| &c.custom_attributes),
        )
    })?;
    let mut list: Vec<&Contact> = store
        .contacts
        .iter()
        .filter(listed)
        .filter(|c| filter.matches(|key, kind| keys::contact_field(c, key, kind)))
        .collect();
    contact_list::sort(&mut list, sort_by.as_ref());
    let payload = contact_list::render_all(store, contact_list::page_slice(&list, number), true);
    Ok(json_response(
        StatusCode::OK,
        &json!({"meta": {"count": list.len(), "current_page": echo}, "payload": payload}),
    ))
}

/// A message's sender's name, as `message.sender.name` (absent without a sender).
fn sender_name(store: &Store, account_id: i64, sender: Option<SenderRef>) -> Option<Value> {
    let name = match sender? {
        SenderRef::Contact(id) => json!(store.contact(account_id, id)?.name),
        SenderRef::User(id) => json!(store.user(id)?.name),
        SenderRef::Bot(id) => json!(store.bot(id)?.name),
    };
    Some(name)
}

/// A search hit: the conversation's ids, contact, inbox and the messages that matched.
fn hit(store: &Store, c: &Conversation, q: Option<&str>) -> Value {
    let contact = store.contact(c.account_id, c.contact_id);
    let inbox = store.inbox(c.account_id, c.inbox_id);
    let messages: Vec<Value> = c
        .messages
        .iter()
        .filter(|m| {
            q.is_none_or(|q| {
                m.message_type < 2
                    && m.content
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains(q))
            })
        })
        .map(|m| {
            let mut message = json!({
                "content": m.content,
                "id": m.id,
                "message_type": m.message_type,
                "created_at": m.created_at,
            });
            if let (Some(name), Value::Object(map)) =
                (sender_name(store, c.account_id, m.sender), &mut message)
            {
                map.insert("sender_name".to_owned(), name);
            }
            message
        })
        .collect();
    json!({
        "id": c.display_id,
        "uuid": c.uuid,
        "created_at": c.created_at,
        "contact": {"id": c.contact_id, "name": contact.and_then(|x| x.name.clone())},
        "inbox": {
            "id": c.inbox_id,
            "name": inbox.map(|i| i.name.clone()),
            "channel_type": inbox.map(|i| i.channel_type),
        },
        "messages": messages,
        "account_id": c.account_id,
    })
}

/// `GET /api/v1/accounts/{account_id}/conversations/search`.
pub(crate) fn search(cx: AccountScope<'_>, query: Query) -> Reply {
    let finder = conversation_list::Filter::parse(&query)?;
    let number = page_number(&query)?;
    let q = query
        .get("q")
        .filter(|q| !q.is_empty())
        .map(str::to_lowercase);
    let (store, user_id) = (&cx.store, cx.user_id());
    let all = conversation_list::filtered(store, cx.account_id(), &finder, cx.viewer())?;
    let mut meta = conversation_list::tally(&all, user_id);
    let mut list: Vec<&Conversation> = all
        .into_iter()
        .filter(|c| conversation_list::assignee_filter(&finder.assignee_type, c, user_id))
        .collect();
    conversation_list::sort(&mut list, "last_activity_at_desc");
    let payload: Vec<Value> = page(&list, number, PAGE_SIZE)
        .iter()
        .map(|c| hit(store, c, q.as_deref()))
        .collect();
    if let Value::Object(counts) = &mut meta {
        counts.remove("assigned_count");
    }
    Ok(json_response(
        StatusCode::OK,
        &json!({"meta": meta, "payload": payload}),
    ))
}
