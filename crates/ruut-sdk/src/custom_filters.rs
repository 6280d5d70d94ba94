//! Saved filters ("custom views"), each user's own:
//! [`Client::list_custom_filters`], [`Client::get_custom_filter`],
//! [`Client::create_custom_filter`], and [`Client::custom_filter`]'s
//! [`CustomFilterHandle`] (update, delete).
//!
//! A saved filter's conditions are a typed [`Filter`], the one
//! [`Client::filter_conversations`] and [`Client::filter_contacts`] take;
//! whether it lists conversations or contacts follows from its attributes.

use ruut_api::enums::CustomFilterType;
use ruut_api::operations::Operation;
use ruut_api::types::{self, CustomFilter, FilterRequest};

use crate::client::Client;
use crate::error::Error;
use crate::filter::{ContactAttribute, ConversationAttribute, Filter, FilterAttribute};
use crate::transport::options::{CallOptions, call_options};

/// The attributes of a filter that can be saved, and the type it is saved
/// as: [`ConversationAttribute`] (`conversation`) and [`ContactAttribute`]
/// (`contact`).
pub trait SavedFilterAttribute: FilterAttribute {
    /// The `filter_type` a filter of these attributes is saved with.
    fn filter_type() -> CustomFilterType;
}

impl SavedFilterAttribute for ConversationAttribute {
    fn filter_type() -> CustomFilterType {
        CustomFilterType::Conversation
    }
}

impl SavedFilterAttribute for ContactAttribute {
    fn filter_type() -> CustomFilterType {
        CustomFilterType::Contact
    }
}

fn query<A: SavedFilterAttribute>(filter: &Filter<A>) -> FilterRequest {
    FilterRequest {
        payload: filter.payload(),
    }
}

impl Client {
    /// The filters of one type the token's user saved in the account
    /// (never another user's).
    ///
    /// ```no_run
    /// use ruut_sdk::enums::CustomFilterType;
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for saved in client.list_custom_filters(CustomFilterType::Conversation).await? {
    ///     println!("{}: {} conditions", saved.name, saved.query.payload.len());
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn list_custom_filters(
        &self,
        filter_type: CustomFilterType,
    ) -> Result<Vec<CustomFilter>, Error> {
        let op = Operation::ListCustomFilters;
        let account_id = self.require_account(op)?;
        self.call(op, |raw| {
            raw.list_custom_filters()
                .account_id(account_id)
                .filter_type(filter_type.clone())
                .send()
        })
        .await
    }

    /// One of the token's user's saved filters.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the user has no such
    /// filter in the account (another user's included); any other kind a
    /// request can fail with.
    pub async fn get_custom_filter(&self, custom_filter_id: i64) -> Result<CustomFilter, Error> {
        let op = Operation::GetCustomFilter;
        let account_id = self.require_account(op)?;
        self.call(op, |raw| {
            raw.get_custom_filter()
                .account_id(account_id)
                .custom_filter_id(custom_filter_id)
                .send()
        })
        .await
    }

    /// Saves `filter` under `name` for the token's user, as a conversation or
    /// a contact filter by its attributes. Sent once, never retried: a repeat
    /// would save it twice.
    ///
    /// ```no_run
    /// use ruut_sdk::filter::{ConversationAttribute as C, Filter, FilterAttribute};
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let open_billing = Filter::new(C::Status.equal_to(["open"]))
    ///     .and(C::Labels.equal_to(["billing"]));
    /// let saved = client.create_custom_filter("Open billing", open_billing).await?;
    /// println!("saved filter {}", saved.id);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when the user has 1000
    /// filters in the account already; any other kind a request can fail with.
    pub async fn create_custom_filter<A: SavedFilterAttribute>(
        &self,
        name: impl Into<String>,
        filter: Filter<A>,
    ) -> Result<CustomFilter, Error> {
        let op = Operation::CreateCustomFilter;
        let account_id = self.require_account(op)?;
        let body = types::CustomFilterCreate {
            name: name.into(),
            filter_type: Some(A::filter_type()),
            query: query(&filter),
        };
        self.call(op, |raw| {
            raw.create_custom_filter()
                .account_id(account_id)
                .body(body.clone())
                .send()
        })
        .await
    }

    /// Acts on one of the token's user's saved filters. Sends nothing by
    /// itself; to fetch it, use [`get_custom_filter`](Self::get_custom_filter).
    pub fn custom_filter(&self, custom_filter_id: i64) -> CustomFilterHandle {
        CustomFilterHandle {
            client: self.clone(),
            id: custom_filter_id,
        }
    }
}

/// One saved filter, to act on; see [`Client::custom_filter`].
///
/// ```no_run
/// use ruut_sdk::filter::{ConversationAttribute as C, Filter, FilterAttribute};
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let saved = client.custom_filter(1);
/// saved
///     .update()
///     .name("Pending billing")
///     .filter(Filter::new(C::Status.equal_to(["pending"])))
///     .send()
///     .await?;
/// saved.delete().await?;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct CustomFilterHandle {
    client: Client,
    id: i64,
}

impl CustomFilterHandle {
    /// The saved filter's id.
    pub fn id(&self) -> i64 {
        self.id
    }

    /// Changes the name or the conditions; what is not set is kept.
    pub fn update(&self) -> UpdateCustomFilterRequest {
        UpdateCustomFilterRequest {
            handle: self.clone(),
            options: CallOptions::default(),
            body: types::CustomFilterUpdate::default(),
        }
    }

    /// Deletes the saved filter.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the user has no such
    /// filter in the account; any other kind a request can fail with.
    pub async fn delete(&self) -> Result<(), Error> {
        let op = Operation::DeleteCustomFilter;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.delete_custom_filter()
                    .account_id(account_id)
                    .custom_filter_id(self.id)
                    .send()
            })
            .await
    }
}

/// A change of a saved filter; see [`CustomFilterHandle::update`].
#[derive(Clone, Debug)]
#[must_use = "the filter is not changed until `.send().await`"]
pub struct UpdateCustomFilterRequest {
    handle: CustomFilterHandle,
    options: CallOptions,
    body: types::CustomFilterUpdate,
}

call_options!(UpdateCustomFilterRequest);

impl UpdateCustomFilterRequest {
    /// The new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// The new conditions (replacing the old ones whole), and the type their
    /// attributes make it.
    pub fn filter<A: SavedFilterAttribute>(mut self, filter: Filter<A>) -> Self {
        self.body.query = Some(query(&filter));
        self.body.filter_type = Some(A::filter_type());
        self
    }

    /// Sends the change; the answer is the filter as it is now. Setting
    /// nothing is refused by the server (a missing parameter).
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when nothing is set;
    /// [`NotFound`](crate::ErrorKind::NotFound) when the user has no such
    /// filter in the account; any other kind a request can fail with.
    pub async fn send(self) -> Result<CustomFilter, Error> {
        let op = Operation::UpdateCustomFilter;
        let client = &self.handle.client;
        let account_id = client.require_account(op)?;
        client
            .call_with(&self.options, op, |raw| {
                raw.update_custom_filter()
                    .account_id(account_id)
                    .custom_filter_id(self.handle.id)
                    .body(self.body.clone())
                    .send()
            })
            .await
    }
}
