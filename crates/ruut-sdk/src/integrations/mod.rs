//! Integrations: [`Client::integrations`]' [`IntegrationsHandle`] (the apps
//! the server offers, connecting the account to one) and
//! [`Client::integration_hook`]'s [`IntegrationHookHandle`] (change or
//! remove a connection).
//!
//! An app (`dyte`, `openai`, `dialogflow`, ...) comes from the server's
//! catalogue; which are listed depends on the installation. A hook is the
//! account's connection to one app, with the app's settings. Listing is for
//! any member; creating, changing and deleting hooks for administrators.

pub(crate) mod create;
pub(crate) mod hook;

use ruut_api::operations::Operation;
use ruut_api::types::IntegrationApp;

use crate::client::Client;
use crate::error::Error;

impl Client {
    /// The account's integrations. Sends nothing by itself.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for app in client.integrations().list_apps().await? {
    ///     println!("{} enabled: {} hooks: {}", app.id, app.enabled, app.hooks.len());
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn integrations(&self) -> IntegrationsHandle {
        IntegrationsHandle {
            client: self.clone(),
        }
    }
}

/// The account's integrations, to list and connect; see
/// [`Client::integrations`].
///
/// ```no_run
/// use serde_json::json;
///
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let hook = client
///     .integrations()
///     .create_hook("dyte")
///     .setting("api_key", json!("key"))
///     .setting("organization_id", json!("org"))
///     .send()
///     .await?;
/// println!("hook {} into {}", hook.id, hook.app_id);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct IntegrationsHandle {
    client: Client,
}

impl IntegrationsHandle {
    /// The apps active for the account, in the server's catalogue order, each
    /// with the account's hooks into it. An administrator also gets each
    /// app's catalogue entry (hook type, settings schema, ...) and the hooks'
    /// settings; an agent does not.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn list_apps(&self) -> Result<Vec<IntegrationApp>, Error> {
        let op = Operation::ListIntegrationApps;
        let account_id = self.client.require_account(op)?;
        let list = self
            .client
            .call(op, |raw| {
                raw.list_integration_apps().account_id(account_id).send()
            })
            .await?;
        Ok(list.payload)
    }

    /// One app of the server's catalogue by its id (`dyte`, `slack`, ...),
    /// active for the account or not, with the account's hooks into it.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let dyte = client.integrations().get_app("dyte").await?;
    /// println!("{}: enabled {}", dyte.name, dyte.enabled);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) from the sandbox for an id the
    /// catalogue does not have (a Chatwoot server answers 500,
    /// [`Server`](crate::ErrorKind::Server)); any other kind a request can
    /// fail with.
    pub async fn get_app(&self, app_id: &str) -> Result<IntegrationApp, Error> {
        let op = Operation::GetIntegrationApp;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.get_integration_app()
                    .account_id(account_id)
                    .app_id(app_id)
                    .send()
            })
            .await
    }
}
