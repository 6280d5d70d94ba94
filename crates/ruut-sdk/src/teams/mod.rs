//! Teams: listing them and fetching one (here), creating one (`create`),
//! acting on one (`team`) and its members (`members`).

use ruut_api::types::Team;

use crate::client::Client;
use crate::error::Error;
use ruut_api::operations::Operation;

pub(crate) mod create;
pub(crate) mod members;
pub(crate) mod team;

impl Client {
    /// Every team of the account; `is_member` says whether the token's user
    /// is in it.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for team in client.list_teams().await? {
    ///     println!("{}: {}", team.id, team.name);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn list_teams(&self) -> Result<Vec<Team>, Error> {
        let op = Operation::ListTeams;
        let account_id = self.require_account(op)?;
        let list = self
            .call(op, |raw| raw.list_teams().account_id(account_id).send())
            .await?;
        Ok(list.0)
    }

    /// Fetches one team.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let team = client.get_team(1).await?;
    /// println!("{} ({:?})", team.name, team.description);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// team; any other kind a request can fail with.
    pub async fn get_team(&self, team_id: i64) -> Result<Team, Error> {
        let op = Operation::GetTeam;
        let account_id = self.require_account(op)?;
        self.call(op, |raw| {
            raw.get_team()
                .account_id(account_id)
                .team_id(team_id)
                .send()
        })
        .await
    }
}
