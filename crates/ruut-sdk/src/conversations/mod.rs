//! Conversations: listing and counting them (`query`, `page`), fetching one (here),
//! starting one (`create`), and acting on one (`conversation`: its status,
//! assignment, priority and messages).

use ruut_api::types::Conversation;

use crate::client::Client;
use crate::error::Error;
use ruut_api::operations::Operation;

pub(crate) mod bulk;
pub(crate) mod conversation;
pub(crate) mod create;
pub(crate) mod page;
pub(crate) mod query;
pub(crate) mod search;

impl Client {
    /// Fetches one conversation by its display id.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// conversation; [`Forbidden`](crate::ErrorKind::Forbidden) when the user may not
    /// see its inbox; any other kind a request can fail with.
    pub async fn get_conversation(&self, conversation_id: i64) -> Result<Conversation, Error> {
        let op = Operation::GetConversation;
        let account_id = self.require_account(op)?;
        self.call(op, |raw| {
            raw.get_conversation()
                .account_id(account_id)
                .conversation_id(conversation_id)
                .send()
        })
        .await
    }
}
