//! A conversation's custom attributes: [`ConversationHandle::set_custom_attributes`].

use ruut_api::operations::Operation;
use ruut_api::types::Attributes;
use serde_json::{Map, Value};

use crate::conversations::conversation::ConversationHandle;
use crate::error::Error;

impl ConversationHandle {
    /// Replaces the conversation's custom attributes with `attributes` (the
    /// whole map: keys not in it are removed) and returns them as the server
    /// now has them. Agent-bot tokens may call it.
    ///
    /// ```no_run
    /// use serde_json::json;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let attributes = json!({"order_id": "1042", "plan": "pro"});
    /// let attributes = attributes.as_object().cloned().unwrap_or_default();
    /// client.conversation(42).set_custom_attributes(attributes).await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn set_custom_attributes(
        &self,
        attributes: Map<String, Value>,
    ) -> Result<Map<String, Value>, Error> {
        let op = Operation::SetConversationCustomAttributes;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let answer = client
            .call(op, |raw| {
                raw.set_conversation_custom_attributes()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .body_map(|body| body.custom_attributes(Attributes(attributes.clone())))
                    .send()
            })
            .await?;
        Ok(answer.custom_attributes.map(|a| a.0).unwrap_or_default())
    }
}
