//! One portal: [`PortalHandle`] and its [`UpdatePortalRequest`].

use ruut_api::operations::Operation;
use ruut_api::types::{self, Portal};

use super::portal_setters;
use super::{ArticleHandle, CategoryHandle, PortalArticles, PortalCategories};
use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

/// One portal of the account, named by its slug; see [`Client::portal`].
///
/// ```no_run
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let portal = client.portal("handbook");
/// portal.update().header_text("Answers").send().await?;
/// portal.categories().create("Billing", "billing").send().await?;
/// portal.delete().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct PortalHandle {
    pub(super) client: Client,
    pub(super) slug: String,
}

impl PortalHandle {
    pub(super) fn new(client: Client, slug: String) -> Self {
        Self { client, slug }
    }

    /// The portal's slug.
    pub fn slug(&self) -> &str {
        &self.slug
    }

    /// Changes the fields set; the others are kept. Administrators only.
    pub fn update(&self) -> UpdatePortalRequest {
        UpdatePortalRequest {
            handle: self.clone(),
            options: CallOptions::default(),
            body: types::PortalUpdate::default(),
        }
    }

    /// Deletes the portal with its categories and articles. Administrators
    /// only.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent; [`NotFound`](crate::ErrorKind::NotFound) when the account
    /// has no portal with this slug; any other kind a request can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeletePortal;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_portal()
                    .account_id(account_id)
                    .portal_id(self.slug.clone())
                    .send()
            })
            .await?;
        Ok(())
    }

    /// Acts on one article of the portal. Sends nothing by itself.
    pub fn article(&self, article_id: i64) -> ArticleHandle {
        ArticleHandle::new(self.clone(), article_id)
    }

    /// The portal's categories.
    pub fn categories(&self) -> PortalCategories {
        PortalCategories::new(self.clone())
    }

    /// Acts on one category of the portal. Sends nothing by itself.
    pub fn category(&self, category_id: i64) -> CategoryHandle {
        CategoryHandle::new(self.clone(), category_id)
    }

    /// The portal's articles.
    pub fn articles(&self) -> PortalArticles {
        PortalArticles::new(self.clone())
    }
}

/// A change of a portal; see [`PortalHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the portal is not changed until `.send().await`"]
pub struct UpdatePortalRequest {
    handle: PortalHandle,
    options: CallOptions,
    body: types::PortalUpdate,
}

call_options!(UpdatePortalRequest);
portal_setters!(UpdatePortalRequest);

impl UpdatePortalRequest {
    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// A new slug (the portal's key in paths from then on).
    pub fn slug(mut self, slug: impl Into<String>) -> Self {
        self.body.slug = Some(slug.into());
        self
    }

    /// The portal's own domain, saved as given (empty for none).
    pub fn custom_domain(mut self, domain: impl Into<String>) -> Self {
        self.body.custom_domain = Some(domain.into());
        self
    }

    /// Sends the change; the answer is the portal as it is now.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) for a blank name or slug,
    /// or a slug or custom domain another portal has;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent; [`NotFound`](crate::ErrorKind::NotFound) when the account
    /// has no portal with this slug; any other kind a request can fail with.
    pub async fn send(self) -> Result<Portal, Error> {
        let op = Operation::UpdatePortal;
        let client = &self.handle.client;
        let account_id = client.require_account(op)?;
        client
            .call_with(&self.options, op, |raw| {
                raw.update_portal()
                    .account_id(account_id)
                    .portal_id(self.handle.slug.clone())
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
