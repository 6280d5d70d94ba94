//! One user of the account, to act on: [`AgentHandle`], with
//! [`AgentHandle::update`] (its [`UpdateAgentRequest`]) and
//! [`AgentHandle::delete`]. Making a handle sends nothing.

use ruut_api::enums::{AvailabilityStatus, UserRole};
use ruut_api::types::{self, AccountAgent};

use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl Client {
    /// Acts on one user of the account (its user id). Sends nothing by
    /// itself; [`list_agents`](Self::list_agents) reads them.
    pub fn agent(&self, agent_id: i64) -> AgentHandle {
        AgentHandle {
            client: self.clone(),
            id: agent_id,
        }
    }
}

/// One user of the account, to act on; see [`Client::agent`]. Both calls
/// are for administrators only.
///
/// ```no_run
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// use ruut_sdk::enums::AvailabilityStatus;
///
/// let agent = client.agent(7);
/// agent.update().availability(AvailabilityStatus::Busy).send().await?;
/// agent.delete().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct AgentHandle {
    client: Client,
    id: i64,
}

impl AgentHandle {
    /// The agent's user id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Changes the agent: only what is set is sent. The name is the user's
    /// (in every account); role, availability and auto-offline are this
    /// account's.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// use ruut_sdk::enums::UserRole;
    ///
    /// let agent = client.agent(7).update().role(UserRole::Administrator).send().await?;
    /// assert_eq!(agent.role, Some(UserRole::Administrator));
    /// # Ok(())
    /// # }
    /// ```
    pub fn update(&self) -> UpdateAgentRequest {
        UpdateAgentRequest {
            agent: self.clone(),
            options: CallOptions::default(),
            body: types::AgentUpdate::default(),
        }
    }

    /// Removes the user from the account: off its teams and inboxes, its
    /// conversations there unassigned.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the user is not in the
    /// account; [`Forbidden`](crate::ErrorKind::Forbidden) when the
    /// token's user is not an administrator; any other kind a request can
    /// fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteAgent;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_agent()
                    .account_id(account_id)
                    .agent_id(self.id)
                    .send()
            })
            .await
    }
}

/// A change of an agent; see [`AgentHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the agent is not changed until `.send().await`"]
pub struct UpdateAgentRequest {
    agent: AgentHandle,
    options: CallOptions,
    body: types::AgentUpdate,
}

call_options!(UpdateAgentRequest);

impl UpdateAgentRequest {
    /// The user's name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// The role in the account.
    pub fn role(mut self, role: UserRole) -> Self {
        self.body.role = Some(role);
        self
    }

    /// The availability in the account.
    pub fn availability(mut self, availability: AvailabilityStatus) -> Self {
        self.body.availability = Some(availability);
        self
    }

    /// Whether the user reads as offline while disconnected.
    pub fn auto_offline(mut self, auto_offline: bool) -> Self {
        self.body.auto_offline = Some(auto_offline);
        self
    }

    /// Sends the change; the answer is the agent as it is now. An empty
    /// change is refused by the server (422).
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the user is not in the
    /// account; [`Forbidden`](crate::ErrorKind::Forbidden) when the
    /// token's user is not an administrator;
    /// [`Validation`](crate::ErrorKind::Validation) for an empty change; any
    /// other kind a request can fail with.
    pub async fn send(self) -> Result<AccountAgent, Error> {
        let op = Operation::UpdateAgent;
        let client = &self.agent.client;
        let account_id = client.require_account(op)?;
        client
            .call_with(&self.options, op, |raw| {
                raw.update_agent()
                    .account_id(account_id)
                    .agent_id(self.agent.id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
