//! Who handles a conversation: [`ConversationHandle::assign`],
//! [`ConversationHandle::assign_team`] and [`ConversationHandle::unassign`].

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

    /// Unassigns the conversation: sends `{"assignee_id": null}`, which the
    /// server tells apart from a body without the key (that one assigns a
    /// team, or nothing).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// client.conversation(42).unassign().await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn unassign(&self) -> Result<(), Error> {
        let op = Operation::AssignConversation;
        let client = self.client();
        let account_id = client.require_account(op)?;
        // The generated `AssignmentRequest` skips a `None` assignee_id, so the
        // explicit null goes as JSON through the same call path.
        let path = format!(
            "/api/v1/accounts/{account_id}/conversations/{}/assignments",
            self.id()
        );
        let body = serde_json::json!({"assignee_id": null});
        let _: types::AssignmentResult = client.call_json(op, &path, &body).await?;
        Ok(())
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
