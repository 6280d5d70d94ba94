//! Messages: `listMessages` (cursor pagination by message id) and `createMessage`
//! (its JSON body; the multipart one is read in `uploads`).

use axum::http::StatusCode;
use bytes::Bytes;
use ruut_api::enums::MessageContentType;
use serde_json::{Map, Value};

use crate::clock;
use crate::errors::json_response;
use crate::files::Upload;
use crate::render::{self, to_json};
use crate::scope::{ConversationScope, Reply};
use crate::state::{Attrs, Message, SenderRef};
use crate::validate::{Fields, Query, body};

/// Messages per page without a cursor or with `before`.
pub(crate) const BEFORE_PAGE: usize = 20;
/// Messages per page with `after`.
pub(crate) const AFTER_PAGE: usize = 100;
/// Messages per page with both cursors.
pub(crate) const BETWEEN_PAGE: usize = 1000;

/// `GET .../conversations/{conversation_id}/messages`.
pub(crate) fn list(cx: ConversationScope<'_>, query: Query) -> Reply {
    let before = query.int("before")?;
    let after = query.int("after")?;
    let internal = query.bool("filter_internal_messages")?.unwrap_or(false);
    let (store, c, account_id) = (&cx.store, cx.conversation(), cx.account_id());

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
    let payload: Vec<Value> = page.iter().map(|m| render::message(store, c, m)).collect();

    let mut meta = Map::new();
    meta.insert("labels".to_owned(), to_json(&c.labels));
    meta.insert(
        "additional_attributes".to_owned(),
        Value::Object(c.additional_attributes.clone()),
    );
    if let Some(contact) = store.contact(account_id, c.contact_id) {
        meta.insert(
            "contact".to_owned(),
            render::contact_json(store, contact, false),
        );
    }
    if let Some(a) = c
        .assignee
        .and_then(|a| render::assignee(store, account_id, a))
    {
        meta.insert("assignee".to_owned(), to_json(&a));
    }
    let seen = (c.agent_last_seen_at > 0).then(|| clock::iso_millis(c.agent_last_seen_at));
    meta.insert("agent_last_seen_at".to_owned(), to_json(&seen));
    meta.insert("assignee_last_seen_at".to_owned(), Value::Null);
    let body = serde_json::json!({"meta": meta, "payload": payload});
    Ok(json_response(StatusCode::OK, &body))
}

/// `POST .../conversations/{conversation_id}/messages` with a JSON body
/// (the multipart form is read by `uploads`, and ends here too).
pub(crate) fn create(cx: ConversationScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "content")?;
    let f = Fields(&map);
    let message = NewMessage {
        content: Some(f.required_string("content")?),
        incoming: f
            .one_of("message_type", &["outgoing", "incoming"], false)?
            .as_deref()
            == Some("incoming"),
        private: f.bool("private")?.unwrap_or(false),
        content_type: f
            .one_of("content_type", MessageContentType::KNOWN, false)?
            .unwrap_or_else(|| "text".to_owned()),
        content_attributes: f.object("content_attributes")?.unwrap_or_default(),
        echo_id: f.string("echo_id", false)?,
        source_id: f.string("source_id", false)?,
    };
    insert(cx, message, Vec::new())
}

/// A message to add, read from a JSON or a multipart body.
#[derive(Debug, Default)]
pub(crate) struct NewMessage {
    pub content: Option<String>,
    pub incoming: bool,
    pub private: bool,
    pub content_type: String,
    pub content_attributes: Attrs,
    pub echo_id: Option<String>,
    pub source_id: Option<String>,
}

/// Adds the message and its files to the conversation, sends
/// `message_created`, and answers with the message.
pub(crate) fn insert(mut cx: ConversationScope<'_>, new: NewMessage, files: Vec<Upload>) -> Reply {
    cx.change(|cx| {
        let id = cx.store.take_message_id();
        let (caller, account_id) = (cx.caller, cx.account_id());
        for file in files {
            cx.store.files.add(account_id, id, file);
        }
        let c = cx.conversation_mut();
        let sender = if new.incoming {
            SenderRef::Contact(c.contact_id)
        } else {
            SenderRef::from(caller)
        };
        let message = Message {
            id,
            content: new.content,
            message_type: if new.incoming { 0 } else { 1 },
            content_type: new.content_type,
            content_attributes: new.content_attributes,
            private: new.private,
            status: "sent",
            created_at: clock::now(),
            sender: Some(sender),
            source_id: new.source_id,
            echo_id: new.echo_id,
        };
        c.add_message(message);
        cx.app
            .webhooks
            .message_created(&cx.store, cx.conversation());
    });
    let c = cx.conversation();
    let body = c
        .messages
        .last()
        .map_or(Value::Null, |m| render::message(&cx.store, c, m));
    Ok(json_response(StatusCode::OK, &body))
}
