//! The users of an account: listing them (here), the ones who can take an
//! inbox's conversations (here), adding several by email (here), adding one
//! (`create`) and acting on one (`agent`).

use ruut_api::types::{self, AccountAgent};

use crate::client::Client;
use crate::error::Error;
use ruut_api::operations::Operation;

pub(crate) mod agent;
pub(crate) mod create;

impl Client {
    /// Every user of the account, agents and administrators, by name.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for agent in client.list_agents().await? {
    ///     println!("{} <{}>: {:?}", agent.name, agent.email, agent.role);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn list_agents(&self) -> Result<Vec<AccountAgent>, Error> {
        let op = Operation::ListAgents;
        let account_id = self.require_account(op)?;
        let list = self
            .call(op, |raw| raw.list_agents().account_id(account_id).send())
            .await?;
        Ok(list.0)
    }

    /// Adds a user with role `agent` for each email (named after the part
    /// before `@`, offline until they sign in). Emails that fail (already
    /// in the account, malformed) are skipped without an error: list the
    /// agents to see who was added. Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// client
    ///     .bulk_create_agents(["ada@example.com", "grace@example.com"])
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is not an administrator; any other kind a request can fail with.
    pub async fn bulk_create_agents<E: Into<String>>(
        &self,
        emails: impl IntoIterator<Item = E>,
    ) -> Result<(), Error> {
        let op = Operation::BulkCreateAgents;
        let account_id = self.require_account(op)?;
        let body = types::BulkAgentsRequest {
            emails: emails.into_iter().map(Into::into).collect(),
        };
        self.call(op, |raw| {
            raw.bulk_create_agents()
                .account_id(account_id)
                .body(body.clone())
                .send()
        })
        .await
    }

    /// The agents who can be assigned conversations of all these inboxes:
    /// the members of every one of them, and the administrators.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for agent in client.list_assignable_agents([1, 2]).await? {
    ///     println!("{} can take them", agent.name);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when an inbox is not the
    /// account's, or none is given; [`Forbidden`](crate::ErrorKind::Forbidden)
    /// when the token's user (an agent) is not a member of one of them; any
    /// other kind a request can fail with.
    pub async fn list_assignable_agents(
        &self,
        inbox_ids: impl IntoIterator<Item = i64>,
    ) -> Result<Vec<AccountAgent>, Error> {
        let op = Operation::ListAssignableAgents;
        let account_id = self.require_account(op)?;
        let inbox_ids: Vec<i64> = inbox_ids.into_iter().collect();
        let answer = self
            .call(op, |raw| {
                raw.list_assignable_agents()
                    .account_id(account_id)
                    .inbox_ids(inbox_ids.clone())
                    .send()
            })
            .await?;
        Ok(answer.payload.0)
    }
}
