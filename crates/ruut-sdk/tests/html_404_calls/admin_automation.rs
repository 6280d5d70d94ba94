//! The administration calls (webhooks, macros, automation rules) for
//! `html_404.rs`'s every-call check.

use std::future::Future;

use ruut_sdk::enums::WebhookEventName;
use ruut_sdk::{Client, Error, Operation};

use crate::Call;

fn call<'a, T>(f: impl Future<Output = Result<T, Error>> + 'a) -> Call<'a> {
    Box::pin(async move { f.await.map(drop) })
}

/// Every call of the webhooks, macros and automation rules helpers.
pub fn calls(client: &Client) -> Vec<(&'static str, Operation, Call<'_>)> {
    let hook = || client.webhook(1);
    let saved = || client.saved_macro(1);
    let rule = || client.automation_rule(1);
    vec![
        (
            "list_webhooks",
            Operation::ListWebhooks,
            call(client.list_webhooks()),
        ),
        (
            "create_webhook",
            Operation::CreateWebhook,
            call(
                client
                    .create_webhook("https://a.example")
                    .subscribe(WebhookEventName::MessageCreated)
                    .send(),
            ),
        ),
        (
            "webhook.update",
            Operation::UpdateWebhook,
            call(async move { hook().update().name("x").send().await }),
        ),
        (
            "webhook.delete",
            Operation::DeleteWebhook,
            call(async move { hook().delete().await }),
        ),
        (
            "list_macros",
            Operation::ListMacros,
            call(client.list_macros()),
        ),
        ("get_macro", Operation::GetMacro, call(client.get_macro(1))),
        (
            "create_macro",
            Operation::CreateMacro,
            call(client.create_macro("m").resolve().send()),
        ),
        (
            "saved_macro.update",
            Operation::UpdateMacro,
            call(async move { saved().update().name("x").send().await }),
        ),
        (
            "saved_macro.delete",
            Operation::DeleteMacro,
            call(async move { saved().delete().await }),
        ),
        (
            "saved_macro.execute",
            Operation::ExecuteMacro,
            call(async move { saved().execute([1]).await }),
        ),
        (
            "list_automation_rules",
            Operation::ListAutomationRules,
            call(client.list_automation_rules()),
        ),
        (
            "get_automation_rule",
            Operation::GetAutomationRule,
            call(client.get_automation_rule(1)),
        ),
        (
            "create_automation_rule",
            Operation::CreateAutomationRule,
            call(
                client
                    .create_automation_rule("r", "message_created")
                    .add_label("x")
                    .send(),
            ),
        ),
        (
            "automation_rule.update",
            Operation::UpdateAutomationRule,
            call(async move { rule().update().active(false).send().await }),
        ),
        (
            "automation_rule.delete",
            Operation::DeleteAutomationRule,
            call(async move { rule().delete().await }),
        ),
        (
            "automation_rule.clone_rule",
            Operation::CloneAutomationRule,
            call(async move { rule().clone_rule().await }),
        ),
    ]
}
