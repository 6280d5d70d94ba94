//! Creating a macro: [`Client::create_macro`] and its [`CreateMacroRequest`].

use ruut_api::enums::MacroVisibility;
use ruut_api::operations::Operation;
use ruut_api::types::{Macro, MacroAction, MacroCreate};

use super::actions::action_setters;
use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Creates a macro named `name`, by the caller; add its actions with the
    /// request's setters, in the order they are to run. An agent's macro is
    /// always personal; an administrator's is what
    /// [`visibility`](CreateMacroRequest::visibility) says (none when unset).
    /// Not retried: a repeat would create a second macro.
    ///
    /// ```no_run
    /// use ruut_sdk::ConversationPriority;
    /// use ruut_sdk::enums::MacroVisibility;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let m = client
    ///     .create_macro("Escalate")
    ///     .visibility(MacroVisibility::Global)
    ///     .add_label("escalated")
    ///     .set_priority(ConversationPriority::Urgent)
    ///     .add_private_note("Escalated by macro")
    ///     .send()
    ///     .await?;
    /// println!("macro {}", m.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_macro(&self, name: impl Into<String>) -> CreateMacroRequest {
        CreateMacroRequest {
            client: self.clone(),
            options: CallOptions::default(),
            body: MacroCreate {
                name: name.into(),
                visibility: None,
                actions: Vec::new(),
            },
        }
    }
}

/// A macro being created; see [`Client::create_macro`].
#[derive(Clone, Debug)]
#[must_use = "a macro is not created until `.send().await`"]
pub struct CreateMacroRequest {
    client: Client,
    options: CallOptions,
    body: MacroCreate,
}

call_options!(CreateMacroRequest);
action_setters!(CreateMacroRequest);

impl CreateMacroRequest {
    fn push_action(mut self, action: MacroAction) -> Self {
        self.body.actions.push(action);
        self
    }

    /// Who may see and run it (administrators only; an agent's is personal).
    pub fn visibility(mut self, visibility: MacroVisibility) -> Self {
        self.body.visibility = Some(visibility);
        self
    }

    /// Creates the macro. Sent once, never retried.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) for an action name the
    /// server does not know; any other kind a request can fail with.
    pub async fn send(self) -> Result<Macro, Error> {
        let op = Operation::CreateMacro;
        let account_id = self.client.require_account(op)?;
        let answer = self
            .client
            .call_with(&self.options, op, |raw| {
                raw.create_macro()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }
}
