//! Adding a user to the account: [`Client::create_agent`] and its
//! [`CreateAgentRequest`].

use ruut_api::enums::{AvailabilityStatus, UserRole};
use ruut_api::types::{self, AccountAgent};

use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl Client {
    /// Adds a user to the account, as an `agent` unless [`role`](CreateAgentRequest::role)
    /// says otherwise. A user with this email who exists in another account
    /// joins as is (keeping its name); otherwise the server invites a new
    /// one. Administrators only. Sent once, never retried.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// use ruut_sdk::enums::UserRole;
    ///
    /// let agent = client
    ///     .create_agent("Ada Lovelace", "ada@example.com")
    ///     .role(UserRole::Administrator)
    ///     .send()
    ///     .await?;
    /// client.conversation(42).assign(agent.id).await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_agent(
        &self,
        name: impl Into<String>,
        email: impl Into<String>,
    ) -> CreateAgentRequest {
        CreateAgentRequest {
            client: self.clone(),
            options: CallOptions::default(),
            body: types::NewAgent {
                name: name.into(),
                email: email.into(),
                role: None,
                availability: None,
                auto_offline: None,
            },
        }
    }
}

/// A user being added to the account; see [`Client::create_agent`].
#[derive(Clone, Debug)]
#[must_use = "the agent is not added until `.send().await`"]
pub struct CreateAgentRequest {
    client: Client,
    options: CallOptions,
    body: types::NewAgent,
}

call_options!(CreateAgentRequest);

impl CreateAgentRequest {
    /// The user's role in the account (default `agent`).
    pub fn role(mut self, role: UserRole) -> Self {
        self.body.role = Some(role);
        self
    }

    /// The user's availability in the account (default `online`).
    pub fn availability(mut self, availability: AvailabilityStatus) -> Self {
        self.body.availability = Some(availability);
        self
    }

    /// Whether the user reads as offline while disconnected (default true).
    pub fn auto_offline(mut self, auto_offline: bool) -> Self {
        self.body.auto_offline = Some(auto_offline);
        self
    }

    /// Adds the user; the answer is the new agent.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is not an administrator; [`Validation`](crate::ErrorKind::Validation)
    /// when the user is already in the account or the email is malformed;
    /// any other kind a request can fail with.
    pub async fn send(self) -> Result<AccountAgent, Error> {
        let op = Operation::CreateAgent;
        let account_id = self.client.require_account(op)?;
        self.client
            .call_with(&self.options, op, |raw| {
                raw.create_agent()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
