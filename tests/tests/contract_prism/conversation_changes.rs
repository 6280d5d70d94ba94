//! Changes to one conversation: its status on both routes, its priority,
//! its assignee.

use ruut_api::enums::{ConversationPriority, ConversationStatus};
use ruut_api::operations::Operation::*;
use ruut_api::types::ToggleableStatus;

use crate::contract::{MISSING_ID, Step, send};

pub fn chatwoot_status_route() -> Vec<Step> {
    vec![
        Step::ok(
            ToggleConversationStatus,
            "snooze until a time",
            send!(|c| c
                .user
                .toggle_conversation_status()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| {
                    let tomorrow = chrono::Utc::now().timestamp() + 86_400;
                    b.status(Some(ToggleableStatus::Snoozed))
                        .snoozed_until(Some(tomorrow))
                })),
        ),
        Step::ok(
            ToggleConversationStatus,
            "resolve",
            send!(|c| c
                .user
                .toggle_conversation_status()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| b.status(Some(ToggleableStatus::Resolved)))),
        ),
        Step::ok(
            ToggleConversationStatus,
            "legacy toggle",
            send!(|c| c
                .user
                .toggle_conversation_status()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| b)),
        ),
        Step::status(
            ToggleConversationStatus,
            "unknown conversation",
            404,
            send!(|c| c
                .user
                .toggle_conversation_status()
                .account_id(c.found().account)
                .conversation_id(MISSING_ID)
                .body_map(|b| b.status(Some(ToggleableStatus::Open)))),
        ),
    ]
}

/// Ruut's documented route, with each status a reason can go with.
pub fn documented_status_route() -> Vec<Step> {
    [
        ("resolve with a reason", ConversationStatus::Resolved, false),
        ("snooze until a time", ConversationStatus::Snoozed, true),
        (
            "schedule a follow-up",
            ConversationStatus::Scheduling,
            false,
        ),
        ("reopen", ConversationStatus::Open, false),
    ]
    .into_iter()
    .map(|(what, status, snooze)| {
        Step::ok(
            UpdateConversationStatus,
            what,
            send!(|c| c
                .user
                .update_conversation_status()
                .conversation_id(c.found().conversation)
                .body_map(|b| {
                    let until = snooze.then(|| chrono::Utc::now() + chrono::Duration::days(1));
                    b.status(status)
                        .reason(Some(format!("contract test: {what}")))
                        .snooze_time(until)
                })),
        )
    })
    .chain([
        Step::status(
            UpdateConversationStatus,
            "unknown conversation",
            404,
            send!(|c| c
                .user
                .update_conversation_status()
                .conversation_id(MISSING_ID)
                .body_map(|b| b.status(ConversationStatus::Resolved))),
        ),
        Step::status(
            UpdateConversationStatus,
            "bad token",
            401,
            send!(|c| c
                .stranger
                .update_conversation_status()
                .conversation_id(c.found().conversation)
                .body_map(|b| b.status(ConversationStatus::Resolved))),
        ),
    ])
    .collect()
}

pub fn priority_and_assignment() -> Vec<Step> {
    vec![
        Step::ok(
            ToggleConversationPriority,
            "urgent",
            send!(|c| c
                .user
                .toggle_conversation_priority()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| b.priority(Some(ConversationPriority::Urgent)))),
        ),
        Step::ok(
            ToggleConversationPriority,
            "clear",
            send!(|c| c
                .user
                .toggle_conversation_priority()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| b.priority(None))),
        ),
        Step::status(
            ToggleConversationPriority,
            "unknown conversation",
            404,
            send!(|c| c
                .user
                .toggle_conversation_priority()
                .account_id(c.found().account)
                .conversation_id(MISSING_ID)
                .body_map(|b| b.priority(None))),
        ),
        Step::ok(
            AssignConversation,
            "to me",
            send!(|c| c
                .user
                .assign_conversation()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| b.assignee_id(Some(c.found().me)))),
        ),
        Step::status(
            AssignConversation,
            "unknown conversation",
            404,
            send!(|c| c
                .user
                .assign_conversation()
                .account_id(c.found().account)
                .conversation_id(MISSING_ID)
                .body_map(|b| b.assignee_id(Some(c.found().me)))),
        ),
    ]
}
