//! One message: `updateMessage` (its delivery status, API inboxes only) and
//! `deleteMessage` (the dashboard's delete: the text replaced, the files gone).
//! Both send `message_updated`.

use axum::http::StatusCode;
use bytes::Bytes;
use serde_json::{Value, json};

use crate::auth::Caller;
use crate::errors::{ApiError, json_response};
use crate::render;
use crate::scope::{Account, InAccount, InConversation, Path, Place, Reply, Scope};
use crate::state::{Message, Store};
use crate::validate::{Fields, body};

/// `I18n.t('conversations.messages.deleted')`.
pub(crate) const DELETED: &str = "This message was deleted";

/// The statuses `Message.statuses` knows.
const STATUSES: [&str; 4] = ["sent", "delivered", "read", "failed"];

/// A message's conversation and the message id in the path; the message itself
/// is looked up by the handler (`updateMessage` checks the inbox first).
pub(crate) struct InMessage {
    conversation: InConversation,
    message_id: i64,
}

impl Place for InMessage {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let conversation = InConversation::find(store, caller, path)?;
        let message_id = path.id("message_id")?;
        Ok(Self {
            conversation,
            message_id,
        })
    }
}

impl InAccount for InMessage {
    fn account(&self) -> Account {
        self.conversation.account
    }
}

type MessageScope<'a> = Scope<'a, InMessage>;

/// `PATCH .../messages/{message_id}`.
pub(crate) fn update(mut cx: MessageScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "status")?;
    let f = Fields(&map);
    let status = f.string("status", false)?;
    let external_error = f.string("external_error", false)?;
    let (index, _) = conversation(&cx)?;
    let c = &cx.store.conversations[index];
    let api = cx
        .store
        .inbox(c.account_id, c.inbox_id)
        .is_some_and(|i| i.channel_type == "Channel::Api");
    if !api {
        let error = json!({"error": "Message status update is only allowed for API inboxes"});
        return Ok(json_response(StatusCode::FORBIDDEN, &error));
    }
    let message = message_mut(&mut cx, index)?;
    // Messages::StatusUpdateService: unknown statuses and read -> delivered
    // change nothing, and still answer 200.
    let known = STATUSES.iter().find(|s| Some(**s) == status.as_deref());
    let changed = match known {
        Some(&"delivered") if message.status == "read" => false,
        Some(&new) => {
            message.status = new;
            match external_error.filter(|_| new == "failed") {
                Some(e) => message
                    .content_attributes
                    .insert("external_error".into(), e.into()),
                None => message
                    .content_attributes
                    .insert("external_error".into(), Value::Null),
            };
            true
        }
        None => false,
    };
    answer(&cx, index, changed)
}

/// `DELETE .../messages/{message_id}`.
pub(crate) fn delete(mut cx: MessageScope<'_>) -> Reply {
    let (index, account_id) = conversation(&cx)?;
    let message = message_mut(&mut cx, index)?;
    message.content = Some(DELETED.to_owned());
    message.content_type = "text".to_owned();
    message.content_attributes = [("deleted".to_owned(), Value::Bool(true))]
        .into_iter()
        .collect();
    let id = message.id;
    cx.store.files.remove_message(account_id, id);
    answer(&cx, index, true)
}

/// The conversation's place in the store, and its account.
fn conversation(cx: &MessageScope<'_>) -> Result<(usize, i64), ApiError> {
    let account_id = cx.account_id();
    let index = cx
        .store
        .conversation_index(account_id, cx.place.conversation.display_id)
        .ok_or(ApiError::NotFound)?;
    Ok((index, account_id))
}

/// The path's message, in the conversation (`@conversation.messages.find`).
fn message_mut<'a>(
    cx: &'a mut MessageScope<'_>,
    index: usize,
) -> Result<&'a mut Message, ApiError> {
    let id = cx.place.message_id;
    cx.store.conversations[index]
        .messages
        .iter_mut()
        .find(|m| m.id == id)
        .ok_or(ApiError::NotFound)
}

/// The message as it now is; `message_updated` when it changed.
fn answer(cx: &MessageScope<'_>, index: usize, changed: bool) -> Reply {
    let c = &cx.store.conversations[index];
    let id = cx.place.message_id;
    if changed {
        cx.app.webhooks.message_updated(&cx.store, c, id);
    }
    let body = c
        .messages
        .iter()
        .find(|m| m.id == id)
        .map_or(Value::Null, |m| render::message(&cx.store, c, m));
    Ok(json_response(StatusCode::OK, &body))
}
