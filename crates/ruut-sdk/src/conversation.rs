//! One conversation, to act on: its status, priority, assignee and messages.

use chrono::{DateTime, Utc};
use ruut_api::enums::{ConversationPriority, ConversationStatus};
use ruut_api::types;

use crate::client::Client;
use crate::error::Error;
use crate::messages::MessageList;
use crate::retry::ops;
use crate::status::StatusRequest;

impl Client {
    /// Acts on one conversation: status changes, priority, assignment, messages.
    pub fn conversation(&self, conversation_id: i64) -> ConversationHandle {
        ConversationHandle {
            client: self.clone(),
            id: conversation_id,
        }
    }
}

/// One conversation, to act on; see [`Client::conversation`].
///
/// The status methods return a [`StatusRequest`] to add a reason and an agent to,
/// then [`send`](StatusRequest::send).
///
/// ```no_run
/// use chrono::{Duration, Utc};
///
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let conversation = client.conversation(42);
/// conversation.mark_pending().reason("Waiting for the billing team").send().await?;
/// conversation.snooze_until(Utc::now() + Duration::days(1)).send().await?;
/// conversation.reopen().agent(7).send().await?;
/// conversation.send_reply("We are on it!").await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct ConversationHandle {
    client: Client,
    id: i64,
}

impl ConversationHandle {
    /// The conversation's display id.
    pub fn id(&self) -> i64 {
        self.id
    }

    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    /// Marks the conversation resolved.
    pub fn resolve(&self) -> StatusRequest {
        self.set_status(ConversationStatus::Resolved)
    }

    /// Reopens the conversation (status `open`).
    pub fn reopen(&self) -> StatusRequest {
        self.set_status(ConversationStatus::Open)
    }

    /// Marks the conversation pending.
    pub fn mark_pending(&self) -> StatusRequest {
        self.set_status(ConversationStatus::Pending)
    }

    /// Snoozes the conversation until `until` (or until the customer replies, if
    /// sooner).
    pub fn snooze_until(&self, until: DateTime<Utc>) -> StatusRequest {
        StatusRequest::new(
            self.client.clone(),
            self.id,
            ConversationStatus::Snoozed,
            Some(until),
        )
    }

    /// Snoozes the conversation until the customer replies.
    pub fn snooze_until_reply(&self) -> StatusRequest {
        self.set_status(ConversationStatus::Snoozed)
    }

    /// Marks the conversation for a follow-up (`scheduling`). Only Ruut's documented
    /// route knows this status; on the account-scoped route, sending it is an
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest) error before any request.
    pub fn schedule(&self) -> StatusRequest {
        self.set_status(ConversationStatus::Scheduling)
    }

    /// Sets any status, named by value (a snooze without a time lasts until the
    /// customer replies).
    pub fn set_status(&self, status: ConversationStatus) -> StatusRequest {
        StatusRequest::new(self.client.clone(), self.id, status, None)
    }

    /// Sets the priority, or clears it with `None`.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn set_priority(&self, priority: Option<ConversationPriority>) -> Result<(), Error> {
        let op = ops::TOGGLE_CONVERSATION_PRIORITY;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.toggle_conversation_priority()
                    .account_id(account_id)
                    .conversation_id(self.id)
                    .body_map(|body| body.priority(priority.clone()))
                    .send()
            })
            .await
    }

    /// Assigns the conversation to an agent; the answer is the new assignee.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn assign(&self, agent_id: i64) -> Result<Option<types::Assignee>, Error> {
        self.assignment(|body| body.assignee_id(agent_id)).await
    }

    /// Assigns the conversation to a team.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn assign_team(&self, team_id: i64) -> Result<Option<types::Assignee>, Error> {
        self.assignment(|body| body.team_id(team_id)).await
    }

    async fn assignment(
        &self,
        body: impl Fn(types::builder::AssignmentRequest) -> types::builder::AssignmentRequest,
    ) -> Result<Option<types::Assignee>, Error> {
        let op = ops::ASSIGN_CONVERSATION;
        let account_id = self.client.require_account(op)?;
        let answer = self
            .client
            .call(op, |raw| {
                raw.assign_conversation()
                    .account_id(account_id)
                    .conversation_id(self.id)
                    .body_map(&body)
                    .send()
            })
            .await?;
        Ok(answer.0)
    }

    /// The conversation's messages, newest first; see [`MessageList`].
    pub fn messages(&self) -> MessageList {
        MessageList::new(self.client.clone(), self.id)
    }
}
