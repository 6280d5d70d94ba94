//! A team's members: [`TeamHandle::members`], [`TeamHandle::add_members`],
//! [`TeamHandle::set_members`] and [`TeamHandle::remove_members`].

use ruut_api::operations::Operation;
use ruut_api::types::{AccountAgent, TeamMembersRequest};

use crate::error::Error;
use crate::teams::team::TeamHandle;

fn ids(user_ids: &[i64]) -> TeamMembersRequest {
    TeamMembersRequest {
        user_ids: user_ids.to_vec(),
    }
}

impl TeamHandle {
    /// The team's members, in the order they joined.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let team = client.team(1);
    /// team.add_members(&[7, 8]).await?;
    /// team.remove_members(&[8]).await?;
    /// let names: Vec<_> = team.members().await?.into_iter().map(|a| a.name).collect();
    /// # let _ = names;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// team; any other kind a request can fail with.
    pub async fn members(&self) -> Result<Vec<AccountAgent>, Error> {
        let op = Operation::ListTeamMembers;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let answer = client
            .call(op, |raw| {
                raw.list_team_members()
                    .account_id(account_id)
                    .team_id(self.id())
                    .send()
            })
            .await?;
        Ok(answer.0)
    }

    /// Adds the users `user_ids` names; the answer lists only those newly
    /// added (ids already in the team are left out). Administrators only.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user is
    /// not an administrator (the server's 401 "You are not authorized to do
    /// this action"); [`Unauthorized`](crate::ErrorKind::Unauthorized) when
    /// an id is not a user of the account (its 401 "Invalid User IDs");
    /// otherwise as [`members`](Self::members).
    pub async fn add_members(&self, user_ids: &[i64]) -> Result<Vec<AccountAgent>, Error> {
        let op = Operation::AddTeamMembers;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let body = ids(user_ids);
        let answer = client
            .call(op, |raw| {
                raw.add_team_members()
                    .account_id(account_id)
                    .team_id(self.id())
                    .body(body.clone())
                    .send()
            })
            .await?;
        Ok(answer.0)
    }

    /// Makes `user_ids` the whole team; the answer lists every member.
    /// Administrators only.
    ///
    /// # Errors
    ///
    /// As [`add_members`](Self::add_members).
    pub async fn set_members(&self, user_ids: &[i64]) -> Result<Vec<AccountAgent>, Error> {
        let op = Operation::SetTeamMembers;
        let client = self.client();
        let account_id = client.require_account(op)?;
        let body = ids(user_ids);
        let answer = client
            .call(op, |raw| {
                raw.set_team_members()
                    .account_id(account_id)
                    .team_id(self.id())
                    .body(body.clone())
                    .send()
            })
            .await?;
        Ok(answer.0)
    }

    /// Removes the users `user_ids` names from the team (ids not in it are
    /// ignored). Administrators only.
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest) for an empty list
    /// (before any request: the server fails on it); otherwise as
    /// [`add_members`](Self::add_members).
    pub async fn remove_members(&self, user_ids: &[i64]) -> Result<(), Error> {
        let op = Operation::RemoveTeamMembers;
        let client = self.client();
        let account_id = client.require_account(op)?;
        if user_ids.is_empty() {
            return Err(
                Error::invalid_request("remove_members needs at least one user id")
                    .with_operation(op),
            );
        }
        client
            .call(op, |raw| {
                raw.remove_team_members()
                    .account_id(account_id)
                    .team_id(self.id())
                    .user_ids(user_ids.to_vec())
                    .send()
            })
            .await
    }
}
