//! A portal's categories: [`PortalCategories`] and its
//! [`CreateCategoryRequest`].

use ruut_api::operations::Operation;
use ruut_api::types::{self, Category};

use super::PortalHandle;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

/// The categories of one portal; see [`PortalHandle::categories`].
#[derive(Clone, Debug)]
pub struct PortalCategories {
    portal: PortalHandle,
}

impl PortalCategories {
    pub(super) fn new(portal: PortalHandle) -> Self {
        Self { portal }
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
    /// that locale; [`Unauthorized`](crate::ErrorKind::Unauthorized) when the
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
