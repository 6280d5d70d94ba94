//! Connecting the account to an app: [`IntegrationsHandle::create_hook`] and
//! its [`CreateIntegrationHookRequest`].

use ruut_api::operations::Operation;
use ruut_api::types::{IntegrationHook, IntegrationHookCreate, IntegrationHookStatus};
use serde_json::{Map, Value};

use super::IntegrationsHandle;
use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl IntegrationsHandle {
    /// Connects the account to the app `app_id` (`dyte`, `openai`, ...), with
    /// the settings set on the returned request. Administrators only. Not
    /// retried: a repeat would answer "App has already been taken" for most
    /// apps.
    pub fn create_hook(&self, app_id: impl Into<String>) -> CreateIntegrationHookRequest {
        CreateIntegrationHookRequest {
            client: self.client.clone(),
            options: CallOptions::default(),
            body: IntegrationHookCreate {
                app_id: app_id.into(),
                inbox_id: None,
                settings: Map::new(),
                status: None,
            },
        }
    }
}

/// A hook being created; see [`IntegrationsHandle::create_hook`].
#[derive(Clone, Debug)]
#[must_use = "no hook is created until `.send().await`"]
pub struct CreateIntegrationHookRequest {
    client: Client,
    options: CallOptions,
    body: IntegrationHookCreate,
}

call_options!(CreateIntegrationHookRequest);

impl CreateIntegrationHookRequest {
    /// The inbox, for an app whose hooks belong to one inbox (`dialogflow`).
    pub fn inbox(mut self, inbox_id: i64) -> Self {
        self.body.inbox_id = Some(inbox_id);
        self
    }

    /// Sets one key of the app's settings.
    pub fn setting(mut self, key: impl Into<String>, value: Value) -> Self {
        self.body.settings.insert(key.into(), value);
        self
    }

    /// Replaces the settings with `settings`.
    pub fn settings(mut self, settings: Map<String, Value>) -> Self {
        self.body.settings = settings;
        self
    }

    /// Creates it disabled (`false`) or enabled (`true`, the default).
    pub fn enabled(mut self, enabled: bool) -> Self {
        self.body.status = Some(if enabled {
            IntegrationHookStatus::Enabled
        } else {
            IntegrationHookStatus::Disabled
        });
        self
    }

    /// Creates the hook; the answer is the hook with its settings.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when the settings do not
    /// match the app's schema, an inbox app has no inbox, the account lacks
    /// the app's feature, or already has a hook into an app that allows one;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any
    /// other kind a request can fail with.
    pub async fn send(self) -> Result<IntegrationHook, Error> {
        let op = Operation::CreateIntegrationHook;
        let account_id = self.client.require_account(op)?;
        self.client
            .call_with(&self.options, op, |raw| {
                raw.create_integration_hook()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
