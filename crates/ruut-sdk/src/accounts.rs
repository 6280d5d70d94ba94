//! Who the token belongs to, which accounts it reaches, and which server answers.

use ruut_api::types::{Account, Profile, ProfileAccount, RuutAccount, RuutId, ServerInfo};

use crate::client::Client;
use crate::error::Error;
use ruut_api::operations::Operation;

impl Client {
    /// Lists the accounts the token's user belongs to, as Ruut's documentation
    /// describes (`GET /api/v1/accounts`). A server without that route (a stock
    /// Chatwoot server answers it with a routing 404) gets the profile's accounts
    /// instead, and this client and its clones ask the profile from then on.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for account in client.list_accounts().await? {
    ///     println!("{}: {}", account.id, account.name);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn list_accounts(&self) -> Result<Vec<RuutAccount>, Error> {
        self.documented_or(
            &self.learned().accounts_route,
            (Operation::ListAccounts, Operation::GetProfile),
            self.call(Operation::ListAccounts, |raw| raw.list_accounts().send()),
            || async {
                let profile = self.get_profile().await?;
                Ok(profile.accounts.into_iter().map(from_profile).collect())
            },
        )
        .await
    }

    /// The token's user, with every account the user belongs to (`accounts`): on a
    /// Chatwoot server, the way to list them.
    ///
    /// # Errors
    ///
    /// [`Unauthorized`](crate::ErrorKind::Unauthorized) for a bad token; any other kind a
    /// request can fail with.
    pub async fn get_profile(&self) -> Result<Profile, Error> {
        self.call(Operation::GetProfile, |raw| raw.get_profile().send())
            .await
    }

    /// The details of the client's account.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the user does not belong to the
    /// account; [`InvalidRequest`](crate::ErrorKind::InvalidRequest) when the client has no
    /// account id; any other kind a request can fail with.
    pub async fn get_account(&self) -> Result<Account, Error> {
        let op = Operation::GetAccount;
        let account_id = self.require_account(op)?;
        self.call(op, |raw| raw.get_account().account_id(account_id).send())
            .await
    }

    /// The server's version and health (`GET /api`, which needs no token): which
    /// Chatwoot version a Ruut installation runs.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn get_server_info(&self) -> Result<ServerInfo, Error> {
        self.call(Operation::GetServerInfo, |raw| raw.get_server_info().send())
            .await
    }
}

/// A profile's account in the shape of `listAccounts`'s.
fn from_profile(account: ProfileAccount) -> RuutAccount {
    RuutAccount {
        id: RuutId::Int64(account.id),
        name: account.name,
        role: account.role,
        status: account.status,
        created_at: None,
        domain: None,
        locale: None,
        support_email: None,
    }
}
