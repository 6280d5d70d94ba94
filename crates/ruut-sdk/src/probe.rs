//! Finding out, without changing anything, what the server offers: its version,
//! its status route, the token header spelling that reaches it, and the accounts
//! the token reaches.

use ruut_api::enums::ConversationStatus;
use ruut_api::types::{RuutAccount, ServerInfo};

use crate::client::Client;
use crate::client::config::{AuthHeader, StatusRoute};
use crate::client::learned::shows_route;
use crate::error::{Error, ErrorKind};
use ruut_api::operations::Operation;

/// What [`Client::probe`] found out about the server.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ProbeReport {
    /// The server's version and health (`GET /api`).
    pub server: ServerInfo,
    /// The status route the server has: [`Documented`](StatusRoute::Documented)
    /// on Ruut, [`AccountScoped`](StatusRoute::AccountScoped) on a stock Chatwoot
    /// server.
    pub status_route: StatusRoute,
    /// The spelling of the token header that reaches the server.
    pub auth_header: AuthHeader,
    /// The accounts the token reaches.
    pub accounts: Vec<RuutAccount>,
}

/// No conversation has this display id (they start at 1), so a status change
/// sent for it can only be refused.
const NO_CONVERSATION: i64 = 0;

impl Client {
    /// Finds out what the server offers, and teaches this client (and its
    /// clones) what it learns, so that the first real call goes the right way.
    ///
    /// It reads the server's version, lists the accounts (which shows whether
    /// the token header arrives, and whether Ruut's `GET /api/v1/accounts`
    /// exists), and asks Ruut's documented status route to change a
    /// conversation that cannot exist: the router of a server without that route
    /// answers a routing 404, one with it a record 404. Nothing on the server
    /// changes.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let report = client.probe().await?;
    /// println!("server {}", report.server.version);
    /// println!("status route: {:?}", report.status_route);
    /// println!("token header: {}", report.auth_header.name());
    /// for account in &report.accounts {
    ///     println!("account {:?}: {}", account.id, account.name);
    /// }
    /// // What the probe learned is now in force (with the default settings).
    /// assert_eq!(client.status_route(), report.status_route);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with: [`Unauthorized`](ErrorKind::Unauthorized)
    /// for a token the server refuses in either spelling, a network error, or an
    /// answer of the status route that says nothing about it (a 5xx, say).
    pub async fn probe(&self) -> Result<ProbeReport, Error> {
        let server = self.get_server_info().await?;
        let accounts = self.list_accounts().await?;
        let status_route = self.find_status_route().await?;
        Ok(ProbeReport {
            server,
            status_route,
            auth_header: self.auth_header(),
            accounts,
        })
    }

    /// Which status route the server has, found without changing anything.
    async fn find_status_route(&self) -> Result<StatusRoute, Error> {
        let op = Operation::UpdateConversationStatus;
        let answer = self
            .call(op, |raw| {
                raw.update_conversation_status()
                    .conversation_id(NO_CONVERSATION)
                    .body_map(|body| body.status(ConversationStatus::Open))
                    .send()
            })
            .await;
        let documented = match answer {
            Err(e) if e.kind() == ErrorKind::RouteNotFound => false,
            answer if shows_route(&answer) => true,
            // An error that says nothing about the route (every success does).
            answer => return answer.map(|_| StatusRoute::Documented),
        };
        self.learned().status_route.learn(documented);
        Ok(if documented {
            StatusRoute::Documented
        } else {
            StatusRoute::AccountScoped
        })
    }
}
