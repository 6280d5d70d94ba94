//! One contact's changes and links: update, labels, notes, conversations,
//! inboxes, custom attributes, then a merge and deletes (last, as they
//! remove contacts).

use ruut_api::enums::UserRole;
use ruut_api::operations::Operation::*;
use ruut_api::types::{
    ContactCustomAttributeKeys, ContactLabelsUpdate, ContactMerge, ContactNoteContent,
    ContactUpdate, NewContactInbox,
};

use crate::contract::{MISSING_ID, Step, send};

fn note(text: &str) -> ContactNoteContent {
    ContactNoteContent {
        content: text.to_owned(),
    }
}

pub fn details() -> Vec<Step> {
    vec![
        Step::ok(
            UpdateContact,
            "name and a custom attribute",
            send!(|c| {
                let mut body = ContactUpdate {
                    name: Some("Contract Renamed".to_owned()),
                    ..ContactUpdate::default()
                };
                let attrs = serde_json::Map::from_iter([("plan".to_owned(), "gold".into())]);
                body.custom_attributes = Some(ruut_api::types::Attributes(attrs));
                c.user
                    .update_contact()
                    .account_id(c.found().account)
                    .contact_id(c.found().contact)
                    .body(body)
            }),
        ),
        Step::status(
            UpdateContact,
            "unknown contact",
            404,
            send!(|c| c
                .user
                .update_contact()
                .account_id(c.found().account)
                .contact_id(MISSING_ID)
                .body(ContactUpdate::default())),
        ),
        Step::ok(
            RemoveContactCustomAttributes,
            "one key",
            send!(|c| c
                .user
                .remove_contact_custom_attributes()
                .account_id(c.found().account)
                .contact_id(c.found().contact)
                .body(ContactCustomAttributeKeys {
                    custom_attributes: vec!["plan".to_owned()],
                })),
        ),
        Step::ok(
            SetContactLabels,
            "two labels",
            send!(|c| c
                .user
                .set_contact_labels()
                .account_id(c.found().account)
                .contact_id(c.found().contact)
                .body(ContactLabelsUpdate {
                    labels: vec!["vip".to_owned(), "billing".to_owned()],
                })),
        ),
        Step::ok(
            ListContactLabels,
            "valid",
            send!(|c| c
                .user
                .list_contact_labels()
                .account_id(c.found().account)
                .contact_id(c.found().contact)),
        ),
        Step::ok(
            ListContactConversations,
            "valid",
            send!(|c| c
                .user
                .list_contact_conversations()
                .account_id(c.found().account)
                .contact_id(c.found().contact)),
        ),
        Step::ok(
            ListContactableInboxes,
            "valid",
            send!(|c| c
                .user
                .list_contactable_inboxes()
                .account_id(c.found().account)
                .contact_id(c.found().contact)),
        ),
        Step::ok(
            CreateContactInbox,
            "with a source id",
            send!(|c| c
                .user
                .create_contact_inbox()
                .account_id(c.found().account)
                .contact_id(c.found().contact)
                .body(NewContactInbox {
                    inbox_id: c.found().inbox,
                    source_id: Some("contract-source".to_owned()),
                    hmac_verified: None,
                })),
        ),
        Step::status(
            CreateContactInbox,
            "unknown inbox",
            404,
            send!(|c| c
                .user
                .create_contact_inbox()
                .account_id(c.found().account)
                .contact_id(c.found().contact)
                .body(NewContactInbox {
                    inbox_id: MISSING_ID,
                    source_id: None,
                    hmac_verified: None,
                })),
        ),
    ]
}

pub fn notes() -> Vec<Step> {
    vec![
        Step::ok(
            CreateContactNote,
            "valid",
            send!(
                |c| c
                    .user
                    .create_contact_note()
                    .account_id(c.found().account)
                    .contact_id(c.found().contact)
                    .body(note("Prefers e-mail")),
                |created| c.learn(|found| found.note = Some(created.id))
            ),
        ),
        Step::ok(
            ListContactNotes,
            "valid",
            send!(|c| c
                .user
                .list_contact_notes()
                .account_id(c.found().account)
                .contact_id(c.found().contact)),
        ),
        Step::ok(
            UpdateContactNote,
            "valid",
            send!(|c| c
                .user
                .update_contact_note()
                .account_id(c.found().account)
                .contact_id(c.found().contact)
                .note_id(c.found().note.unwrap_or_default())
                .body(note("Prefers phone calls"))),
        )
        .when(|found| found.note.is_some()),
        Step::ok(
            DeleteContactNote,
            "valid",
            send!(|c| c
                .user
                .delete_contact_note()
                .account_id(c.found().account)
                .contact_id(c.found().contact)
                .note_id(c.found().note.unwrap_or_default())),
        )
        .when(|found| found.note.is_some()),
        Step::status(
            DeleteContactNote,
            "unknown note",
            404,
            send!(|c| c
                .user
                .delete_contact_note()
                .account_id(c.found().account)
                .contact_id(c.found().contact)
                .note_id(MISSING_ID)),
        ),
    ]
}

pub fn removals() -> Vec<Step> {
    vec![
        Step::ok(
            MergeContacts,
            "the created contact into the first",
            send!(|c| {
                let found = c.found();
                c.user
                    .merge_contacts()
                    .account_id(found.account)
                    .body(ContactMerge {
                        base_contact_id: found.contact,
                        mergee_contact_id: found.created_contact.unwrap_or(found.contact),
                    })
            }),
        ),
        Step::status(
            MergeContacts,
            "unknown mergee",
            404,
            send!(|c| c
                .user
                .merge_contacts()
                .account_id(c.found().account)
                .body(ContactMerge {
                    base_contact_id: c.found().contact,
                    mergee_contact_id: MISSING_ID,
                })),
        ),
        Step::status(
            DeleteContact,
            "an agent",
            401,
            send!(|c| c
                .user
                .delete_contact()
                .account_id(c.found().account)
                .contact_id(c.found().contact)),
        ),
        Step::ok(
            GetProfile,
            "an account the user administers",
            send!(|c| c.user.get_profile(), |profile| c.learn(|found| {
                found.admin_account = profile
                    .accounts
                    .iter()
                    .find(|a| a.role == Some(UserRole::Administrator))
                    .map(|a| a.id);
            })),
        ),
        Step::ok(
            ListContacts,
            "in the administered account",
            send!(
                |c| c
                    .user
                    .list_contacts()
                    .account_id(c.found().admin_account.unwrap_or_default()),
                |list| c.learn(|found| {
                    found.admin_contact = list.payload.first().map(|contact| contact.id);
                })
            ),
        )
        .when(|found| found.admin_account.is_some()),
        Step::ok(
            DeleteContact,
            "an administrator",
            send!(|c| {
                let found = c.found();
                c.user
                    .delete_contact()
                    .account_id(found.admin_account.unwrap_or_default())
                    .contact_id(found.admin_contact.unwrap_or_default())
            }),
        )
        .when(|found| found.admin_contact.is_some()),
        Step::status(
            DeleteContact,
            "an administrator, an unknown contact",
            404,
            send!(|c| c
                .user
                .delete_contact()
                .account_id(c.found().admin_account.unwrap_or_default())
                .contact_id(MISSING_ID)),
        )
        .when(|found| found.admin_account.is_some()),
    ]
}
