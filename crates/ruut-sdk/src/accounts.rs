//! Who the token belongs to, which accounts it reaches, and which server answers.

use ruut_api::types::{Account, Profile, RuutAccount, ServerInfo};

use crate::client::Client;
use crate::error::{Error, ErrorKind};
use ruut_api::operations::Operation;

const NO_ACCOUNTS_ROUTE: &str = "this server lacks Ruut's documented GET /api/v1/accounts, \
     as a stock Chatwoot server does; get_profile() lists the same accounts there";

impl Client {
    /// Lists the accounts the token's user belongs to, as Ruut's documentation
    /// describes (`GET /api/v1/accounts`).
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
    /// [`RouteNotFound`](ErrorKind::RouteNotFound) on a stock Chatwoot server, which
    /// has no such route (use [`get_profile`](Self::get_profile) there); any other kind a
    /// request can fail with.
    pub async fn list_accounts(&self) -> Result<Vec<RuutAccount>, Error> {
        self.call(Operation::ListAccounts, |raw| raw.list_accounts().send())
            .await
            .map_err(|e| match e.kind() {
                ErrorKind::RouteNotFound => e.with_hint(NO_ACCOUNTS_ROUTE),
                _ => e,
            })
    }

    /// The token's user, with every account the user belongs to (`accounts`): on a
    /// Chatwoot server, the way to list them.
    ///
    /// # Errors
    ///
    /// [`Unauthorized`](ErrorKind::Unauthorized) for a bad token; any other kind a
    /// request can fail with.
    pub async fn get_profile(&self) -> Result<Profile, Error> {
        self.call(Operation::GetProfile, |raw| raw.get_profile().send())
            .await
    }

    /// The details of the client's account.
    ///
    /// # Errors
    ///
    /// [`NotFound`](ErrorKind::NotFound) when the user does not belong to the
    /// account; [`InvalidRequest`](ErrorKind::InvalidRequest) when the client has no
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
