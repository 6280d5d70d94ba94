//! One category of a portal: [`Client::get_category`], [`CategoryHandle`]
//! and its [`UpdateCategoryRequest`].

use ruut_api::operations::Operation;
use ruut_api::types::{self, Category};

use super::PortalHandle;
use crate::client::Client;
use crate::error::Error;
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// One category of the portal with this slug, its articles counted.
    /// Administrators only.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let category = client.get_category("handbook", 3).await?;
    /// println!("{}: {} articles", category.name, category.meta.articles_count);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent; [`NotFound`](crate::ErrorKind::NotFound) when the portal
    /// has no such category; any other kind a request can fail with.
    pub async fn get_category(&self, portal: &str, category_id: i64) -> Result<Category, Error> {
        let op = Operation::GetCategory;
        let account_id = self.require_account(op)?;
        let found = self
            .call(op, |raw| {
                raw.get_category()
                    .account_id(account_id)
                    .portal_id(portal)
                    .category_id(category_id)
                    .send()
            })
            .await?;
        Ok(found.payload)
    }
}

/// One category of a portal; see [`PortalHandle::category`].
///
/// ```no_run
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let category = client.portal("handbook").category(3);
/// category.update().name("Billing and refunds").send().await?;
/// category.delete().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct CategoryHandle {
    portal: PortalHandle,
    id: i64,
}

impl CategoryHandle {
    pub(super) fn new(portal: PortalHandle, id: i64) -> Self {
        Self { portal, id }
    }

    /// The category's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Changes the fields set; the others are kept. Administrators only.
    pub fn update(&self) -> UpdateCategoryRequest {
        UpdateCategoryRequest {
            handle: self.clone(),
            options: CallOptions::default(),
            body: types::CategoryUpdate::default(),
        }
    }

    /// Deletes the category; its articles stay in the portal with no
    /// category. Administrators only.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) when the token's user
    /// is an agent; [`NotFound`](crate::ErrorKind::NotFound) when the portal
    /// has no such category (already deleted, say); any other kind a request
    /// can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteCategory;
        let client = &self.portal.client;
        let account_id = client.require_account(op)?;
        client
            .call(op, |raw| {
                raw.delete_category()
                    .account_id(account_id)
                    .portal_id(self.portal.slug.clone())
                    .category_id(self.id)
                    .send()
            })
            .await?;
        Ok(())
    }
}

/// A change of a category; see [`CategoryHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the category is not changed until `.send().await`"]
pub struct UpdateCategoryRequest {
    handle: CategoryHandle,
    options: CallOptions,
    body: types::CategoryUpdate,
}

call_options!(UpdateCategoryRequest);

impl UpdateCategoryRequest {
    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// A new slug (unique in the portal for its locale).
    pub fn slug(mut self, slug: impl Into<String>) -> Self {
        self.body.slug = Some(slug.into());
        self
    }

    /// A new locale, one of the portal's.
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.body.locale = Some(locale.into());
        self
    }

    /// What the category is about.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.body.description = Some(description.into());
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

    /// Sends the change; the answer is the category as it is now.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) for a blank name or slug,
    /// a locale the portal does not have, or a slug the portal has in that
    /// locale; [`Forbidden`](crate::ErrorKind::Forbidden) when the
    /// token's user is an agent; [`NotFound`](crate::ErrorKind::NotFound)
    /// when the portal has no such category; any other kind a request can
    /// fail with.
    pub async fn send(self) -> Result<Category, Error> {
        let op = Operation::UpdateCategory;
        let client = &self.handle.portal.client;
        let account_id = client.require_account(op)?;
        let changed = client
            .call_with(&self.options, op, |raw| {
                raw.update_category()
                    .account_id(account_id)
                    .portal_id(self.handle.portal.slug.clone())
                    .category_id(self.handle.id)
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(changed.payload)
    }
}
