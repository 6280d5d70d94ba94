//! An inbox's agents and agent bot: [`InboxHandle::assignable_agents`],
//! [`InboxHandle::agent_bot`], [`InboxHandle::set_agent_bot`].

use ruut_api::operations::Operation;
use ruut_api::types::{self, InboxAgent};

use crate::agent_bots::info::{AccessToken, AgentBotInfo};
use crate::error::Error;
use crate::inboxes::handle::InboxHandle;

impl InboxHandle {
    /// The agents the inbox's conversations can be assigned to: its members
    /// and the account's administrators.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// inbox; [`Forbidden`](crate::ErrorKind::Forbidden) for an agent
    /// who is not a member of it; any other kind a request can fail with.
    pub async fn assignable_agents(&self) -> Result<Vec<InboxAgent>, Error> {
        let op = Operation::ListInboxAssignableAgents;
        let (client, id) = (self.client(), self.id());
        let account_id = client.require_account(op)?;
        let list = client
            .call(op, |raw| {
                raw.list_inbox_assignable_agents()
                    .account_id(account_id)
                    .inbox_id(id)
                    .send()
            })
            .await?;
        Ok(list.payload)
    }

    /// The agent bot the inbox is routed to, if any (with its access token,
    /// a secret, which the server shows to every member of the inbox).
    ///
    /// # Errors
    ///
    /// As [`assignable_agents`](Self::assignable_agents).
    pub async fn agent_bot(&self) -> Result<Option<AgentBotInfo>, Error> {
        let op = Operation::GetInboxAgentBot;
        let (client, id) = (self.client(), self.id());
        let account_id = client.require_account(op)?;
        let answer = client
            .call(op, |raw| {
                raw.get_inbox_agent_bot()
                    .account_id(account_id)
                    .inbox_id(id)
                    .send()
            })
            .await?;
        Ok(from_details(answer.agent_bot))
    }

    /// Routes the inbox to the agent bot `agent_bot_id`, or, with `None`,
    /// stops routing it to any. A routed inbox hands its new conversations to
    /// the bot: they start pending, and the bot's `outgoing_url` receives
    /// their events. Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// client.inbox(2).set_agent_bot(Some(3)).await?;
    /// client.inbox(2).set_agent_bot(None).await?; // humans only again
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) for an unknown inbox or bot;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any
    /// other kind a request can fail with.
    pub async fn set_agent_bot(&self, agent_bot_id: Option<i64>) -> Result<(), Error> {
        let op = Operation::SetInboxAgentBot;
        let (client, id) = (self.client(), self.id());
        let account_id = client.require_account(op)?;
        let body = types::InboxAgentBotChoice {
            agent_bot: agent_bot_id,
        };
        client
            .call(op, |raw| {
                raw.set_inbox_agent_bot()
                    .account_id(account_id)
                    .inbox_id(id)
                    .body(body.clone())
                    .send()
            })
            .await
    }
}

/// The bot of `getInboxAgentBot`, `None` for its empty object.
fn from_details(bot: types::InboxAgentBotDetails) -> Option<AgentBotInfo> {
    let id = bot.id?;
    Some(AgentBotInfo {
        id,
        name: bot.name,
        description: bot.description,
        thumbnail: bot.thumbnail,
        outgoing_url: bot.outgoing_url,
        bot_type: bot.bot_type.unwrap_or_default(),
        bot_config: bot.bot_config.unwrap_or_default(),
        account_id: bot.account_id,
        system_bot: bot.system_bot.unwrap_or(false),
        access_token: bot
            .access_token
            .and_then(|record| record.token)
            .map(AccessToken::from),
    })
}
