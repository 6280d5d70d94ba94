//! The `provision` example end to end against the sandbox: the first run sets
//! the account up as the file says, the second changes nothing, a change made
//! behind its back is put right alone, and a file naming an unknown agent is
//! refused before anything is changed on the account.

#[allow(dead_code)]
#[path = "../../crates/ruut-sdk/examples/provision.rs"]
mod provision;

use std::collections::BTreeSet;

use provision::{Plan, SAMPLE, apply};
use ruut_sandbox::Sandbox;
use ruut_sdk::Client;

async fn admin(sandbox: &Sandbox) -> Client {
    Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .account_id(sandbox.seed_info().second_account_id)
        .build()
        .expect("a client")
}

#[tokio::test]
async fn the_second_run_changes_nothing() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let client = admin(&sandbox).await;
    let plan = Plan::parse(SAMPLE).expect("the sample parses");

    let first = apply(&client, &plan).await.expect("the first run");
    for expected in [
        "created agent ada@support.example (administrator)",
        "created agent bot Triage bot",
        "created API inbox Support API",
        "routed inbox Support API to agent bot Triage bot",
        "added 3 member(s) to inbox Support API",
        "created team first line",
        "added 2 member(s) to team first line",
        "created label billing",
        "created canned response order-number",
        "registered webhook http://127.0.0.1:9/ruut-events",
    ] {
        assert!(
            first.iter().any(|c| c == expected),
            "{expected:?} not in {first:#?}"
        );
    }
    let second = apply(&client, &plan).await.expect("the second run");
    assert_eq!(second, Vec::<String>::new());

    // What the first run made, read back.
    let agents = client.list_agents().await.unwrap();
    let emails: BTreeSet<&str> = agents.iter().map(|a| a.email.as_str()).collect();
    for agent in &plan.agents {
        assert!(emails.contains(agent.email.as_str()), "{}", agent.email);
    }
    let inbox = client
        .list_inboxes()
        .await
        .unwrap()
        .into_iter()
        .find(|i| i.name == "Support API")
        .expect("the inbox");
    let bot = client.inbox(inbox.id).agent_bot().await.unwrap();
    assert_eq!(
        bot.and_then(|b| b.name).as_deref(),
        Some("Triage bot"),
        "the inbox is routed to the bot"
    );
    let team = client
        .list_teams()
        .await
        .unwrap()
        .into_iter()
        .find(|t| t.name == "first line")
        .expect("the team, its name in lower case");
    let members: BTreeSet<String> = client
        .team(team.id)
        .members()
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.email)
        .collect();
    assert_eq!(
        members,
        BTreeSet::from([
            "grace@support.example".into(),
            "linus@support.example".into()
        ])
    );
    let hook = client
        .list_webhooks()
        .await
        .unwrap()
        .into_iter()
        .find(|w| w.url == plan.webhook.url)
        .expect("the webhook");
    let events: BTreeSet<&str> = hook.subscriptions.iter().map(|e| e.as_str()).collect();
    assert_eq!(
        events,
        BTreeSet::from([
            "conversation_created",
            "conversation_status_changed",
            "message_created"
        ])
    );
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_change_behind_its_back_is_put_right_alone() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let client = admin(&sandbox).await;
    let plan = Plan::parse(SAMPLE).expect("the sample parses");
    apply(&client, &plan).await.expect("the first run");

    let billing = client
        .list_labels()
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.title == "billing")
        .expect("the label");
    client
        .label(billing.id)
        .update()
        .color("#000000")
        .send()
        .await
        .unwrap();
    let fixed = apply(&client, &plan)
        .await
        .expect("the run after the change");
    assert_eq!(fixed, ["updated label billing: color and description"]);
    assert_eq!(apply(&client, &plan).await.unwrap(), Vec::<String>::new());
    sandbox.shutdown().await;
}

#[tokio::test]
async fn a_member_who_is_not_an_agent_of_the_file_is_refused() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let client = admin(&sandbox).await;
    let mut plan = Plan::parse(SAMPLE).expect("the sample parses");
    plan.team.members.push("nobody@support.example".into());
    let error = apply(&client, &plan).await.unwrap_err();
    assert_eq!(
        error.to_string(),
        "nobody@support.example is not one of the file's agents"
    );
    let agents = client.list_agents().await.unwrap();
    assert!(
        agents.iter().all(|a| a.email != "ada@support.example"),
        "nothing is made for a file that names an unknown member"
    );
    let mut plan = Plan::parse(SAMPLE).expect("the sample parses");
    plan.inbox.agent_bot = "Other bot".into();
    assert!(apply(&client, &plan).await.is_err());
    sandbox.shutdown().await;
}

#[test]
fn a_file_with_an_unknown_key_is_refused() {
    let error = Plan::parse(&SAMPLE.replace("agents:", "agentz:")).unwrap_err();
    assert!(error.to_string().contains("agentz"), "{error}");
}
