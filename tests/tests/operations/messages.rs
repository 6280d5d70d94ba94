//! The messages of a conversation: reading them page by page, sending one.

use std::sync::Arc;

use ruut_api::types::NewMessage;

use crate::Operation;
use crate::table::{Entry, World, call, from_json, job, sdk};

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListMessages, |w| job(list(w)))
            .sdk(sdk!(|client, ids| client
                .conversation(ids.conversation)
                .messages()
                .send()))
            .call(call!(|api, ids| api
                .list_messages()
                .account_id(ids.account)
                .conversation_id(ids.conversation)))
            .rejects("a cursor that is not a number", "?before=latest"),
        Entry::new(Operation::CreateMessage, |w| job(create(w)))
            .sdk(sdk!(|client, ids| client
                .conversation(ids.conversation)
                .reply("Thanks, from the SDK")
                .send()))
            .call(call!(|api, ids| api
                .create_message()
                .account_id(ids.account)
                .conversation_id(ids.conversation)
                .body(note())))
            .rejects(
                "a private flag that is not a boolean",
                r#"{"private":"yes"}"#,
            ),
    ]
}

fn note() -> NewMessage {
    from_json(serde_json::json!({ "content": "Resolved: customer confirmed", "private": true }))
}

async fn list(w: Arc<World>) {
    let (account, long) = (w.seed.account_id, w.seed.long_conversation_id);
    let list = || {
        w.api
            .list_messages()
            .account_id(account)
            .conversation_id(long)
    };
    let latest = list().send().await.expect("latest");
    assert_eq!(latest.payload.len(), 20, "the latest 20");
    let oldest_seen = latest.payload.iter().map(|m| m.id).min().expect("messages");
    let older = list().before(oldest_seen).send().await.expect("older");
    assert!(older.payload.iter().all(|m| m.id < oldest_seen));
    assert_eq!(
        latest.payload.len() + older.payload.len(),
        w.seed.long_conversation_message_count.min(40)
    );
}

async fn create(w: Arc<World>) {
    let (account, long) = (w.seed.account_id, w.seed.long_conversation_id);
    let before = w.sandbox.message_count(account, long);
    let sent = w
        .bot
        .create_message()
        .account_id(account)
        .conversation_id(long)
        .body(note())
        .send()
        .await
        .expect("bots may send");
    assert_eq!(
        (sent.private, sent.message_type, sent.conversation_id),
        (Some(true), 1, long)
    );
    assert_eq!(w.sandbox.message_count(account, long), before + 1);
}
