//! A portal's categories: [`PortalCategories`], its listing
//! ([`CategoryQuery`], [`CategoryPage`]) and its [`CreateCategoryRequest`].

use futures::stream::BoxStream;
use ruut_api::operations::Operation;
use ruut_api::types::{self, Category};

use super::PortalHandle;
use crate::error::Error;
use crate::pagination::{self, NumberedPage};
use crate::transport::options::{CallOptions, call_options};

/// Categories a page, as the server sends them (`CATEGORIES_PER_PAGE`).
const PER_PAGE: usize = 1000;

/// The categories of one portal; see [`PortalHandle::categories`].
#[derive(Clone, Debug)]
pub struct PortalCategories {
    portal: PortalHandle,
}

impl PortalCategories {
    pub(super) fn new(portal: PortalHandle) -> Self {
        Self { portal }
    }

    /// The portal's categories by position, 1000 a page. Any member of the
    /// account may list them.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let categories: Vec<_> = client
    ///     .portal("handbook")
    ///     .categories()
    ///     .list()
    ///     .locale("en")
    ///     .stream()
    ///     .try_collect()
    ///     .await?;
    /// for category in categories {
    ///     println!("{} ({} articles)", category.name, category.meta.articles_count);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn list(&self) -> CategoryQuery {
        CategoryQuery {
            portal: self.portal.clone(),
            options: CallOptions::default(),
            locale: None,
            page: 1,
        }
    }

    /// A new category with a name and a slug. Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let category = client
    ///     .portal("handbook")
    ///     .categories()
    ///     .create("Billing", "billing")
    ///     .description("Invoices and refunds")
    ///     .send()
    ///     .await?;
    /// println!("category {}", category.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn create(
        &self,
        name: impl Into<String>,
        slug: impl Into<String>,
    ) -> CreateCategoryRequest {
        CreateCategoryRequest {
            portal: self.portal.clone(),
            options: CallOptions::default(),
            body: types::CategoryCreate {
                name: name.into(),
                slug: slug.into(),
                associated_category_id: None,
                description: None,
                icon: None,
                locale: None,
                parent_category_id: None,
                position: None,
            },
        }
    }
}

/// A new category; see [`PortalCategories::create`].
#[derive(Clone, Debug)]
#[must_use = "the category is not created until `.send().await`"]
pub struct CreateCategoryRequest {
    portal: PortalHandle,
    options: CallOptions,
    body: types::CategoryCreate,
}

call_options!(CreateCategoryRequest);

impl CreateCategoryRequest {
    /// What the category is about.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
        self
    }

    /// Its locale, one of the portal's (`en` when not set).
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.body.locale = Some(locale.into());
        self
    }

    /// Its icon.
    pub fn icon(mut self, icon: impl Into<String>) -> Self {
        self.body.icon = Some(icon.into());
        self
    }

    /// Its place among the portal's categories.
    pub fn position(mut self, position: i64) -> Self {
        self.body.position = Some(position);
        self
    }

    /// The category it sits under.
    pub fn parent(mut self, category_id: i64) -> Self {
        self.body.parent_category_id = Some(category_id);
        self
    }

    /// The category it translates.
    pub fn translation_of(mut self, category_id: i64) -> Self {
        self.body.associated_category_id = Some(category_id);
        self
    }

    /// Creates the category. Sent once, never retried: a repeat would
    /// answer that the slug and locale are taken.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when the name or slug is
    /// blank, the locale is not the portal's, or the portal has the slug in
    /// that locale; [`Forbidden`](crate::ErrorKind::Forbidden) when the
    /// token's user is an agent; [`NotFound`](crate::ErrorKind::NotFound)
    /// when the account has no such portal; any other kind a request can
    /// fail with.
    pub async fn send(self) -> Result<Category, Error> {
        let op = Operation::CreateCategory;
        let client = &self.portal.client;
        let account_id = client.require_account(op)?;
        let created = client
            .call_with(&self.options, op, |raw| {
                raw.create_category()
                    .account_id(account_id)
                    .portal_id(self.portal.slug.clone())
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(created.payload)
    }
}

/// A listing of a portal's categories; see [`PortalCategories::list`].
#[derive(Clone, Debug)]
#[must_use = "a listing does nothing until it is streamed or sent"]
pub struct CategoryQuery {
    portal: PortalHandle,
    options: CallOptions,
    locale: Option<String>,
    page: i64,
}

/// One page of a portal's categories; see [`CategoryQuery::send`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct CategoryPage {
    /// The categories on this page (at most 1000), by position.
    pub categories: Vec<Category>,
    /// The next page's number, `None` after the last page.
    pub next_page: Option<i64>,
}

impl NumberedPage for CategoryPage {
    type Item = Category;

    fn first_id(&self) -> Option<i64> {
        self.categories.first().map(|c| c.id)
    }

    fn into_parts(self) -> (Vec<Category>, Option<i64>) {
        (self.categories, self.next_page)
    }
}

call_options!(CategoryQuery);

impl CategoryQuery {
    /// Only the categories in this locale (their article counts too).
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    /// The page to fetch, from 1 (the default).
    pub fn page(mut self, page: i64) -> Self {
        self.page = page;
        self
    }

    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest), before any
    /// request, for a page below 1; [`NotFound`](crate::ErrorKind::NotFound)
    /// when the account has no such portal; any other kind a request can
    /// fail with.
    pub async fn send(self) -> Result<CategoryPage, Error> {
        let op = Operation::ListCategories;
        pagination::check_page(self.page, op)?;
        let client = &self.portal.client;
        let account_id = client.require_account(op)?;
        let list = client
            .call_with(&self.options, op, |raw| {
                let request = raw
                    .list_categories()
                    .account_id(account_id)
                    .portal_id(self.portal.slug.clone())
                    .page(self.page);
                match &self.locale {
                    Some(locale) => request.locale(locale.clone()),
                    None => request,
                }
                .send()
            })
            .await?;
        let next_page = pagination::next_page(self.page, list.payload.len(), PER_PAGE);
        Ok(CategoryPage {
            categories: list.payload,
            next_page,
        })
    }

    /// Every category, page after page from [`page`](Self::page).
    pub fn stream(self) -> BoxStream<'static, Result<Category, Error>> {
        let first = self.page;
        pagination::numbered::<CategoryPage, _, _>(first, move |page| {
            self.clone().page(page).send()
        })
    }
}
