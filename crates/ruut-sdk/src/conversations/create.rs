//! Starting a conversation: [`Client::create_conversation`] and its
//! [`CreateConversationRequest`].

use ruut_api::types::{self, Conversation};

use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl Client {
    /// Starts a conversation in an inbox, for an existing contact. Not retried: a
    /// repeat could start two.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let conversation = client
    ///     .create_conversation(1)
    ///     .contact(11)
    ///     .message("Hello, how can we help?")
    ///     .send()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_conversation(&self, inbox_id: i64) -> CreateConversationRequest {
        CreateConversationRequest {
            client: self.clone(),
            options: CallOptions::default(),
            inbox_id,
            contact_id: None,
            source_id: None,
            status: None,
            assignee_id: None,
            team_id: None,
            message: None,
        }
    }
}

/// A conversation being started; see [`Client::create_conversation`].
#[derive(Clone, Debug)]
#[must_use = "a new conversation is not created until `.send().await`"]
pub struct CreateConversationRequest {
    client: Client,
    options: CallOptions,
    inbox_id: i64,
    contact_id: Option<i64>,
    source_id: Option<String>,
    status: Option<types::ToggleableStatus>,
    assignee_id: Option<i64>,
    team_id: Option<i64>,
    message: Option<String>,
}

call_options!(CreateConversationRequest);

impl CreateConversationRequest {
    /// The contact the conversation is with.
    pub fn contact(mut self, contact_id: i64) -> Self {
        self.contact_id = Some(contact_id);
        self
    }

    /// The contact inbox (by its source id) the conversation is in, instead of a
    /// contact.
    pub fn source_id(mut self, source_id: impl Into<String>) -> Self {
        self.source_id = Some(source_id.into());
        self
    }

    /// The status to start with (default `open`).
    pub fn status(mut self, status: types::ToggleableStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// The agent to assign.
    pub fn assignee(mut self, agent_id: i64) -> Self {
        self.assignee_id = Some(agent_id);
        self
    }

    /// The team to assign.
    pub fn team(mut self, team_id: i64) -> Self {
        self.team_id = Some(team_id);
        self
    }

    /// The first message.
    pub fn message(mut self, content: impl Into<String>) -> Self {
        self.message = Some(content.into());
        self
    }

    /// Creates the conversation. Sent once, never retried.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when the server refuses it (no
    /// contact, say); any other kind a request can fail with.
    pub async fn send(self) -> Result<Conversation, Error> {
        let op = Operation::CreateConversation;
        let account_id = self.client.require_account(op)?;
        self.client
            .call_with(&self.options, op, |raw| {
                raw.create_conversation()
                    .account_id(account_id)
                    .body_map(|body| {
                        let mut body = body.inbox_id(self.inbox_id);
                        if let Some(contact_id) = self.contact_id {
                            body = body.contact_id(contact_id);
                        }
                        if let Some(source_id) = &self.source_id {
                            body = body.source_id(source_id.clone());
                        }
                        if let Some(status) = self.status {
                            body = body.status(status);
                        }
                        if let Some(assignee_id) = self.assignee_id {
                            body = body.assignee_id(assignee_id);
                        }
                        if let Some(team_id) = self.team_id {
                            body = body.team_id(team_id);
                        }
                        if let Some(content) = &self.message {
                            body = body.message(types::NewConversationMessage {
                                content: content.clone(),
                            });
                        }
                        body
                    })
                    .send()
            })
            .await
    }
}
