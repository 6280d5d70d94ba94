//! [`ConversationPage`]: what one page of a conversation listing holds.

use ruut_api::types::{Conversation, ConversationCounts};

use crate::pagination::NumberedPage;

/// One page of conversations and the counts of the whole filtered set; see
/// [`ConversationQuery::send`](crate::ConversationQuery::send).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ConversationPage {
    /// The conversations on this page (at most 25).
    pub conversations: Vec<Conversation>,
    /// The counts of every conversation the filters match, taken before the
    /// assignee filter; not of this page.
    pub counts: ConversationCounts,
    /// The number of the next page, or `None` when this one is the last.
    pub next_page: Option<i64>,
}

impl NumberedPage for ConversationPage {
    type Item = Conversation;

    fn first_id(&self) -> Option<i64> {
        self.conversations
            .first()
            .map(|conversation| conversation.id)
    }

    fn into_parts(self) -> (Vec<Conversation>, Option<i64>) {
        (self.conversations, self.next_page)
    }
}
