//! The typing indicator: [`ConversationHandle::typing_on`] and
//! [`ConversationHandle::typing_off`], each a [`TypingRequest`].

use ruut_api::operations::Operation;
use ruut_api::types::TypingStatus;

use crate::client::Client;
use crate::conversations::conversation::ConversationHandle;
use crate::error::Error;

impl ConversationHandle {
    /// Shows the caller as typing in the conversation (the server sends the
    /// `conversation_typing_on` webhook); nothing is sent until
    /// [`send`](TypingRequest::send). Chatwoot 4.10.1 refuses agent-bot tokens
    /// here ([`Forbidden`](crate::ErrorKind::Forbidden)); later versions allow them.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let conversation = client.conversation(42);
    /// conversation.typing_on().send().await?;
    /// conversation.reply("Let me check that for you.").send().await?;
    /// conversation.typing_off().send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn typing_on(&self) -> TypingRequest {
        self.typing(TypingStatus::On)
    }

    /// Stops showing the caller as typing (`conversation_typing_off`); see
    /// [`typing_on`](Self::typing_on).
    pub fn typing_off(&self) -> TypingRequest {
        self.typing(TypingStatus::Off)
    }

    fn typing(&self, status: TypingStatus) -> TypingRequest {
        TypingRequest {
            client: self.client().clone(),
            id: self.id(),
            status,
            private: None,
        }
    }
}

/// A typing indicator to announce; see [`ConversationHandle::typing_on`].
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct TypingRequest {
    client: Client,
    id: i64,
    status: TypingStatus,
    private: Option<bool>,
}

impl TypingRequest {
    /// Typing a private note (shown to agents only; passed on in the webhook).
    pub fn private(mut self) -> Self {
        self.private = Some(true);
        self
    }

    /// Announces it.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) with an agent-bot token
    /// on Chatwoot 4.10.1; any other kind a request can fail with.
    pub async fn send(self) -> Result<(), Error> {
        let op = Operation::ToggleTypingStatus;
        let account_id = self.client.require_account(op)?;
        let (status, private) = (self.status, self.private);
        self.client
            .call(op, |raw| {
                raw.toggle_typing_status()
                    .account_id(account_id)
                    .conversation_id(self.id)
                    .body_map(|body| body.typing_status(status).is_private(private))
                    .send()
            })
            .await
    }
}
