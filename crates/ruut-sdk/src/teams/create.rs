//! Creating a team: [`Client::create_team`] and its [`CreateTeamRequest`].

use ruut_api::types::{self, Team};

use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl Client {
    /// Creates a team (the server stores the name in lower case).
    /// Administrators only. Sent once, never retried.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let team = client
    ///     .create_team("Support")
    ///     .description("First line")
    ///     .send()
    ///     .await?;
    /// client.team(team.id).add_members(&[7, 8]).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_team(&self, name: impl Into<String>) -> CreateTeamRequest {
        CreateTeamRequest {
            client: self.clone(),
            options: CallOptions::default(),
            body: types::NewTeam {
                name: name.into(),
                description: None,
                allow_auto_assign: None,
            },
        }
    }
}

/// A team being created; see [`Client::create_team`].
#[derive(Clone, Debug)]
#[must_use = "the team is not created until `.send().await`"]
pub struct CreateTeamRequest {
    client: Client,
    options: CallOptions,
    body: types::NewTeam,
}

call_options!(CreateTeamRequest);

impl CreateTeamRequest {
    /// What the team is for.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// Whether its conversations are assigned automatically (default true).
    pub fn allow_auto_assign(mut self, allow: bool) -> Self {
        self.body.allow_auto_assign = Some(allow);
        self
    }

    /// Creates the team; the answer is the team.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is not an administrator; [`Validation`](crate::ErrorKind::Validation)
    /// when the name is blank or another team's; any other kind a request can
    /// fail with.
    pub async fn send(self) -> Result<Team, Error> {
        let op = Operation::CreateTeam;
        let account_id = self.client.require_account(op)?;
        self.client
            .call_with(&self.options, op, |raw| {
                raw.create_team()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
