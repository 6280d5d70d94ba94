//! Listing contacts: [`Client::contacts`] and its [`ContactQuery`].

use futures::stream::BoxStream;
use ruut_api::types::{Contact, ContactSort};

use crate::client::Client;
use crate::contacts::page::ContactPage;
use crate::error::Error;
use crate::pagination;
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl Client {
    /// Lists the account's contacts (those with an email, a phone number or an
    /// identifier), 15 a page. To find contacts by what they are called, use
    /// [`search_contacts`](Self::search_contacts).
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let everyone: Vec<_> = client.contacts().stream().try_collect().await?;
    /// let vips = client.contacts().labels(["vip"]).send().await?;
    /// println!("{} contacts, {:?} in all", vips.contacts.len(), vips.total);
    /// # Ok(())
    /// # }
    /// ```
    pub fn contacts(&self) -> ContactQuery {
        ContactQuery {
            client: self.clone(),
            options: CallOptions::default(),
            sort: None,
            labels: Vec::new(),
            page: 1,
        }
    }
}

/// A listing of contacts being prepared; see [`Client::contacts`].
#[derive(Clone, Debug)]
#[must_use = "a listing does nothing until it is streamed or sent"]
pub struct ContactQuery {
    client: Client,
    options: CallOptions,
    sort: Option<ContactSort>,
    labels: Vec<String>,
    page: i64,
}

call_options!(ContactQuery);

impl ContactQuery {
    /// The order.
    pub fn sort(mut self, sort: ContactSort) -> Self {
        self.sort = Some(sort);
        self
    }

    /// Only contacts with any of these labels.
    pub fn labels<I, S>(mut self, labels: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.labels = labels.into_iter().map(Into::into).collect();
        self
    }

    /// The page to [`send`](Self::send), or to start [`stream`](Self::stream)ing
    /// from (default 1).
    pub fn page(mut self, page: i64) -> Self {
        self.page = page;
        self
    }

    /// Fetches one page, with the total number of contacts.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn send(self) -> Result<ContactPage, Error> {
        let op = Operation::ListContacts;
        let account_id = self.client.require_account(op)?;
        let list = self
            .client
            .call_with(&self.options, op, |raw| {
                let mut request = raw.list_contacts().account_id(account_id).page(self.page);
                if let Some(sort) = self.sort {
                    request = request.sort(sort);
                }
                if !self.labels.is_empty() {
                    request = request.labels(self.labels.clone());
                }
                request.send()
            })
            .await?;
        Ok(ContactPage::listed(self.page, list))
    }

    /// Every contact, page after page, the next page fetched while this one is consumed.
    pub fn stream(self) -> BoxStream<'static, Result<Contact, Error>> {
        let first = self.page;
        pagination::numbered(first, move |page| self.clone().page(page).send())
    }
}
