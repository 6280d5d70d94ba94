//! Changes to one conversation: its status (on both routes), its priority,
//! its assignee.

use std::sync::Arc;

use ruut_api::enums::{ConversationPriority, ConversationStatus};
use ruut_api::types::{
    AssignmentRequest, ConversationStatusChange, RuutId, TogglePriorityRequest,
    ToggleStatusRequest, ToggleableStatus,
};

use ruut_sdk::{ConversationPriority as SdkPriority, StatusRoute};

use crate::Operation;
use crate::table::{Entry, World, call, job, provoke, sdk};

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::UpdateConversationStatus, |w| {
            job(update_status(w))
        })
        .sdk(sdk!(|client, ids| client
            .conversation(ids.conversation)
            .resolve()
            .send()))
        .call(call!(|api, ids| api
            .update_conversation_status()
            .conversation_id(ids.conversation)
            .body(change(ConversationStatus::Open))))
        .refuses(
            403,
            "a locked conversation",
            provoke!(|w| w
                .api
                .update_conversation_status()
                .conversation_id(w.seed.locked_conversation_id)
                .body(change(ConversationStatus::Resolved))),
        )
        .saying("STATUS_CHANGE_FORBIDDEN")
        .refuses(
            422,
            "a status that does not exist",
            provoke!(|w| w
                .api
                .update_conversation_status()
                .conversation_id(w.seed.open_conversation_id)
                .body(change(ConversationStatus::from("archived")))),
        ),
        Entry::new(Operation::ToggleConversationStatus, |w| {
            job(toggle_status(w))
        })
        .sdk_on(
            StatusRoute::AccountScoped,
            sdk!(|client, ids| client.conversation(ids.conversation).resolve().send()),
        )
        .call(call!(|api, ids| api
            .toggle_conversation_status()
            .account_id(ids.account)
            .conversation_id(ids.conversation)
            .body(ToggleStatusRequest::default())))
        .rejects(
            "scheduling, which does not exist on this route",
            r#"{"status":"scheduling"}"#,
        ),
        Entry::new(Operation::ToggleConversationPriority, |w| job(priority(w)))
            .sdk(sdk!(|client, ids| client
                .conversation(ids.conversation)
                .set_priority(Some(SdkPriority::Urgent))))
            .call(call!(|api, ids| api
                .toggle_conversation_priority()
                .account_id(ids.account)
                .conversation_id(ids.conversation)
                .body(urgent())))
            .refuses(
                422,
                "a priority that does not exist",
                provoke!(|w| w
                    .api
                    .toggle_conversation_priority()
                    .account_id(w.seed.account_id)
                    .conversation_id(w.seed.pending_conversation_id)
                    .body(TogglePriorityRequest {
                        priority: Some(ConversationPriority::from("none")),
                    })),
            ),
        Entry::new(Operation::AssignConversation, |w| job(assign(w)))
            .sdk(sdk!(|client, ids| client
                .conversation(ids.conversation)
                .assign(ids.agent)))
            .call(call!(|api, ids| api
                .assign_conversation()
                .account_id(ids.account)
                .conversation_id(ids.conversation)
                .body(AssignmentRequest::default())))
            .rejects(
                "an assignee id that is not a number",
                r#"{"assignee_id":"seven"}"#,
            ),
    ]
}

/// A change to `status` with nothing else set.
fn change(status: ConversationStatus) -> ConversationStatusChange {
    ConversationStatusChange {
        status,
        reason: None,
        agent_id: None,
        snooze_time: None,
    }
}

fn urgent() -> TogglePriorityRequest {
    TogglePriorityRequest {
        priority: Some(ConversationPriority::Urgent),
    }
}

async fn update_status(w: Arc<World>) {
    let id = w.seed.open_conversation_id;
    let update = |body| {
        w.api
            .update_conversation_status()
            .conversation_id(id)
            .body(body)
            .send()
    };
    let resolved = update(ConversationStatusChange {
        reason: Some("Customer issue addressed".into()),
        agent_id: Some(RuutId::Int64(w.seed.user_id)),
        ..change(ConversationStatus::Resolved)
    })
    .await
    .expect("resolved");
    assert_eq!(
        (resolved.status.clone(), resolved.id.to_string()),
        (ConversationStatus::Resolved, id.to_string())
    );
    let until = chrono::DateTime::parse_from_rfc3339("2099-04-15T14:30:00Z")
        .expect("time")
        .to_utc();
    let snoozed = update(ConversationStatusChange {
        snooze_time: Some(until),
        ..change(ConversationStatus::Snoozed)
    })
    .await
    .expect("snoozed");
    assert_eq!(
        (snoozed.status.clone(), snoozed.snooze_time),
        (ConversationStatus::Snoozed, Some(until))
    );
    let scheduled = update(change(ConversationStatus::Scheduling))
        .await
        .expect("scheduling");
    assert_eq!(scheduled.status, ConversationStatus::Scheduling);
}

async fn toggle_status(w: Arc<World>) {
    let (account, id) = (w.seed.account_id, w.seed.pending_conversation_id);
    // The bot may toggle status; the answer has no meta and the new status.
    let snooze = ToggleStatusRequest {
        status: Some(ToggleableStatus::Snoozed),
        snoozed_until: Some(4_102_444_800),
    };
    let toggled = w
        .bot
        .toggle_conversation_status()
        .account_id(account)
        .conversation_id(id)
        .body(snooze)
        .send()
        .await
        .expect("toggled");
    assert_eq!(toggled.payload.current_status, ConversationStatus::Snoozed);
    assert_eq!(
        toggled.payload.snoozed_until.map(|t| t.timestamp()),
        Some(4_102_444_800)
    );
    let legacy = w
        .api
        .toggle_conversation_status()
        .account_id(account)
        .conversation_id(id)
        .body(ToggleStatusRequest::default())
        .send()
        .await
        .expect("legacy toggle");
    assert_eq!(
        legacy.payload.current_status,
        ConversationStatus::Open,
        "snoozed toggles to open"
    );
}

async fn priority(w: Arc<World>) {
    let (account, id) = (w.seed.account_id, w.seed.pending_conversation_id);
    let set = |body| {
        w.api
            .toggle_conversation_priority()
            .account_id(account)
            .conversation_id(id)
            .body(body)
            .send()
    };
    let read = || {
        w.api
            .get_conversation()
            .account_id(account)
            .conversation_id(id)
            .send()
    };
    set(urgent()).await.expect("priority");
    let urgent = read().await.expect("read back");
    assert_eq!(urgent.priority, Some(ConversationPriority::Urgent));
    set(TogglePriorityRequest::default())
        .await
        .expect("cleared");
    assert_eq!(read().await.expect("read").priority, None);
}

async fn assign(w: Arc<World>) {
    let (account, id) = (w.seed.account_id, w.seed.pending_conversation_id);
    let agent = w.seed.agent_ids[0];
    let assigned = w
        .api
        .assign_conversation()
        .account_id(account)
        .conversation_id(id)
        .body(AssignmentRequest {
            assignee_id: Some(agent),
            ..Default::default()
        })
        .send()
        .await
        .expect("assigned");
    assert_eq!(assigned.as_ref().as_ref().map(|a| a.id), Some(agent));
    let read = w
        .api
        .get_conversation()
        .account_id(account)
        .conversation_id(id)
        .send()
        .await
        .expect("read");
    assert_eq!(read.meta.assignee.as_ref().map(|a| a.id), Some(agent));
}
