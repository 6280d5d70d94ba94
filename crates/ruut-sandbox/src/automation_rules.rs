//! Automation rules (Chatwoot's `AutomationRule`): stored, listed, changed,
//! copied. [`crate::automation`] runs the active ones on the sandbox's events.

use serde_json::{Value, json};

use crate::clock;
use crate::records::{AccountRecords, account_record};
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
pub(crate) type AutomationRules = AccountRecords<AutomationRule>;

account_record!(AutomationRule);

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
