//! Automation rules (Chatwoot's `AutomationRule`): stored, listed, changed,
//! copied. The sandbox does not run them on events (not yet): a rule made
//! here changes nothing in the sandbox's conversations.

use serde_json::{Value, json};

use crate::clock;
use crate::state::Store;

/// `AutomationRule#conditions_attributes` (the account's custom attribute
/// keys are allowed too; the sandbox has none).
pub(crate) const CONDITION_KEYS: &[&str] = &[
    "content",
    "email",
    "country_code",
    "status",
    "message_type",
    "browser_language",
    "assignee_id",
    "team_id",
    "referer",
    "city",
    "company",
    "inbox_id",
    "mail_subject",
    "phone_number",
    "priority",
    "conversation_language",
    "labels",
];

/// `AutomationRule#actions_attributes`.
pub(crate) const ACTION_NAMES: &[&str] = &[
    "send_message",
    "add_label",
    "remove_label",
    "send_email_to_team",
    "assign_team",
    "assign_agent",
    "send_webhook_event",
    "mute_conversation",
    "send_attachment",
    "change_status",
    "resolve_conversation",
    "open_conversation",
    "pending_conversation",
    "snooze_conversation",
    "change_priority",
    "send_email_transcript",
    "add_private_note",
];

/// One rule.
#[derive(Clone, Debug)]
pub(crate) struct AutomationRule {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub description: Option<String>,
    pub event_name: String,
    pub conditions: Vec<Value>,
    pub actions: Vec<Value>,
    pub active: bool,
    pub created_at: i64,
}

/// Every account's rules, and the next id.
#[derive(Clone, Debug)]
pub(crate) struct AutomationRules {
    pub list: Vec<AutomationRule>,
    next_id: i64,
}

impl Default for AutomationRules {
    fn default() -> Self {
        Self {
            list: Vec::new(),
            next_id: 1,
        }
    }
}

impl AutomationRules {
    /// Hands out the next rule id.
    pub fn take_id(&mut self) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Where the rule with this id in the account is in `list`.
    pub fn index(&self, account_id: i64, id: i64) -> Option<usize> {
        self.list
            .iter()
            .position(|r| r.id == id && r.account_id == account_id)
    }
}

/// A rule as `automation_rules/partials/_automation_rule.json.jbuilder`
/// renders it (never with `files`).
pub(crate) fn rule_json(r: &AutomationRule) -> Value {
    json!({
        "id": r.id,
        "account_id": r.account_id,
        "name": r.name,
        "description": r.description,
        "event_name": r.event_name,
        "conditions": r.conditions,
        "actions": r.actions,
        "created_on": r.created_at,
        "active": r.active,
    })
}

/// The seeded rule of `account_id` (labels messages about invoices); its id.
pub(crate) fn seed(store: &mut Store, account_id: i64) -> i64 {
    let id = store.automation_rules.take_id();
    store.automation_rules.list.push(AutomationRule {
        id,
        account_id,
        name: "Tag billing".to_owned(),
        description: Some("Label messages about invoices".to_owned()),
        event_name: "message_created".to_owned(),
        conditions: vec![json!({
            "attribute_key": "content",
            "filter_operator": "contains",
            "values": ["invoice"],
            "query_operator": null,
        })],
        actions: vec![json!({"action_name": "add_label", "action_params": ["billing"]})],
        active: true,
        created_at: clock::now(),
    });
    id
}
