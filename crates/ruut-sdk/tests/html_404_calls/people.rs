//! The calls of `html_404.rs` for the people of an account: agents, teams
//! and their members, the account and the profile.

use std::future::Future;
use std::pin::Pin;

use ruut_sdk::enums::AvailabilityStatus;
use ruut_sdk::{Client, Error, Operation};

type Call<'a> = Pin<Box<dyn Future<Output = Result<(), Error>> + 'a>>;

fn call<'a, T>(f: impl Future<Output = Result<T, Error>> + 'a) -> Call<'a> {
    Box::pin(async move { f.await.map(drop) })
}

/// Every SDK call that sends an agents, teams, account or profile operation.
pub fn people_calls(client: &Client) -> Vec<(&'static str, Operation, Call<'_>)> {
    let team = client.team(1);
    let agent = client.agent(2);
    vec![
        (
            "list_agents",
            Operation::ListAgents,
            call(client.list_agents()),
        ),
        (
            "create_agent",
            Operation::CreateAgent,
            call(client.create_agent("Ada", "ada@example.com").send()),
        ),
        (
            "agent.update",
            Operation::UpdateAgent,
            call(agent.update().name("Ada").send()),
        ),
        (
            "agent.delete",
            Operation::DeleteAgent,
            call(async move { client.agent(2).delete().await }),
        ),
        (
            "bulk_create_agents",
            Operation::BulkCreateAgents,
            call(client.bulk_create_agents(["ada@example.com"])),
        ),
        (
            "list_assignable_agents",
            Operation::ListAssignableAgents,
            call(client.list_assignable_agents([1])),
        ),
        (
            "list_teams",
            Operation::ListTeams,
            call(client.list_teams()),
        ),
        ("get_team", Operation::GetTeam, call(client.get_team(1))),
        (
            "create_team",
            Operation::CreateTeam,
            call(client.create_team("support").send()),
        ),
        (
            "team.update",
            Operation::UpdateTeam,
            call(team.update().name("support").send()),
        ),
        (
            "team.delete",
            Operation::DeleteTeam,
            call(async move { client.team(1).delete().await }),
        ),
        (
            "team.members",
            Operation::ListTeamMembers,
            call(async move { client.team(1).members().await }),
        ),
        (
            "team.add_members",
            Operation::AddTeamMembers,
            call(async move { client.team(1).add_members(&[2]).await }),
        ),
        (
            "team.set_members",
            Operation::SetTeamMembers,
            call(async move { client.team(1).set_members(&[2]).await }),
        ),
        (
            "team.remove_members",
            Operation::RemoveTeamMembers,
            call(async move { client.team(1).remove_members(&[2]).await }),
        ),
        (
            "update_account",
            Operation::UpdateAccount,
            call(client.update_account().name("Acme").send()),
        ),
        (
            "update_profile",
            Operation::UpdateProfile,
            call(client.update_profile().name("Ada").send()),
        ),
        (
            "set_availability",
            Operation::SetAvailability,
            call(client.set_availability(AvailabilityStatus::Busy)),
        ),
        (
            "set_auto_offline",
            Operation::SetAutoOffline,
            call(client.set_auto_offline(true)),
        ),
    ]
}
