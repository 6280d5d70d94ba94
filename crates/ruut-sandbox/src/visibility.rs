//! Which of an account's conversations a caller may see, as Chatwoot decides.
//!
//! - **Listings** (`ConversationFinder` for the list, the counts and the
//!   search; `Conversations::FilterService`; a contact's conversations) go
//!   through `Conversations::PermissionFilterService`
//!   (`app/services/conversations/permission_filter_service.rb`): an
//!   administrator gets every conversation of the account, an agent those of
//!   the inboxes it is a member of. A team does not widen a listing.
//! - **One conversation**: every route under `/conversations/{id}` runs
//!   `authorize @conversation, :show?` (`app/policies/conversation_policy.rb`):
//!   an administrator, an agent bot, a member of the conversation's inbox or a
//!   member of its team may see it; anyone else gets Pundit's 401.
//!
//! Custom roles (Enterprise) narrow both further; the sandbox has none.

use crate::auth::Caller;
use crate::state::{Conversation, Store};

/// A caller in one account, with the role it has there (`None` for a bot).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Viewer {
    /// Who is calling.
    pub caller: Caller,
    /// The caller's role in the conversation's account.
    pub role: Option<&'static str>,
}

impl Viewer {
    /// Whether the caller manages the whole account (listings unscoped).
    fn administrator(self) -> bool {
        self.role == Some("administrator")
    }

    /// Whether the conversation is in the caller's listings.
    ///
    /// Agent bots cannot call a listing (none is bot-accessible), so they
    /// are not scoped here.
    pub fn lists(self, store: &Store, conversation: &Conversation) -> bool {
        match self.caller {
            Caller::Bot(_) => true,
            Caller::User(_) if self.administrator() => true,
            Caller::User(user_id) => store.inbox_member(conversation.inbox_id, user_id),
        }
    }

    /// Whether the caller may open the conversation (`ConversationPolicy#show?`).
    pub fn may_open(self, store: &Store, conversation: &Conversation) -> bool {
        match self.caller {
            Caller::Bot(_) => true,
            Caller::User(_) if self.administrator() => true,
            Caller::User(user_id) => {
                store.inbox_member(conversation.inbox_id, user_id)
                    || conversation.team_id.is_some_and(|team_id| {
                        store
                            .team(conversation.account_id, team_id)
                            .is_some_and(|team| team.member_ids.contains(&user_id))
                    })
            }
        }
    }
}
