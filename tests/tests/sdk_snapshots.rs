//! The exact requests the SDK's helpers send, as the sandbox recorded them:
//! method, path, query, headers (the token redacted by the sandbox, the port-bearing
//! `host` left out) and body. A change here is a change on the wire; review it.

mod sdk_support;

use chrono::{TimeZone, Utc};
use futures::TryStreamExt;
use ruut_sandbox::Sandbox;
use ruut_sdk::types::{
    AssigneeTypeFilter, ContactSort, ConversationSortBy, ConversationStatusFilter,
};
use ruut_sdk::{ConversationHandle, ConversationPriority};
use sdk_support::{account_scoped_client, client, sent};

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox starts")
}

/// The two status changes both route snapshots start with: a resolve with a
/// reason and an agent, then a snooze until a fixed time.
async fn resolve_then_snooze(conversation: &ConversationHandle, agent_id: i64) {
    conversation
        .resolve()
        .reason("Customer issue addressed")
        .agent(agent_id)
        .send()
        .await
        .unwrap();
    conversation
        .snooze_until(Utc.with_ymd_and_hms(2030, 1, 1, 9, 0, 0).unwrap())
        .send()
        .await
        .unwrap();
}

#[tokio::test]
async fn status_changes_on_the_documented_route() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let conversation = client(&sandbox).conversation(seed.open_conversation_id);
    resolve_then_snooze(&conversation, seed.agent_ids[0]).await;
    conversation.snooze_until_reply().send().await.unwrap();
    conversation.schedule().send().await.unwrap();
    conversation.reopen().send().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn status_changes_on_the_account_scoped_route() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let conversation = account_scoped_client(&sandbox).conversation(seed.pending_conversation_id);
    resolve_then_snooze(&conversation, seed.agent_ids[0]).await;
    conversation.mark_pending().send().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn conversation_updates_and_messages() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let conversation = client(&sandbox).conversation(seed.pending_conversation_id);
    conversation
        .set_priority(Some(ConversationPriority::High))
        .await
        .unwrap();
    conversation.set_priority(None).await.unwrap();
    conversation.assign(seed.agent_ids[1]).await.unwrap();
    conversation.assign_team(seed.team_id).await.unwrap();
    conversation
        .reply("Thanks, we are on it.")
        .send()
        .await
        .unwrap();
    conversation
        .note("Escalated to billing")
        .send()
        .await
        .unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn listings_with_every_filter() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    let list = client
        .conversations()
        .status(ConversationStatusFilter::Pending)
        .assignee(AssigneeTypeFilter::Unassigned)
        .inbox(seed.inbox_ids[0])
        .team(seed.team_id)
        .labels(["billing", "vip"])
        .query("refund")
        .sort_by(ConversationSortBy::CreatedAtDesc);
    list.clone().send().await.unwrap();
    list.counts().await.unwrap();
    client
        .conversation(seed.long_conversation_id)
        .messages()
        .filter_internal(true)
        .stream()
        .try_collect::<Vec<_>>()
        .await
        .unwrap();
    client
        .contacts()
        .sort(ContactSort::Name)
        .labels(["lead"])
        .send()
        .await
        .unwrap();
    client.search_contacts("olga").page(1).send().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn creating_and_reading() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    client.list_accounts().await.unwrap();
    client.get_profile().await.unwrap();
    client.get_account().await.unwrap();
    client.get_server_info().await.unwrap();
    client
        .get_conversation(seed.open_conversation_id)
        .await
        .unwrap();
    client.get_contact(seed.contact_ids[0]).await.unwrap();
    client
        .create_contact()
        .name("Ada Lovelace")
        .email("ada@example.org")
        .inbox(seed.api_inbox_id)
        .send()
        .await
        .unwrap();
    client
        .create_conversation(seed.api_inbox_id)
        .contact(seed.contact_ids[0])
        .assignee(seed.agent_ids[0])
        .message("Hello, how can we help?")
        .send()
        .await
        .unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}
