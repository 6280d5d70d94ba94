//! Inbox members: listing, adding, replacing and removing, and the members
//! showing in the inbox's assignable agents.

use std::sync::Arc;

use ruut_api::types::InboxMembersChange;

use crate::Operation;
use crate::table::{Entry, How, MISSING, Refused, World, call, job, provoke, refused, sdk};

const NOT_ALLOWED: &str = "You are not authorized to do this action";

fn change(inbox_id: i64, user_ids: &[i64]) -> InboxMembersChange {
    InboxMembersChange {
        inbox_id,
        user_ids: user_ids.to_vec(),
    }
}

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListInboxMembers, |w| job(list(w)))
            .sdk(sdk!(|client, ids| client.inbox(ids.inbox).members()))
            .call(call!(|api, ids| api
                .list_inbox_members()
                .account_id(ids.account)
                .inbox_id(ids.inbox)))
            .refuses(
                401,
                "an agent who is not a member",
                How::Provoke(|w| job(not_member(w))),
            )
            .saying(NOT_ALLOWED),
        Entry::new(Operation::AddInboxMembers, |w| job(add(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .inbox(ids.admin_inbox)
                .add_members(&[ids.agent])))
            .call(call!(|api, ids| api
                .add_inbox_members()
                .account_id(ids.account)
                .body(change(ids.inbox, &[ids.agent]))))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .add_inbox_members()
                    .account_id(w.seed.account_id)
                    .body(change(w.seed.api_inbox_id, &[w.seed.agent_ids[1]]))),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an administrator, an unknown inbox",
                provoke!(|w| w
                    .api
                    .add_inbox_members()
                    .account_id(w.seed.second_account_id)
                    .body(change(MISSING, &[w.seed.user_id]))),
            )
            .saying("Resource could not be found")
            .refuses(
                422,
                "an id of no user",
                provoke!(|w| w
                    .api
                    .add_inbox_members()
                    .account_id(w.seed.second_account_id)
                    .body(change(w.ids().admin_inbox, &[MISSING]))),
            )
            .saying("User must exist")
            .rejects(
                "an inbox id that is not a number",
                r#"{"inbox_id": "two", "user_ids": []}"#,
            ),
        Entry::new(Operation::SetInboxMembers, |w| job(set(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .inbox(ids.admin_inbox)
                .set_members(&[])))
            .call(call!(|api, ids| api
                .set_inbox_members()
                .account_id(ids.account)
                .body(change(ids.inbox, &[]))))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .set_inbox_members()
                    .account_id(w.seed.account_id)
                    .body(change(w.seed.api_inbox_id, &[]))),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an administrator, an unknown inbox",
                provoke!(|w| w
                    .api
                    .set_inbox_members()
                    .account_id(w.seed.second_account_id)
                    .body(change(MISSING, &[]))),
            )
            .refuses(
                422,
                "a new member's id twice",
                provoke!(|w| w
                    .api
                    .set_inbox_members()
                    .account_id(w.seed.second_account_id)
                    .body(change(
                        w.ids().admin_inbox,
                        &[w.seed.agent_ids[0], w.seed.agent_ids[0]]
                    ))),
            )
            .saying("User has already been taken"),
        Entry::new(Operation::RemoveInboxMembers, |w| job(remove(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .inbox(ids.admin_inbox)
                .remove_members(&[ids.agent])))
            .call(call!(|api, ids| api
                .remove_inbox_members()
                .account_id(ids.account)
                .body(change(ids.inbox, &[]))))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .remove_inbox_members()
                    .account_id(w.seed.account_id)
                    .body(change(w.seed.api_inbox_id, &[w.seed.user_id]))),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an administrator, an unknown inbox",
                provoke!(|w| w
                    .api
                    .remove_inbox_members()
                    .account_id(w.seed.second_account_id)
                    .body(change(MISSING, &[]))),
            )
            .rejects(
                "an inbox id that is not a number",
                r#"{"inbox_id": "two", "user_ids": []}"#,
            ),
    ]
}

/// The ids of the inbox's members, and of its assignable agents.
async fn read(w: &World, account: i64, inbox: i64) -> (Vec<i64>, Vec<i64>) {
    let members = w
        .api
        .list_inbox_members()
        .account_id(account)
        .inbox_id(inbox);
    let members = members.send().await.expect("members").into_inner().payload;
    let agents = w
        .api
        .list_inbox_assignable_agents()
        .account_id(account)
        .inbox_id(inbox);
    let agents = agents
        .send()
        .await
        .expect("assignable")
        .into_inner()
        .payload;
    (
        members.iter().map(|a| a.id).collect(),
        agents.iter().map(|a| a.id).collect(),
    )
}

async fn list(w: Arc<World>) {
    let (members, _) = read(&w, w.seed.account_id, w.seed.inbox_ids[0]).await;
    // The token user and the main account's agents (user 2 administers it).
    let mut expected = vec![w.seed.user_id];
    expected.extend(&w.seed.agent_ids[1..]);
    assert_eq!(members, expected, "the seeded members");
}

async fn not_member(w: Arc<World>) -> Refused {
    let hidden = w
        .sandbox
        .seed()
        .inbox(w.seed.account_id)
        .members([])
        .create()
        .expect("seeded");
    refused(
        w.api
            .list_inbox_members()
            .account_id(w.seed.account_id)
            .inbox_id(hidden)
            .send()
            .await,
    )
}

/// The second account (administered by the user), its inbox and the inbox's
/// first seeded member.
async fn admin_place(w: &World) -> (i64, i64, i64) {
    let (account, inbox) = (w.seed.second_account_id, w.ids().admin_inbox);
    let (members, _) = read(w, account, inbox).await;
    let member = *members.first().expect("a seeded member");
    assert_ne!(member, w.seed.user_id);
    (account, inbox, member)
}

async fn add(w: Arc<World>) {
    let (account, inbox, _) = admin_place(&w).await;
    let (before, _) = read(&w, account, inbox).await;
    assert!(!before.contains(&w.seed.user_id));
    let added = w
        .api
        .add_inbox_members()
        .account_id(account)
        .body(change(inbox, &[w.seed.user_id]));
    let payload = added.send().await.expect("added").into_inner().payload;
    assert!(
        payload.iter().any(|a| a.id == w.seed.user_id),
        "every member is answered"
    );
    let (members, assignable) = read(&w, account, inbox).await;
    assert!(members.contains(&w.seed.user_id) && before.iter().all(|id| members.contains(id)));
    assert!(assignable.contains(&w.seed.user_id));
}

async fn set(w: Arc<World>) {
    let (account, inbox, agent) = admin_place(&w).await;
    let (before, _) = read(&w, account, inbox).await;
    assert!(before.contains(&agent));
    let set = w
        .api
        .set_inbox_members()
        .account_id(account)
        .body(change(inbox, &[w.seed.user_id]));
    set.send().await.expect("replaced");
    let (members, _) = read(&w, account, inbox).await;
    assert_eq!(members, [w.seed.user_id], "the others are removed");
}

async fn remove(w: Arc<World>) {
    let (account, inbox, agent) = admin_place(&w).await;
    let removed = w
        .api
        .remove_inbox_members()
        .account_id(account)
        .body(change(inbox, &[agent]));
    removed.send().await.expect("removed");
    let (members, assignable) = read(&w, account, inbox).await;
    assert!(!members.contains(&agent));
    assert!(
        !assignable.contains(&agent),
        "no longer assignable (an agent, not an administrator)"
    );
}
