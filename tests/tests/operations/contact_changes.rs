//! Changes to contacts: updating, deleting, removing custom attributes,
//! merging two.

use std::sync::Arc;

use ruut_api::types::{
    Contact, ContactCustomAttributeKeys, ContactMerge, ContactNoteContent, ContactUpdate,
};
use serde_json::json;

use crate::Operation;
use crate::table::{
    Entry, How, MISSING, Refused, World, call, from_json, job, provoke, refused, sdk,
};

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::UpdateContact, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .contact(ids.contact)
                .update()
                .name("Grace")
                .custom_attribute("plan", "gold")
                .send()))
            .call(call!(|api, ids| api
                .update_contact()
                .account_id(ids.account)
                .contact_id(ids.contact)
                .body(ContactUpdate::default())))
            .refuses(
                422,
                "an email another contact has",
                How::Provoke(|w| job(taken_email(w))),
            )
            .rejects("a name that is not a string", r#"{"name": 5}"#),
        Entry::new(Operation::DeleteContact, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .contact(ids.admin_contact)
                .delete()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .delete_contact()
                    .account_id(w.seed.second_account_id)
                    .contact_id(w.seed.second_account_contact_id)),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent (not an administrator), even for a contact that does not exist",
                provoke!(|w| w
                    .api
                    .delete_contact()
                    .account_id(w.seed.account_id)
                    .contact_id(MISSING)),
            )
            .saying("You are not authorized to do this action")
            .refuses(
                404,
                "an administrator, an unknown contact",
                provoke!(|w| w
                    .api
                    .delete_contact()
                    .account_id(w.seed.second_account_id)
                    .contact_id(MISSING)),
            )
            .saying("Resource could not be found"),
        Entry::new(Operation::RemoveContactCustomAttributes, |w| {
            job(remove_attributes(w))
        })
        .sdk(sdk!(|client, ids| client
            .contact(ids.contact)
            .remove_custom_attributes(["plan"])))
        .call(call!(|api, ids| api
            .remove_contact_custom_attributes()
            .account_id(ids.account)
            .contact_id(ids.contact)
            .body(keys(&["plan"]))))
        .rejects(
            "keys that are not a list",
            r#"{"custom_attributes": "plan"}"#,
        ),
        Entry::new(Operation::MergeContacts, |w| job(merge(w)))
            .sdk(sdk!(
                |client, ids| client.merge_contacts(ids.contact, ids.contact)
            ))
            .call(call!(|api, ids| api
                .merge_contacts()
                .account_id(ids.account)
                .body(pair(ids.contact, ids.contact))))
            .refuses(
                404,
                "a mergee that does not exist",
                provoke!(|w| w
                    .api
                    .merge_contacts()
                    .account_id(w.seed.account_id)
                    .body(pair(w.seed.contact_ids[0], MISSING))),
            )
            .rejects(
                "an id that is not a number",
                r#"{"base_contact_id": "one"}"#,
            ),
    ]
}

fn keys(keys: &[&str]) -> ContactCustomAttributeKeys {
    ContactCustomAttributeKeys {
        custom_attributes: keys.iter().map(|k| (*k).to_owned()).collect(),
    }
}

/// Merge `mergee` into `base`.
fn pair(base: i64, mergee: i64) -> ContactMerge {
    ContactMerge {
        base_contact_id: base,
        mergee_contact_id: mergee,
    }
}

async fn get(w: &World, account: i64, id: i64) -> Result<Contact, Refused> {
    let request = w.api.get_contact().account_id(account).contact_id(id);
    match request.send().await {
        Ok(answer) => Ok(answer.into_inner().payload),
        Err(error) => Err(refused::<()>(Err(error))),
    }
}

async fn update_with(w: &World, id: i64, body: serde_json::Value) -> Contact {
    let request = w
        .api
        .update_contact()
        .account_id(w.seed.account_id)
        .contact_id(id)
        .body(from_json::<ContactUpdate>(body));
    request.send().await.expect("updated").into_inner().payload
}

async fn update(w: Arc<World>) {
    let id = w.seed.contact_ids[1];
    let first = json!({"name": "Grace Hopper", "custom_attributes": {"plan": "gold"}});
    let updated = update_with(&w, id, first).await;
    assert_eq!(updated.name.as_deref(), Some("Grace Hopper"));
    let second = json!({"email": "GRACE@example.com", "custom_attributes": {"seats": 3}});
    update_with(&w, id, second).await;
    let read = get(&w, w.seed.account_id, id).await.expect("read back");
    assert_eq!(
        read.email.as_deref(),
        Some("grace@example.com"),
        "downcased"
    );
    let custom = read.custom_attributes.expect("custom attributes");
    assert_eq!(
        custom.get("plan"),
        Some(&json!("gold")),
        "merged, not replaced"
    );
    assert_eq!(custom.get("seats"), Some(&json!(3)));
}

/// updateContact with the email of another contact: the 422 names it.
async fn taken_email(w: Arc<World>) -> Refused {
    let request = w
        .api
        .update_contact()
        .account_id(w.seed.account_id)
        .contact_id(w.seed.contact_ids[1])
        .body(from_json::<ContactUpdate>(
            json!({"email": w.seed.taken_email}),
        ));
    let answer = refused(request.send().await);
    assert_eq!(
        answer.body.attributes,
        vec!["email".to_owned()],
        "{answer:?}"
    );
    answer
}

async fn delete(w: Arc<World>) {
    let (account, id) = (w.seed.second_account_id, w.seed.second_account_contact_id);
    let conversations = w
        .api
        .list_contact_conversations()
        .account_id(account)
        .contact_id(id)
        .send()
        .await
        .expect("conversations")
        .into_inner()
        .payload;
    w.api
        .delete_contact()
        .account_id(account)
        .contact_id(id)
        .send()
        .await
        .expect("deleted by an administrator");
    let gone = get(&w, account, id).await.expect_err("deleted");
    assert_eq!(gone.status, 404);
    for conversation in conversations {
        let read = w
            .api
            .get_conversation()
            .account_id(account)
            .conversation_id(conversation.id)
            .send()
            .await;
        assert_eq!(refused(read).status, 404, "its conversations go with it");
    }
}

async fn remove_attributes(w: Arc<World>) {
    let id = w.seed.contact_ids[2];
    let attrs = json!({"custom_attributes": {"plan": "gold", "seats": 3}});
    update_with(&w, id, attrs).await;
    let answer = w
        .api
        .remove_contact_custom_attributes()
        .account_id(w.seed.account_id)
        .contact_id(id)
        .body(keys(&["plan", "never-set"]))
        .send()
        .await
        .expect("removed")
        .into_inner();
    let custom = answer.payload.custom_attributes.expect("custom attributes");
    assert_eq!(custom.get("plan"), None);
    assert_eq!(custom.get("seats"), Some(&json!(3)), "the others stay");
}

async fn merge(w: Arc<World>) {
    let account = w.seed.account_id;
    let (base, mergee) = (w.seed.contact_ids[3], w.seed.contact_ids[4]);
    let request = w.api.create_contact_note().account_id(account);
    request
        .contact_id(mergee)
        .body(ContactNoteContent {
            content: "met at the fair".to_owned(),
        })
        .send()
        .await
        .expect("a note on the mergee");
    let conversations = |id| {
        let request = w.api.list_contact_conversations().account_id(account);
        async move {
            let answer = request.contact_id(id).send().await.expect("listed");
            answer.into_inner().payload.len()
        }
    };
    let before = conversations(base).await + conversations(mergee).await;
    let merged = w
        .api
        .merge_contacts()
        .account_id(account)
        .body(pair(base, mergee))
        .send()
        .await
        .expect("merged")
        .into_inner();
    assert_eq!(merged.id, base);
    assert_eq!(
        get(&w, account, mergee).await.expect_err("gone").status,
        404
    );
    assert_eq!(
        conversations(base).await,
        before.min(20),
        "conversations moved"
    );
    let notes = w
        .api
        .list_contact_notes()
        .account_id(account)
        .contact_id(base)
        .send()
        .await
        .expect("notes")
        .into_inner();
    assert!(
        notes.iter().any(|n| n.content == "met at the fair"),
        "{notes:?}"
    );
}
