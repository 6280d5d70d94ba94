//! What a contact is linked to: its conversations, the inboxes it can be
//! reached in, its contact inboxes, labels and notes.

use std::sync::Arc;

use crate::Operation;
use crate::table::{Entry, How, MISSING, Refused, World, call, job, provoke, refused, sdk};
use ruut_api::types::{ContactLabelsUpdate, ContactNoteContent, NewContactInbox};

pub fn entries() -> Vec<Entry> {
    let mut entries = vec![
        Entry::new(Operation::ListContactConversations, |w| {
            job(conversations(w))
        })
        .sdk(sdk!(|client, ids| client
            .contact(ids.contact)
            .conversations()))
        .call(call!(|api, ids| api
            .list_contact_conversations()
            .account_id(ids.account)
            .contact_id(ids.contact))),
        Entry::new(Operation::ListContactableInboxes, |w| job(contactable(w)))
            .sdk(sdk!(|client, ids| client
                .contact(ids.contact)
                .contactable_inboxes()))
            .call(call!(|api, ids| api
                .list_contactable_inboxes()
                .account_id(ids.account)
                .contact_id(ids.contact))),
        Entry::new(Operation::CreateContactInbox, |w| job(add_inbox(w)))
            .sdk(sdk!(|client, ids| client
                .contact(ids.contact)
                .add_inbox(ids.inbox)
                .send()))
            .call(call!(|api, ids| api
                .create_contact_inbox()
                .account_id(ids.account)
                .contact_id(ids.contact)
                .body(inbox(ids.inbox, None))))
            .refuses(
                404,
                "an inbox that does not exist",
                provoke!(|w| w
                    .api
                    .create_contact_inbox()
                    .account_id(w.seed.account_id)
                    .contact_id(w.seed.contact_ids[0])
                    .body(inbox(MISSING, None))),
            )
            .refuses(
                422,
                "an email inbox for a contact without an email",
                provoke!(|w| w
                    .api
                    .create_contact_inbox()
                    .account_id(w.seed.account_id)
                    .contact_id(w.seed.contact_ids[w.seed.resolved_contact_count])
                    .body(inbox(email_inbox(&w), None))),
            )
            .saying("param is missing or the value is empty: contact email"),
        Entry::new(Operation::ListContactLabels, |w| job(labels(w)))
            .sdk(sdk!(|client, ids| client.contact(ids.contact).labels()))
            .call(call!(|api, ids| api
                .list_contact_labels()
                .account_id(ids.account)
                .contact_id(ids.contact))),
        Entry::new(Operation::SetContactLabels, |w| job(labels(w)))
            .sdk(sdk!(|client, ids| client
                .contact(ids.contact)
                .set_labels(["vip"])))
            .call(call!(|api, ids| api
                .set_contact_labels()
                .account_id(ids.account)
                .contact_id(ids.contact)
                .body(ContactLabelsUpdate::default())))
            .rejects("labels that are not a list", r#"{"labels": "vip"}"#),
    ];
    entries.extend(notes_entries());
    entries
}

fn notes_entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListContactNotes, |w| job(notes(w)))
            .sdk(sdk!(|client, ids| client.contact(ids.contact).notes()))
            .call(call!(|api, ids| api
                .list_contact_notes()
                .account_id(ids.account)
                .contact_id(ids.contact))),
        Entry::new(Operation::CreateContactNote, |w| job(notes(w)))
            .sdk(sdk!(|client, ids| client
                .contact(ids.contact)
                .add_note("Hi")))
            .call(call!(|api, ids| api
                .create_contact_note()
                .account_id(ids.account)
                .contact_id(ids.contact)
                .body(text("Called back"))))
            .rejects("no content", "{}")
            .saying("param is missing or the value is empty: note")
            .refuses(422, "empty content", How::Provoke(|w| job(empty_note(w)))),
        Entry::new(Operation::UpdateContactNote, |w| job(notes(w)))
            .sdk(sdk!(|client, ids| client
                .contact(ids.contact)
                .update_note(ids.note, "Changed")))
            .call(call!(|api, ids| api
                .update_contact_note()
                .account_id(ids.account)
                .contact_id(ids.contact)
                .note_id(ids.note)
                .body(text("Changed"))))
            .rejects("no content", "{}")
            .saying("param is missing or the value is empty: note"),
        Entry::new(Operation::DeleteContactNote, |w| job(notes(w)))
            .sdk(sdk!(|client, ids| client
                .contact(ids.contact)
                .delete_note(ids.note)))
            .call(call!(|api, ids| api
                .delete_contact_note()
                .account_id(ids.account)
                .contact_id(ids.contact)
                .note_id(ids.note))),
    ]
}

fn inbox(inbox_id: i64, source_id: Option<&str>) -> NewContactInbox {
    NewContactInbox {
        inbox_id,
        source_id: source_id.map(str::to_owned),
        hmac_verified: None,
    }
}

fn text(content: &str) -> ContactNoteContent {
    ContactNoteContent {
        content: content.to_owned(),
    }
}

/// The main account's email inbox (the inbox that is neither the API inbox
/// nor the first, the website).
fn email_inbox(w: &World) -> i64 {
    *w.seed.inbox_ids.last().expect("inboxes")
}

/// The contact of the seeded open conversation.
async fn open_conversation_contact(w: &World) -> i64 {
    let request = w.api.get_conversation().account_id(w.seed.account_id);
    let conversation = request
        .conversation_id(w.seed.open_conversation_id)
        .send()
        .await
        .expect("the open conversation");
    conversation.meta.sender.as_ref().expect("a sender").id
}

async fn conversations(w: Arc<World>) {
    let contact = open_conversation_contact(&w).await;
    let request = w
        .api
        .list_contact_conversations()
        .account_id(w.seed.account_id);
    let list = request.contact_id(contact).send().await.expect("listed");
    let ids: Vec<i64> = list.payload.iter().map(|c| c.id).collect();
    assert!(ids.contains(&w.seed.open_conversation_id), "{ids:?}");
    assert!(ids.len() <= 20, "at most 20");
    let activity: Vec<_> = list.payload.iter().map(|c| c.last_activity_at).collect();
    assert!(
        activity.is_sorted_by(|a, b| a >= b),
        "latest first: {activity:?}"
    );
}

async fn contactable(w: Arc<World>) {
    let contact = w.seed.contact_ids[0];
    let request = w
        .api
        .list_contactable_inboxes()
        .account_id(w.seed.account_id);
    let list = request.contact_id(contact).send().await.expect("listed");
    let source = |inbox: i64| {
        list.payload
            .iter()
            .find(|c| c.inbox.as_ref().is_some_and(|i| i.id == inbox))
            .map(|c| c.source_id.clone())
    };
    assert!(source(w.seed.api_inbox_id).is_some(), "API inboxes always");
    let email = w.seed.taken_email.clone();
    assert_eq!(
        source(email_inbox(&w)),
        Some(email),
        "the email inbox by email"
    );
}

async fn add_inbox(w: Arc<World>) {
    let (account, contact) = (w.seed.account_id, w.seed.contact_ids[0]);
    let add = |body: NewContactInbox| {
        let request = w.api.create_contact_inbox().account_id(account);
        async move { request.contact_id(contact).body(body).send().await }
    };
    let added = add(inbox(w.seed.api_inbox_id, Some("crm-77"))).await;
    assert_eq!(added.expect("added").source_id, "crm-77");
    let email = add(inbox(email_inbox(&w), None)).await.expect("added");
    assert_eq!(
        email.source_id, w.seed.taken_email,
        "the email, for an email inbox"
    );
    let read = w.api.get_contact().account_id(account).contact_id(contact);
    let read = read.send().await.expect("read back").into_inner().payload;
    let sources: Vec<&str> = read
        .contact_inboxes
        .iter()
        .map(|c| c.source_id.as_str())
        .collect();
    assert!(sources.contains(&"crm-77"), "{sources:?}");
}

async fn labels(w: Arc<World>) {
    let (account, contact) = (w.seed.account_id, w.seed.contact_ids[0]);
    let set = |labels: &[&str]| {
        let body = ContactLabelsUpdate {
            labels: labels.iter().map(|l| (*l).to_owned()).collect(),
        };
        let request = w.api.set_contact_labels().account_id(account);
        async move { request.contact_id(contact).body(body).send().await }
    };
    let now = set(&["vip", "billing", "vip"]).await.expect("set");
    assert_eq!(now.payload, ["vip", "billing"]);
    let list = w.api.list_contact_labels().account_id(account);
    let read = list.contact_id(contact).send().await.expect("listed");
    assert_eq!(read.payload, ["vip", "billing"], "kept");
    let tagged = w
        .api
        .list_contacts()
        .account_id(account)
        .labels(vec!["vip".into()]);
    let tagged = tagged.send().await.expect("filtered");
    assert!(
        tagged.payload.iter().any(|c| c.id == contact),
        "listContacts sees them"
    );
    assert!(set(&[]).await.expect("cleared").payload.is_empty());
}

async fn notes(w: Arc<World>) {
    let (account, contact) = (w.seed.account_id, w.seed.contact_ids[0]);
    let api = &w.api;
    let list = || async {
        let request = api
            .list_contact_notes()
            .account_id(account)
            .contact_id(contact);
        request.send().await.expect("listed").into_inner()
    };
    assert_eq!(list().await.first().map(|n| n.id), Some(w.seed.note_id));
    let request = api
        .create_contact_note()
        .account_id(account)
        .contact_id(contact);
    let added = request
        .body(text("Called back"))
        .send()
        .await
        .expect("added");
    assert_eq!(
        added.user.as_ref().map(|u| u.id),
        Some(w.seed.user_id),
        "by the user"
    );
    assert_eq!(
        list().await.first().map(|n| n.id),
        Some(added.id),
        "newest first"
    );
    let request = api
        .update_contact_note()
        .account_id(account)
        .contact_id(contact);
    let changed = request.note_id(added.id).body(text("Called twice"));
    assert_eq!(
        changed.send().await.expect("changed").content,
        "Called twice"
    );
    let request = api
        .update_contact_note()
        .account_id(account)
        .contact_id(contact);
    let blank = request.note_id(added.id).body(text(""));
    assert_eq!(
        blank.send().await.expect("kept").content,
        "Called twice",
        "not saved"
    );
    let request = api
        .delete_contact_note()
        .account_id(account)
        .contact_id(contact);
    request.note_id(added.id).send().await.expect("deleted");
    assert!(list().await.iter().all(|n| n.id != added.id), "gone");
}

/// createContactNote with empty content: the model's validation.
async fn empty_note(w: Arc<World>) -> Refused {
    let request = w.api.create_contact_note().account_id(w.seed.account_id);
    let request = request.contact_id(w.seed.contact_ids[0]);
    let answer = refused(request.body(text("")).send().await);
    assert_eq!(
        answer.body.attributes,
        vec!["content".to_owned()],
        "{answer:?}"
    );
    answer
}
