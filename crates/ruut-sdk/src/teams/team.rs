//! One team, to act on: [`TeamHandle`], with [`TeamHandle::update`] (its
//! [`UpdateTeamRequest`]) and [`TeamHandle::delete`]; its members are in
//! `members`. Making a handle sends nothing.

use ruut_api::types::{self, Team};

use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl Client {
    /// Acts on one team: its details and members. Sends nothing by itself;
    /// to fetch the team, use [`get_team`](Self::get_team).
    pub fn team(&self, team_id: i64) -> TeamHandle {
        TeamHandle {
            client: self.clone(),
            id: team_id,
        }
    }
}

/// One team, to act on; see [`Client::team`]. Changes are for
/// administrators only.
///
/// ```no_run
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let team = client.team(1);
/// team.update().description("Invoices and refunds").send().await?;
/// team.set_members(&[7, 8]).await?;
/// for agent in team.members().await? {
///     println!("{}", agent.name);
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct TeamHandle {
    client: Client,
    id: i64,
}

impl TeamHandle {
    /// The team's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// The client the handle sends its requests with.
    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    /// Changes the team: only what is set is sent.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let team = client.team(1).update().allow_auto_assign(false).send().await?;
    /// assert_eq!(team.allow_auto_assign, Some(false));
    /// # Ok(())
    /// # }
    /// ```
    pub fn update(&self) -> UpdateTeamRequest {
        UpdateTeamRequest {
            team: self.clone(),
            options: CallOptions::default(),
            body: types::TeamUpdate::default(),
        }
    }

    /// Deletes the team; its conversations go on without a team.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// team; [`Forbidden`](crate::ErrorKind::Forbidden) when the
    /// token's user is not an administrator; any other kind a request can
    /// fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteTeam;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_team()
                    .account_id(account_id)
                    .team_id(self.id)
                    .send()
            })
            .await
    }
}

/// A change of a team; see [`TeamHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the team is not changed until `.send().await`"]
pub struct UpdateTeamRequest {
    team: TeamHandle,
    options: CallOptions,
    body: types::TeamUpdate,
}

call_options!(UpdateTeamRequest);

impl UpdateTeamRequest {
    /// The team's name (stored in lower case).
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// What the team is for.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// Whether its conversations are assigned automatically.
    pub fn allow_auto_assign(mut self, allow: bool) -> Self {
        self.body.allow_auto_assign = Some(allow);
        self
    }

    /// Sends the change; the answer is the team as it is now. An empty
    /// change is refused by the server (422).
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// team; [`Forbidden`](crate::ErrorKind::Forbidden) when the
    /// token's user is not an administrator;
    /// [`Validation`](crate::ErrorKind::Validation) when the name is blank or
    /// another team's; any other kind a request can fail with.
    pub async fn send(self) -> Result<Team, Error> {
        let op = Operation::UpdateTeam;
        let client = &self.team.client;
        let account_id = client.require_account(op)?;
        client
            .call_with(&self.options, op, |raw| {
                raw.update_team()
                    .account_id(account_id)
                    .team_id(self.team.id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
