//! Changing or deleting the conversation record itself:
//! [`ConversationHandle::update`] (priority and SLA policy, the only
//! attributes the server's `PATCH` permits) and [`ConversationHandle::delete`].

use ruut_api::enums::ConversationPriority;
use ruut_api::operations::Operation;
use ruut_api::types::Conversation;
use serde_json::{Map, Value, json};

use crate::client::Client;
use crate::conversations::conversation::ConversationHandle;
use crate::error::Error;

impl ConversationHandle {
    /// Starts an update of the conversation's priority or SLA policy
    /// (`PATCH` of the conversation); nothing is sent until
    /// [`send`](UpdateConversationRequest::send). The server permits no other
    /// attribute here: assign with [`assign`](Self::assign), label with
    /// [`set_labels`](Self::set_labels).
    ///
    /// ```no_run
    /// use ruut_sdk::ConversationPriority;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let conversation = client
    ///     .conversation(42)
    ///     .update()
    ///     .priority(Some(ConversationPriority::High))
    ///     .send()
    ///     .await?;
    /// assert_eq!(conversation.priority, Some(ConversationPriority::High));
    /// # Ok(())
    /// # }
    /// ```
    pub fn update(&self) -> UpdateConversationRequest {
        UpdateConversationRequest {
            client: self.client().clone(),
            id: self.id(),
            body: Map::new(),
        }
    }

    /// Deletes the conversation and its messages. Administrators only: an
    /// agent's token gets [`Forbidden`](crate::ErrorKind::Forbidden).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// client.conversation(42).delete().await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) for an unknown conversation;
    /// any other kind a request can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteConversation;
        let client = self.client();
        let account_id = client.require_account(op)?;
        client
            .call(op, |raw| {
                raw.delete_conversation()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .send()
            })
            .await
    }
}

/// An update of a conversation's priority or SLA policy; see
/// [`ConversationHandle::update`]. Only the attributes set are sent; `None`
/// sends an explicit `null`, which clears the attribute.
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct UpdateConversationRequest {
    client: Client,
    id: i64,
    body: Map<String, Value>,
}

impl UpdateConversationRequest {
    /// Sets the priority, or clears it with `None`.
    pub fn priority(mut self, priority: Option<ConversationPriority>) -> Self {
        let value = priority.map_or(Value::Null, |p| json!(p.as_str()));
        self.body.insert("priority".to_owned(), value);
        self
    }

    /// Sets the SLA policy (servers with the enterprise edition), or removes it with `None`.
    pub fn sla_policy(mut self, sla_policy_id: Option<i64>) -> Self {
        self.body
            .insert("sla_policy_id".to_owned(), json!(sla_policy_id));
        self
    }

    /// Sends the update; the answer is the conversation.
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest) for a priority the
    /// server does not know; any other kind a request can fail with.
    pub async fn send(self) -> Result<Conversation, Error> {
        let op = Operation::UpdateConversation;
        let account_id = self.client.require_account(op)?;
        // The generated body type cannot send `null` (it skips `None`), and
        // `null` is how a priority is cleared: the body goes as JSON.
        let path = format!("/api/v1/accounts/{account_id}/conversations/{}", self.id);
        self.client
            .call_json(op, &path, &Value::Object(self.body))
            .await
    }
}
