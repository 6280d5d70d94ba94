//! A listing of a portal's articles: [`ArticleQuery`] and its
//! [`ArticlePage`].

use futures::stream::BoxStream;
use ruut_api::enums::ArticleStatus;
use ruut_api::operations::Operation;
use ruut_api::types::{Article, ArticleListMeta};

use super::PortalHandle;
use crate::error::Error;
use crate::pagination::{self, NumberedPage};
use crate::transport::options::{CallOptions, call_options};

/// Articles a page, as the server sends them (Kaminari's default).
const PER_PAGE: usize = 25;

/// A listing of a portal's articles; see
/// [`PortalArticles::list`](super::PortalArticles::list).
#[derive(Clone, Debug)]
#[must_use = "a listing does nothing until it is streamed or sent"]
pub struct ArticleQuery {
    portal: PortalHandle,
    options: CallOptions,
    locale: Option<String>,
    category_slug: Option<String>,
    query: Option<String>,
    status: Option<ArticleStatus>,
    author_id: Option<i64>,
    page: i64,
}

/// One page of a portal's articles; see [`ArticleQuery::send`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ArticlePage {
    /// The articles on this page (at most 25): the last changed first, or
    /// by position when filtered by category.
    pub articles: Vec<Article>,
    /// The counts the server sends with every page: all the portal's
    /// articles, and those matching the locale, category and words by state
    /// and by the caller.
    pub counts: ArticleListMeta,
    /// The next page's number, `None` after the last page.
    pub next_page: Option<i64>,
}

impl NumberedPage for ArticlePage {
    type Item = Article;

    fn first_id(&self) -> Option<i64> {
        self.articles.first().map(|a| a.id)
    }

    fn into_parts(self) -> (Vec<Article>, Option<i64>) {
        (self.articles, self.next_page)
    }
}

call_options!(ArticleQuery);

impl ArticleQuery {
    pub(super) fn new(portal: PortalHandle) -> Self {
        Self {
            portal,
            options: CallOptions::default(),
            locale: None,
            category_slug: None,
            query: None,
            status: None,
            author_id: None,
            page: 1,
        }
    }

    /// Only the articles in this locale.
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    /// Only the articles of the category with this slug, by position.
    pub fn category_slug(mut self, slug: impl Into<String>) -> Self {
        self.category_slug = Some(slug.into());
        self
    }

    /// Only the articles with these words in their title, description or
    /// content.
    pub fn search(mut self, words: impl Into<String>) -> Self {
        self.query = Some(words.into());
        self
    }

    /// Only the articles in this state.
    pub fn status(mut self, status: ArticleStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Only the articles by this user.
    pub fn author(mut self, user_id: i64) -> Self {
        self.author_id = Some(user_id);
        self
    }

    /// The page to fetch, from 1 (the default).
    pub fn page(mut self, page: i64) -> Self {
        self.page = page;
        self
    }

    /// Fetches one page, with the counts.
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest), before any
    /// request, for a page below 1; [`NotFound`](crate::ErrorKind::NotFound)
    /// when the account has no such portal; any other kind a request can
    /// fail with.
    pub async fn send(self) -> Result<ArticlePage, Error> {
        let op = Operation::ListArticles;
        pagination::check_page(self.page, op)?;
        let client = &self.portal.client;
        let account_id = client.require_account(op)?;
        let list = client
            .call_with(&self.options, op, |raw| {
                let mut request = raw
                    .list_articles()
                    .account_id(account_id)
                    .portal_id(self.portal.slug.clone())
                    .page(self.page);
                if let Some(locale) = &self.locale {
                    request = request.locale(locale.clone());
                }
                if let Some(slug) = &self.category_slug {
                    request = request.category_slug(slug.clone());
                }
                if let Some(query) = &self.query {
                    request = request.query(query.clone());
                }
                if let Some(status) = &self.status {
                    request = request.status(status.clone());
                }
                if let Some(author_id) = self.author_id {
                    request = request.author_id(author_id);
                }
                request.send()
            })
            .await?;
        let next_page = pagination::next_page(self.page, list.payload.len(), PER_PAGE);
        Ok(ArticlePage {
            articles: list.payload,
            counts: list.meta,
            next_page,
        })
    }

    /// Every matching article, page after page from [`page`](Self::page).
    pub fn stream(self) -> BoxStream<'static, Result<Article, Error>> {
        let first = self.page;
        pagination::numbered::<ArticlePage, _, _>(first, move |page| self.clone().page(page).send())
    }
}
