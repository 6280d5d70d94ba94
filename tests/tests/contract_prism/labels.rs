//! The account's labels: the list in the user's account (agents may), and
//! create, read, change, delete in the account the user administers, with
//! the agent's 401s and the documented 404s and 422s.

use std::sync::atomic::{AtomicI64, Ordering};

use ruut_api::operations::Operation::*;
use ruut_api::types::{LabelCreate, LabelUpdate};

use crate::contract::{Found, MISSING_ID, Step, send};

/// A label of the user's account (from the list), and the one the create
/// step made in the administered account.
static LISTED: AtomicI64 = AtomicI64::new(MISSING_ID);
static CREATED: AtomicI64 = AtomicI64::new(MISSING_ID);

fn id(cell: &AtomicI64) -> i64 {
    cell.load(Ordering::Relaxed)
}

fn admin(found: &Found) -> i64 {
    found.admin_account.unwrap_or_default()
}

fn administers(found: &Found) -> bool {
    found.admin_account.is_some()
}

fn new(title: &str) -> LabelCreate {
    LabelCreate {
        title: title.to_owned(),
        color: Some("#123456".to_owned()),
        description: Some("Made through Prism".to_owned()),
        show_on_sidebar: Some(true),
    }
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            ListLabels,
            "as an agent",
            send!(
                |c| c.user.list_labels().account_id(c.found().account),
                |answer| if let Some(label) = answer.payload.first() {
                    LISTED.store(label.id, Ordering::Relaxed);
                }
            ),
        ),
        Step::status(
            GetLabel,
            "as an agent",
            401,
            send!(|c| c
                .user
                .get_label()
                .account_id(c.found().account)
                .label_id(id(&LISTED))),
        ),
        Step::status(
            CreateLabel,
            "as an agent",
            401,
            send!(|c| c
                .user
                .create_label()
                .account_id(c.found().account)
                .body(new("contract-agent"))),
        ),
        Step::ok(
            CreateLabel,
            "as an administrator",
            send!(
                |c| c
                    .user
                    .create_label()
                    .account_id(admin(&c.found()))
                    .body(new("Contract-Label")),
                |answer| CREATED.store(answer.id, Ordering::Relaxed)
            ),
        )
        .when(administers),
        Step::status(
            CreateLabel,
            "a title the account has",
            422,
            send!(|c| c
                .user
                .create_label()
                .account_id(admin(&c.found()))
                .body(new("contract-label"))),
        )
        .when(administers),
        Step::ok(
            GetLabel,
            "as an administrator",
            send!(|c| c
                .user
                .get_label()
                .account_id(admin(&c.found()))
                .label_id(id(&CREATED))),
        )
        .when(administers),
        Step::ok(
            UpdateLabel,
            "color and sidebar",
            send!(|c| c
                .user
                .update_label()
                .account_id(admin(&c.found()))
                .label_id(id(&CREATED))
                .body(LabelUpdate {
                    color: Some("#654321".to_owned()),
                    show_on_sidebar: Some(false),
                    ..LabelUpdate::default()
                })),
        )
        .when(administers),
        Step::status(
            UpdateLabel,
            "unknown label",
            404,
            send!(|c| c
                .user
                .update_label()
                .account_id(c.found().account)
                .label_id(MISSING_ID)
                .body(LabelUpdate::default())),
        ),
        Step::ok(
            DeleteLabel,
            "the one created",
            send!(|c| c
                .user
                .delete_label()
                .account_id(admin(&c.found()))
                .label_id(id(&CREATED))),
        )
        .when(administers),
        Step::status(
            DeleteLabel,
            "deleted already",
            404,
            send!(|c| c
                .user
                .delete_label()
                .account_id(admin(&c.found()))
                .label_id(id(&CREATED))),
        )
        .when(administers),
    ]
}
