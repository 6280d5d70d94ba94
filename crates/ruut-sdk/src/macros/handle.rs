//! One macro, to act on: [`MacroHandle`] (update, delete, execute).

use ruut_api::enums::MacroVisibility;
use ruut_api::operations::Operation;
use ruut_api::types::{Macro, MacroAction, MacroExecution, MacroUpdate};

use super::actions::action_setters;
use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Acts on one macro. Sends nothing by itself; to fetch it, use
    /// [`get_macro`](Self::get_macro).
    pub fn saved_macro(&self, macro_id: i64) -> MacroHandle {
        MacroHandle {
            client: self.clone(),
            id: macro_id,
        }
    }
}

/// One macro, to act on; see [`Client::saved_macro`].
///
/// ```no_run
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let escalate = client.saved_macro(3);
/// // The server answers before it runs the actions.
/// escalate.execute([42, 43]).await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct MacroHandle {
    client: Client,
    id: i64,
}

impl MacroHandle {
    /// The macro's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Changes the macro: its name, and its actions when any action setter
    /// is used (they replace every action). The server sets the visibility
    /// on every update: an administrator should always set
    /// [`visibility`](UpdateMacroRequest::visibility), or the macro is left
    /// with none (and unlisted).
    pub fn update(&self) -> UpdateMacroRequest {
        UpdateMacroRequest {
            handle: self.clone(),
            options: CallOptions::default(),
            body: MacroUpdate::default(),
        }
    }

    /// Deletes the macro (its author, or an administrator for a global
    /// macro whose author is gone).
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for anyone else;
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such macro;
    /// any other kind a request can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteMacro;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_macro()
                    .account_id(account_id)
                    .macro_id(self.id)
                    .send()
            })
            .await
    }

    /// Runs the macro's actions on these conversations (display ids; unknown
    /// ones are skipped), as the caller. The server answers before the
    /// actions run, so a read right after may not show them yet; a failing
    /// action is skipped silently. Sent once, never retried.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for another agent's
    /// personal macro; any other kind a request can fail with.
    pub async fn execute(
        &self,
        conversation_ids: impl IntoIterator<Item = i64>,
    ) -> Result<(), Error> {
        let op = Operation::ExecuteMacro;
        let account_id = self.client.require_account(op)?;
        let body = MacroExecution {
            conversation_ids: conversation_ids.into_iter().collect(),
        };
        self.client
            .call(op, |raw| {
                raw.execute_macro()
                    .account_id(account_id)
                    .macro_id(self.id)
                    .body(body.clone())
                    .send()
            })
            .await
    }
}

/// A macro's changes; see [`MacroHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the macro is not changed until `.send().await`"]
pub struct UpdateMacroRequest {
    handle: MacroHandle,
    options: CallOptions,
    body: MacroUpdate,
}

call_options!(UpdateMacroRequest);
action_setters!(UpdateMacroRequest);

impl UpdateMacroRequest {
    fn push_action(mut self, action: MacroAction) -> Self {
        self.body.actions.push(action);
        self
    }

    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// Who may see and run it (administrators; an agent's is personal).
    pub fn visibility(mut self, visibility: MacroVisibility) -> Self {
        self.body.visibility = Some(visibility);
        self
    }

    /// Sends the changes; the answer is the macro as it is now.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the caller may
    /// not change it; [`NotFound`](crate::ErrorKind::NotFound) when there is
    /// no such macro; [`Validation`](crate::ErrorKind::Validation) for an
    /// unknown action name; any other kind a request can fail with.
    pub async fn send(self) -> Result<Macro, Error> {
        let op = Operation::UpdateMacro;
        let client = &self.handle.client;
        let account_id = client.require_account(op)?;
        let answer = client
            .call_with(&self.options, op, |raw| {
                raw.update_macro()
                    .account_id(account_id)
                    .macro_id(self.handle.id)
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }
}
