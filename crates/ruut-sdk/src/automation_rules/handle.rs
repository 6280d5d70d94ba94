//! One automation rule, to act on: [`AutomationRuleHandle`] (update,
//! delete, clone).

use ruut_api::operations::Operation;
use ruut_api::types::{AutomationCondition, AutomationRule, AutomationRuleUpdate, MacroAction};

use super::{condition_setters, rule_action};
use crate::client::Client;
use crate::error::Error;
use crate::macros::actions::action_setters;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Acts on one automation rule. Sends nothing by itself; to fetch it,
    /// use [`get_automation_rule`](Self::get_automation_rule).
    pub fn automation_rule(&self, rule_id: i64) -> AutomationRuleHandle {
        AutomationRuleHandle {
            client: self.clone(),
            id: rule_id,
        }
    }
}

/// One automation rule, to act on; see [`Client::automation_rule`].
/// Administrators only, like every rule operation.
///
/// ```no_run
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let rule = client.automation_rule(4);
/// let copy = rule.clone_rule().await?;
/// client.automation_rule(copy.id).update().active(false).send().await?;
/// rule.delete().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct AutomationRuleHandle {
    client: Client,
    id: i64,
}

impl AutomationRuleHandle {
    /// The rule's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Changes the fields set on the returned request; conditions and
    /// actions, when any is set, replace the rule's lists.
    pub fn update(&self) -> UpdateAutomationRuleRequest {
        UpdateAutomationRuleRequest {
            handle: self.clone(),
            options: CallOptions::default(),
            body: AutomationRuleUpdate::default(),
        }
    }

    /// Deletes the rule.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such rule;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any
    /// other kind a request can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteAutomationRule;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_automation_rule()
                    .account_id(account_id)
                    .automation_rule_id(self.id)
                    .send()
            })
            .await
    }

    /// Saves a copy of the rule (a new id) and returns it. Not retried: a
    /// repeat would make a second copy.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such rule;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any
    /// other kind a request can fail with.
    pub async fn clone_rule(&self) -> Result<AutomationRule, Error> {
        let op = Operation::CloneAutomationRule;
        let account_id = self.client.require_account(op)?;
        let answer = self
            .client
            .call(op, |raw| {
                raw.clone_automation_rule()
                    .account_id(account_id)
                    .automation_rule_id(self.id)
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }
}

/// An automation rule's changes; see [`AutomationRuleHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the rule is not changed until `.send().await`"]
pub struct UpdateAutomationRuleRequest {
    handle: AutomationRuleHandle,
    options: CallOptions,
    body: AutomationRuleUpdate,
}

call_options!(UpdateAutomationRuleRequest);
action_setters!(UpdateAutomationRuleRequest);
condition_setters!(UpdateAutomationRuleRequest);

impl UpdateAutomationRuleRequest {
    fn push_action(mut self, action: MacroAction) -> Self {
        self.body.actions.push(rule_action(action));
        self
    }

    fn conditions(&mut self) -> &mut Vec<AutomationCondition> {
        &mut self.body.conditions
    }

    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// A new description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// A new event.
    pub fn event_name(mut self, event_name: impl Into<String>) -> Self {
        self.body.event_name = Some(event_name.into());
        self
    }

    /// Turns the rule on or off.
    pub fn active(mut self, active: bool) -> Self {
        self.body.active = Some(active);
        self
    }

    /// Sends the changes; the answer is the rule as it is now.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) as on create;
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such rule;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any
    /// other kind a request can fail with.
    pub async fn send(self) -> Result<AutomationRule, Error> {
        let op = Operation::UpdateAutomationRule;
        let client = &self.handle.client;
        let account_id = client.require_account(op)?;
        let answer = client
            .call_with(&self.options, op, |raw| {
                raw.update_automation_rule()
                    .account_id(account_id)
                    .automation_rule_id(self.handle.id)
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }
}
