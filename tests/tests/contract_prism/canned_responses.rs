//! Canned responses: list (and search), create, update, delete, in the
//! user's account (any member may), with the documented 404s and 422s.

use std::sync::atomic::{AtomicI64, Ordering};

use ruut_api::operations::Operation::*;
use ruut_api::types::{CannedResponseCreate, CannedResponseUpdate};

use crate::contract::{MISSING_ID, Step, send};

/// The canned response the create step made (later steps change and delete it).
static CREATED: AtomicI64 = AtomicI64::new(MISSING_ID);

fn created() -> i64 {
    CREATED.load(Ordering::Relaxed)
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            CreateCannedResponse,
            "short code and content",
            send!(
                |c| c
                    .user
                    .create_canned_response()
                    .account_id(c.found().account)
                    .body(CannedResponseCreate {
                        short_code: "contract-reply".to_owned(),
                        content: "Sent through Prism".to_owned(),
                    }),
                |answer| CREATED.store(answer.id, Ordering::Relaxed)
            ),
        ),
        Step::status(
            CreateCannedResponse,
            "a short code the account has",
            422,
            send!(|c| c
                .user
                .create_canned_response()
                .account_id(c.found().account)
                .body(CannedResponseCreate {
                    short_code: "contract-reply".to_owned(),
                    content: "Again".to_owned(),
                })),
        ),
        Step::ok(
            ListCannedResponses,
            "every one",
            send!(|c| c.user.list_canned_responses().account_id(c.found().account)),
        ),
        Step::ok(
            ListCannedResponses,
            "a search",
            send!(|c| c
                .user
                .list_canned_responses()
                .account_id(c.found().account)
                .search("contract")),
        ),
        Step::ok(
            UpdateCannedResponse,
            "the content",
            send!(|c| c
                .user
                .update_canned_response()
                .account_id(c.found().account)
                .canned_response_id(created())
                .body(CannedResponseUpdate {
                    short_code: None,
                    content: Some("Changed through Prism".to_owned()),
                })),
        ),
        Step::status(
            UpdateCannedResponse,
            "unknown canned response",
            404,
            send!(|c| c
                .user
                .update_canned_response()
                .account_id(c.found().account)
                .canned_response_id(MISSING_ID)
                .body(CannedResponseUpdate::default())),
        ),
        Step::ok(
            DeleteCannedResponse,
            "the one created",
            send!(|c| c
                .user
                .delete_canned_response()
                .account_id(c.found().account)
                .canned_response_id(created())),
        ),
        Step::status(
            DeleteCannedResponse,
            "deleted already",
            404,
            send!(|c| c
                .user
                .delete_canned_response()
                .account_id(c.found().account)
                .canned_response_id(created())),
        ),
    ]
}
