//! One conversation, to act on: [`ConversationHandle`].
//!
//! What a handle does is in the file named for it: `status` (resolve, reopen,
//! snooze...), `assignment` (assign, unassign), `priority`, `messages` (read the
//! history, reply, add a note), `upload` (files sent with a message), `message`
//! (one message: delete it, update its status), `attachments` (the
//! conversation's files), `labels`, `attributes` (custom attributes), `typing`,
//! `read_state` (mute, read, unread, transcript), `participants` and `update`
//! (priority and SLA policy by `PATCH`, delete). Making a handle sends nothing.

use crate::client::Client;

pub(crate) mod assignment;
pub(crate) mod attachments;
pub(crate) mod attributes;
pub(crate) mod labels;
pub(crate) mod message;
pub(crate) mod messages;
pub(crate) mod participants;
pub(crate) mod priority;
pub(crate) mod read_state;
pub(crate) mod reporting_events;
pub(crate) mod status;
pub(crate) mod typing;
pub(crate) mod update;
pub(crate) mod upload;

impl Client {
    /// Acts on one conversation: status changes, priority, assignment, messages.
    /// Sends nothing by itself; to fetch the conversation, use
    /// [`get_conversation`](Self::get_conversation).
    pub fn conversation(&self, conversation_id: i64) -> ConversationHandle {
        ConversationHandle {
            client: self.clone(),
            id: conversation_id,
        }
    }
}

/// One conversation, to act on; see [`Client::conversation`].
///
/// The status methods return a [`StatusRequest`](crate::StatusRequest) to add a
/// reason and an agent to, [`reply`](Self::reply) and [`note`](Self::note) a
/// [`MessageRequest`](crate::MessageRequest), [`messages`](Self::messages) a
/// [`MessageQuery`](crate::MessageQuery); each ends in `send()`. Assignment and
/// priority take no options and are sent at once.
///
/// ```no_run
/// use chrono::{Duration, Utc};
///
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let conversation = client.conversation(42);
/// conversation.mark_pending().reason("Waiting for the billing team").send().await?;
/// conversation.snooze_until(Utc::now() + Duration::days(1)).send().await?;
/// conversation.reopen().agent(7).send().await?;
/// conversation.reply("We are on it!").send().await?;
/// conversation.assign(7).await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct ConversationHandle {
    client: Client,
    id: i64,
}

impl ConversationHandle {
    /// The conversation's display id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// The client the handle sends its requests with.
    pub(crate) fn client(&self) -> &Client {
        &self.client
    }
}
