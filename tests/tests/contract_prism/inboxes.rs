//! Inboxes: listed and read by a member; an API inbox created, changed,
//! routed to the bot the agent-bot steps made, and deleted by an
//! administrator; refused to an agent.

use ruut_api::operations::Operation::*;
use ruut_api::types::{InboxAgentBotChoice, InboxCreate, InboxUpdate};

use crate::contract::{Found, MISSING_ID, Step, send};

fn api_inbox() -> InboxCreate {
    serde_json::from_value(serde_json::json!({
        "name": "Contract API",
        "greeting_enabled": true,
        "greeting_message": "Hello",
        "channel": {"type": "api", "webhook_url": "http://127.0.0.1:9/inbox"},
    }))
    .expect("a valid body")
}

pub fn admin(found: &Found) -> i64 {
    found.admin_account.unwrap_or_default()
}

pub fn created(found: &Found) -> i64 {
    found.admin_inbox.unwrap_or_default()
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            ListInboxes,
            "an agent's inboxes",
            send!(
                |c| c.user.list_inboxes().account_id(c.found().account),
                // An agent lists the inboxes it is a member of: the steps
                // below read one of those (a conversation's inbox need not be).
                |list| c.learn(|found| {
                    if let Some(inbox) = list.payload.first() {
                        found.inbox = inbox.id;
                    }
                })
            ),
        ),
        Step::status(
            ListInboxes,
            "a token the server does not know",
            401,
            send!(|c| c.stranger.list_inboxes().account_id(c.found().account)),
        ),
        Step::ok(
            GetInbox,
            "a member's inbox",
            send!(|c| {
                let found = c.found();
                c.user
                    .get_inbox()
                    .account_id(found.account)
                    .inbox_id(found.inbox)
            }),
        ),
        Step::status(
            GetInbox,
            "an unknown inbox",
            404,
            send!(|c| c
                .user
                .get_inbox()
                .account_id(c.found().account)
                .inbox_id(MISSING_ID)),
        ),
        Step::ok(
            ListInboxAssignableAgents,
            "members and administrators",
            send!(|c| {
                let found = c.found();
                c.user
                    .list_inbox_assignable_agents()
                    .account_id(found.account)
                    .inbox_id(found.inbox)
            }),
        ),
        Step::ok(
            GetInboxAgentBot,
            "an inbox without a bot",
            send!(|c| {
                let found = c.found();
                c.user
                    .get_inbox_agent_bot()
                    .account_id(found.account)
                    .inbox_id(found.inbox)
            }),
        ),
        Step::status(
            CreateInbox,
            "an agent",
            401,
            send!(|c| c
                .user
                .create_inbox()
                .account_id(c.found().account)
                .body(api_inbox())),
        ),
        Step::ok(
            CreateInbox,
            "an API inbox",
            send!(
                |c| c
                    .user
                    .create_inbox()
                    .account_id(admin(&c.found()))
                    .body(api_inbox()),
                |inbox| c.learn(|found| found.admin_inbox = Some(inbox.id))
            ),
        )
        .when(|found| found.admin_account.is_some()),
        Step::ok(
            UpdateInbox,
            "settings and the webhook URL",
            send!(|c| {
                let found = c.found();
                let body: InboxUpdate = serde_json::from_value(serde_json::json!({
                    "enable_auto_assignment": false,
                    "channel": {"webhook_url": "http://127.0.0.1:9/inbox/v2"},
                }))
                .expect("a valid body");
                c.user
                    .update_inbox()
                    .account_id(admin(&found))
                    .inbox_id(created(&found))
                    .body(body)
            }),
        )
        .when(|found| found.admin_inbox.is_some()),
        Step::status(
            UpdateInbox,
            "an agent",
            401,
            send!(|c| {
                let found = c.found();
                c.user
                    .update_inbox()
                    .account_id(found.account)
                    .inbox_id(found.inbox)
                    .body(InboxUpdate::default())
            }),
        ),
        Step::ok(
            SetInboxAgentBot,
            "the new bot",
            send!(|c| {
                let found = c.found();
                c.user
                    .set_inbox_agent_bot()
                    .account_id(admin(&found))
                    .inbox_id(created(&found))
                    .body(InboxAgentBotChoice {
                        agent_bot: found.agent_bot,
                    })
            }),
        )
        .when(|found| found.admin_inbox.is_some() && found.agent_bot.is_some()),
        Step::ok(
            GetInboxAgentBot,
            "a routed inbox",
            send!(|c| {
                let found = c.found();
                c.user
                    .get_inbox_agent_bot()
                    .account_id(admin(&found))
                    .inbox_id(created(&found))
            }),
        )
        .when(|found| found.admin_inbox.is_some()),
        Step::status(
            SetInboxAgentBot,
            "an unknown bot",
            404,
            send!(|c| {
                let found = c.found();
                c.user
                    .set_inbox_agent_bot()
                    .account_id(found.account)
                    .inbox_id(found.inbox)
                    .body(InboxAgentBotChoice {
                        agent_bot: Some(MISSING_ID),
                    })
            }),
        ),
    ]
}

/// Deletes the new inbox (after the member steps).
pub fn cleanup() -> Vec<Step> {
    vec![
        Step::status(
            DeleteInbox,
            "an agent",
            401,
            send!(|c| {
                let found = c.found();
                c.user
                    .delete_inbox()
                    .account_id(found.account)
                    .inbox_id(found.inbox)
            }),
        ),
        Step::ok(
            DeleteInbox,
            "the new inbox",
            send!(|c| {
                let found = c.found();
                c.user
                    .delete_inbox()
                    .account_id(admin(&found))
                    .inbox_id(created(&found))
            }),
        )
        .when(|found| found.admin_inbox.is_some()),
    ]
}
