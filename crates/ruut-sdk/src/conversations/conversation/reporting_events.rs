//! The events the reports count for one conversation:
//! [`ConversationHandle::reporting_events`].

use ruut_api::operations::Operation;
use ruut_api::types::ReportingEvent;

use crate::conversations::conversation::ConversationHandle;
use crate::error::Error;

impl ConversationHandle {
    /// The conversation's reporting events (its first response, reply times,
    /// resolutions, ...), oldest first. Served by Chatwoot's Enterprise
    /// edition only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for event in client.conversation(42).reporting_events().await? {
    ///     println!("{}: {} s", event.name, event.value);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// conversation (or the server lacks the Enterprise edition); any other
    /// kind a request can fail with.
    pub async fn reporting_events(&self) -> Result<Vec<ReportingEvent>, Error> {
        let op = Operation::GetConversationReportingEvents;
        let account_id = self.client().require_account(op)?;
        let id = self.id();
        self.client()
            .call(op, |raw| {
                raw.get_conversation_reporting_events()
                    .account_id(account_id)
                    .conversation_id(id)
                    .send()
            })
            .await
    }
}
