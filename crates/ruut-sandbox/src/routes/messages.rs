//! Messages: `listMessages` (cursor pagination by message id) and `createMessage`.

use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use bytes::Bytes;
use ruut_api::enums::{ConversationStatus, MessageContentType};
use serde_json::{Map, Value};

use super::{ConversationScope, Ctx, Ids, access};
use crate::auth::Caller;
use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::render::{self, to_json};
use crate::state::{Message, SenderRef};
use crate::validate::{Fields, Query, body};

/// Messages per page without a cursor or with `before`.
pub(crate) const BEFORE_PAGE: usize = 20;
/// Messages per page with `after`.
pub(crate) const AFTER_PAGE: usize = 100;
/// Messages per page with both cursors.
pub(crate) const BETWEEN_PAGE: usize = 1000;

/// `GET .../conversations/{conversation_id}/messages`.
pub(crate) async fn list(
    State(ctx): State<Ctx>,
    ids: Ids,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let caller = ctx.authenticate(&headers, "listMessages")?;
    let (account_id, display_id) = (ids.first()?, ids.second()?);
    let query = Query::parse(raw.as_deref());
    let before = query.int("before")?;
    let after = query.int("after")?;
    let internal = query.bool("filter_internal_messages")?.unwrap_or(false);
    let store = ctx.app.store.lock();
    access(&store, caller, account_id)?;
    let c = store
        .conversation(account_id, display_id)
        .ok_or(ApiError::NotFound)?;

    let visible: Vec<&Message> = c
        .messages
        .iter()
        .filter(|m| !internal || (!m.private && m.message_type != 2))
        .filter(|m| before.is_none_or(|b| m.id < b) && after.is_none_or(|a| m.id > a))
        .collect();
    let page: &[&Message] = match (before, after) {
        (Some(_), Some(_)) => &visible[..visible.len().min(BETWEEN_PAGE)],
        (None, Some(_)) => &visible[..visible.len().min(AFTER_PAGE)],
        _ => &visible[visible.len().saturating_sub(BEFORE_PAGE)..],
    };
    let payload: Vec<Value> = page.iter().map(|m| render::message(&store, c, m)).collect();

    let mut meta = Map::new();
    meta.insert("labels".to_owned(), to_json(&c.labels));
    meta.insert(
        "additional_attributes".to_owned(),
        Value::Object(c.additional_attributes.clone()),
    );
    if let Some(contact) = store.contact(account_id, c.contact_id) {
        meta.insert(
            "contact".to_owned(),
            render::contact_json(&store, contact, false),
        );
    }
    if let Some(a) = c
        .assignee
        .and_then(|a| render::assignee(&store, account_id, a))
    {
        meta.insert("assignee".to_owned(), to_json(&a));
    }
    let seen = (c.agent_last_seen_at > 0).then(|| clock::iso_millis(c.agent_last_seen_at));
    meta.insert("agent_last_seen_at".to_owned(), to_json(&seen));
    meta.insert("assignee_last_seen_at".to_owned(), Value::Null);
    let body = serde_json::json!({"meta": meta, "payload": payload});
    Ok(json_response(StatusCode::OK, &body))
}

/// `POST .../conversations/{conversation_id}/messages`.
pub(crate) async fn create(
    State(ctx): State<Ctx>,
    ids: Ids,
    headers: HeaderMap,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let ConversationScope {
        caller,
        mut store,
        account_id,
        display_id,
    } = ctx.conversation_scope(&headers, &ids, "createMessage")?;
    let map = body(&bytes, "content")?;
    let f = Fields(&map);
    let content = f.required_string("content")?;
    let incoming = f
        .one_of("message_type", &["outgoing", "incoming"], false)?
        .as_deref()
        == Some("incoming");
    let private = f.bool("private")?.unwrap_or(false);
    let content_type = f
        .one_of("content_type", MessageContentType::KNOWN, false)?
        .unwrap_or_else(|| "text".to_owned());
    let content_attributes = f.object("content_attributes")?.unwrap_or_default();
    let echo_id = f.string("echo_id", false)?;
    let source_id = f.string("source_id", false)?;

    let watch = crate::webhooks::Watch::conversation(&ctx.app, &store, account_id, display_id);
    let id = store.take_message_id();
    let c = store
        .conversation_mut(account_id, display_id)
        .ok_or(ApiError::NotFound)?;
    let now = clock::now();
    let sender = if incoming {
        SenderRef::Contact(c.contact_id)
    } else {
        match caller {
            Caller::User(u) => SenderRef::User(u),
            Caller::Bot(b) => SenderRef::Bot(b),
        }
    };
    let message = Message {
        id,
        content: Some(content),
        message_type: if incoming { 0 } else { 1 },
        content_type,
        content_attributes,
        private,
        status: "sent",
        created_at: now,
        sender: Some(sender),
        source_id,
        echo_id,
    };
    if incoming {
        c.waiting_since = now;
        c.unread_count += 1;
        // A reply from the contact always wakes a snoozed conversation.
        if c.status == ConversationStatus::Snoozed {
            c.set_status(ConversationStatus::Open, None);
        }
    } else if !private && c.first_reply_created_at == 0 {
        c.first_reply_created_at = now;
    }
    c.last_activity_at = now;
    c.touch();
    c.messages.push(message);
    crate::webhooks::message_created(&ctx.app, &store, account_id, display_id);
    watch.finish(&ctx.app, &store);
    let c = store
        .conversation(account_id, display_id)
        .ok_or(ApiError::NotFound)?;
    let body = c
        .messages
        .last()
        .map_or(Value::Null, |m| render::message(&store, c, m));
    Ok(json_response(StatusCode::OK, &body))
}
