//! A conversation's labels: [`ConversationHandle::labels`] and
//! [`ConversationHandle::set_labels`].

use ruut_api::operations::Operation;

use crate::conversations::conversation::ConversationHandle;
use crate::error::Error;

impl ConversationHandle {
    /// The conversation's labels.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) with an agent-bot token
    /// (Chatwoot 4.10.1 does not open labels to bots); any other kind a
    /// request can fail with.
    pub async fn labels(&self) -> Result<Vec<String>, Error> {
        let op = Operation::ListConversationLabels;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let answer = client
            .call(op, |raw| {
                raw.list_conversation_labels()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }

    /// Replaces the conversation's labels with `labels` (labels not listed are
    /// removed; an empty list removes them all) and returns them as the server
    /// now has them.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let conversation = client.conversation(42);
    /// let mut labels = conversation.labels().await?;
    /// labels.push("vip".to_owned());
    /// conversation.set_labels(labels).await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// As [`labels`](Self::labels).
    pub async fn set_labels<I, S>(&self, labels: I) -> Result<Vec<String>, Error>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let op = Operation::SetConversationLabels;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let labels: Vec<String> = labels.into_iter().map(Into::into).collect();
        let answer = client
            .call(op, |raw| {
                raw.set_conversation_labels()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .body_map(|body| body.labels(labels.clone()))
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }
}
