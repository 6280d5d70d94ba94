//! The messages of a conversation: reading them page by page, sending one,
//! changing and deleting one, listing the conversation's files.

use std::sync::Arc;

use ruut_api::enums::MessageStatus;
use ruut_api::types::{MessageStatusUpdate, NewMessage};
use ruut_sandbox::MessageKind;

use crate::Operation;
use crate::table::{Entry, How, World, call, from_json, job, refused, sdk};

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
        Entry::new(Operation::UpdateMessage, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .conversation(ids.conversation)
                .message(ids.message)
                .update()
                .status(MessageStatus::Delivered)
                .send()))
            .call(call!(|api, ids| api
                .update_message()
                .account_id(ids.account)
                .conversation_id(ids.conversation)
                .message_id(ids.message)
                .body(status(MessageStatus::Delivered))))
            .refuses(
                403,
                "a conversation outside an API inbox",
                How::Provoke(|w| job(outside_api_inbox(w))),
            )
            .saying("Message status update is only allowed for API inboxes")
            .rejects("a status that is not a string", r#"{"status":3}"#),
        Entry::new(Operation::DeleteMessage, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .conversation(ids.conversation)
                .message(ids.message)
                .delete()))
            .call(call!(|api, ids| api
                .delete_message()
                .account_id(ids.account)
                .conversation_id(ids.conversation)
                .message_id(ids.message))),
        Entry::new(Operation::ListConversationAttachments, |w| {
            job(attachments(w))
        })
        .sdk(sdk!(|client, ids| client
            .conversation(ids.conversation)
            .attachments()
            .send()))
        .call(call!(|api, ids| api
            .list_conversation_attachments()
            .account_id(ids.account)
            .conversation_id(ids.conversation)))
        .rejects("a page that is not a number", "?page=first"),
    ]
}

fn status(status: MessageStatus) -> MessageStatusUpdate {
    MessageStatusUpdate {
        status: Some(status),
        external_error: Some("not delivered".to_owned()),
    }
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

async fn update(w: Arc<World>) {
    let ids = w.ids();
    let send = |new| {
        w.api
            .update_message()
            .account_id(ids.account)
            .conversation_id(ids.conversation)
            .message_id(ids.message)
            .body(status(new))
            .send()
    };
    let read = send(MessageStatus::Read).await.expect("read").into_inner();
    assert_eq!(
        (read.id, read.status),
        (ids.message, Some(MessageStatus::Read))
    );
    assert_eq!(
        read.content_attributes
            .expect("attributes")
            .get("external_error"),
        Some(&serde_json::Value::Null)
    );
    let back = send(MessageStatus::Delivered)
        .await
        .expect("read -> delivered");
    assert_eq!(
        back.status,
        Some(MessageStatus::Read),
        "the server keeps read"
    );
    let failed = send(MessageStatus::Failed)
        .await
        .expect("failed")
        .into_inner();
    assert_eq!(failed.status, Some(MessageStatus::Failed));
    assert_eq!(
        failed
            .content_attributes
            .expect("attributes")
            .get("external_error"),
        Some(&serde_json::json!("not delivered"))
    );
}

/// An update in a conversation of the website inbox.
async fn outside_api_inbox(w: Arc<World>) -> crate::table::Refused {
    let account = w.seed.account_id;
    let website = w.seed.inbox_ids[0];
    assert_ne!(
        website, w.seed.api_inbox_id,
        "the first inbox is not the API one"
    );
    let seeded = w
        .sandbox
        .seed()
        .conversation(account)
        .inbox(website)
        .message(MessageKind::Outgoing, "Hello")
        .create()
        .expect("a website conversation");
    let message = w.sandbox.message_ids(account, seeded.id)[0];
    refused(
        w.api
            .update_message()
            .account_id(account)
            .conversation_id(seeded.id)
            .message_id(message)
            .body(status(MessageStatus::Read))
            .send()
            .await,
    )
}

async fn delete(w: Arc<World>) {
    let ids = w.ids();
    let before = w.sandbox.message_count(ids.account, ids.conversation);
    let deleted = w
        .api
        .delete_message()
        .account_id(ids.account)
        .conversation_id(ids.conversation)
        .message_id(ids.message)
        .send()
        .await
        .expect("deleted")
        .into_inner();
    assert_eq!(deleted.content.as_deref(), Some("This message was deleted"));
    assert_eq!(
        deleted
            .content_attributes
            .expect("attributes")
            .get("deleted"),
        Some(&serde_json::json!(true))
    );
    assert_eq!(
        w.sandbox.message_count(ids.account, ids.conversation),
        before,
        "the message stays, changed"
    );
}

async fn attachments(w: Arc<World>) {
    let ids = w.ids();
    let list = || {
        w.api
            .list_conversation_attachments()
            .account_id(ids.account)
            .conversation_id(ids.conversation)
            .send()
    };
    assert_eq!(list().await.expect("none yet").meta.total_count, 0);
    let url = format!(
        "{}{}",
        w.sandbox.base_url(),
        ids.path(Operation::CreateMessage)
    );
    let form = reqwest::multipart::Form::new()
        .text("content", "the invoice")
        .part(
            "attachments[]",
            reqwest::multipart::Part::bytes(&b"%PDF-1.4 invoice"[..])
                .file_name("invoice.pdf")
                .mime_str("application/pdf")
                .expect("a content type"),
        );
    let sent = reqwest::Client::new()
        .post(url)
        .header("api_access_token", w.sandbox.user_token())
        .multipart(form)
        .send()
        .await
        .expect("a multipart message");
    assert_eq!(sent.status(), 200);
    let page = list().await.expect("one file").into_inner();
    assert_eq!(page.meta.total_count, 1);
    let file = &page.payload[0];
    assert_eq!(
        (file.file_type.as_deref(), file.file_size),
        (Some("file"), Some(16))
    );
    assert!(file.sender.is_some(), "the message's sender");
}
