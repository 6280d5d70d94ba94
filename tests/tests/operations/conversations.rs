//! Conversations: listing, counting, reading, creating.

use std::sync::Arc;

use ruut_api::enums::ConversationStatus;
use ruut_api::types::{ConversationStatusFilter, NewConversation, NewConversationMessage};

use crate::Operation;
use crate::table::{Entry, How, Ids, World, call, from_json, job, provoke, sdk};

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListConversations, |w| job(list(w)))
            .sdk(sdk!(|client, _ids| client.conversations().send()))
            .call(call!(|api, ids| api
                .list_conversations()
                .account_id(ids.account)))
            .refuses(
                401,
                "an account the user is not a member of",
                How::Ids(|ids, seed| Ids {
                    account: seed.foreign_account_id,
                    ..ids
                }),
            )
            .saying("You are not authorized to access this account")
            .rejects("a status that does not exist", "?status=bogus"),
        Entry::new(Operation::GetConversationCounts, |w| job(counts(w)))
            .sdk(sdk!(|client, _ids| client.conversations().counts()))
            .call(call!(|api, ids| api
                .get_conversation_counts()
                .account_id(ids.account)))
            .rejects(
                "an assignee type that does not exist",
                "?assignee_type=everyone",
            ),
        Entry::new(Operation::GetConversation, |w| job(read(w)))
            .sdk(sdk!(|client, ids| client.get_conversation(ids.conversation)))
            .call(call!(|api, ids| api
                .get_conversation()
                .account_id(ids.account)
                .conversation_id(ids.conversation))),
        Entry::new(Operation::CreateConversation, |w| job(create(w)))
            .sdk(sdk!(|client, ids| client
                .create_conversation(ids.inbox)
                .contact(ids.contact)
                .message("Hello from the SDK")
                .send()))
            .call(call!(|api, ids| api
                .create_conversation()
                .account_id(ids.account)
                .body(new_conversation(ids))))
            // Without contact_id or source_id, Chatwoot's contacts.find(nil) is a 404.
            .refuses(
                404,
                "neither a contact nor a source id",
                provoke!(|w| w
                    .api
                    .create_conversation()
                    .account_id(w.seed.account_id)
                    .body(from_json::<NewConversation>(
                        serde_json::json!({ "inbox_id": w.seed.api_inbox_id })
                    ))),
            )
            .rejects("an inbox id that is not a number", r#"{"inbox_id":"one"}"#),
    ]
}

/// A conversation in the API inbox with the contact of `ids` and a first message.
fn new_conversation(ids: Ids) -> NewConversation {
    from_json(serde_json::json!({
        "inbox_id": ids.inbox,
        "contact_id": ids.contact,
        "message": NewConversationMessage { content: "Hello from the test".into() },
    }))
}

async fn list(w: Arc<World>) {
    let (api, account) = (&w.api, w.seed.account_id);
    let all = api
        .list_conversations()
        .account_id(account)
        .status(ConversationStatusFilter::All)
        .send()
        .await
        .expect("page 1");
    assert_eq!(all.data.payload.len(), 25, "25 a page");
    assert_eq!(all.data.meta.all_count as usize, w.seed.conversation_count);
    let page2 = api
        .list_conversations()
        .account_id(account)
        .status(ConversationStatusFilter::All)
        .page(2)
        .send()
        .await
        .expect("page 2");
    assert_eq!(page2.data.payload.len(), w.seed.conversation_count - 25);
    let open = api
        .list_conversations()
        .account_id(account)
        .send()
        .await
        .expect("open by default");
    assert!(
        open.data
            .payload
            .iter()
            .all(|c| c.status == ConversationStatus::Open)
    );
}

async fn counts(w: Arc<World>) {
    let counts = w
        .api
        .get_conversation_counts()
        .account_id(w.seed.account_id)
        .status(ConversationStatusFilter::All)
        .send()
        .await
        .expect("counts");
    assert_eq!(counts.meta.all_count as usize, w.seed.conversation_count);
    assert_eq!(
        counts.meta.assigned_count,
        Some(counts.meta.all_count - counts.meta.unassigned_count)
    );
}

async fn read(w: Arc<World>) {
    let get = |id| {
        w.api
            .get_conversation()
            .account_id(w.seed.account_id)
            .conversation_id(id)
            .send()
    };
    let snoozed = get(w.seed.snoozed_with_time_conversation_id)
        .await
        .expect("snoozed");
    assert_eq!(snoozed.status, ConversationStatus::Snoozed);
    assert_eq!(
        snoozed.snoozed_until.map(|t| t.timestamp()),
        Some(w.seed.snoozed_until)
    );
    let expired = get(w.seed.expired_snooze_conversation_id)
        .await
        .expect("expired");
    assert_eq!(
        expired.status,
        ConversationStatus::Open,
        "an expired snooze reads back as open"
    );
}

async fn create(w: Arc<World>) {
    let created = w
        .api
        .create_conversation()
        .account_id(w.seed.account_id)
        .body(new_conversation(w.ids()))
        .send()
        .await
        .expect("created");
    assert_eq!(created.inbox_id, w.seed.api_inbox_id);
    assert_eq!(
        created.meta.sender.as_ref().map(|s| s.id),
        Some(w.seed.contact_ids[0])
    );
}
