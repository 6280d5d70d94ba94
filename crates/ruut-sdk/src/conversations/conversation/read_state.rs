//! Whether a conversation is muted and read: [`ConversationHandle::mute`],
//! [`ConversationHandle::unmute`], [`ConversationHandle::mark_read`] and
//! [`ConversationHandle::mark_unread`].

use ruut_api::operations::Operation;
use ruut_api::types::Conversation;

use crate::conversations::conversation::ConversationHandle;
use crate::error::Error;

impl ConversationHandle {
    /// Mutes the conversation: the server resolves it and blocks its contact
    /// (`muted` reads true in every conversation of that contact, whose new
    /// messages no longer reopen them).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let conversation = client.conversation(42);
    /// conversation.mute().await?;
    /// conversation.unmute().await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn mute(&self) -> Result<(), Error> {
        let op = Operation::MuteConversation;
        let client = self.client();
        let account_id = client.require_account(op)?;
        client
            .call(op, |raw| {
                raw.mute_conversation()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .send()
            })
            .await
    }

    /// Unmutes the conversation (unblocks its contact); the status stays.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn unmute(&self) -> Result<(), Error> {
        let op = Operation::UnmuteConversation;
        let client = self.client();
        let account_id = client.require_account(op)?;
        client
            .call(op, |raw| {
                raw.unmute_conversation()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .send()
            })
            .await
    }

    /// Marks the conversation read by the caller (`agent_last_seen_at` now,
    /// `unread_count` 0); the answer is the conversation.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn mark_read(&self) -> Result<Conversation, Error> {
        let op = Operation::UpdateConversationLastSeen;
        let client = self.client();
        let account_id = client.require_account(op)?;
        client
            .call(op, |raw| {
                raw.update_conversation_last_seen()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .send()
            })
            .await
    }

    /// Marks the conversation unread: its last incoming message counts as
    /// unread again. The answer is the conversation.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let conversation = client.conversation(42).mark_unread().await?;
    /// assert!(conversation.unread_count > 0);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn mark_unread(&self) -> Result<Conversation, Error> {
        let op = Operation::MarkConversationUnread;
        let client = self.client();
        let account_id = client.require_account(op)?;
        client
            .call(op, |raw| {
                raw.mark_conversation_unread()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .send()
            })
            .await
    }

    /// E-mails the conversation's transcript to `email`. Not retried: each
    /// call sends an e-mail.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// client.conversation(42).send_transcript("customer@example.com").await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest) for an empty
    /// address (before any request); [`RateLimited`](crate::ErrorKind::RateLimited)
    /// when the account's e-mail quota is used up; any other kind a request can fail with.
    pub async fn send_transcript(&self, email: &str) -> Result<(), Error> {
        let op = Operation::SendConversationTranscript;
        let client = self.client();
        let account_id = client.require_account(op)?;
        if email.trim().is_empty() {
            return Err(Error::invalid_request("the e-mail address is empty"));
        }
        let email = email.to_string();
        client
            .call(op, |raw| {
                raw.send_conversation_transcript()
                    .account_id(account_id)
                    .conversation_id(self.id())
                    .body_map(|body| body.email(email.clone()))
                    .send()
            })
            .await
    }
}
