//! The exact requests the SDK's helpers for the people of an account send
//! (`Client::list_agents`, `create_agent`, `AgentHandle`, ...), as the
//! sandbox recorded them: method, path, query, headers (the token redacted,
//! `host` left out) and body. A change here is a change on the wire; review it.

mod sdk_support;

use ruut_sandbox::Sandbox;
use ruut_sdk::enums::{AvailabilityStatus, UserRole};
use sdk_support::{client, sent};

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox starts")
}

#[tokio::test]
async fn agents() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    client.list_agents().await.unwrap();
    client
        .list_assignable_agents([seed.api_inbox_id, seed.inbox_ids[0]])
        .await
        .unwrap();
    let admin = client.with_account_id(seed.second_account_id);
    let agent = admin
        .create_agent("Ada Lovelace", "ada@example.com")
        .role(UserRole::Administrator)
        .availability(AvailabilityStatus::Busy)
        .auto_offline(false)
        .send()
        .await
        .unwrap();
    admin
        .agent(agent.id)
        .update()
        .name("Ada King")
        .role(UserRole::Agent)
        .availability(AvailabilityStatus::Online)
        .auto_offline(true)
        .send()
        .await
        .unwrap();
    admin.agent(agent.id).delete().await.unwrap();
    admin
        .bulk_create_agents(["grace@example.com", "alan@example.com"])
        .await
        .unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}
