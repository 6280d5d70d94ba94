//! The sandbox runs the account's active automation rules on its own events
//! (conversation created, updated, opened, resolved, message created), as
//! Chatwoot's `AutomationRuleListener` does, with the macros' actions; what a
//! rule changes starts no rule.

mod sdk_support;

use ruut_sandbox::Sandbox;
use ruut_sdk::{Client, ConversationPriority, ConversationStatus};
use sdk_support::client;

/// A sandbox, and a client of the account the seeded user administers.
async fn admin() -> (Sandbox, Client, i64) {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let seed = sandbox.seed_info().clone();
    let admin = client(&sandbox).with_account_id(seed.second_account_id);
    (sandbox, admin, seed.second_account_id)
}

fn rule_of(message: &ruut_sdk::types::Message) -> Option<i64> {
    let attrs = serde_json::to_value(&message.content_attributes).ok()?;
    attrs.get("automation_rule_id")?.as_i64()
}

async fn messages(client: &Client, conversation_id: i64) -> Vec<ruut_sdk::types::Message> {
    let page = client.conversation(conversation_id).messages().send();
    page.await.expect("messages are listed").messages
}

#[tokio::test]
async fn an_incoming_message_starts_its_rule_once() {
    let (sandbox, admin, account) = admin().await;
    let conversation = sandbox.seed_info().second_account_conversation_id;
    let rule = admin
        .create_automation_rule("Refunds", "message_created")
        .condition("content", "contains", ["refund"])
        .condition("message_type", "equal_to", ["incoming"])
        .add_label("refunds")
        .send_message("A refund? We are on it.")
        .send()
        .await
        .unwrap();
    let before = messages(&admin, conversation).await.len();

    sandbox
        .customer_message(account, conversation, "Where is my parcel?")
        .unwrap();
    let labels = admin.conversation(conversation).labels().await.unwrap();
    assert!(!labels.contains(&"refunds".to_owned()), "{labels:?}");

    sandbox
        .customer_message(account, conversation, "I want a REFUND please")
        .unwrap();
    let labels = admin.conversation(conversation).labels().await.unwrap();
    assert!(labels.contains(&"refunds".to_owned()), "{labels:?}");
    let after = messages(&admin, conversation).await;
    // Two customer messages and one reply: the rule's own outgoing message
    // (which contains "refund") starts no rule.
    assert_eq!(after.len(), before + 3);
    let replies: Vec<_> = after.iter().filter(|m| rule_of(m).is_some()).collect();
    assert_eq!(replies.len(), 1);
    assert_eq!(rule_of(replies[0]), Some(rule.id));
    assert_eq!(
        replies[0].content.as_deref(),
        Some("A refund? We are on it.")
    );
    assert_eq!(replies[0].message_type, 1);
    assert!(
        replies[0].sender.is_none(),
        "a rule's message has no sender"
    );
}

#[tokio::test]
async fn an_inactive_rule_does_nothing() {
    let (sandbox, admin, account) = admin().await;
    let conversation = sandbox.seed_info().second_account_conversation_id;
    admin
        .create_automation_rule("Everything urgent", "message_created")
        .active(false)
        .condition("message_type", "equal_to", ["incoming"])
        .set_priority(ConversationPriority::Urgent)
        .send()
        .await
        .unwrap();
    sandbox
        .customer_message(account, conversation, "hi")
        .unwrap();
    let c = admin.get_conversation(conversation).await.unwrap();
    assert_ne!(
        c.priority.map(|p| p.as_str().to_owned()).as_deref(),
        Some("urgent")
    );
}

#[tokio::test]
async fn a_status_change_starts_an_attribute_changed_rule() {
    let (sandbox, admin, account) = admin().await;
    let (conversation, user) = (
        sandbox.seed_info().second_account_conversation_id,
        sandbox.seed_info().user_id,
    );
    admin
        .create_automation_rule("Note on resolve", "conversation_updated")
        .attribute_changed("status", ["open", "pending"], ["resolved"])
        .add_private_note("Resolved: send the survey")
        .send()
        .await
        .unwrap();
    let handle = admin.conversation(conversation);
    // The dashboard's changes (the status route without an account would
    // find the first account's conversation of that number).
    let set = |status| sandbox.agent_sets_status(account, conversation, user, status);
    set(ConversationStatus::Open).unwrap();
    handle
        .set_priority(Some(ConversationPriority::Low))
        .await
        .unwrap();
    let notes =
        |list: &[ruut_sdk::types::Message]| list.iter().filter(|m| rule_of(m).is_some()).count();
    assert_eq!(
        notes(&messages(&admin, conversation).await),
        0,
        "no status change yet"
    );

    set(ConversationStatus::Resolved).unwrap();
    let list = messages(&admin, conversation).await;
    assert_eq!(notes(&list), 1);
    let note = list.iter().find(|m| rule_of(m).is_some()).unwrap();
    assert_eq!(note.private, Some(true));
}

#[tokio::test]
async fn a_new_conversation_in_an_inbox_gets_its_team() {
    let (sandbox, admin, _) = admin().await;
    let seed = sandbox.seed_info().clone();
    let team = admin.create_team("Escalations").send().await.unwrap();
    admin
        .create_automation_rule("Route API inbox", "conversation_created")
        .condition("inbox_id", "equal_to", [seed.second_account_inbox_id])
        .assign_team(team.id)
        .send()
        .await
        .unwrap();
    let created = admin
        .create_conversation(seed.second_account_inbox_id)
        .contact(seed.second_account_contact_id)
        .send()
        .await
        .unwrap();
    let c = admin.get_conversation(created.id).await.unwrap();
    let team_id = c.meta.team.as_ref().map(|t| t.id);
    assert_eq!(team_id, Some(team.id));
}
