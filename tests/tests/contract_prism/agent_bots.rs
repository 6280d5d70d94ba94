//! Agent bots: listed and read by any member; created, changed, reset and
//! deleted by an administrator (in the account the user administers, which
//! the contact steps found), refused to an agent.

use ruut_api::operations::Operation::*;
use ruut_api::types::AgentBotFields;

use crate::contract::{MISSING_ID, Step, send};

fn named(name: &str) -> AgentBotFields {
    AgentBotFields {
        name: Some(name.to_owned()),
        outgoing_url: Some("http://127.0.0.1:9/bot".to_owned()),
        ..AgentBotFields::default()
    }
}

/// The administered account (found by earlier steps).
fn admin(found: &crate::contract::Found) -> i64 {
    found.admin_account.unwrap_or_default()
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            ListAgentBots,
            "own and system bots",
            send!(|c| c.user.list_agent_bots().account_id(c.found().account)),
        ),
        Step::status(
            ListAgentBots,
            "a token the server does not know",
            401,
            send!(|c| c.stranger.list_agent_bots().account_id(c.found().account)),
        ),
        Step::status(
            CreateAgentBot,
            "an agent",
            401,
            send!(|c| c
                .user
                .create_agent_bot()
                .account_id(c.found().account)
                .body(named("Refused"))),
        ),
        Step::ok(
            CreateAgentBot,
            "an administrator",
            send!(
                |c| c
                    .user
                    .create_agent_bot()
                    .account_id(admin(&c.found()))
                    .body(named("Contract bot")),
                |bot| c.learn(|found| found.agent_bot = Some(bot.id))
            ),
        )
        .when(|found| found.admin_account.is_some()),
        Step::ok(
            GetAgentBot,
            "the new bot",
            send!(|c| {
                let found = c.found();
                c.user
                    .get_agent_bot()
                    .account_id(admin(&found))
                    .id(found.agent_bot.unwrap_or_default())
            }),
        )
        .when(|found| found.agent_bot.is_some()),
        Step::status(
            GetAgentBot,
            "an unknown bot",
            404,
            send!(|c| c
                .user
                .get_agent_bot()
                .account_id(c.found().account)
                .id(MISSING_ID)),
        ),
        Step::ok(
            UpdateAgentBot,
            "a new name",
            send!(|c| {
                let found = c.found();
                c.user
                    .update_agent_bot()
                    .account_id(admin(&found))
                    .id(found.agent_bot.unwrap_or_default())
                    .body(named("Contract bot, renamed"))
            }),
        )
        .when(|found| found.agent_bot.is_some()),
        Step::ok(
            ResetAgentBotAccessToken,
            "a new token",
            send!(|c| {
                let found = c.found();
                c.user
                    .reset_agent_bot_access_token()
                    .account_id(admin(&found))
                    .id(found.agent_bot.unwrap_or_default())
            }),
        )
        .when(|found| found.agent_bot.is_some()),
        Step::status(
            ResetAgentBotAccessToken,
            "an administrator, an unknown bot",
            404,
            send!(|c| c
                .user
                .reset_agent_bot_access_token()
                .account_id(admin(&c.found()))
                .id(MISSING_ID)),
        )
        .when(|found| found.admin_account.is_some()),
    ]
}

/// Deletes the bot (after the inbox steps, which route an inbox to it).
pub fn cleanup() -> Vec<Step> {
    vec![
        Step::status(
            DeleteAgentBot,
            "an agent",
            401,
            send!(|c| c
                .user
                .delete_agent_bot()
                .account_id(c.found().account)
                .id(1)),
        ),
        Step::ok(
            DeleteAgentBot,
            "an administrator",
            send!(|c| {
                let found = c.found();
                c.user
                    .delete_agent_bot()
                    .account_id(admin(&found))
                    .id(found.agent_bot.unwrap_or_default())
            }),
        )
        .when(|found| found.agent_bot.is_some()),
    ]
}
