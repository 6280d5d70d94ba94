//! Teams and their members: reads in the main account, a change refused
//! there (the user is an agent), then a team created, changed, staffed and
//! deleted in the administered account.

use ruut_api::operations::Operation::*;
use ruut_api::types::{NewTeam, TeamMembersRequest, TeamUpdate};

use crate::contract::{Found, MISSING_ID, Step, send};

fn team(found: &Found) -> i64 {
    found.team.unwrap_or_default()
}

fn admin(found: &Found) -> i64 {
    found.admin_account.unwrap_or_default()
}

fn has_team(found: &Found) -> bool {
    found.team.is_some()
}

fn me(found: &Found) -> TeamMembersRequest {
    TeamMembersRequest {
        user_ids: vec![found.me],
    }
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            ListTeams,
            "valid",
            send!(|c| c.user.list_teams().account_id(c.found().account)),
        ),
        Step::status(
            GetTeam,
            "an unknown team",
            404,
            send!(|c| c
                .user
                .get_team()
                .account_id(c.found().account)
                .team_id(MISSING_ID)),
        ),
        Step::status(
            CreateTeam,
            "an agent",
            401,
            send!(|c| c
                .user
                .create_team()
                .account_id(c.found().account)
                .body(NewTeam {
                    name: "contract".to_owned(),
                    description: None,
                    allow_auto_assign: None,
                })),
        ),
        Step::ok(
            CreateTeam,
            "an administrator",
            send!(
                |c| c
                    .user
                    .create_team()
                    .account_id(admin(&c.found()))
                    .body(NewTeam {
                        name: "Contract Team".to_owned(),
                        description: Some("made by the contract test".to_owned()),
                        allow_auto_assign: Some(false),
                    }),
                |created| c.learn(|found| found.team = Some(created.id))
            ),
        )
        .when(|found| found.admin_account.is_some()),
        Step::ok(
            GetTeam,
            "the new team",
            send!(|c| {
                let found = c.found();
                c.user
                    .get_team()
                    .account_id(admin(&found))
                    .team_id(team(&found))
            }),
        )
        .when(has_team),
        Step::ok(
            UpdateTeam,
            "description",
            send!(|c| {
                let found = c.found();
                c.user
                    .update_team()
                    .account_id(admin(&found))
                    .team_id(team(&found))
                    .body(TeamUpdate {
                        description: Some("changed".to_owned()),
                        ..TeamUpdate::default()
                    })
            }),
        )
        .when(has_team),
        Step::ok(
            AddTeamMembers,
            "the user",
            send!(|c| {
                let found = c.found();
                c.user
                    .add_team_members()
                    .account_id(admin(&found))
                    .team_id(team(&found))
                    .body(me(&found))
            }),
        )
        .when(has_team),
        Step::ok(
            SetTeamMembers,
            "the user only",
            send!(|c| {
                let found = c.found();
                c.user
                    .set_team_members()
                    .account_id(admin(&found))
                    .team_id(team(&found))
                    .body(me(&found))
            }),
        )
        .when(has_team),
        Step::ok(
            ListTeamMembers,
            "the new team",
            send!(|c| {
                let found = c.found();
                c.user
                    .list_team_members()
                    .account_id(admin(&found))
                    .team_id(team(&found))
            }),
        )
        .when(has_team),
        Step::ok(
            RemoveTeamMembers,
            "the user",
            send!(|c| {
                let found = c.found();
                c.user
                    .remove_team_members()
                    .account_id(admin(&found))
                    .team_id(team(&found))
                    .user_ids(vec![found.me])
            }),
        )
        .when(has_team),
        Step::ok(
            DeleteTeam,
            "an administrator",
            send!(|c| {
                let found = c.found();
                c.user
                    .delete_team()
                    .account_id(admin(&found))
                    .team_id(team(&found))
            }),
        )
        .when(has_team),
        Step::status(
            DeleteTeam,
            "an unknown team",
            404,
            send!(|c| c
                .user
                .delete_team()
                .account_id(c.found().account)
                .team_id(MISSING_ID)),
        ),
    ]
}
