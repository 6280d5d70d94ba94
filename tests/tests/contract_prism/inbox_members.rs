//! Inbox members: listed by a member; added, replaced and removed by an
//! administrator in the inbox the inbox steps created; refused to an agent.

use ruut_api::operations::Operation::*;
use ruut_api::types::InboxMembersChange;

use crate::contract::{MISSING_ID, Step, send};
use crate::inboxes::{admin, created};

fn change(inbox_id: i64, user_ids: &[i64]) -> InboxMembersChange {
    InboxMembersChange {
        inbox_id,
        user_ids: user_ids.to_vec(),
    }
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            ListInboxMembers,
            "a member's inbox",
            send!(|c| {
                let found = c.found();
                c.user
                    .list_inbox_members()
                    .account_id(found.account)
                    .inbox_id(found.inbox)
            }),
        ),
        Step::status(
            ListInboxMembers,
            "an unknown inbox",
            404,
            send!(|c| c
                .user
                .list_inbox_members()
                .account_id(c.found().account)
                .inbox_id(MISSING_ID)),
        ),
        Step::status(
            AddInboxMembers,
            "an agent",
            401,
            send!(|c| {
                let found = c.found();
                c.user
                    .add_inbox_members()
                    .account_id(found.account)
                    .body(change(found.inbox, &[found.me]))
            }),
        ),
        Step::ok(
            AddInboxMembers,
            "the user",
            send!(|c| {
                let found = c.found();
                c.user
                    .add_inbox_members()
                    .account_id(admin(&found))
                    .body(change(created(&found), &[found.me]))
            }),
        )
        .when(|found| found.admin_inbox.is_some()),
        Step::ok(
            SetInboxMembers,
            "only the user",
            send!(|c| {
                let found = c.found();
                c.user
                    .set_inbox_members()
                    .account_id(admin(&found))
                    .body(change(created(&found), &[found.me]))
            }),
        )
        .when(|found| found.admin_inbox.is_some()),
        Step::status(
            SetInboxMembers,
            "an unknown inbox",
            404,
            send!(|c| c
                .user
                .set_inbox_members()
                .account_id(admin(&c.found()))
                .body(change(MISSING_ID, &[]))),
        )
        .when(|found| found.admin_account.is_some()),
        Step::ok(
            RemoveInboxMembers,
            "the user",
            send!(|c| {
                let found = c.found();
                c.user
                    .remove_inbox_members()
                    .account_id(admin(&found))
                    .body(change(created(&found), &[found.me]))
            }),
        )
        .when(|found| found.admin_inbox.is_some()),
        Step::status(
            RemoveInboxMembers,
            "an agent",
            401,
            send!(|c| {
                let found = c.found();
                c.user
                    .remove_inbox_members()
                    .account_id(found.account)
                    .body(change(found.inbox, &[found.me]))
            }),
        ),
    ]
}
