//! Who handles a conversation: [`ConversationHandle::assign`] and
//! [`ConversationHandle::assign_team`].

use ruut_api::types::{self, Assignee};

use crate::conversations::conversation::ConversationHandle;
use crate::error::Error;
use ruut_api::operations::Operation;

impl ConversationHandle {
    /// Assigns the conversation to an agent; the answer is the new assignee.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn assign(&self, agent_id: i64) -> Result<Option<Assignee>, Error> {
        self.assignment(|body| body.assignee_id(agent_id)).await
    }

    /// Assigns the conversation to a team.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn assign_team(&self, team_id: i64) -> Result<Option<Assignee>, Error> {
        self.assignment(|body| body.team_id(team_id)).await
    }

    async fn assignment(
        &self,
        body: impl Fn(types::builder::AssignmentRequest) -> types::builder::AssignmentRequest,
    ) -> Result<Option<Assignee>, Error> {
        let op = Operation::AssignConversation;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let answer = client
            .call(op, |raw| {
                raw.assign_conversation()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .body_map(&body)
                    .send()
            })
            .await?;
        Ok(answer.0)
    }
}
