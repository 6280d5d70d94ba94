//! The help center: [`Client::list_portals`], [`Client::get_portal`],
//! [`Client::create_portal`] and
//! its [`CreatePortalRequest`], and [`Client::portal`]'s [`PortalHandle`]
//! (update), with the portal's [`PortalCategories`] (listed by
//! [`CategoryQuery`]), one [`CategoryHandle`] and [`PortalArticles`]
//! beneath it, its articles listed by [`ArticleQuery`];
//! [`Client::get_category`] and [`Client::get_article`] read one category
//! or article.
//!
//! A portal is named by its **slug** everywhere (the server finds portals by
//! slug, whatever Chatwoot's swagger says). Agents may list portals;
//! everything else is for administrators.

mod article;
mod article_list;
mod articles;
mod categories;
mod category;
mod portal;

pub use article::{ArticleHandle, UpdateArticleRequest};
pub use article_list::{ArticlePage, ArticleQuery};
pub use articles::{CreateArticleRequest, PortalArticles};
pub use categories::{CategoryPage, CategoryQuery, CreateCategoryRequest, PortalCategories};
pub use category::{CategoryHandle, UpdateCategoryRequest};
pub use portal::{PortalHandle, UpdatePortalRequest};

use ruut_api::operations::Operation;
use ruut_api::types::{self, Portal};

use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// The account's help center portals (all of them: the server does not
    /// page them). Agents may list them too.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for portal in client.list_portals().await? {
    ///     println!("{} ({})", portal.name, portal.slug);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn list_portals(&self) -> Result<Vec<Portal>, Error> {
        let op = Operation::ListPortals;
        let account_id = self.require_account(op)?;
        let list = self
            .call(op, |raw| raw.list_portals().account_id(account_id).send())
            .await?;
        Ok(list.payload)
    }

    /// One portal of the account by its slug, with its articles counted in
    /// `meta` (all locales; the per-locale count is in `config`). Agents may
    /// read it too.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let portal = client.get_portal("handbook").await?;
    /// println!("{:?} published", portal.meta.published_count);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no
    /// portal with this slug; any other kind a request can fail with.
    pub async fn get_portal(&self, slug: &str) -> Result<Portal, Error> {
        let op = Operation::GetPortal;
        let account_id = self.require_account(op)?;
        self.call(op, |raw| {
            raw.get_portal()
                .account_id(account_id)
                .portal_id(slug)
                .send()
        })
        .await
    }

    /// A new portal with a name and a slug (unique across the server).
    /// Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let portal = client
    ///     .create_portal("Handbook", "handbook")
    ///     .custom_domain("https://help.example.com")
    ///     .header_text("How can we help?")
    ///     .send()
    ///     .await?;
    /// println!("portal {}", portal.slug);
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_portal(
        &self,
        name: impl Into<String>,
        slug: impl Into<String>,
    ) -> CreatePortalRequest {
        CreatePortalRequest {
            client: self.clone(),
            options: CallOptions::default(),
            body: types::PortalCreate {
                name: name.into(),
                slug: slug.into(),
                custom_domain: String::new(),
                archived: None,
                color: None,
                config: None,
                header_text: None,
                homepage_link: None,
                page_title: None,
            },
        }
    }

    /// Acts on the account's portal with this slug. Sends nothing by itself.
    pub fn portal(&self, slug: impl Into<String>) -> PortalHandle {
        PortalHandle::new(self.clone(), slug.into())
    }
}

/// Sets the optional details of a portal, as both builders have them.
macro_rules! portal_setters {
    ($builder:ty) => {
        impl $builder {
            /// The brand color, a CSS color such as `#1f93ff`.
            pub fn color(mut self, color: impl Into<String>) -> Self {
                self.body.color = Some(color.into());
                self
            }

            /// The text at the top of the portal's home page.
            pub fn header_text(mut self, text: impl Into<String>) -> Self {
                self.body.header_text = Some(text.into());
                self
            }

            /// The link back to your own site.
            pub fn homepage_link(mut self, link: impl Into<String>) -> Self {
                self.body.homepage_link = Some(link.into());
                self
            }

            /// The browser title of the portal's pages.
            pub fn page_title(mut self, title: impl Into<String>) -> Self {
                self.body.page_title = Some(title.into());
                self
            }

            /// Whether the portal is archived.
            pub fn archived(mut self, archived: bool) -> Self {
                self.body.archived = Some(archived);
                self
            }

            /// The portal's locales (replacing its whole config) and its
            /// default one.
            pub fn locales(
                mut self,
                allowed: impl IntoIterator<Item = impl Into<String>>,
                default_locale: impl Into<String>,
            ) -> Self {
                self.body.config = Some(types::PortalConfigInput {
                    allowed_locales: allowed.into_iter().map(Into::into).collect(),
                    default_locale: Some(default_locale.into()),
                });
                self
            }
        }
    };
}
use portal_setters;

/// A new portal; see [`Client::create_portal`].
#[derive(Clone, Debug)]
#[must_use = "the portal is not created until `.send().await`"]
pub struct CreatePortalRequest {
    client: Client,
    options: CallOptions,
    body: types::PortalCreate,
}

call_options!(CreatePortalRequest);
portal_setters!(CreatePortalRequest);

impl CreatePortalRequest {
    /// The portal's own domain: a host, or a URL whose host is kept. None
    /// when not set.
    pub fn custom_domain(mut self, domain: impl Into<String>) -> Self {
        self.body.custom_domain = domain.into();
        self
    }

    /// Creates the portal. Sent once, never retried: a repeat would answer
    /// that the slug is taken.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when the name or slug is
    /// blank, or the slug or custom domain is another portal's;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent; any other kind a request can fail with.
    pub async fn send(self) -> Result<Portal, Error> {
        let op = Operation::CreatePortal;
        let account_id = self.client.require_account(op)?;
        self.client
            .call_with(&self.options, op, |raw| {
                raw.create_portal()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
