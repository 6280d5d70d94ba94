//! A conversation's messages: writing to it ([`ConversationHandle::reply`],
//! [`ConversationHandle::note`]) and reading its history
//! ([`ConversationHandle::messages`]).

use futures::stream::BoxStream;
use ruut_api::enums::MessageContentType;
use ruut_api::types::{self, Message, MessageListMeta};

use crate::client::Client;
use crate::conversations::conversation::ConversationHandle;
use crate::conversations::conversation::upload::{self, FileAttachment};
use crate::error::Error;
use crate::pagination::{self, Page};
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl ConversationHandle {
    /// A reply the customer will see; [`send`](MessageRequest::send) posts it.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let message = client.conversation(42).reply("Thanks, we are on it.").send().await?;
    /// println!("sent message {}", message.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn reply(&self, content: impl Into<String>) -> MessageRequest {
        MessageRequest::new(self, content.into(), false)
    }

    /// A private note, visible to agents only; [`send`](MessageRequest::send)
    /// posts it.
    pub fn note(&self, content: impl Into<String>) -> MessageRequest {
        MessageRequest::new(self, content.into(), true)
    }

    /// The conversation's messages, newest first; see [`MessageQuery`].
    pub fn messages(&self) -> MessageQuery {
        MessageQuery {
            client: self.client().clone(),
            options: CallOptions::default(),
            conversation_id: self.id(),
            before: None,
            after: None,
            filter_internal: false,
        }
    }
}

/// A message being written: a reply or a private note; see
/// [`ConversationHandle::reply`] and [`ConversationHandle::note`].
#[derive(Clone, Debug)]
#[must_use = "a message is not posted until `.send().await`"]
pub struct MessageRequest {
    client: Client,
    options: CallOptions,
    conversation_id: i64,
    body: types::NewMessage,
    attachments: Vec<FileAttachment>,
}

call_options!(MessageRequest);

impl MessageRequest {
    fn new(conversation: &ConversationHandle, content: String, private: bool) -> Self {
        Self {
            client: conversation.client().clone(),
            options: CallOptions::default(),
            conversation_id: conversation.id(),
            body: types::NewMessage {
                content,
                private: private.then_some(true),
                content_attributes: None,
                content_type: None,
                echo_id: None,
                message_type: None,
                source_id: None,
            },
            attachments: Vec::new(),
        }
    }

    /// Adds a file (at most [`MAX_ATTACHMENTS`](crate::MAX_ATTACHMENTS), each at
    /// most [`MAX_ATTACHMENT_BYTES`](crate::MAX_ATTACHMENT_BYTES)). A message with
    /// files is sent as `multipart/form-data`, the files streamed; its content
    /// may then be empty.
    ///
    /// ```no_run
    /// use ruut_sdk::FileAttachment;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let screenshot = std::fs::read("screenshot.png").expect("a screenshot");
    /// client
    ///     .conversation(42)
    ///     .note("What the customer sees")
    ///     .attach(FileAttachment::from_bytes("screenshot.png", "image/png", screenshot))
    ///     .send()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn attach(mut self, file: FileAttachment) -> Self {
        self.attachments.push(file);
        self
    }

    /// How the content is to be shown (default plain text); with
    /// [`content_attributes`](Self::content_attributes) for the types that need
    /// them (`input_select`'s items, say).
    pub fn content_type(mut self, content_type: MessageContentType) -> Self {
        self.body.content_type = Some(content_type);
        self
    }

    /// What the [`content_type`](Self::content_type) needs besides the text.
    pub fn content_attributes(mut self, attributes: types::Attributes) -> Self {
        self.body.content_attributes = Some(attributes);
        self
    }

    /// An id of the caller's choosing, echoed back with the message (in its
    /// webhook too): a way to recognise one's own message.
    pub fn echo_id(mut self, echo_id: impl Into<String>) -> Self {
        self.body.echo_id = Some(echo_id.into());
        self
    }

    /// Posts the message. Sent once, never retried: a repeat after a lost answer
    /// could post it twice.
    ///
    /// # Errors
    ///
    /// Before any request: [`InvalidRequest`](crate::ErrorKind::InvalidRequest)
    /// for an empty message without files or a file that cannot be read,
    /// [`AttachmentTooLarge`](crate::ErrorKind::AttachmentTooLarge) for files over
    /// the server's limits. Then any kind a request can fail with.
    pub async fn send(self) -> Result<Message, Error> {
        let op = Operation::CreateMessage;
        if self.body.content.trim().is_empty() && self.attachments.is_empty() {
            return Err(Error::invalid_request("a message needs some content").with_operation(op));
        }
        let account_id = self.client.require_account(op)?;
        if !self.attachments.is_empty() {
            upload::check(&self.attachments, op).await?;
            let (body, files) = (&self.body, &self.attachments);
            return self
                .client
                .call_with(&self.options, op, |raw| {
                    upload::send(raw, account_id, self.conversation_id, body, files)
                })
                .await;
        }
        self.client
            .call_with(&self.options, op, |raw| {
                raw.create_message()
                    .account_id(account_id)
                    .conversation_id(self.conversation_id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}

/// A listing of a conversation's messages; see [`ConversationHandle::messages`].
///
/// The server pages messages by id: the latest 20, then the 20 before the oldest
/// of those, and so on. [`stream`](Self::stream) walks that way back to the first
/// message; [`send`](Self::send) fetches one [`MessagePage`].
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
pub struct MessageQuery {
    client: Client,
    options: CallOptions,
    conversation_id: i64,
    before: Option<i64>,
    after: Option<i64>,
    filter_internal: bool,
}

/// One page of a conversation's messages; see [`MessageQuery::send`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct MessagePage {
    /// The messages on this page (at most 20), oldest first as the server sends
    /// them.
    pub messages: Vec<Message>,
    /// Facts about the conversation: its contact, assignee, labels, when the
    /// agent and the assignee last saw it.
    pub conversation: Option<MessageListMeta>,
    /// The id to pass to [`MessageQuery::before`] for the page of older messages:
    /// the oldest id on this page, `None` when the page is empty (the start of the
    /// conversation was passed).
    pub next_before: Option<i64>,
}

call_options!(MessageQuery);

impl MessageQuery {
    /// Only messages older than this message id.
    pub fn before(mut self, message_id: i64) -> Self {
        self.before = Some(message_id);
        self
    }

    /// Only messages newer than this message id: up to 100 of them, oldest
    /// first (with [`before`](Self::before) too, up to 1000 in between). For
    /// catching up from the last message seen; [`stream`](Self::stream) still
    /// walks backwards, so use [`send`](Self::send) with it.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let last_seen = 100;
    /// let newer = client.conversation(42).messages().after(last_seen).send().await?;
    /// for message in newer.messages {
    ///     println!("{}: {:?}", message.id, message.content);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn after(mut self, message_id: i64) -> Self {
        self.after = Some(message_id);
        self
    }

    /// Leaves out private notes and activity messages.
    pub fn filter_internal(mut self, filter: bool) -> Self {
        self.filter_internal = filter;
        self
    }

    /// Fetches one page: the latest 20 messages, or the 20 before
    /// [`before`](Self::before).
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with; [`UnexpectedResponse`](crate::ErrorKind::UnexpectedResponse)
    /// when the server answers [`before`](Self::before) with messages that are not
    /// older.
    pub async fn send(self) -> Result<MessagePage, Error> {
        let op = Operation::ListMessages;
        let account_id = self.client.require_account(op)?;
        let list = self
            .client
            .call_with(&self.options, op, |raw| {
                let mut request = raw
                    .list_messages()
                    .account_id(account_id)
                    .conversation_id(self.conversation_id);
                if let Some(before) = self.before {
                    request = request.before(before);
                }
                if let Some(after) = self.after {
                    request = request.after(after);
                }
                if self.filter_internal {
                    request = request.filter_internal_messages(true);
                }
                request.send()
            })
            .await?;
        let next_before = pagination::next_cursor(self.before, list.payload.iter().map(|m| m.id))?;
        Ok(MessagePage {
            messages: list.payload,
            conversation: list.meta,
            next_before,
        })
    }

    /// Every message, newest first, page after page back to the first one (or from
    /// [`before`](Self::before)), the next page fetched while this one is consumed.
    pub fn stream(self) -> BoxStream<'static, Result<Message, Error>> {
        pagination::items(self.before, move |before: Option<i64>| {
            let query = Self {
                before,
                ..self.clone()
            };
            async move {
                let page = query.send().await?;
                let mut items = page.messages;
                items.sort_by_key(|m| std::cmp::Reverse(m.id));
                Ok(Page {
                    items,
                    next: page.next_before.map(Some),
                })
            }
        })
    }
}
