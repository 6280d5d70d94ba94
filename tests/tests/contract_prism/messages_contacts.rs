//! The messages of a conversation, and contacts.

use ruut_api::operations::Operation::*;
use ruut_api::types::ContactSort;

use crate::contract::{MISSING_ID, Step, send};

pub fn messages() -> Vec<Step> {
    vec![
        Step::ok(
            ListMessages,
            "latest",
            send!(
                |c| c
                    .user
                    .list_messages()
                    .account_id(c.found().account)
                    .conversation_id(c.found().conversation),
                |messages| c.learn(|found| {
                    found.oldest_message = messages.payload.iter().map(|m| m.id).min();
                })
            ),
        ),
        Step::ok(
            ListMessages,
            "before a cursor",
            send!(|c| c
                .user
                .list_messages()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .before(c.found().oldest_message.unwrap_or_default())),
        )
        .when(|found| found.oldest_message.is_some()),
        Step::status(
            ListMessages,
            "unknown conversation",
            404,
            send!(|c| c
                .user
                .list_messages()
                .account_id(c.found().account)
                .conversation_id(MISSING_ID)),
        ),
        Step::ok(
            CreateMessage,
            "reply",
            send!(|c| c
                .user
                .create_message()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| b.content("Thanks, we are on it.".to_string()))),
        ),
        Step::ok(
            CreateMessage,
            "private note",
            send!(|c| c
                .user
                .create_message()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)
                .body_map(|b| b
                    .content("Resolved after a call".to_string())
                    .private(Some(true)))),
        ),
        Step::status(
            CreateMessage,
            "unknown conversation",
            404,
            send!(|c| c
                .user
                .create_message()
                .account_id(c.found().account)
                .conversation_id(MISSING_ID)
                .body_map(|b| b.content("nobody reads this".to_string()))),
        ),
    ]
}

pub fn contacts() -> Vec<Step> {
    vec![
        Step::ok(
            ListContacts,
            "sorted by name",
            send!(|c| c
                .user
                .list_contacts()
                .account_id(c.found().account)
                .page(1)
                .sort(ContactSort::Name)),
        ),
        Step::ok(
            CreateContact,
            "with an inbox",
            send!(
                |c| c
                    .user
                    .create_contact()
                    .account_id(c.found().account)
                    .body_map(|b| {
                        let unique = chrono::Utc::now().timestamp_micros();
                        b.name(Some("Contract Test".to_string()))
                            .email(Some(format!("contract-{unique}@example.com")))
                            .inbox_id(Some(c.found().inbox))
                    }),
                |created| c.learn(|found| {
                    found.created_contact = Some(created.payload.contact.id);
                })
            ),
        ),
        Step::ok(
            SearchContacts,
            "with q",
            send!(|c| c
                .user
                .search_contacts()
                .account_id(c.found().account)
                .q("a")),
        ),
        Step::ok(
            SearchContacts,
            "without q",
            send!(|c| c.user.search_contacts().account_id(c.found().account)),
        ),
        Step::ok(
            GetContact,
            "valid",
            send!(|c| {
                let found = c.found();
                c.user
                    .get_contact()
                    .account_id(found.account)
                    .contact_id(found.created_contact.unwrap_or(found.contact))
            }),
        ),
        Step::status(
            GetContact,
            "unknown contact",
            404,
            send!(|c| c
                .user
                .get_contact()
                .account_id(c.found().account)
                .contact_id(MISSING_ID)),
        ),
    ]
}
