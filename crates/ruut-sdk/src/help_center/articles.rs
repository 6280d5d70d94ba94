//! A portal's articles: [`PortalArticles`], its listing
//! ([`ArticleQuery`](super::ArticleQuery)) and its [`CreateArticleRequest`].

use ruut_api::enums::ArticleStatus;
use ruut_api::operations::Operation;
use ruut_api::types::{self, Article};

use super::{ArticleQuery, PortalHandle};
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

/// The articles of one portal; see [`PortalHandle::articles`].
#[derive(Clone, Debug)]
pub struct PortalArticles {
    portal: PortalHandle,
}

impl PortalArticles {
    pub(super) fn new(portal: PortalHandle) -> Self {
        Self { portal }
    }

    /// The portal's articles, 25 a page, the last changed first (by
    /// position when filtered by category), with the counts. Any member of
    /// the account may list them.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// use ruut_sdk::enums::ArticleStatus;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let articles = client.portal("handbook").articles();
    /// let page = articles.list().status(ArticleStatus::Draft).send().await?;
    /// println!("{} drafts", page.counts.draft_articles_count);
    /// let found: Vec<_> = articles.list().search("refund").stream().try_collect().await?;
    /// println!("{} about refunds", found.len());
    /// # Ok(())
    /// # }
    /// ```
    pub fn list(&self) -> ArticleQuery {
        ArticleQuery::new(self.portal.clone())
    }

    /// A new article, a draft unless [`status`](CreateArticleRequest::status)
    /// says otherwise. The server needs the author's user id (it does not
    /// default to the caller). Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// use ruut_sdk::enums::ArticleStatus;
    /// let article = client
    ///     .portal("handbook")
    ///     .articles()
    ///     .create("Refunds", "Refunds take five days.", 1)
    ///     .category(1)
    ///     .status(ArticleStatus::Published)
    ///     .send()
    ///     .await?;
    /// println!("article {} at {}", article.id, article.slug);
    /// # Ok(())
    /// # }
    /// ```
    pub fn create(
        &self,
        title: impl Into<String>,
        content: impl Into<String>,
        author_id: i64,
    ) -> CreateArticleRequest {
        CreateArticleRequest {
            portal: self.portal.clone(),
            options: CallOptions::default(),
            body: types::ArticleCreate {
                title: title.into(),
                content: content.into(),
                author_id,
                associated_article_id: None,
                category_id: None,
                description: None,
                locale: None,
                meta: None,
                position: None,
                slug: None,
                status: None,
            },
        }
    }
}

/// A new article; see [`PortalArticles::create`].
#[derive(Clone, Debug)]
#[must_use = "the article is not created until `.send().await`"]
pub struct CreateArticleRequest {
    portal: PortalHandle,
    options: CallOptions,
    body: types::ArticleCreate,
}

call_options!(CreateArticleRequest);

impl CreateArticleRequest {
    /// The category it is filed under (its locale becomes the article's).
    pub fn category(mut self, category_id: i64) -> Self {
        self.body.category_id = Some(category_id);
        self
    }

    /// Draft, published or archived.
    pub fn status(mut self, status: ArticleStatus) -> Self {
        self.body.status = Some(status);
        self
    }

    /// A summary.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// Its slug (by default the time and the title).
    pub fn slug(mut self, slug: impl Into<String>) -> Self {
        self.body.slug = Some(slug.into());
        self
    }

    /// Its locale when it has no category (the portal's default otherwise).
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.body.locale = Some(locale.into());
        self
    }

    /// Its place in the category (by default after the last one).
    pub fn position(mut self, position: i64) -> Self {
        self.body.position = Some(position);
        self
    }

    /// The article of the portal it translates.
    pub fn translation_of(mut self, article_id: i64) -> Self {
        self.body.associated_article_id = Some(article_id);
        self
    }

    /// Creates the article. Sent once, never retried.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when the title or content
    /// is blank, the author is no user, or the slug is taken;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent; [`NotFound`](crate::ErrorKind::NotFound) when the account
    /// has no such portal, or the article it translates is not the portal's
    /// (the new article is saved even so, as the server does); any other kind
    /// a request can fail with.
    pub async fn send(self) -> Result<Article, Error> {
        let op = Operation::CreateArticle;
        let client = &self.portal.client;
        let account_id = client.require_account(op)?;
        let created = client
            .call_with(&self.options, op, |raw| {
                raw.create_article()
                    .account_id(account_id)
                    .portal_id(self.portal.slug.clone())
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(created.payload)
    }
}
