//! One message of a conversation, to act on: [`MessageHandle`] (from
//! [`ConversationHandle::message`]): delete it, or update its delivery status.

use ruut_api::enums::MessageStatus;
use ruut_api::operations::Operation;
use ruut_api::types::{self, Message};

use crate::client::Client;
use crate::conversations::conversation::ConversationHandle;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl ConversationHandle {
    /// Acts on one message of the conversation. Sends nothing by itself.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let deleted = client.conversation(42).message(101).delete().await?;
    /// assert_eq!(deleted.content.as_deref(), Some("This message was deleted"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn message(&self, message_id: i64) -> MessageHandle {
        MessageHandle {
            client: self.client().clone(),
            conversation_id: self.id(),
            id: message_id,
        }
    }
}

/// One message, to act on; see [`ConversationHandle::message`].
#[derive(Clone, Debug)]
pub struct MessageHandle {
    client: Client,
    conversation_id: i64,
    id: i64,
}

impl MessageHandle {
    /// The message's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// The id of the conversation it is in.
    pub fn conversation_id(&self) -> i64 {
        self.conversation_id
    }

    /// Deletes the message as the dashboard does: it stays in the conversation
    /// with the content "This message was deleted" and
    /// `content_attributes.deleted` true, and its files are removed. Returns the
    /// message so changed. Safe to repeat, so retried like any idempotent call.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// client.conversation(42).message(101).delete().await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) for a message not in the
    /// conversation; any kind a request can fail with.
    pub async fn delete(&self) -> Result<Message, Error> {
        let op = Operation::DeleteMessage;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_message()
                    .account_id(account_id)
                    .conversation_id(self.conversation_id)
                    .message_id(self.id)
                    .send()
            })
            .await
    }

    /// A change of the message's delivery status (API inboxes only): how an
    /// integration reports that it delivered a message, that the customer read
    /// it, or that it could not be delivered; see [`UpdateMessageRequest`].
    ///
    /// ```no_run
    /// use ruut_sdk::enums::MessageStatus;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let message = client.conversation(42).message(101);
    /// message.update().status(MessageStatus::Delivered).send().await?;
    /// message
    ///     .update()
    ///     .status(MessageStatus::Failed)
    ///     .external_error("Recipient phone number is not on WhatsApp")
    ///     .send()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn update(&self) -> UpdateMessageRequest {
        UpdateMessageRequest {
            message: self.clone(),
            options: CallOptions::default(),
            body: types::MessageStatusUpdate {
                status: None,
                external_error: None,
            },
        }
    }
}

/// A change of a message's delivery status; see [`MessageHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "nothing changes until `.send().await`"]
pub struct UpdateMessageRequest {
    message: MessageHandle,
    options: CallOptions,
    body: types::MessageStatusUpdate,
}

call_options!(UpdateMessageRequest);

impl UpdateMessageRequest {
    /// The new status. The server ignores a change from `read` back to
    /// `delivered` (and statuses it does not know), answering with the message
    /// unchanged.
    pub fn status(mut self, status: MessageStatus) -> Self {
        self.body.status = Some(status);
        self
    }

    /// Why the message could not be delivered; kept by the server with
    /// [`MessageStatus::Failed`] only (any other status clears it), in the
    /// message's `content_attributes.external_error`.
    pub fn external_error(mut self, error: impl Into<String>) -> Self {
        self.body.external_error = Some(error.into());
        self
    }

    /// Sends the change; returns the message as it now is. Setting a status is
    /// safe to repeat, so it is retried like any idempotent call.
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest), before any request,
    /// when no status was set; [`Forbidden`](crate::ErrorKind::Forbidden) (403)
    /// when the conversation is not in an API inbox;
    /// [`NotFound`](crate::ErrorKind::NotFound) for a message not in it; any
    /// kind a request can fail with.
    pub async fn send(self) -> Result<Message, Error> {
        let op = Operation::UpdateMessage;
        if self.body.status.is_none() {
            return Err(
                Error::invalid_request("a message update needs a status").with_operation(op)
            );
        }
        let client = &self.message.client;
        let account_id = client.require_account(op)?;
        client
            .call_with(&self.options, op, |raw| {
                raw.update_message()
                    .account_id(account_id)
                    .conversation_id(self.message.conversation_id)
                    .message_id(self.message.id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
