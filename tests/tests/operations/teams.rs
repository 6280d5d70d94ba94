//! Teams and their members. Reads run in the main account (the token user
//! is an agent there, and a member of team 1); changes in the second
//! account (an administrator there, with team 2 of user 6), where an agent
//! would be answered 401.

use std::sync::Arc;

use ruut_api::types::{
    AccountAgent, AssignmentRequest, NewTeam, Team, TeamMembersRequest, TeamUpdate,
};
use serde_json::json;

use crate::Operation;
use crate::agents::admin_raw;
use crate::table::{Entry, How, Refused, World, call, from_json, job, provoke, refused, sdk};

const NOT_AUTHORIZED: &str = "You are not authorized to do this action";
/// The second account's team (user 6 is its member).
const ADMIN_TEAM: i64 = 2;

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListTeams, |w| job(list(w)))
            .sdk(sdk!(|client, _ids| client.list_teams()))
            .call(call!(|api, ids| api.list_teams().account_id(ids.account))),
        Entry::new(Operation::GetTeam, |w| job(show(w)))
            .sdk(sdk!(|client, ids| client.get_team(ids.team)))
            .call(call!(|api, ids| api
                .get_team()
                .account_id(ids.account)
                .team_id(ids.team))),
        Entry::new(Operation::CreateTeam, |w| job(create(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .create_team("Sdk Team")
                .description("made by the SDK")
                .send()))
            .call(call!(|api, ids| api
                .create_team()
                .account_id(ids.account)
                .body(new_team("someone"))))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .create_team()
                    .account_id(w.seed.account_id)
                    .body(new_team("support"))),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "the name of another team, in other letters",
                provoke!(|w| w
                    .api
                    .create_team()
                    .account_id(w.seed.second_account_id)
                    .body(new_team("Sales"))),
            )
            .saying("Name has already been taken")
            .refuses(
                422,
                "a blank name",
                provoke!(|w| w
                    .api
                    .create_team()
                    .account_id(w.seed.second_account_id)
                    .body(new_team(" "))),
            )
            .saying("Name must not be blank"),
        Entry::new(Operation::UpdateTeam, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .team(ADMIN_TEAM)
                .update()
                .allow_auto_assign(true)
                .send()))
            .call(call!(|api, ids| api
                .update_team()
                .account_id(ids.account)
                .team_id(ids.team)
                .body(TeamUpdate::default())))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .update_team()
                    .account_id(w.seed.account_id)
                    .team_id(w.seed.team_id)
                    .body(from_json::<TeamUpdate>(json!({"name": "x"})))),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "an empty change",
                How::Provoke(|w| job(admin_raw(w, "PATCH", "teams/2", "{}"))),
            )
            .saying("param is missing or the value is empty: team"),
        Entry::new(Operation::DeleteTeam, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .team(ADMIN_TEAM)
                .delete()))
            .call(call!(|api, ids| api
                .delete_team()
                .account_id(ids.account)
                .team_id(ids.team)))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .delete_team()
                    .account_id(w.seed.account_id)
                    .team_id(w.seed.team_id)),
            )
            .saying(NOT_AUTHORIZED),
        Entry::new(Operation::ListTeamMembers, |w| job(members(w)))
            .sdk(sdk!(|client, ids| client.team(ids.team).members()))
            .call(call!(|api, ids| api
                .list_team_members()
                .account_id(ids.account)
                .team_id(ids.team))),
        Entry::new(Operation::AddTeamMembers, |w| job(add(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .team(ADMIN_TEAM)
                .add_members(&[1])))
            .call(call!(|api, ids| api
                .add_team_members()
                .account_id(ids.account)
                .team_id(ids.team)
                .body(user_ids(&[1]))))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .add_team_members()
                    .account_id(w.seed.account_id)
                    .team_id(w.seed.team_id)
                    .body(user_ids(&[3]))),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                401,
                "a user of another account",
                provoke!(|w| w
                    .api
                    .add_team_members()
                    .account_id(w.seed.second_account_id)
                    .team_id(ADMIN_TEAM)
                    .body(user_ids(&[3]))),
            )
            .saying("Invalid User IDs")
            .refuses(
                422,
                "no user_ids",
                How::Provoke(|w| job(admin_raw(w, "POST", "teams/2/team_members", "{}"))),
            ),
        Entry::new(Operation::SetTeamMembers, |w| job(set(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .team(ADMIN_TEAM)
                .set_members(&[1, 6])))
            .call(call!(|api, ids| api
                .set_team_members()
                .account_id(ids.account)
                .team_id(ids.team)
                .body(user_ids(&[1]))))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .set_team_members()
                    .account_id(w.seed.account_id)
                    .team_id(w.seed.team_id)
                    .body(user_ids(&[1]))),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "user ids that are not numbers",
                How::Provoke(|w| {
                    job(admin_raw(
                        w,
                        "PATCH",
                        "teams/2/team_members",
                        r#"{"user_ids": ["one"]}"#,
                    ))
                }),
            ),
        Entry::new(Operation::RemoveTeamMembers, |w| job(remove(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .team(ADMIN_TEAM)
                .remove_members(&[6])))
            .call(call!(|api, ids| api
                .remove_team_members()
                .account_id(ids.account)
                .team_id(ids.team)
                .user_ids(vec![1])))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .remove_team_members()
                    .account_id(w.seed.account_id)
                    .team_id(w.seed.team_id)
                    .user_ids(vec![1])),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "a user id that is not a number",
                How::Provoke(|w| {
                    job(admin_raw(
                        w,
                        "DELETE",
                        "teams/2/team_members?user_ids[]=one",
                        "",
                    ))
                }),
            ),
    ]
}

fn new_team(name: &str) -> NewTeam {
    NewTeam {
        name: name.to_owned(),
        description: None,
        allow_auto_assign: None,
    }
}

fn user_ids(ids: &[i64]) -> TeamMembersRequest {
    TeamMembersRequest {
        user_ids: ids.to_vec(),
    }
}

async fn get(w: &World, account: i64, id: i64) -> Result<Team, Refused> {
    let request = w.api.get_team().account_id(account).team_id(id);
    match request.send().await {
        Ok(answer) => Ok(answer.into_inner()),
        Err(error) => Err(refused::<()>(Err(error))),
    }
}

/// The members of a team, by id.
async fn member_ids(w: &World, account: i64, team: i64) -> Vec<i64> {
    let request = w.api.list_team_members().account_id(account).team_id(team);
    let list: Vec<AccountAgent> = request.send().await.expect("members").into_inner().0;
    list.iter().map(|a| a.id).collect()
}

async fn list(w: Arc<World>) {
    let answer = w
        .api
        .list_teams()
        .account_id(w.seed.account_id)
        .send()
        .await;
    let teams = answer.expect("listed").into_inner().0;
    let billing = teams
        .iter()
        .find(|t| t.id == w.seed.team_id)
        .expect("team 1");
    assert_eq!(billing.name, "billing");
    assert_eq!(billing.is_member, Some(true), "the token user is in it");
    assert!(
        teams
            .iter()
            .all(|t| t.account_id == Some(w.seed.account_id))
    );
}

async fn show(w: Arc<World>) {
    let team = get(&w, w.seed.account_id, w.seed.team_id)
        .await
        .expect("read");
    assert_eq!(team.description.as_deref(), Some("Billing questions"));
    let other = get(&w, w.seed.account_id, ADMIN_TEAM).await;
    assert_eq!(other.expect_err("another account's").status, 404);
}

async fn create(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let created = w
        .api
        .create_team()
        .account_id(account)
        .body(new_team("Support Desk"))
        .send()
        .await
        .expect("created by an administrator")
        .into_inner();
    assert_eq!(created.name, "support desk", "stored in lower case");
    assert_eq!(created.description, None);
    assert_eq!(created.allow_auto_assign, Some(true), "the default");
    assert_eq!(created.is_member, Some(false));
    let read = get(&w, account, created.id).await.expect("read back");
    assert_eq!(read.name, "support desk");
    assert!(member_ids(&w, account, created.id).await.is_empty());
}

async fn update(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let change =
        json!({"name": "Big Deals", "description": "Enterprise leads", "allow_auto_assign": true});
    let updated = w
        .api
        .update_team()
        .account_id(account)
        .team_id(ADMIN_TEAM)
        .body(from_json::<TeamUpdate>(change))
        .send()
        .await
        .expect("updated")
        .into_inner();
    assert_eq!(updated.name, "big deals");
    let partial = json!({"allow_auto_assign": false});
    w.api
        .update_team()
        .account_id(account)
        .team_id(ADMIN_TEAM)
        .body(from_json::<TeamUpdate>(partial))
        .send()
        .await
        .expect("updated again");
    let read = get(&w, account, ADMIN_TEAM).await.expect("read back");
    assert_eq!(read.allow_auto_assign, Some(false));
    assert_eq!(
        read.description.as_deref(),
        Some("Enterprise leads"),
        "kept"
    );
}

/// deleteTeam: gone, and its conversation left without a team.
async fn delete(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let conversation = w.seed.second_account_conversation_id;
    w.api
        .assign_conversation()
        .account_id(account)
        .conversation_id(conversation)
        .body(from_json::<AssignmentRequest>(
            json!({"team_id": ADMIN_TEAM}),
        ))
        .send()
        .await
        .expect("assigned to the team");
    w.api
        .delete_team()
        .account_id(account)
        .team_id(ADMIN_TEAM)
        .send()
        .await
        .expect("deleted");
    assert_eq!(
        get(&w, account, ADMIN_TEAM).await.expect_err("gone").status,
        404
    );
    let read = w
        .api
        .get_conversation()
        .account_id(account)
        .conversation_id(conversation)
        .send()
        .await
        .expect("the conversation")
        .into_inner();
    assert!(read.meta.team.is_none(), "{:?}", read.meta.team);
}

async fn members(w: Arc<World>) {
    assert_eq!(
        member_ids(&w, w.seed.account_id, w.seed.team_id).await,
        [1, 2]
    );
}

async fn add(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let added = w
        .api
        .add_team_members()
        .account_id(account)
        .team_id(ADMIN_TEAM)
        .body(user_ids(&[6, 1]))
        .send()
        .await
        .expect("added")
        .into_inner();
    let added: Vec<i64> = added.iter().map(|a| a.id).collect();
    assert_eq!(added, [1], "only the newly added");
    assert_eq!(member_ids(&w, account, ADMIN_TEAM).await, [6, 1]);
    let teams = w.api.list_teams().account_id(account).send().await;
    let teams = teams.expect("listed").into_inner().0;
    let team = teams.iter().find(|t| t.id == ADMIN_TEAM).expect("listed");
    assert_eq!(team.is_member, Some(true), "the token user is in it now");
}

async fn set(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let all = w
        .api
        .set_team_members()
        .account_id(account)
        .team_id(ADMIN_TEAM)
        .body(user_ids(&[1]))
        .send()
        .await
        .expect("set")
        .into_inner();
    assert_eq!(all.iter().map(|a| a.id).collect::<Vec<_>>(), [1]);
    assert_eq!(member_ids(&w, account, ADMIN_TEAM).await, [1], "6 removed");
}

async fn remove(w: Arc<World>) {
    let account = w.seed.second_account_id;
    w.api
        .remove_team_members()
        .account_id(account)
        .team_id(ADMIN_TEAM)
        .user_ids(vec![6, 1])
        .send()
        .await
        .expect("removed");
    assert!(member_ids(&w, account, ADMIN_TEAM).await.is_empty());
}
