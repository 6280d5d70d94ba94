//! Creating an agent bot: [`Client::create_agent_bot`] and its
//! [`CreateAgentBotRequest`].

use ruut_api::operations::Operation;
use ruut_api::types;

use crate::agent_bots::fields::bot_setters;
use crate::agent_bots::info::AgentBotInfo;
use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// Creates an agent bot of the account, with its own access token.
    /// Administrators only. Not retried: a repeat could create it twice.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let bot = client
    ///     .create_agent_bot()
    ///     .name("Triage bot")
    ///     .outgoing_url("https://bot.example.com/hook")
    ///     .send()
    ///     .await?;
    /// let token = bot.access_token.expect("the account's own bot has a token");
    /// println!("bot {} created; its token is {token:?}", bot.id); // prints [redacted]
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_agent_bot(&self) -> CreateAgentBotRequest {
        CreateAgentBotRequest {
            client: self.clone(),
            options: CallOptions::default(),
            body: types::AgentBotFields::default(),
        }
    }
}

/// An agent bot being created; see [`Client::create_agent_bot`].
#[derive(Clone, Debug)]
#[must_use = "a bot is not created until `.send().await`"]
pub struct CreateAgentBotRequest {
    client: Client,
    options: CallOptions,
    body: types::AgentBotFields,
}

call_options!(CreateAgentBotRequest);
bot_setters!(CreateAgentBotRequest);

impl CreateAgentBotRequest {
    /// Creates the bot. Sent once, never retried.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent, not an administrator;
    /// [`Validation`](crate::ErrorKind::Validation) for an `outgoing_url`
    /// over 2048 characters; any other kind a request can fail with.
    pub async fn send(self) -> Result<AgentBotInfo, Error> {
        let op = Operation::CreateAgentBot;
        let account_id = self.client.require_account(op)?;
        let bot = self
            .client
            .call_with(&self.options, op, |raw| {
                raw.create_agent_bot()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(bot.into())
    }
}
