//! `ruut agents list`, `ruut teams list`, `ruut inboxes list`.

use crate::support::Env;

#[test]
fn agents_of_the_account() {
    let env = Env::start();
    let agents = env.json_lines(&["agents", "list"]);
    let ids: Vec<i64> = agents.iter().filter_map(|a| a["id"].as_i64()).collect();
    // The main account's five members (seed: users 1 to 5).
    assert_eq!(ids.len(), 5, "{agents:?}");
    assert!(ids.contains(&1));
    assert!(agents.iter().all(|a| a["email"].is_string()));
    insta::assert_snapshot!(env.ok(&["agents", "list", "-o", "table"]));
    assert_eq!(env.json_lines(&["agents", "list", "--limit", "2"]).len(), 2);
}

#[test]
fn teams_of_the_account() {
    let env = Env::start();
    let teams = env.json_lines(&["teams", "list"]);
    assert!(!teams.is_empty());
    assert!(
        teams
            .iter()
            .all(|t| t["name"].is_string() && t["id"].is_i64())
    );
    insta::assert_snapshot!(env.ok(&["teams", "list", "-o", "table"]));
}

#[test]
fn an_agent_lists_the_inboxes_they_are_a_member_of() {
    let env = Env::start();
    // An inbox of the main account of which the token user (an agent) is not
    // a member; it is a member of the three seeded ones.
    let account = env.sandbox.account_id();
    let hidden = env
        .sandbox
        .seed()
        .inbox(account)
        .name("Billing")
        .members([]);
    let hidden = hidden.create().expect("seeded");
    let inboxes = env.json_lines(&["inboxes", "list"]);
    let ids: Vec<i64> = inboxes.iter().filter_map(|i| i["id"].as_i64()).collect();
    assert!(!ids.contains(&hidden));
    assert_eq!(ids, [2, 3, 1], "by name: API, Email, Website; {inboxes:?}");
    insta::assert_snapshot!(env.ok(&["inboxes", "list", "-o", "table"]));
}
