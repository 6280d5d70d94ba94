//! Contacts: listing, searching, reading, creating.

use std::sync::Arc;

use ruut_api::types::{Contact, ContactList, NewContact};

use crate::Operation;
use crate::table::{Entry, How, Refused, World, call, job, refused, sdk};

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListContacts, |w| job(list(w)))
            .sdk(sdk!(|client, _ids| client.contacts().send()))
            .call(call!(|api, ids| api
                .list_contacts()
                .account_id(ids.account)))
            .rejects("a sort key that does not exist", "?sort=shoe_size"),
        Entry::new(Operation::SearchContacts, |w| job(search(w)))
            .sdk(sdk!(|client, _ids| client.search_contacts("a").send()))
            .call(call!(|api, ids| api
                .search_contacts()
                .account_id(ids.account)
                .q("x")))
            .rejects("a page that is not a number", "?q=x&page=first"),
        Entry::new(Operation::GetContact, |w| job(read(w)))
            .sdk(sdk!(|client, ids| client.get_contact(ids.contact)))
            .call(call!(|api, ids| api
                .get_contact()
                .account_id(ids.account)
                .contact_id(ids.contact))),
        Entry::new(Operation::CreateContact, |w| job(create(w)))
            .sdk(sdk!(|client, _ids| client
                .create_contact()
                .name("Grace")
                .email("grace@example.com")
                .send()))
            .call(call!(|api, ids| api
                .create_contact()
                .account_id(ids.account)
                .body(ada(ids.inbox))))
            .refuses(
                422,
                "an email another contact has",
                How::Provoke(|w| job(taken_email(w))),
            ),
    ]
}

/// createContact with an email a seeded contact has: the 422 names the attribute.
async fn taken_email(w: Arc<World>) -> Refused {
    let taken = NewContact {
        email: Some(w.seed.taken_email.clone()),
        ..Default::default()
    };
    let request = w
        .api
        .create_contact()
        .account_id(w.seed.account_id)
        .body(taken);
    let answer = refused(request.send().await);
    assert_eq!(
        answer.body.attributes,
        vec!["email".to_owned()],
        "{answer:?}"
    );
    answer
}

/// A new contact, Ada, in `inbox`.
fn ada(inbox: i64) -> NewContact {
    NewContact {
        name: Some("Ada".into()),
        email: Some("ada@example.com".into()),
        inbox_id: Some(inbox),
        ..Default::default()
    }
}

/// The first page of `listContacts`.
async fn first_page(w: &World) -> ContactList {
    let request = w.api.list_contacts().account_id(w.seed.account_id);
    request.send().await.expect("contacts").into_inner()
}

/// The first contact `listContacts` shows.
async fn first_contact(w: &World) -> Contact {
    let page = first_page(w).await;
    page.payload.into_iter().next().expect("a contact")
}

async fn list(w: Arc<World>) {
    let page = first_page(&w).await;
    assert_eq!(
        page.payload.len(),
        15.min(w.seed.resolved_contact_count),
        "15 a page"
    );
    assert_eq!(page.meta.count, Some(w.seed.resolved_contact_count as i64));
}

async fn search(w: Arc<World>) {
    let first = first_contact(&w).await;
    let search = || w.api.search_contacts().account_id(w.seed.account_id);
    let found = search()
        .q(first.email.clone().unwrap_or_default())
        .send()
        .await
        .expect("search");
    assert!(found.payload.iter().any(|c| c.id == first.id), "{found:?}");
    assert_eq!(found.meta.has_more, Some(false));
    let no_q = search().send().await.expect("no q is a 200");
    assert_eq!(no_q.meta.count, None, "null counts without q");
}

async fn read(w: Arc<World>) {
    let first = first_contact(&w).await;
    let contact = w
        .api
        .get_contact()
        .account_id(w.seed.account_id)
        .contact_id(first.id)
        .send()
        .await
        .expect("contact");
    assert_eq!(contact.payload.id, first.id);
}

async fn create(w: Arc<World>) {
    let created = w
        .api
        .create_contact()
        .account_id(w.seed.account_id)
        .body(ada(w.seed.api_inbox_id))
        .send()
        .await
        .expect("created");
    assert_eq!(
        created.payload.contact.email.as_deref(),
        Some("ada@example.com")
    );
    assert!(
        created.payload.contact_inbox.is_some(),
        "an inbox was given"
    );
}
