//! Messages: reading a conversation's history and writing to it.

use futures::stream::BoxStream;
use ruut_api::types::{self, Message};

use crate::client::Client;
use crate::conversation::ConversationHandle;
use crate::error::Error;
use crate::pagination::{self, Page};
use crate::retry::ops;

impl ConversationHandle {
    /// Sends a reply the customer will see. Not retried: a repeat after a lost
    /// answer could post it twice.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let message = client.conversation(42).send_reply("Thanks, we are on it.").await?;
    /// println!("sent message {}", message.id);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest) for an empty message,
    /// before any request; any kind a request can fail with.
    pub async fn send_reply(&self, content: impl Into<String>) -> Result<Message, Error> {
        send_message(self, content.into(), false).await
    }

    /// Adds a private note, visible to agents only. Not retried, like
    /// [`send_reply`](Self::send_reply).
    ///
    /// # Errors
    ///
    /// As [`send_reply`](Self::send_reply).
    pub async fn send_private_note(&self, content: impl Into<String>) -> Result<Message, Error> {
        send_message(self, content.into(), true).await
    }
}

async fn send_message(
    conversation: &ConversationHandle,
    content: String,
    private: bool,
) -> Result<Message, Error> {
    let op = ops::CREATE_MESSAGE;
    if content.trim().is_empty() {
        return Err(Error::invalid_request("a message needs some content").with_operation(op.id));
    }
    let client = conversation.client();
    let account_id = client.require_account(op)?;
    client
        .call(op, |raw| {
            raw.create_message()
                .account_id(account_id)
                .conversation_id(conversation.id())
                .body_map(|body| {
                    let body = body.content(content.clone());
                    if private { body.private(true) } else { body }
                })
                .send()
        })
        .await
}

/// A conversation's messages, newest first; see [`ConversationHandle::messages`].
///
/// The server pages messages by id: the latest 20, then the 20 before the oldest
/// of those, and so on. [`stream`](Self::stream) walks that way back to the first
/// message; [`send`](Self::send) fetches one page.
///
/// ```no_run
/// use futures::TryStreamExt;
///
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let history: Vec<_> = client
///     .conversation(42)
///     .messages()
///     .filter_internal(true)
///     .stream()
///     .try_collect()
///     .await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use = "a listing does nothing until it is streamed or sent"]
pub struct MessageList {
    client: Client,
    conversation_id: i64,
    before: Option<i64>,
    filter_internal: bool,
}

impl MessageList {
    pub(crate) fn new(client: Client, conversation_id: i64) -> Self {
        Self {
            client,
            conversation_id,
            before: None,
            filter_internal: false,
        }
    }

    /// Only messages older than this message id.
    pub fn before(mut self, message_id: i64) -> Self {
        self.before = Some(message_id);
        self
    }

    /// Leaves out private notes and activity messages.
    pub fn filter_internal(mut self, filter: bool) -> Self {
        self.filter_internal = filter;
        self
    }

    /// Fetches one page: the latest 20 messages, or the 20 before
    /// [`before`](Self::before), oldest first as the server sends them, with facts
    /// about the conversation.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn send(&self) -> Result<types::MessageList, Error> {
        let op = ops::LIST_MESSAGES;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                let mut request = raw
                    .list_messages()
                    .account_id(account_id)
                    .conversation_id(self.conversation_id);
                if let Some(before) = self.before {
                    request = request.before(before);
                }
                if self.filter_internal {
                    request = request.filter_internal_messages(true);
                }
                request.send()
            })
            .await
    }

    /// Every message, newest first, page after page back to the first one (or from
    /// [`before`](Self::before)), fetched as the stream is consumed.
    pub fn stream(self) -> BoxStream<'static, Result<Message, Error>> {
        pagination::items(self.before, move |before: Option<i64>| {
            let list = Self {
                before,
                ..self.clone()
            };
            async move {
                let mut items = list.send().await?.payload;
                let next = pagination::next_cursor(before, items.iter().map(|m| m.id))?;
                items.sort_by_key(|m| std::cmp::Reverse(m.id));
                Ok(Page {
                    items,
                    next: next.map(Some),
                })
            }
        })
    }
}
