//! Actions on one conversation (issue 12): update, labels, custom attributes,
//! typing, mute, read state, transcript, participants, and the
//! administrators-only delete (refused to the agent). Sent last: muting
//! resolves the conversation and blocks its contact.

use ruut_api::enums::ConversationPriority;
use ruut_api::operations::Operation::*;
use ruut_api::types::{Attributes, TypingStatus};

use crate::contract::{MISSING_ID, Step, send};

/// The requests that change what a conversation holds.
pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            UpdateConversation,
            "priority and SLA policy",
            send!(|c| c
                .user
                .update_conversation()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| b
                    .priority(Some(ConversationPriority::High))
                    .sla_policy_id(Some(1)))),
        ),
        Step::status(
            UpdateConversation,
            "unknown conversation",
            404,
            send!(|c| c
                .user
                .update_conversation()
                .account_id(c.found().account)
                .conversation_id(MISSING_ID)
                .body_map(|b| b)),
        ),
        Step::ok(
            SetConversationLabels,
            "two labels",
            send!(|c| c
                .user
                .set_conversation_labels()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| b.labels(vec!["billing".to_owned(), "vip".to_owned()]))),
        ),
        Step::ok(
            ListConversationLabels,
            "after setting them",
            send!(|c| c
                .user
                .list_conversation_labels()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)),
        ),
        Step::ok(
            SetConversationCustomAttributes,
            "an order id",
            send!(|c| c
                .user
                .set_conversation_custom_attributes()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| {
                    let map = serde_json::json!({"order_id": "1042"});
                    b.custom_attributes(map.as_object().cloned().map(Attributes))
                })),
        ),
        Step::ok(
            ToggleTypingStatus,
            "on, in a private note",
            send!(|c| c
                .user
                .toggle_typing_status()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| b.typing_status(TypingStatus::On).is_private(Some(true)))),
        ),
        Step::ok(
            MarkConversationUnread,
            "unread",
            send!(|c| c
                .user
                .mark_conversation_unread()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)),
        ),
        Step::ok(
            UpdateConversationLastSeen,
            "read",
            send!(|c| c
                .user
                .update_conversation_last_seen()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)),
        ),
        Step::ok(
            SendConversationTranscript,
            "to the customer",
            send!(|c| c
                .user
                .send_conversation_transcript()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| b.email("customer@example.com"))),
        ),
        Step::ok(
            AddConversationParticipants,
            "me",
            send!(|c| c
                .user
                .add_conversation_participants()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| b.user_ids(vec![c.found().me]))),
        ),
        Step::ok(
            UpdateConversationParticipants,
            "only me",
            send!(|c| c
                .user
                .update_conversation_participants()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| b.user_ids(vec![c.found().me]))),
        ),
        Step::ok(
            ListConversationParticipants,
            "after adding",
            send!(|c| c
                .user
                .list_conversation_participants()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)),
        ),
        Step::ok(
            RemoveConversationParticipants,
            "me",
            send!(|c| c
                .user
                .remove_conversation_participants()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .user_ids(vec![c.found().me])),
        ),
        Step::status(
            DeleteConversation,
            "by an agent (administrators only)",
            401,
            send!(|c| c
                .user
                .delete_conversation()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)),
        ),
        Step::ok(
            MuteConversation,
            "mute",
            send!(|c| c
                .user
                .mute_conversation()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)),
        ),
        Step::ok(
            UnmuteConversation,
            "unmute",
            send!(|c| c
                .user
                .unmute_conversation()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)),
        ),
    ]
}
