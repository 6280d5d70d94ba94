//! One article of a portal: [`Client::get_article`], [`ArticleHandle`] and
//! its [`UpdateArticleRequest`].

use ruut_api::enums::ArticleStatus;
use ruut_api::operations::Operation;
use ruut_api::types::{self, Article};

use super::PortalHandle;
use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// One article of the portal with this slug, with its category in
    /// brief, its author and its translations. Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let article = client.get_article("handbook", 7).await?;
    /// println!("{}: {:?}", article.title, article.status);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent; [`NotFound`](crate::ErrorKind::NotFound) when the account
    /// has no such portal or the portal no such article; any other kind a
    /// request can fail with.
    pub async fn get_article(&self, portal: &str, article_id: i64) -> Result<Article, Error> {
        let op = Operation::GetArticle;
        let account_id = self.require_account(op)?;
        let found = self
            .call(op, |raw| {
                raw.get_article()
                    .account_id(account_id)
                    .portal_id(portal)
                    .article_id(article_id)
                    .send()
            })
            .await?;
        Ok(found.payload)
    }
}

/// One article of a portal; see [`PortalHandle::article`].
///
/// ```no_run
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// use ruut_sdk::enums::ArticleStatus;
/// let article = client.portal("handbook").article(7);
/// article.update().status(ArticleStatus::Published).send().await?;
/// article.delete().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct ArticleHandle {
    portal: PortalHandle,
    id: i64,
}

impl ArticleHandle {
    pub(super) fn new(portal: PortalHandle, id: i64) -> Self {
        Self { portal, id }
    }

    /// The article's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Changes the fields set; the others are kept. Administrators only.
    pub fn update(&self) -> UpdateArticleRequest {
        UpdateArticleRequest {
            handle: self.clone(),
            options: CallOptions::default(),
            body: types::ArticleUpdate::default(),
        }
    }

    /// Deletes the article; its translations stay. Administrators only.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent; [`NotFound`](crate::ErrorKind::NotFound) when the portal
    /// has no such article (already deleted, say); any other kind a request
    /// can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteArticle;
        let client = &self.portal.client;
        let account_id = client.require_account(op)?;
        client
            .call(op, |raw| {
                raw.delete_article()
                    .account_id(account_id)
                    .portal_id(self.portal.slug.clone())
                    .article_id(self.id)
                    .send()
            })
            .await?;
        Ok(())
    }
}

/// A change of an article; see [`ArticleHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the article is not changed until `.send().await`"]
pub struct UpdateArticleRequest {
    handle: ArticleHandle,
    options: CallOptions,
    body: types::ArticleUpdate,
}

call_options!(UpdateArticleRequest);

impl UpdateArticleRequest {
    /// A new title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.body.title = Some(title.into());
        self
    }

    /// New content.
    pub fn content(mut self, content: impl Into<String>) -> Self {
        self.body.content = Some(content.into());
        self
    }

    /// A new summary.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// A new state: publish, archive or back to draft.
    pub fn status(mut self, status: ArticleStatus) -> Self {
        self.body.status = Some(status);
        self
    }

    /// Another author (a user of the server).
    pub fn author(mut self, user_id: i64) -> Self {
        self.body.author_id = Some(user_id);
        self
    }

    /// Files it under another category (its locale becomes the article's,
    /// and it goes last there).
    pub fn category(mut self, category_id: i64) -> Self {
        self.body.category_id = Some(category_id);
        self
    }

    /// Its place among the category's articles.
    pub fn position(mut self, position: i64) -> Self {
        self.body.position = Some(position);
        self
    }

    /// A new slug (unique across the server).
    pub fn slug(mut self, slug: impl Into<String>) -> Self {
        self.body.slug = Some(slug.into());
        self
    }

    /// Its locale, when it has no category.
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.body.locale = Some(locale.into());
        self
    }

    /// The article it translates.
    pub fn translation_of(mut self, article_id: i64) -> Self {
        self.body.associated_article_id = Some(article_id);
        self
    }

    /// Sends the change; the answer is the article as it is now.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) for a blank title or
    /// content, an author who is no user, or a slug another article has;
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent; [`NotFound`](crate::ErrorKind::NotFound) when the account
    /// has no such portal or the portal no such article; any other kind a
    /// request can fail with.
    pub async fn send(self) -> Result<Article, Error> {
        let op = Operation::UpdateArticle;
        let client = &self.handle.portal.client;
        let account_id = client.require_account(op)?;
        let changed = client
            .call_with(&self.options, op, |raw| {
                raw.update_article()
                    .account_id(account_id)
                    .portal_id(self.handle.portal.slug.clone())
                    .article_id(self.handle.id)
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(changed.payload)
    }
}
