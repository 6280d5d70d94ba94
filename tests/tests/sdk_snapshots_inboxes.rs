//! The exact requests the SDK's inbox and agent bot helpers send
//! (`InboxHandle`, `AgentBotHandle` and their `Client` calls), as the sandbox
//! recorded them: method, path, query, headers (the token redacted, `host`
//! left out) and body. A change here is a change on the wire; review it.

mod sdk_support;

use ruut_sandbox::Sandbox;
use sdk_support::{client, sent};

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox starts")
}

#[tokio::test]
async fn inboxes_members_and_routing() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox).with_account_id(seed.second_account_id);
    client.list_inboxes().await.unwrap();
    let created = client
        .create_inbox("Support API")
        .webhook_url("http://127.0.0.1:9/inbox")
        .hmac_mandatory(false)
        .greeting("Hello!")
        .auto_assignment(false)
        .lock_to_single_conversation(true)
        .allow_messages_after_resolved(false)
        .timezone("Europe/Berlin")
        .business_name("Globex")
        .send()
        .await
        .unwrap();
    client.get_inbox(created.id).await.unwrap();
    let inbox = client.inbox(created.id);
    inbox
        .update()
        .name("Support API v2")
        .webhook_url("http://127.0.0.1:9/inbox/v2")
        .send()
        .await
        .unwrap();
    inbox.add_members(&[seed.user_id]).await.unwrap();
    inbox.set_members(&[seed.user_id]).await.unwrap();
    inbox.members().await.unwrap();
    inbox.assignable_agents().await.unwrap();
    inbox.remove_members(&[seed.user_id]).await.unwrap();
    inbox
        .set_agent_bot(Some(seed.second_account_bot_id))
        .await
        .unwrap();
    inbox.agent_bot().await.unwrap();
    inbox.set_agent_bot(None).await.unwrap();
    inbox.delete().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn agent_bots() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox).with_account_id(seed.second_account_id);
    client.list_agent_bots().await.unwrap();
    let bot = client
        .create_agent_bot()
        .name("Triage")
        .description("First line")
        .outgoing_url("http://127.0.0.1:9/bot")
        .config("lang", "en")
        .avatar_url("https://example.com/bot.png")
        .send()
        .await
        .unwrap();
    assert_eq!(
        format!("{:?}", bot.access_token),
        "Some(AccessToken([redacted]))",
        "the token stays out of Debug output"
    );
    client.get_agent_bot(bot.id).await.unwrap();
    let handle = client.agent_bot(bot.id);
    handle.update().name("Triage v2").send().await.unwrap();
    let reset = handle.reset_access_token().await.unwrap();
    assert_ne!(reset.access_token, bot.access_token);
    handle.delete().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}
