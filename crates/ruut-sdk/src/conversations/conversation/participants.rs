//! The agents taking part in a conversation besides its assignee:
//! [`ConversationHandle::participants`], [`ConversationHandle::add_participants`],
//! [`ConversationHandle::set_participants`] and
//! [`ConversationHandle::remove_participants`].

use ruut_api::operations::Operation;
use ruut_api::types::Assignee;

use crate::conversations::conversation::ConversationHandle;
use crate::error::Error;

impl ConversationHandle {
    /// The conversation's participants (agents).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let conversation = client.conversation(42);
    /// conversation.add_participants(&[7, 8]).await?;
    /// conversation.remove_participants(&[8]).await?;
    /// let names: Vec<_> = conversation.participants().await?.into_iter().map(|a| a.name).collect();
    /// # let _ = names;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) with an agent-bot
    /// token; any other kind a request can fail with.
    pub async fn participants(&self) -> Result<Vec<Assignee>, Error> {
        let op = Operation::ListConversationParticipants;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let answer = client
            .call(op, |raw| {
                raw.list_conversation_participants()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .send()
            })
            .await?;
        Ok(answer.0)
    }

    /// Adds the agents `user_ids` names; the answer lists only those newly
    /// added (ids already taking part, and ids that are not agents of the
    /// account, are left out).
    ///
    /// # Errors
    ///
    /// As [`participants`](Self::participants).
    pub async fn add_participants(&self, user_ids: &[i64]) -> Result<Vec<Assignee>, Error> {
        let op = Operation::AddConversationParticipants;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let answer = client
            .call(op, |raw| {
                raw.add_conversation_participants()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .body_map(|body| body.user_ids(user_ids.to_vec()))
                    .send()
            })
            .await?;
        Ok(answer.0)
    }

    /// Makes `user_ids` the whole list of participants; the answer lists them all.
    ///
    /// # Errors
    ///
    /// As [`participants`](Self::participants).
    pub async fn set_participants(&self, user_ids: &[i64]) -> Result<Vec<Assignee>, Error> {
        let op = Operation::UpdateConversationParticipants;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let answer = client
            .call(op, |raw| {
                raw.update_conversation_participants()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .body_map(|body| body.user_ids(user_ids.to_vec()))
                    .send()
            })
            .await?;
        Ok(answer.0)
    }

    /// Removes the agents `user_ids` names (ids not taking part are ignored).
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest) for an empty list
    /// (before any request); otherwise as [`participants`](Self::participants).
    pub async fn remove_participants(&self, user_ids: &[i64]) -> Result<(), Error> {
        let op = Operation::RemoveConversationParticipants;
        let client = self.client();
        let account_id = client.require_account(op)?;
        if user_ids.is_empty() {
            return Err(
                Error::invalid_request("remove_participants needs at least one user id")
                    .with_operation(op),
            );
        }
        client
            .call(op, |raw| {
                raw.remove_conversation_participants()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .user_ids(user_ids.to_vec())
                    .send()
            })
            .await
    }
}
