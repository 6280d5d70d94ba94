//! Automation rules, in the account the user administers: create (a bare
//! rule), list, show, update, clone, delete, and the 401 of an agent.

use std::sync::atomic::{AtomicI64, Ordering};

use ruut_api::operations::Operation::*;
use ruut_api::types::{
    AutomationAction, AutomationCondition, AutomationRuleCreate, AutomationRuleUpdate,
};

use crate::contract::{Found, MISSING_ID, Step, send};

/// The rule the create step made.
static CREATED: AtomicI64 = AtomicI64::new(0);

fn created() -> i64 {
    CREATED.load(Ordering::SeqCst)
}

fn admin(found: &Found) -> bool {
    found.admin_account.is_some()
}

fn new_rule() -> AutomationRuleCreate {
    AutomationRuleCreate {
        name: "Contract".to_owned(),
        description: Some("Labels invoices".to_owned()),
        event_name: "message_created".to_owned(),
        active: Some(true),
        conditions: vec![AutomationCondition {
            attribute_key: "content".to_owned(),
            filter_operator: "contains".to_owned(),
            values: Some(serde_json::json!(["invoice"])),
            query_operator: None,
            custom_attribute_type: None,
        }],
        actions: vec![AutomationAction {
            action_name: "add_label".to_owned(),
            action_params: vec!["billing".into()],
        }],
    }
}

pub fn steps() -> Vec<Step> {
    let account = |c: &crate::contract::Ctx| c.found().admin_account.unwrap_or_default();
    vec![
        Step::status(
            ListAutomationRules,
            "an agent",
            401,
            send!(|c| c.user.list_automation_rules().account_id(c.found().account)),
        ),
        Step::ok(
            CreateAutomationRule,
            "an administrator",
            send!(
                |c| c
                    .user
                    .create_automation_rule()
                    .account_id(account(&c))
                    .body(new_rule()),
                |created| CREATED.store(created.id, Ordering::SeqCst)
            ),
        )
        .when(admin),
        Step::ok(
            ListAutomationRules,
            "an administrator",
            send!(|c| c.user.list_automation_rules().account_id(account(&c))),
        )
        .when(admin),
        Step::ok(
            GetAutomationRule,
            "the new rule",
            send!(|c| c
                .user
                .get_automation_rule()
                .account_id(account(&c))
                .automation_rule_id(created())),
        )
        .when(admin),
        Step::status(
            GetAutomationRule,
            "an unknown rule",
            404,
            send!(|c| c
                .user
                .get_automation_rule()
                .account_id(account(&c))
                .automation_rule_id(MISSING_ID)),
        )
        .when(admin),
        Step::ok(
            UpdateAutomationRule,
            "inactive",
            send!(|c| c
                .user
                .update_automation_rule()
                .account_id(account(&c))
                .automation_rule_id(created())
                .body(AutomationRuleUpdate {
                    active: Some(false),
                    ..AutomationRuleUpdate::default()
                })),
        )
        .when(admin),
        Step::ok(
            CloneAutomationRule,
            "the new rule",
            send!(|c| c
                .user
                .clone_automation_rule()
                .account_id(account(&c))
                .automation_rule_id(created())),
        )
        .when(admin),
        Step::ok(
            DeleteAutomationRule,
            "the new rule",
            send!(|c| c
                .user
                .delete_automation_rule()
                .account_id(account(&c))
                .automation_rule_id(created())),
        )
        .when(admin),
        Step::status(
            DeleteAutomationRule,
            "an unknown rule",
            404,
            send!(|c| c
                .user
                .delete_automation_rule()
                .account_id(account(&c))
                .automation_rule_id(MISSING_ID)),
        )
        .when(admin),
    ]
}
