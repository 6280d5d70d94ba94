//! The users of an account: list, create, update, delete, bulk create and
//! the assignable agents of inboxes. Changes run in the second account,
//! where the token user is an administrator; in the main account it is an
//! agent, and Pundit answers it 401.

use std::sync::Arc;

use ruut_api::enums::{AvailabilityStatus, UserRole};
use ruut_api::types::{AccountAgent, AgentUpdate, AssignmentRequest, BulkAgentsRequest, NewAgent};
use serde_json::json;

use crate::Operation;
use crate::table::{
    Entry, How, MISSING, Refused, World, call, from_json, job, message, provoke, refused, sdk,
};

const NOT_AUTHORIZED: &str = "You are not authorized to do this action";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListAgents, |w| job(list(w)))
            .sdk(sdk!(|client, _ids| client.list_agents()))
            .call(call!(|api, ids| api.list_agents().account_id(ids.account))),
        Entry::new(Operation::CreateAgent, |w| job(create(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .create_agent("Sdk Agent", "sdk.agent@example.com")
                .role(UserRole::Agent)
                .send()))
            .call(call!(|api, ids| api
                .create_agent()
                .account_id(ids.account)
                .body(new_agent("Someone", "someone@example.com"))))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .create_agent()
                    .account_id(w.seed.account_id)
                    .body(new_agent("Someone", "someone@example.com"))),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "a user already in the account",
                How::Provoke(|w| job(already_member(w))),
            )
            .saying("User has already been taken")
            .refuses(
                422,
                "a malformed email",
                How::Provoke(|w| {
                    job(admin_raw(
                        w,
                        "POST",
                        "agents",
                        r#"{"name": "x", "email": "no-at-sign"}"#,
                    ))
                }),
            )
            .saying("Email is invalid"),
        Entry::new(Operation::UpdateAgent, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .agent(6)
                .update()
                .availability(AvailabilityStatus::Busy)
                .send()))
            .call(call!(|api, ids| api
                .update_agent()
                .account_id(ids.account)
                .agent_id(ids.agent)
                .body(AgentUpdate::default())))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .update_agent()
                    .account_id(w.seed.account_id)
                    .agent_id(w.seed.agent_ids[0])
                    .body(from_json::<AgentUpdate>(json!({"name": "x"})))),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "an empty change",
                How::Provoke(|w| job(admin_raw(w, "PATCH", "agents/6", "{}"))),
            )
            .refuses(
                422,
                "an unknown role",
                How::Provoke(|w| job(admin_raw(w, "PATCH", "agents/6", r#"{"role": "owner"}"#))),
            ),
        Entry::new(Operation::DeleteAgent, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .agent(6)
                .delete()))
            .call(call!(|api, ids| api
                .delete_agent()
                .account_id(ids.account)
                .agent_id(ids.agent)))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .delete_agent()
                    .account_id(w.seed.account_id)
                    .agent_id(w.seed.agent_ids[0])),
            )
            .saying(NOT_AUTHORIZED),
        Entry::new(Operation::BulkCreateAgents, |w| job(bulk_create(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .bulk_create_agents(["bulk@example.com"])))
            .call(call!(|api, ids| api
                .bulk_create_agents()
                .account_id(ids.account)
                .body(emails(&["bulk@example.com"]))))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .bulk_create_agents()
                    .account_id(w.seed.account_id)
                    .body(emails(&["bulk@example.com"]))),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "no emails",
                How::Provoke(|w| job(admin_raw(w, "POST", "agents/bulk_create", "{}"))),
            ),
        Entry::new(Operation::ListAssignableAgents, |w| job(assignable(w)))
            .sdk(sdk!(
                |client, ids| client.list_assignable_agents([ids.inbox])
            ))
            .call(call!(|api, ids| api
                .list_assignable_agents()
                .account_id(ids.account)
                .inbox_ids(vec![ids.inbox])))
            .refuses(
                401,
                "an agent, an inbox it is not a member of",
                How::Provoke(|w| job(assignable_in_hidden_inbox(w))),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                404,
                "an inbox of another account",
                provoke!(|w| w
                    .api
                    .list_assignable_agents()
                    .account_id(w.seed.account_id)
                    .inbox_ids(vec![1, MISSING])),
            ),
    ]
}

fn new_agent(name: &str, email: &str) -> NewAgent {
    NewAgent {
        name: name.to_owned(),
        email: email.to_owned(),
        role: None,
        availability: None,
        auto_offline: None,
    }
}

fn emails(list: &[&str]) -> BulkAgentsRequest {
    BulkAgentsRequest {
        emails: list.iter().map(|e| (*e).to_owned()).collect(),
    }
}

/// A raw request to `/api/v1/accounts/{second account}/{path}` with the
/// token user (an administrator there): for bodies the typed client cannot
/// send.
pub async fn admin_raw(w: Arc<World>, method: &str, path: &str, body: &str) -> Refused {
    let url = format!(
        "{}/api/v1/accounts/{}/{path}",
        w.sandbox.base_url(),
        w.seed.second_account_id
    );
    let method = reqwest::Method::from_bytes(method.as_bytes()).expect("a method");
    let response = reqwest::Client::new()
        .request(method, url)
        .header("api_access_token", w.sandbox.user_token())
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .expect("raw request");
    let status = response.status().as_u16();
    let body = response.json().await.expect("an ErrorBody");
    Refused { status, body }
}

/// The users of `account`, as listAgents answers.
async fn agents(w: &World, account: i64) -> Vec<AccountAgent> {
    let answer = w.api.list_agents().account_id(account).send().await;
    answer.expect("listed").into_inner().0
}

async fn list(w: Arc<World>) {
    let listed = agents(&w, w.seed.account_id).await;
    let ids: Vec<i64> = listed.iter().map(|a| a.id).collect();
    for id in [w.seed.user_id].iter().chain(&w.seed.agent_ids) {
        assert!(ids.contains(id), "user {id} is in the account: {ids:?}");
    }
    assert!(!ids.contains(&6), "user 6 is not: {ids:?}");
    let names: Vec<String> = listed.iter().map(|a| a.name.to_lowercase()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "ordered by name");
    let admin = listed.iter().find(|a| a.id == 2).expect("user 2");
    assert_eq!(admin.role, Some(UserRole::Administrator));
    assert!(
        listed
            .iter()
            .all(|a| a.account_id == Some(w.seed.account_id))
    );
}

/// createAgent in the second account: listed, and assignable.
async fn create(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let mut body = new_agent("Ada Lovelace", "Ada@Example.com");
    body.availability = Some(AvailabilityStatus::Busy);
    let created = w
        .api
        .create_agent()
        .account_id(account)
        .body(body)
        .send()
        .await
        .expect("created by an administrator")
        .into_inner();
    assert_eq!(created.email, "ada@example.com", "downcased");
    assert_eq!(created.role, Some(UserRole::Agent), "the default role");
    assert_eq!(created.availability_status, Some(AvailabilityStatus::Busy));
    assert_eq!(created.confirmed, Some(false), "invited, not confirmed");
    let listed = agents(&w, account).await;
    assert!(listed.iter().any(|a| a.id == created.id), "{listed:?}");
    let assigned = w
        .api
        .assign_conversation()
        .account_id(account)
        .conversation_id(w.seed.second_account_conversation_id)
        .body(from_json::<AssignmentRequest>(
            json!({"assignee_id": created.id}),
        ))
        .send()
        .await
        .expect("assigned")
        .into_inner();
    let assignee = assigned.0.expect("an assignee");
    assert_eq!(
        assignee.id, created.id,
        "the new agent takes the conversation"
    );
    // An existing user of another account joins as is.
    let joined = w
        .api
        .create_agent()
        .account_id(account)
        .body(new_agent(
            "Ignored",
            &email_in(&w, w.seed.account_id, 3).await,
        ))
        .send()
        .await
        .expect("an existing user joins")
        .into_inner();
    assert_eq!(joined.id, 3, "the same user");
    assert_ne!(joined.name, "Ignored", "its name is kept");
}

/// The email of user `id`, as `account` lists it.
async fn email_in(w: &World, account: i64, id: i64) -> String {
    let listed = agents(w, account).await;
    let agent = listed.into_iter().find(|a| a.id == id).expect("listed");
    agent.email
}

/// createAgent with the email of a user already in the account.
async fn already_member(w: Arc<World>) -> Refused {
    let account = w.seed.second_account_id;
    let email = email_in(&w, account, 6).await;
    let request = w.api.create_agent().account_id(account);
    let answer = refused(request.body(new_agent("Again", &email)).send().await);
    assert_eq!(
        answer.body.attributes,
        vec!["user_id".to_owned()],
        "{answer:?}"
    );
    answer
}

async fn update(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let change = json!({"name": "Renamed Agent", "role": "administrator", "availability": "busy", "auto_offline": false});
    let updated = w
        .api
        .update_agent()
        .account_id(account)
        .agent_id(6)
        .body(from_json::<AgentUpdate>(change))
        .send()
        .await
        .expect("updated")
        .into_inner();
    assert_eq!(updated.name, "Renamed Agent");
    assert_eq!(updated.auto_offline, Some(false));
    let read = agents(&w, account).await;
    let read = read.iter().find(|a| a.id == 6).expect("still listed");
    assert_eq!(read.role, Some(UserRole::Administrator), "persisted");
    assert_eq!(read.availability_status, Some(AvailabilityStatus::Busy));
    let partial = json!({"availability": "online"});
    let again = w
        .api
        .update_agent()
        .account_id(account)
        .agent_id(6)
        .body(from_json::<AgentUpdate>(partial))
        .send()
        .await
        .expect("updated again")
        .into_inner();
    assert_eq!(again.name, "Renamed Agent", "keys not sent are kept");
    assert_eq!(again.role, Some(UserRole::Administrator));
}

/// deleteAgent: gone from the list, its conversations unassigned, and a
/// second delete is a 404.
async fn delete(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let conversation = w.seed.second_account_conversation_id;
    w.api
        .assign_conversation()
        .account_id(account)
        .conversation_id(conversation)
        .body(from_json::<AssignmentRequest>(json!({"assignee_id": 6})))
        .send()
        .await
        .expect("assigned to user 6");
    w.api
        .delete_agent()
        .account_id(account)
        .agent_id(6)
        .send()
        .await
        .expect("deleted by an administrator");
    let listed = agents(&w, account).await;
    assert!(listed.iter().all(|a| a.id != 6), "{listed:?}");
    let read = w
        .api
        .get_conversation()
        .account_id(account)
        .conversation_id(conversation)
        .send()
        .await
        .expect("the conversation")
        .into_inner();
    assert!(
        read.meta.assignee.is_none(),
        "unassigned: {:?}",
        read.meta.assignee
    );
    let again = w.api.delete_agent().account_id(account).agent_id(6);
    assert_eq!(refused(again.send().await).status, 404);
}

async fn bulk_create(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let taken = email_in(&w, account, 6).await;
    let list = ["new.one@example.com", "not-an-email", taken.as_str()];
    w.api
        .bulk_create_agents()
        .account_id(account)
        .body(emails(&list))
        .send()
        .await
        .expect("bulk created");
    let listed = agents(&w, account).await;
    let new = listed
        .iter()
        .find(|a| a.email == "new.one@example.com")
        .expect("the new agent is listed");
    assert_eq!(new.name, "new.one");
    assert_eq!(new.role, Some(UserRole::Agent));
    assert_eq!(new.availability_status, Some(AvailabilityStatus::Offline));
    assert!(listed.iter().all(|a| a.email != "not-an-email"), "skipped");
    assert_eq!(
        listed.len(),
        3,
        "the two members and the new one: {listed:?}"
    );
}

async fn assignable(w: Arc<World>) {
    let ids = |list: Vec<AccountAgent>| {
        let mut ids: Vec<i64> = list.iter().map(|a| a.id).collect();
        ids.sort_unstable();
        ids
    };
    let account = w.seed.account_id;
    let both = w.api.list_assignable_agents().account_id(account);
    let both = both.inbox_ids(vec![1, 2]).send().await.expect("listed");
    assert_eq!(ids(both.into_inner().payload.0), [1, 2, 3, 4, 5]);
    // The second account: its agent, and the administrator (the token user).
    let admin = w
        .api
        .list_assignable_agents()
        .account_id(w.seed.second_account_id);
    let admin = admin.inbox_ids(vec![4]).send().await.expect("listed");
    assert_eq!(ids(admin.into_inner().payload.0), [1, 6]);
    let none = w
        .api
        .list_assignable_agents()
        .account_id(account)
        .send()
        .await;
    let none = refused(none);
    assert_eq!(
        (none.status, message(&none.body).as_str()),
        (404, "Resource could not be found")
    );
}

/// The assignable agents of an inbox the token user (an agent) is not a member of.
async fn assignable_in_hidden_inbox(w: Arc<World>) -> Refused {
    let seeded = w.sandbox.seed().inbox(w.seed.account_id).members([]);
    let hidden = seeded.create().expect("seeded");
    let asked = w
        .api
        .list_assignable_agents()
        .account_id(w.seed.account_id)
        .inbox_ids(vec![hidden]);
    refused(asked.send().await)
}
