//! Macros in the main account: create, show, update, run, delete, and the
//! 404s of an unknown macro.

use std::sync::atomic::{AtomicI64, Ordering};

use ruut_api::operations::Operation::*;
use ruut_api::types::{MacroAction, MacroCreate, MacroExecution, MacroUpdate};

use crate::contract::{MISSING_ID, Step, send};

/// The macro the create step made.
static CREATED: AtomicI64 = AtomicI64::new(0);

fn created() -> i64 {
    CREATED.load(Ordering::SeqCst)
}

fn label(name: &str) -> MacroAction {
    MacroAction {
        action_name: "add_label".to_owned(),
        action_params: vec![name.into()],
    }
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            CreateMacro,
            "one action",
            send!(
                |c| c
                    .user
                    .create_macro()
                    .account_id(c.found().account)
                    .body(MacroCreate {
                        name: "Contract".to_owned(),
                        visibility: None,
                        actions: vec![label("contract")],
                    }),
                |created| CREATED.store(created.payload.id, Ordering::SeqCst)
            ),
        ),
        Step::status(
            CreateMacro,
            "an unknown action",
            422,
            send!(|c| c
                .user
                .create_macro()
                .account_id(c.found().account)
                .body(MacroCreate {
                    name: "Bad".to_owned(),
                    visibility: None,
                    actions: vec![MacroAction {
                        action_name: "teleport".to_owned(),
                        action_params: Vec::new(),
                    }],
                })),
        ),
        Step::ok(
            ListMacros,
            "valid",
            send!(|c| c.user.list_macros().account_id(c.found().account)),
        ),
        Step::ok(
            GetMacro,
            "the new macro",
            send!(|c| c
                .user
                .get_macro()
                .account_id(c.found().account)
                .macro_id(created())),
        ),
        Step::status(
            GetMacro,
            "an unknown macro",
            404,
            send!(|c| c
                .user
                .get_macro()
                .account_id(c.found().account)
                .macro_id(MISSING_ID)),
        ),
        Step::ok(
            UpdateMacro,
            "a new name",
            send!(|c| c
                .user
                .update_macro()
                .account_id(c.found().account)
                .macro_id(created())
                .body(MacroUpdate {
                    name: Some("Contract renamed".to_owned()),
                    ..MacroUpdate::default()
                })),
        ),
        Step::ok(
            ExecuteMacro,
            "on a conversation",
            send!(|c| c
                .user
                .execute_macro()
                .account_id(c.found().account)
                .macro_id(created())
                .body(MacroExecution {
                    conversation_ids: vec![c.found().conversation],
                })),
        ),
        Step::status(
            ExecuteMacro,
            "an unknown macro",
            404,
            send!(|c| c
                .user
                .execute_macro()
                .account_id(c.found().account)
                .macro_id(MISSING_ID)
                .body(MacroExecution {
                    conversation_ids: vec![c.found().conversation],
                })),
        ),
        Step::ok(
            DeleteMacro,
            "its author",
            send!(|c| c
                .user
                .delete_macro()
                .account_id(c.found().account)
                .macro_id(created())),
        ),
        Step::status(
            DeleteMacro,
            "an unknown macro",
            404,
            send!(|c| c
                .user
                .delete_macro()
                .account_id(c.found().account)
                .macro_id(MISSING_ID)),
        ),
    ]
}
