//! Creating an automation rule: [`Client::create_automation_rule`] and its
//! [`CreateAutomationRuleRequest`].

use ruut_api::operations::Operation;
use ruut_api::types::{AutomationCondition, AutomationRule, AutomationRuleCreate, MacroAction};

use super::{condition_setters, rule_action};
use crate::client::Client;
use crate::error::Error;
use crate::macros::actions::action_setters;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Creates a rule run when `event_name` happens (conversation_created,
    /// conversation_updated, conversation_opened, message_created), if its
    /// conditions hold. Administrators only. Not retried.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let rule = client
    ///     .create_automation_rule("Tag billing", "message_created")
    ///     .condition("content", "contains", ["invoice"])
    ///     .add_label("billing")
    ///     .send()
    ///     .await?;
    /// println!("rule {}", rule.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_automation_rule(
        &self,
        name: impl Into<String>,
        event_name: impl Into<String>,
    ) -> CreateAutomationRuleRequest {
        CreateAutomationRuleRequest {
            client: self.clone(),
            options: CallOptions::default(),
            body: AutomationRuleCreate {
                name: name.into(),
                event_name: event_name.into(),
                description: None,
                active: None,
                conditions: Vec::new(),
                actions: Vec::new(),
            },
        }
    }
}

/// An automation rule being created; see [`Client::create_automation_rule`].
#[derive(Clone, Debug)]
#[must_use = "a rule is not created until `.send().await`"]
pub struct CreateAutomationRuleRequest {
    client: Client,
    options: CallOptions,
    body: AutomationRuleCreate,
}

call_options!(CreateAutomationRuleRequest);
action_setters!(CreateAutomationRuleRequest);
condition_setters!(CreateAutomationRuleRequest);

impl CreateAutomationRuleRequest {
    fn push_action(mut self, action: MacroAction) -> Self {
        self.body.actions.push(rule_action(action));
        self
    }

    fn conditions(&mut self) -> &mut Vec<AutomationCondition> {
        &mut self.body.conditions
    }

    /// A description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// Whether the rule runs (the server's default: yes).
    pub fn active(mut self, active: bool) -> Self {
        self.body.active = Some(active);
        self
    }

    /// Creates the rule. Sent once, never retried.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) for an unknown condition
    /// attribute or action name, or conditions not joined by AND/OR;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any
    /// other kind a request can fail with.
    pub async fn send(self) -> Result<AutomationRule, Error> {
        let op = Operation::CreateAutomationRule;
        let account_id = self.client.require_account(op)?;
        self.client
            .call_with(&self.options, op, |raw| {
                raw.create_automation_rule()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
