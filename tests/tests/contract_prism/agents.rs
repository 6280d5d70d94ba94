//! The users of an account: listing them and the assignable ones in the
//! main account (where the user is an agent, so changes are refused 401),
//! then an agent created, changed and removed in the administered account.

use ruut_api::enums::AvailabilityStatus;
use ruut_api::operations::Operation::*;
use ruut_api::types::{AgentUpdate, BulkAgentsRequest, NewAgent};

use crate::contract::{Found, MISSING_ID, Step, send};

fn new_agent() -> NewAgent {
    NewAgent {
        name: "Contract Agent".to_owned(),
        email: "contract.agent@example.com".to_owned(),
        role: None,
        availability: Some(AvailabilityStatus::Online),
        auto_offline: Some(true),
    }
}

fn administered(found: &Found) -> bool {
    found.admin_account.is_some()
}

fn admin(found: &Found) -> i64 {
    found.admin_account.unwrap_or_default()
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            ListAgents,
            "valid",
            send!(|c| c.user.list_agents().account_id(c.found().account)),
        ),
        Step::ok(
            ListConversations,
            "an inbox of the administered account",
            send!(
                |c| c.user.list_conversations().account_id(admin(&c.found())),
                |list| c.learn(|found| {
                    found.admin_inbox = list.data.payload.first().map(|c| c.inbox_id);
                })
            ),
        )
        .when(administered),
        Step::ok(
            ListAssignableAgents,
            "an administrator, one inbox",
            send!(|c| {
                let found = c.found();
                c.user
                    .list_assignable_agents()
                    .account_id(admin(&found))
                    .inbox_ids(vec![found.admin_inbox.unwrap_or_default()])
            }),
        )
        .when(|found| found.admin_inbox.is_some()),
        Step::status(
            ListAssignableAgents,
            "an unknown inbox",
            404,
            send!(|c| c
                .user
                .list_assignable_agents()
                .account_id(c.found().account)
                .inbox_ids(vec![MISSING_ID])),
        ),
        Step::status(
            CreateAgent,
            "an agent",
            401,
            send!(|c| c
                .user
                .create_agent()
                .account_id(c.found().account)
                .body(new_agent())),
        ),
        Step::ok(
            CreateAgent,
            "an administrator",
            send!(
                |c| c
                    .user
                    .create_agent()
                    .account_id(admin(&c.found()))
                    .body(new_agent()),
                |agent| c.learn(|found| found.agent = Some(agent.id))
            ),
        )
        .when(administered),
        Step::ok(
            UpdateAgent,
            "availability",
            send!(|c| {
                let found = c.found();
                c.user
                    .update_agent()
                    .account_id(admin(&found))
                    .agent_id(found.agent.unwrap_or_default())
                    .body(AgentUpdate {
                        availability: Some(AvailabilityStatus::Busy),
                        ..AgentUpdate::default()
                    })
            }),
        )
        .when(|found| found.agent.is_some()),
        Step::status(
            UpdateAgent,
            "an unknown agent",
            404,
            send!(|c| c
                .user
                .update_agent()
                .account_id(c.found().account)
                .agent_id(MISSING_ID)
                .body(AgentUpdate {
                    name: Some("x".to_owned()),
                    ..AgentUpdate::default()
                })),
        ),
        Step::ok(
            BulkCreateAgents,
            "two emails",
            send!(|c| c
                .user
                .bulk_create_agents()
                .account_id(admin(&c.found()))
                .body(BulkAgentsRequest {
                    emails: vec![
                        "contract.bulk@example.com".to_owned(),
                        "not-an-email".to_owned(),
                    ],
                })),
        )
        .when(administered),
        Step::ok(
            DeleteAgent,
            "an administrator",
            send!(|c| {
                let found = c.found();
                c.user
                    .delete_agent()
                    .account_id(admin(&found))
                    .agent_id(found.agent.unwrap_or_default())
            }),
        )
        .when(|found| found.agent.is_some()),
        Step::status(
            DeleteAgent,
            "an unknown agent",
            404,
            send!(|c| c
                .user
                .delete_agent()
                .account_id(c.found().account)
                .agent_id(MISSING_ID)),
        ),
    ]
}
