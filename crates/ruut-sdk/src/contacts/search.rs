//! Searching contacts: [`Client::search_contacts`] and its [`ContactSearchQuery`].
//!
//! The server's search takes the text, a page and an order, nothing else: a
//! label filter would be ignored, so the query has none to set.

use futures::stream::BoxStream;
use ruut_api::types::{Contact, ContactSort};

use crate::client::Client;
use crate::contacts::page::ContactPage;
use crate::error::Error;
use crate::pagination;
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl Client {
    /// Searches the account's contacts by name, email, phone number and identifier.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let matches = client.search_contacts("customer@example.com").send().await?;
    /// for contact in matches.contacts {
    ///     println!("{}: {:?}", contact.id, contact.email);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn search_contacts(&self, query: impl Into<String>) -> ContactSearchQuery {
        ContactSearchQuery {
            client: self.clone(),
            options: CallOptions::default(),
            query: query.into(),
            sort: None,
            page: 1,
        }
    }
}

/// A contact search being prepared; see [`Client::search_contacts`].
#[derive(Clone, Debug)]
#[must_use = "a search does nothing until it is streamed or sent"]
pub struct ContactSearchQuery {
    client: Client,
    options: CallOptions,
    query: String,
    sort: Option<ContactSort>,
    page: i64,
}

call_options!(ContactSearchQuery);

impl ContactSearchQuery {
    /// The order.
    pub fn sort(mut self, sort: ContactSort) -> Self {
        self.sort = Some(sort);
        self
    }

    /// The page to [`send`](Self::send), or to start [`stream`](Self::stream)ing
    /// from (default 1).
    pub fn page(mut self, page: i64) -> Self {
        self.page = page;
        self
    }

    /// Fetches one page of matches; [`next_page`](ContactPage::next_page) says
    /// whether another follows.
    ///
    /// # Errors
    ///
    /// [`RateLimited`](crate::ErrorKind::RateLimited) beyond 100 searches a minute
    /// per account; any other kind a request can fail with.
    pub async fn send(self) -> Result<ContactPage, Error> {
        let op = Operation::SearchContacts;
        let account_id = self.client.require_account(op)?;
        let result = self
            .client
            .call_with(&self.options, op, |raw| {
                let mut request = raw
                    .search_contacts()
                    .account_id(account_id)
                    .q(self.query.clone())
                    .page(self.page);
                if let Some(sort) = self.sort {
                    request = request.sort(sort);
                }
                request.send()
            })
            .await?;
        Ok(ContactPage::found(self.page, result))
    }

    /// Every match, page after page, the next page fetched while this one is consumed.
    pub fn stream(self) -> BoxStream<'static, Result<Contact, Error>> {
        let first = self.page;
        pagination::numbered(first, move |page| self.clone().page(page).send())
    }
}
