//! One integration hook, to act on: [`IntegrationHookHandle`] (update,
//! delete).

use ruut_api::operations::Operation;
use ruut_api::types::{IntegrationHook, IntegrationHookStatus, IntegrationHookUpdate};
use serde_json::{Map, Value};

use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Acts on one of the account's integration hooks. Sends nothing by
    /// itself; the hooks are listed with their apps by
    /// [`IntegrationsHandle::list_apps`](crate::IntegrationsHandle::list_apps).
    pub fn integration_hook(&self, hook_id: i64) -> IntegrationHookHandle {
        IntegrationHookHandle {
            client: self.clone(),
            id: hook_id,
        }
    }
}

/// One integration hook, to act on; see [`Client::integration_hook`].
///
/// ```no_run
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let hook = client.integration_hook(3);
/// hook.update().enabled(false).send().await?;
/// hook.delete().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct IntegrationHookHandle {
    client: Client,
    id: i64,
}

impl IntegrationHookHandle {
    /// The hook's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Changes its status or settings, as set on the returned request.
    /// Administrators only.
    pub fn update(&self) -> UpdateIntegrationHookRequest {
        UpdateIntegrationHookRequest {
            handle: self.clone(),
            options: CallOptions::default(),
            body: IntegrationHookUpdate::default(),
        }
    }

    /// Deletes the hook: the account is no longer connected through it.
    /// Administrators only.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// hook (for anyone); [`Forbidden`](crate::ErrorKind::Forbidden)
    /// for an agent; any other kind a request can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteIntegrationHook;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_integration_hook()
                    .account_id(account_id)
                    .hook_id(self.id)
                    .send()
            })
            .await
    }
}

/// A hook's changes; see [`IntegrationHookHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the hook is not changed until `.send().await`"]
pub struct UpdateIntegrationHookRequest {
    handle: IntegrationHookHandle,
    options: CallOptions,
    body: IntegrationHookUpdate,
}

call_options!(UpdateIntegrationHookRequest);

impl UpdateIntegrationHookRequest {
    /// Enables (`true`) or disables (`false`) the hook.
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.body.status = Some(if enabled {
            IntegrationHookStatus::Enabled
        } else {
            IntegrationHookStatus::Disabled
        });
        self
    }

    /// Sets one key of the new settings (the settings sent replace the
    /// hook's: set every key the app needs).
    pub fn setting(mut self, key: impl Into<String>, value: Value) -> Self {
        self.body.settings.insert(key.into(), value);
        self
    }

    /// Replaces the settings with `settings` (an empty map sends none).
    pub fn settings(mut self, settings: Map<String, Value>) -> Self {
        self.body.settings = settings;
        self
    }

    /// Sends the changes; the answer is the hook as it is now.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when the settings do not
    /// match the app's schema, or nothing is set;
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// hook; [`Forbidden`](crate::ErrorKind::Forbidden) for an agent;
    /// any other kind a request can fail with.
    pub async fn send(self) -> Result<IntegrationHook, Error> {
        let op = Operation::UpdateIntegrationHook;
        let client = &self.handle.client;
        let account_id = client.require_account(op)?;
        client
            .call_with(&self.options, op, |raw| {
                raw.update_integration_hook()
                    .account_id(account_id)
                    .hook_id(self.handle.id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
