//! The exact requests the SDK's helpers for the people of an account send
//! (`Client::list_agents`, `create_agent`, `AgentHandle`, `TeamHandle`, ...), as the
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

#[tokio::test]
async fn teams() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    client.list_teams().await.unwrap();
    client.get_team(seed.team_id).await.unwrap();
    client.team(seed.team_id).members().await.unwrap();
    let admin = client.with_account_id(seed.second_account_id);
    let team = admin
        .create_team("Support")
        .description("First line")
        .allow_auto_assign(false)
        .send()
        .await
        .unwrap();
    let team = admin.team(team.id);
    team.update()
        .name("Support Desk")
        .description("First and second line")
        .allow_auto_assign(true)
        .send()
        .await
        .unwrap();
    team.add_members(&[6]).await.unwrap();
    team.set_members(&[6, seed.user_id]).await.unwrap();
    team.remove_members(&[6]).await.unwrap();
    team.delete().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn account_and_profile() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    client
        .with_account_id(seed.second_account_id)
        .update_account()
        .name("Globex Support")
        .locale("fr")
        .domain("support.globex.example")
        .support_email("help@globex.example")
        .industry("retail")
        .company_size("11-50")
        .timezone("Europe/Paris")
        .auto_resolve_after(1440)
        .auto_resolve_message("Closed for now")
        .auto_resolve_label("auto-resolved")
        .auto_resolve_ignore_waiting(true)
        .audio_transcriptions(false)
        .send()
        .await
        .unwrap();
    let mut ui = serde_json::Map::new();
    ui.insert("theme".to_owned(), "dark".into());
    client
        .update_profile()
        .name("Sandbox User")
        .display_name("Sandy")
        .email("sandy@example.com")
        .message_signature("-- Sandy")
        .phone_number("+15550100")
        .ui_settings(ui)
        .send()
        .await
        .unwrap();
    client
        .set_availability(AvailabilityStatus::Busy)
        .await
        .unwrap();
    client.set_auto_offline(false).await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}
