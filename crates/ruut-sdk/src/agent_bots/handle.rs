//! One agent bot, to act on: [`AgentBotHandle`] (update, delete, reset its
//! access token).

use ruut_api::operations::Operation;
use ruut_api::types;

use crate::agent_bots::fields::bot_setters;
use crate::agent_bots::info::AgentBotInfo;
use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Acts on one of the account's agent bots. Sends nothing by itself; to
    /// fetch the bot, use [`get_agent_bot`](Self::get_agent_bot).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let bot = client.agent_bot(3);
    /// bot.update().outgoing_url("https://bot.example.com/v2").send().await?;
    /// let fresh = bot.reset_access_token().await?;
    /// // the old token is refused from now on
    /// # let _ = fresh;
    /// # Ok(())
    /// # }
    /// ```
    pub fn agent_bot(&self, agent_bot_id: i64) -> AgentBotHandle {
        AgentBotHandle {
            client: self.clone(),
            id: agent_bot_id,
        }
    }
}

/// One of the account's agent bots, to act on; see [`Client::agent_bot`].
/// Every call is for administrators only; a system bot answers
/// [`NotFound`](crate::ErrorKind::NotFound).
#[derive(Clone, Debug)]
pub struct AgentBotHandle {
    client: Client,
    id: i64,
}

impl AgentBotHandle {
    /// The bot's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Changes the bot's fields: set the ones to change, then `send()`.
    pub fn update(&self) -> UpdateAgentBotRequest {
        UpdateAgentBotRequest {
            handle: self.clone(),
            options: CallOptions::default(),
            body: types::AgentBotFields::default(),
        }
    }

    /// Deletes the bot: its token stops working, the inboxes routed to it
    /// are no longer, and the conversations assigned to it become unassigned.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent;
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// bot of its own; any other kind a request can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteAgentBot;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_agent_bot()
                    .account_id(account_id)
                    .id(self.id)
                    .send()
            })
            .await
    }

    /// Replaces the bot's access token with a new one and returns the bot
    /// with it ([`AgentBotInfo::access_token`], a secret); the old token is
    /// refused from then on. Not retried: a repeat would replace it again.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent;
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// bot of its own; any other kind a request can fail with.
    pub async fn reset_access_token(&self) -> Result<AgentBotInfo, Error> {
        let op = Operation::ResetAgentBotAccessToken;
        let account_id = self.client.require_account(op)?;
        let bot = self
            .client
            .call(op, |raw| {
                raw.reset_agent_bot_access_token()
                    .account_id(account_id)
                    .id(self.id)
                    .send()
            })
            .await?;
        Ok(bot.into())
    }
}

/// Changes to an agent bot; see [`AgentBotHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the bot is not changed until `.send().await`"]
pub struct UpdateAgentBotRequest {
    handle: AgentBotHandle,
    options: CallOptions,
    body: types::AgentBotFields,
}

call_options!(UpdateAgentBotRequest);
bot_setters!(UpdateAgentBotRequest);

impl UpdateAgentBotRequest {
    /// Sends the changes; answers the bot as it now is.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent;
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// bot of its own; [`Validation`](crate::ErrorKind::Validation) for an
    /// `outgoing_url` over 2048 characters; any other kind a request can fail with.
    pub async fn send(self) -> Result<AgentBotInfo, Error> {
        let op = Operation::UpdateAgentBot;
        let client = &self.handle.client;
        let account_id = client.require_account(op)?;
        let bot = client
            .call_with(&self.options, op, |raw| {
                raw.update_agent_bot()
                    .account_id(account_id)
                    .id(self.handle.id)
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(bot.into())
    }
}
