//! Automation rules (administrators only): [`Client::list_automation_rules`],
//! [`Client::get_automation_rule`], [`Client::create_automation_rule`] and
//! [`Client::automation_rule`] (update, delete, clone).
//!
//! The conditions and actions setters are shared by the create and update
//! requests (`rule_setters!`); actions use the macros' setters.

pub(crate) mod create;
pub(crate) mod handle;

use ruut_api::operations::Operation;
use ruut_api::types::{AutomationAction, AutomationCondition, AutomationRule, MacroAction};
use serde_json::Value;

use crate::client::Client;
use crate::error::Error;

/// A macro action as a rule's action (the same shape).
pub(crate) fn rule_action(action: MacroAction) -> AutomationAction {
    AutomationAction {
        action_name: action.action_name,
        action_params: action.action_params,
    }
}

/// Appends a condition, joining it to the previous one with `join`.
pub(crate) fn push_condition(
    conditions: &mut Vec<AutomationCondition>,
    join: &str,
    attribute_key: String,
    filter_operator: String,
    values: Value,
) {
    if let Some(previous) = conditions.last_mut() {
        previous.query_operator = Some(join.to_owned());
    }
    conditions.push(AutomationCondition {
        attribute_key,
        filter_operator,
        values: Some(values),
        query_operator: None,
        custom_attribute_type: None,
    });
}

/// Gives a builder with a `conditions(&mut self) -> &mut Vec<AutomationCondition>`
/// method the condition setters.
macro_rules! condition_setters {
    ($builder:ty) => {
        impl $builder {
            /// Adds a condition, joined to the previous one with AND:
            /// `attribute_key` (content, status, inbox_id, labels...),
            /// `filter_operator` (equal_to, contains, ...) and the values.
            pub fn condition<V: Into<serde_json::Value>>(
                mut self,
                attribute_key: impl Into<String>,
                filter_operator: impl Into<String>,
                values: impl IntoIterator<Item = V>,
            ) -> Self {
                let values = serde_json::Value::Array(values.into_iter().map(Into::into).collect());
                crate::automation_rules::push_condition(
                    self.conditions(),
                    "AND",
                    attribute_key.into(),
                    filter_operator.into(),
                    values,
                );
                self
            }

            /// Adds a condition joined to the previous one with OR.
            pub fn or_condition<V: Into<serde_json::Value>>(
                mut self,
                attribute_key: impl Into<String>,
                filter_operator: impl Into<String>,
                values: impl IntoIterator<Item = V>,
            ) -> Self {
                let values = serde_json::Value::Array(values.into_iter().map(Into::into).collect());
                crate::automation_rules::push_condition(
                    self.conditions(),
                    "OR",
                    attribute_key.into(),
                    filter_operator.into(),
                    values,
                );
                self
            }

            /// Adds an `attribute_changed` condition, joined to the previous
            /// one with AND: a `conversation_updated` rule whose
            /// `attribute_key` (status, assignee_id, team_id, priority...)
            /// changed from one of `from` to one of `to`.
            ///
            /// ```no_run
            /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
            /// client
            ///     .create_automation_rule("Thank on resolve", "conversation_updated")
            ///     .attribute_changed("status", ["open", "pending"], ["resolved"])
            ///     .send_message("Thanks for writing to us!")
            ///     .send()
            ///     .await?;
            /// # Ok(())
            /// # }
            /// ```
            pub fn attribute_changed<V: Into<serde_json::Value>>(
                mut self,
                attribute_key: impl Into<String>,
                from: impl IntoIterator<Item = V>,
                to: impl IntoIterator<Item = V>,
            ) -> Self {
                let list = |values: Vec<serde_json::Value>| serde_json::Value::Array(values);
                let from = list(from.into_iter().map(Into::into).collect());
                let to = list(to.into_iter().map(Into::into).collect());
                crate::automation_rules::push_condition(
                    self.conditions(),
                    "AND",
                    attribute_key.into(),
                    "attribute_changed".to_owned(),
                    serde_json::json!({"from": from, "to": to}),
                );
                self
            }
        }
    };
}

pub(crate) use condition_setters;

impl Client {
    /// The account's automation rules. Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for rule in client.list_automation_rules().await? {
    ///     println!("{} on {} (active: {})", rule.name, rule.event_name, rule.active);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any
    /// other kind a request can fail with.
    pub async fn list_automation_rules(&self) -> Result<Vec<AutomationRule>, Error> {
        let op = Operation::ListAutomationRules;
        let account_id = self.require_account(op)?;
        let answer = self
            .call(op, |raw| {
                raw.list_automation_rules().account_id(account_id).send()
            })
            .await?;
        Ok(answer.payload)
    }

    /// Fetches one automation rule. Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let rule = client.get_automation_rule(4).await?;
    /// println!("{} conditions", rule.conditions.len());
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such rule;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any
    /// other kind a request can fail with.
    pub async fn get_automation_rule(&self, rule_id: i64) -> Result<AutomationRule, Error> {
        let op = Operation::GetAutomationRule;
        let account_id = self.require_account(op)?;
        let answer = self
            .call(op, |raw| {
                raw.get_automation_rule()
                    .account_id(account_id)
                    .automation_rule_id(rule_id)
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }
}
