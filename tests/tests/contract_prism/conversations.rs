//! Conversations: listing, counting, creating, reading.

use ruut_api::operations::Operation::*;
use ruut_api::types::{
    AssigneeTypeFilter, ConversationSortBy, ConversationStatusFilter, NewConversationMessage,
    ToggleableStatus,
};

use crate::contract::{MISSING_ID, Step, send};

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            ListConversations,
            "every status",
            send!(
                |c| c
                    .user
                    .list_conversations()
                    .account_id(c.found().account)
                    .status(ConversationStatusFilter::All)
                    .assignee_type(AssigneeTypeFilter::All)
                    .sort_by(ConversationSortBy::LastActivityAtDesc)
                    .page(1),
                |list| c.learn(|found| {
                    let first = list.data.payload.first();
                    found.conversation = first.map_or(1, |c| c.id);
                    found.inbox = first.map_or(1, |c| c.inbox_id);
                    found.contact = first
                        .and_then(|c| c.meta.sender.as_ref())
                        .map_or(1, |s| s.id);
                })
            ),
        ),
        Step::ok(
            ListConversations,
            "labels and search",
            send!(|c| c
                .user
                .list_conversations()
                .account_id(c.found().account)
                .labels(vec!["billing".to_string(), "bug".to_string()])
                .q("plan")),
        ),
        Step::status(
            ListConversations,
            "bad token",
            401,
            send!(|c| c
                .stranger
                .list_conversations()
                .account_id(c.found().account)),
        ),
        Step::status(
            ListConversations,
            "unknown account",
            404,
            send!(|c| c.user.list_conversations().account_id(MISSING_ID)),
        ),
        Step::ok(
            GetConversationCounts,
            "every status",
            send!(|c| c
                .user
                .get_conversation_counts()
                .account_id(c.found().account)
                .status(ConversationStatusFilter::All)),
        ),
        Step::ok(
            CreateConversation,
            "with a first message",
            send!(|c| c
                .user
                .create_conversation()
                .account_id(c.found().account)
                .body_map(|b| {
                    let found = c.found();
                    b.inbox_id(found.inbox)
                        .contact_id(Some(found.contact))
                        .status(Some(ToggleableStatus::Open))
                        .message(Some(NewConversationMessage {
                            content: "Hello from the contract test".to_string(),
                        }))
                })),
        ),
        Step::ok(
            GetConversation,
            "valid",
            send!(|c| c
                .user
                .get_conversation()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)),
        ),
        Step::status(
            GetConversation,
            "unknown conversation",
            404,
            send!(|c| c
                .user
                .get_conversation()
                .account_id(c.found().account)
                .conversation_id(MISSING_ID)),
        ),
    ]
}
