//! Automation rules (administrators only: the seeded user administers the
//! second account, which has one seeded rule, and is an agent of the main one).

use std::sync::Arc;

use ruut_api::types::{
    AutomationAction, AutomationCondition, AutomationRule, AutomationRuleCreate,
    AutomationRuleUpdate,
};
use serde_json::json;

use crate::Operation;
use crate::table::{Entry, MISSING, World, job, provoke, sdk};

const NOT_ALLOWED: &str = "You are not authorized to do this action";

fn condition(key: &str) -> AutomationCondition {
    AutomationCondition {
        attribute_key: key.to_owned(),
        filter_operator: "contains".to_owned(),
        values: Some(json!(["refund"])),
        query_operator: None,
        custom_attribute_type: None,
    }
}

fn new_rule(key: &str, action: &str) -> AutomationRuleCreate {
    AutomationRuleCreate {
        name: "Refunds".to_owned(),
        description: None,
        event_name: "message_created".to_owned(),
        active: Some(false),
        conditions: vec![condition(key)],
        actions: vec![AutomationAction {
            action_name: action.to_owned(),
            action_params: vec![json!("refund")],
        }],
    }
}

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListAutomationRules, |w| job(list(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .list_automation_rules()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .list_automation_rules()
                    .account_id(w.seed.second_account_id)),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent, whether or not the rule exists",
                provoke!(|w| w.api.list_automation_rules().account_id(w.seed.account_id)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an unknown account",
                provoke!(|w| w.api.list_automation_rules().account_id(MISSING)),
            )
            .saying("Resource could not be found"),
        Entry::new(Operation::CreateAutomationRule, |w| job(create(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .create_automation_rule("From the SDK", "conversation_created")
                .condition("status", "equal_to", ["open"])
                .add_label("sdk")
                .send()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .create_automation_rule()
                    .account_id(w.seed.second_account_id)
                    .body(new_rule("content", "add_label"))),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent, whether or not the rule exists",
                provoke!(|w| w
                    .api
                    .create_automation_rule()
                    .account_id(w.seed.account_id)
                    .body(new_rule("content", "add_label"))),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an unknown account",
                provoke!(|w| w
                    .api
                    .create_automation_rule()
                    .account_id(MISSING)
                    .body(new_rule("content", "add_label"))),
            )
            .saying("Resource could not be found")
            .refuses(
                422,
                "an attribute the server does not know",
                provoke!(|w| w
                    .api
                    .create_automation_rule()
                    .account_id(w.seed.second_account_id)
                    .body(new_rule("shoe_size", "add_label"))),
            )
            .saying("Automation conditions shoe_size not supported.")
            .refuses(
                422,
                "an action the server does not know",
                provoke!(|w| w
                    .api
                    .create_automation_rule()
                    .account_id(w.seed.second_account_id)
                    .body(new_rule("content", "teleport"))),
            )
            .saying("Automation actions teleport not supported."),
        Entry::new(Operation::GetAutomationRule, |w| job(show(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .get_automation_rule(ids.automation_rule)))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .get_automation_rule()
                    .account_id(w.seed.second_account_id)
                    .automation_rule_id(w.seed.automation_rule_id)),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent, whether or not the rule exists",
                provoke!(|w| w
                    .api
                    .get_automation_rule()
                    .account_id(w.seed.account_id)
                    .automation_rule_id(MISSING)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an administrator, an unknown rule",
                provoke!(|w| w
                    .api
                    .get_automation_rule()
                    .account_id(w.seed.second_account_id)
                    .automation_rule_id(MISSING)),
            )
            .saying("Resource could not be found"),
        Entry::new(Operation::UpdateAutomationRule, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .automation_rule(ids.automation_rule)
                .update()
                .active(false)
                .send()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .update_automation_rule()
                    .account_id(w.seed.second_account_id)
                    .automation_rule_id(w.seed.automation_rule_id)
                    .body(AutomationRuleUpdate::default())),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent, whether or not the rule exists",
                provoke!(|w| w
                    .api
                    .update_automation_rule()
                    .account_id(w.seed.account_id)
                    .automation_rule_id(MISSING)
                    .body(AutomationRuleUpdate::default())),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an administrator, an unknown rule",
                provoke!(|w| w
                    .api
                    .update_automation_rule()
                    .account_id(w.seed.second_account_id)
                    .automation_rule_id(MISSING)
                    .body(AutomationRuleUpdate::default())),
            )
            .saying("Resource could not be found")
            .refuses(
                422,
                "two conditions without a query operator",
                provoke!(|w| w
                    .api
                    .update_automation_rule()
                    .account_id(w.seed.second_account_id)
                    .automation_rule_id(w.seed.automation_rule_id)
                    .body(AutomationRuleUpdate {
                        conditions: vec![condition("content"), condition("email")],
                        ..AutomationRuleUpdate::default()
                    })),
            )
            .saying("Automation conditions should have query operator."),
        Entry::new(Operation::DeleteAutomationRule, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .automation_rule(ids.automation_rule)
                .delete()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .delete_automation_rule()
                    .account_id(w.seed.second_account_id)
                    .automation_rule_id(w.seed.automation_rule_id)),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent, whether or not the rule exists",
                provoke!(|w| w
                    .api
                    .delete_automation_rule()
                    .account_id(w.seed.account_id)
                    .automation_rule_id(MISSING)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an administrator, an unknown rule",
                provoke!(|w| w
                    .api
                    .delete_automation_rule()
                    .account_id(w.seed.second_account_id)
                    .automation_rule_id(MISSING)),
            )
            .saying("Resource could not be found"),
        Entry::new(Operation::CloneAutomationRule, |w| job(clone(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .automation_rule(ids.automation_rule)
                .clone_rule()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .clone_automation_rule()
                    .account_id(w.seed.second_account_id)
                    .automation_rule_id(w.seed.automation_rule_id)),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent, whether or not the rule exists",
                provoke!(|w| w
                    .api
                    .clone_automation_rule()
                    .account_id(w.seed.account_id)
                    .automation_rule_id(MISSING)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an administrator, an unknown rule",
                provoke!(|w| w
                    .api
                    .clone_automation_rule()
                    .account_id(w.seed.second_account_id)
                    .automation_rule_id(MISSING)),
            )
            .saying("Resource could not be found"),
    ]
}

async fn listed(w: &World) -> Vec<AutomationRule> {
    let answer = w
        .api
        .list_automation_rules()
        .account_id(w.seed.second_account_id)
        .send()
        .await;
    answer.expect("the rules").into_inner().payload
}

async fn list(w: Arc<World>) {
    let rules = listed(&w).await;
    let [seeded] = &rules[..] else {
        panic!("one seeded rule, got {rules:?}");
    };
    assert_eq!(seeded.id, w.seed.automation_rule_id);
    assert_eq!(seeded.event_name, "message_created");
    assert!(seeded.active);
}

async fn create(w: Arc<World>) {
    let created = w
        .api
        .create_automation_rule()
        .account_id(w.seed.second_account_id)
        .body(new_rule("content", "add_label"))
        .send()
        .await
        .expect("created (a bare rule, not in payload)")
        .into_inner();
    assert_eq!(created.name, "Refunds");
    assert!(!created.active);
    assert_eq!(created.conditions, [condition("content")]);
    assert!(listed(&w).await.contains(&created), "listed");
}

async fn show(w: Arc<World>) {
    let shown = w
        .api
        .get_automation_rule()
        .account_id(w.seed.second_account_id)
        .automation_rule_id(w.seed.automation_rule_id)
        .send()
        .await
        .expect("shown")
        .into_inner()
        .payload;
    assert_eq!(shown, listed(&w).await[0]);
}

async fn update(w: Arc<World>) {
    let body = AutomationRuleUpdate {
        name: Some("Tag refunds".to_owned()),
        active: Some(false),
        conditions: vec![condition("content")],
        ..AutomationRuleUpdate::default()
    };
    let updated = w
        .api
        .update_automation_rule()
        .account_id(w.seed.second_account_id)
        .automation_rule_id(w.seed.automation_rule_id)
        .body(body)
        .send()
        .await
        .expect("updated")
        .into_inner()
        .payload;
    assert_eq!(
        (updated.name.as_str(), updated.active),
        ("Tag refunds", false)
    );
    assert_eq!(updated.conditions, [condition("content")]);
    assert_eq!(updated.actions.len(), 1, "the actions are kept");
    assert_eq!(listed(&w).await, [updated], "the change persists");
}

async fn delete(w: Arc<World>) {
    let sent = w
        .api
        .delete_automation_rule()
        .account_id(w.seed.second_account_id)
        .automation_rule_id(w.seed.automation_rule_id)
        .send()
        .await;
    sent.expect("deleted");
    assert!(listed(&w).await.is_empty(), "gone");
}

async fn clone(w: Arc<World>) {
    let copy = w
        .api
        .clone_automation_rule()
        .account_id(w.seed.second_account_id)
        .automation_rule_id(w.seed.automation_rule_id)
        .send()
        .await
        .expect("cloned")
        .into_inner()
        .payload;
    let rules = listed(&w).await;
    assert_eq!(rules.len(), 2, "the original and its copy");
    assert_ne!(copy.id, rules[0].id);
    assert_eq!(
        (copy.name.as_str(), &copy.conditions, &copy.actions),
        (
            rules[0].name.as_str(),
            &rules[0].conditions,
            &rules[0].actions
        )
    );
}
