//! The exact requests the SDK's administration helpers send (webhooks,
//! macros, automation rules), as the sandbox recorded them: method, path,
//! query, headers (the token redacted, `host` left out) and body. A change
//! here is a change on the wire; review it.

mod sdk_support;

use ruut_sandbox::Sandbox;
use ruut_sdk::enums::{MacroVisibility, WebhookEventName};
use ruut_sdk::{ConversationPriority, ConversationStatus};
use sdk_support::{client, sent};

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox starts")
}

#[tokio::test]
async fn webhook_registration() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let admin = client(&sandbox).with_account_id(seed.second_account_id);
    let hook = admin
        .create_webhook("https://crm.example.com/hooks")
        .name("CRM sync")
        .subscribe(WebhookEventName::ConversationCreated)
        .subscribe_all(["message_created", "contact_updated"])
        .inbox(seed.api_inbox_id)
        .send()
        .await
        .unwrap();
    admin.list_webhooks().await.unwrap();
    let handle = admin.webhook(hook.id);
    handle
        .update()
        .url("https://crm.example.com/v2/hooks")
        .name("CRM sync v2")
        .subscriptions([WebhookEventName::ConversationStatusChanged])
        .send()
        .await
        .unwrap();
    handle.delete().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn macros_and_their_execution() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    let created = client
        .create_macro("Escalate")
        .visibility(MacroVisibility::Global)
        .assign_agent(seed.agent_ids[0])
        .assign_to_self()
        .assign_team(seed.team_id)
        .remove_team()
        .add_label("escalated")
        .remove_label("billing")
        .set_status(ConversationStatus::Pending)
        .resolve()
        .snooze()
        .set_priority(ConversationPriority::Urgent)
        .clear_priority()
        .mute()
        .send_message("We are on it")
        .add_private_note("Escalated by macro")
        .action(
            "send_webhook_event",
            vec!["https://example.com/hook".into()],
        )
        .send()
        .await
        .unwrap();
    client.list_macros().await.unwrap();
    client.get_macro(created.id).await.unwrap();
    let handle = client.saved_macro(created.id);
    handle
        .update()
        .name("Escalate now")
        .visibility(MacroVisibility::Personal)
        .add_label("now")
        .send()
        .await
        .unwrap();
    handle
        .execute([seed.open_conversation_id, seed.pending_conversation_id])
        .await
        .unwrap();
    handle.delete().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn automation_rules() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let admin = client(&sandbox).with_account_id(seed.second_account_id);
    let rule = admin
        .create_automation_rule("Tag billing", "message_created")
        .description("Label invoices")
        .active(true)
        .condition("content", "contains", ["invoice"])
        .or_condition("content", "contains", ["refund"])
        .add_label("billing")
        .send()
        .await
        .unwrap();
    admin.list_automation_rules().await.unwrap();
    admin.get_automation_rule(rule.id).await.unwrap();
    let handle = admin.automation_rule(rule.id);
    handle
        .update()
        .name("Tag billing and refunds")
        .event_name("conversation_created")
        .active(false)
        .condition("status", "equal_to", ["open"])
        .set_priority(ConversationPriority::High)
        .send()
        .await
        .unwrap();
    handle.clone_rule().await.unwrap();
    handle.delete().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}
