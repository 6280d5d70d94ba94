//! What the conversation actions of issue 12 keep about a conversation
//! (participants, SLA policy, the assignee's last visit) and about the
//! account (the transcripts it e-mailed), and what tests can read back.

use crate::sandbox::Sandbox;

/// The per-conversation state of the conversation actions, beside the
/// columns every route reads (in [`crate::state::Conversation`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct ConversationExtra {
    /// The agents taking part (`conversation_participants`), in the order added.
    pub participants: Vec<i64>,
    /// `sla_policy_id` (set by `updateConversation`).
    pub sla_policy_id: Option<i64>,
    /// `assignee_last_seen_at` (Unix seconds, 0 unset).
    pub assignee_last_seen_at: i64,
}

/// A transcript `sendConversationTranscript` e-mailed (recorded, not sent).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Transcript {
    /// The conversation's account.
    pub account_id: i64,
    /// The conversation's display id.
    pub conversation_id: i64,
    /// Where it went.
    pub email: String,
    /// How many messages it held.
    pub messages: usize,
}

impl Sandbox {
    /// The transcripts e-mailed so far (by `sendConversationTranscript`), oldest first.
    pub fn transcripts(&self) -> Vec<Transcript> {
        self.app().store.lock().transcripts.clone()
    }
}
