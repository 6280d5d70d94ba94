//! A conversation's priority: [`ConversationHandle::set_priority`].

use ruut_api::enums::ConversationPriority;

use crate::conversations::conversation::ConversationHandle;
use crate::error::Error;
use ruut_api::operations::Operation;

impl ConversationHandle {
    /// Sets the priority, or clears it with `None`.
    ///
    /// ```no_run
    /// use ruut_sdk::ConversationPriority;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// client.conversation(42).set_priority(Some(ConversationPriority::Urgent)).await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn set_priority(&self, priority: Option<ConversationPriority>) -> Result<(), Error> {
        let op = Operation::ToggleConversationPriority;
        let client = self.client();
        let account_id = client.require_account(op)?;
        client
            .call(op, |raw| {
                raw.toggle_conversation_priority()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .body_map(|body| body.priority(priority.clone()))
                    .send()
            })
            .await
    }
}
