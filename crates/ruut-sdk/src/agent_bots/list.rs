//! Reading agent bots: [`Client::list_agent_bots`], [`Client::get_agent_bot`].

use crate::agent_bots::info::AgentBotInfo;
use crate::client::Client;
use crate::error::Error;
use ruut_api::operations::Operation;

impl Client {
    /// The agent bots the account may use: its own bots, with their access
    /// tokens, and the system bots. Agents may list them too.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for bot in client.list_agent_bots().await? {
    ///     println!("{} {:?} (system bot: {})", bot.id, bot.name, bot.system_bot);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn list_agent_bots(&self) -> Result<Vec<AgentBotInfo>, Error> {
        let op = Operation::ListAgentBots;
        let account_id = self.require_account(op)?;
        let bots = self
            .call(op, |raw| {
                raw.list_agent_bots().account_id(account_id).send()
            })
            .await?;
        Ok(bots.into_iter().map(AgentBotInfo::from).collect())
    }

    /// One agent bot the account may use (its own, or a system bot).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let bot = client.get_agent_bot(3).await?;
    /// println!("{:?} posts to {:?}", bot.name, bot.outgoing_url);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// bot; any other kind a request can fail with.
    pub async fn get_agent_bot(&self, agent_bot_id: i64) -> Result<AgentBotInfo, Error> {
        let op = Operation::GetAgentBot;
        let account_id = self.require_account(op)?;
        let bot = self
            .call(op, |raw| {
                raw.get_agent_bot()
                    .account_id(account_id)
                    .id(agent_bot_id)
                    .send()
            })
            .await?;
        Ok(bot.into())
    }
}
