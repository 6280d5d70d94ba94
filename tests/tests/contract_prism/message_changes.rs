//! One message (its status, deleting it), the `after` cursor, and a
//! conversation's attachments. A status update needs a conversation of an API
//! inbox (any other answers 403), so the first step finds one of each kind.

use ruut_api::enums::MessageStatus;
use ruut_api::operations::Operation::*;
use ruut_api::types::{AssigneeTypeFilter, ConversationStatusFilter, MessageStatusUpdate};

use crate::contract::{MISSING_ID, Step, send};

fn read() -> MessageStatusUpdate {
    MessageStatusUpdate {
        status: Some(MessageStatus::Read),
        external_error: None,
    }
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            ListConversations,
            "to find an API inbox's conversation",
            send!(
                |c| c
                    .user
                    .list_conversations()
                    .account_id(c.found().account)
                    .status(ConversationStatusFilter::All)
                    .assignee_type(AssigneeTypeFilter::All),
                |list| c.learn(|found| {
                    let api = |c: &&ruut_api::types::Conversation| {
                        c.meta.channel.as_deref() == Some("Channel::Api")
                    };
                    let payload = &list.data.payload;
                    found.api_conversation = payload.iter().find(api).map(|c| c.id);
                    found.other_conversation = payload.iter().find(|c| !api(c)).map(|c| c.id);
                })
            ),
        ),
        Step::ok(
            ListMessages,
            "after a cursor",
            send!(
                |c| c
                    .user
                    .list_messages()
                    .account_id(c.found().account)
                    .conversation_id(c.found().api_conversation.unwrap_or_default())
                    .after(0),
                |messages| c.learn(|found| {
                    found.api_message = messages.payload.iter().map(|m| m.id).max();
                })
            ),
        )
        .when(|found| found.api_conversation.is_some()),
        Step::ok(
            UpdateMessage,
            "read",
            send!(|c| c
                .user
                .update_message()
                .account_id(c.found().account)
                .conversation_id(c.found().api_conversation.unwrap_or_default())
                .message_id(c.found().api_message.unwrap_or_default())
                .body(read())),
        )
        .when(|found| found.api_message.is_some()),
        Step::status(
            UpdateMessage,
            "unknown message",
            404,
            send!(|c| c
                .user
                .update_message()
                .account_id(c.found().account)
                .conversation_id(c.found().api_conversation.unwrap_or_default())
                .message_id(MISSING_ID)
                .body(read())),
        )
        .when(|found| found.api_conversation.is_some()),
        Step::status(
            UpdateMessage,
            "outside an API inbox",
            403,
            send!(|c| c
                .user
                .update_message()
                .account_id(c.found().account)
                .conversation_id(c.found().other_conversation.unwrap_or_default())
                .message_id(MISSING_ID)
                .body(read())),
        )
        .when(|found| found.other_conversation.is_some()),
        Step::ok(
            ListConversationAttachments,
            "first page",
            send!(|c| c
                .user
                .list_conversation_attachments()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .page(1)),
        ),
        Step::status(
            ListConversationAttachments,
            "unknown conversation",
            404,
            send!(|c| c
                .user
                .list_conversation_attachments()
                .account_id(c.found().account)
                .conversation_id(MISSING_ID)),
        ),
        Step::ok(
            DeleteMessage,
            "the newest message",
            send!(|c| c
                .user
                .delete_message()
                .account_id(c.found().account)
                .conversation_id(c.found().api_conversation.unwrap_or_default())
                .message_id(c.found().api_message.unwrap_or_default())),
        )
        .when(|found| found.api_message.is_some()),
        Step::status(
            DeleteMessage,
            "unknown message",
            404,
            send!(|c| c
                .user
                .delete_message()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .message_id(MISSING_ID)),
        ),
    ]
}
