//! Macros, in the main account (the token user is an agent there and the
//! author of the seeded global macro; another agent owns a personal one).

use std::sync::Arc;

use ruut_api::enums::{ConversationPriority, ConversationStatus, MacroVisibility};
use ruut_api::types::{Macro, MacroAction, MacroCreate, MacroExecution, MacroUpdate};
use serde_json::json;

use crate::Operation;
use crate::table::{Entry, World, call, job, provoke, sdk};

const NOT_ALLOWED: &str = "You are not authorized to do this action";

fn action(name: &str, params: serde_json::Value) -> MacroAction {
    let serde_json::Value::Array(action_params) = params else {
        panic!("params are a list");
    };
    MacroAction {
        action_name: name.to_owned(),
        action_params,
    }
}

fn new_macro(name: &str, actions: Vec<MacroAction>) -> MacroCreate {
    MacroCreate {
        name: name.to_owned(),
        visibility: Some(MacroVisibility::Global),
        actions,
    }
}

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListMacros, |w| job(list(w)))
            .sdk(sdk!(|client, _ids| client.list_macros()))
            .call(call!(|api, ids| api.list_macros().account_id(ids.account))),
        Entry::new(Operation::CreateMacro, |w| job(create(w)))
            .sdk(sdk!(|client, _ids| client
                .create_macro("From the SDK")
                .add_label("sdk")
                .send()))
            .call(call!(|api, ids| api
                .create_macro()
                .account_id(ids.account)
                .body(new_macro("x", Vec::new()))))
            .refuses(
                422,
                "an action the server does not know",
                provoke!(|w| w
                    .api
                    .create_macro()
                    .account_id(w.seed.account_id)
                    .body(new_macro("Bad", vec![action("teleport", json!([]))]))),
            )
            .saying("Macro execution actions teleport not supported."),
        Entry::new(Operation::GetMacro, |w| job(show(w)))
            .sdk(sdk!(|client, ids| client.get_macro(ids.macro_id)))
            .call(call!(|api, ids| api
                .get_macro()
                .account_id(ids.account)
                .macro_id(ids.macro_id)))
            .refuses(
                401,
                "another agent's personal macro",
                provoke!(|w| w
                    .api
                    .get_macro()
                    .account_id(w.seed.account_id)
                    .macro_id(w.seed.other_agent_macro_id)),
            )
            .saying(NOT_ALLOWED),
        Entry::new(Operation::UpdateMacro, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .saved_macro(ids.macro_id)
                .update()
                .name("Renamed")
                .send()))
            .call(call!(|api, ids| api
                .update_macro()
                .account_id(ids.account)
                .macro_id(ids.macro_id)
                .body(MacroUpdate::default())))
            .refuses(
                401,
                "another agent's personal macro",
                provoke!(|w| w
                    .api
                    .update_macro()
                    .account_id(w.seed.account_id)
                    .macro_id(w.seed.other_agent_macro_id)
                    .body(MacroUpdate::default())),
            )
            .saying(NOT_ALLOWED)
            .rejects(
                "an action the server does not know",
                r#"{"actions": [{"action_name": "teleport", "action_params": []}]}"#,
            ),
        Entry::new(Operation::DeleteMacro, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .saved_macro(ids.macro_id)
                .delete()))
            .call(call!(|api, ids| api
                .delete_macro()
                .account_id(ids.account)
                .macro_id(ids.macro_id)))
            .refuses(
                401,
                "another agent's personal macro",
                provoke!(|w| w
                    .api
                    .delete_macro()
                    .account_id(w.seed.account_id)
                    .macro_id(w.seed.other_agent_macro_id)),
            )
            .saying(NOT_ALLOWED),
        Entry::new(Operation::ExecuteMacro, |w| job(execute(w)))
            .sdk(sdk!(|client, ids| client
                .saved_macro(ids.macro_id)
                .execute([ids.conversation])))
            .call(call!(|api, ids| api
                .execute_macro()
                .account_id(ids.account)
                .macro_id(ids.macro_id)
                .body(MacroExecution {
                    conversation_ids: vec![ids.conversation],
                })))
            .refuses(
                401,
                "another agent's personal macro",
                provoke!(|w| w
                    .api
                    .execute_macro()
                    .account_id(w.seed.account_id)
                    .macro_id(w.seed.other_agent_macro_id)
                    .body(MacroExecution {
                        conversation_ids: vec![w.seed.open_conversation_id],
                    })),
            )
            .saying(NOT_ALLOWED)
            .rejects("no conversation_ids", "{}"),
    ]
}

async fn listed(w: &World) -> Vec<Macro> {
    let answer = w
        .api
        .list_macros()
        .account_id(w.seed.account_id)
        .send()
        .await;
    answer.expect("the macros").into_inner().payload
}

async fn list(w: Arc<World>) {
    let ids: Vec<i64> = listed(&w).await.iter().map(|m| m.id).collect();
    assert_eq!(
        ids,
        [w.seed.macro_id],
        "the global one, not another agent's personal one"
    );
}

async fn create(w: Arc<World>) {
    let body = new_macro("Wrap up", vec![action("resolve_conversation", json!([]))]);
    let created = w
        .api
        .create_macro()
        .account_id(w.seed.account_id)
        .body(body)
        .send()
        .await
        .expect("created")
        .into_inner()
        .payload;
    assert_eq!(created.name, "Wrap up");
    assert_eq!(
        created.visibility,
        Some(MacroVisibility::Personal),
        "an agent's is personal"
    );
    assert_eq!(
        created.created_by.as_ref().map(|u| u.id),
        Some(w.seed.user_id)
    );
    assert_eq!(created.actions[0].action_name, "resolve_conversation");
    assert!(listed(&w).await.contains(&created), "listed for its author");
}

async fn show(w: Arc<World>) {
    let shown = w
        .api
        .get_macro()
        .account_id(w.seed.account_id)
        .macro_id(w.seed.macro_id)
        .send()
        .await
        .expect("shown")
        .into_inner()
        .payload;
    assert_eq!(
        (shown.id, shown.name.as_str()),
        (w.seed.macro_id, "Escalate")
    );
    assert_eq!(shown.visibility, Some(MacroVisibility::Global));
    assert_eq!(shown.actions.len(), 2);
}

async fn update(w: Arc<World>) {
    let body = MacroUpdate {
        name: Some("Escalate now".to_owned()),
        actions: vec![action("add_label", json!(["now"]))],
        ..MacroUpdate::default()
    };
    let updated = w
        .api
        .update_macro()
        .account_id(w.seed.account_id)
        .macro_id(w.seed.macro_id)
        .body(body)
        .send()
        .await
        .expect("updated")
        .into_inner()
        .payload;
    assert_eq!(updated.name, "Escalate now");
    assert_eq!(updated.actions, [action("add_label", json!(["now"]))]);
    assert_eq!(
        updated.visibility,
        Some(MacroVisibility::Personal),
        "an agent's update makes it personal"
    );
    assert!(listed(&w).await.contains(&updated), "the change persists");
}

async fn delete(w: Arc<World>) {
    let sent = w
        .api
        .delete_macro()
        .account_id(w.seed.account_id)
        .macro_id(w.seed.macro_id)
        .send()
        .await;
    sent.expect("deleted by its author");
    assert!(listed(&w).await.is_empty(), "gone");
}

async fn execute(w: Arc<World>) {
    let (account, id) = (w.seed.account_id, w.seed.pending_conversation_id);
    let actions = vec![
        action("add_label", json!(["escalated", "billing"])),
        action("remove_label", json!(["billing"])),
        action("change_priority", json!(["urgent"])),
        action("assign_agent", json!(["self"])),
        action("assign_team", json!([w.seed.team_id])),
        action("add_private_note", json!(["Escalated by macro"])),
        action("send_message", json!(["We are on it"])),
        action("change_status", json!(["open"])),
        action("send_webhook_event", json!(["https://example.com/skipped"])),
    ];
    let created = w
        .api
        .create_macro()
        .account_id(account)
        .body(new_macro("All", actions))
        .send()
        .await;
    let macro_id = created.expect("created").into_inner().payload.id;
    let before = w.sandbox.message_ids(account, id).len();
    w.api
        .execute_macro()
        .account_id(account)
        .macro_id(macro_id)
        .body(MacroExecution {
            conversation_ids: vec![id, 987_654],
        })
        .send()
        .await
        .expect("executed");
    let c = w
        .api
        .get_conversation()
        .account_id(account)
        .conversation_id(id)
        .send()
        .await
        .expect("the conversation")
        .into_inner();
    assert!(c.labels.contains(&"escalated".to_owned()), "{:?}", c.labels);
    assert!(!c.labels.contains(&"billing".to_owned()), "{:?}", c.labels);
    assert_eq!(c.priority, Some(ConversationPriority::Urgent));
    assert_eq!(c.status, ConversationStatus::Open);
    let meta = c.meta;
    assert_eq!(
        meta.assignee.map(|a| a.id),
        Some(w.seed.user_id),
        "assigned to the caller"
    );
    assert_eq!(meta.team.map(|t| t.id), Some(w.seed.team_id));
    assert_eq!(
        w.sandbox.message_ids(account, id).len(),
        before + 2,
        "a note and a reply"
    );
}
