//! The integrations calls (apps, hooks) for `html_404.rs`'s every-call check.

use ruut_sdk::{Client, Operation};

use super::{Call, call};

/// Every call of the integrations helpers.
pub fn calls(client: &Client) -> Vec<(&'static str, Operation, Call<'_>)> {
    let integrations = client.integrations();
    let hook = || client.integration_hook(1);
    vec![
        (
            "integrations.list_apps",
            Operation::ListIntegrationApps,
            call({
                let integrations = integrations.clone();
                async move { integrations.list_apps().await }
            }),
        ),
        (
            "integrations.get_app",
            Operation::GetIntegrationApp,
            call({
                let integrations = integrations.clone();
                async move { integrations.get_app("dyte").await }
            }),
        ),
        (
            "integrations.create_hook",
            Operation::CreateIntegrationHook,
            call(integrations.create_hook("dyte").send()),
        ),
        (
            "integration_hook.update",
            Operation::UpdateIntegrationHook,
            call(hook().update().enabled(false).send()),
        ),
        (
            "integration_hook.delete",
            Operation::DeleteIntegrationHook,
            call(async move { hook().delete().await }),
        ),
    ]
}
