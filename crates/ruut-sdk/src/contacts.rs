//! Contacts: listing, searching, fetching and creating them.

use futures::stream::BoxStream;
use ruut_api::types::{self, Contact, ContactSort};

use crate::client::Client;
use crate::error::Error;
use crate::pagination::{self, CONTACTS_PER_PAGE, Page, PageCursor};
use crate::retry::ops;

impl Client {
    /// Lists the account's contacts (those with an email, a phone number or an
    /// identifier), 15 a page.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let everyone: Vec<_> = client.contacts().stream().try_collect().await?;
    /// let matches = client.contacts().search("customer@example.com").send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn contacts(&self) -> ContactList {
        ContactList {
            client: self.clone(),
            sort: None,
            labels: Vec::new(),
            page: 1,
        }
    }

    /// Fetches one contact.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when there is no such contact; any
    /// other kind a request can fail with.
    pub async fn contact(&self, contact_id: i64) -> Result<Contact, Error> {
        let op = ops::GET_CONTACT;
        let account_id = self.require_account(op)?;
        let answer = self
            .call(op, |raw| {
                raw.get_contact()
                    .account_id(account_id)
                    .contact_id(contact_id)
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }

    /// Creates a contact. Not retried: a repeat could create it twice.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let created = client
    ///     .create_contact()
    ///     .name("Ada Lovelace")
    ///     .email("ada@example.com")
    ///     .inbox(1)
    ///     .send()
    ///     .await?;
    /// println!("contact {}", created.contact.id);
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_contact(&self) -> CreateContact {
        CreateContact {
            client: self.clone(),
            body: types::NewContact::default(),
        }
    }
}

/// A listing of contacts being prepared; see [`Client::contacts`].
#[derive(Clone, Debug)]
#[must_use = "a listing does nothing until it is streamed or sent"]
pub struct ContactList {
    client: Client,
    sort: Option<ContactSort>,
    labels: Vec<String>,
    page: i64,
}

impl ContactList {
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

    /// Searches contacts by name, email, phone number and identifier instead.
    pub fn search(self, query: impl Into<String>) -> ContactSearch {
        ContactSearch {
            client: self.client,
            query: query.into(),
            sort: self.sort,
            page: self.page,
        }
    }

    /// Fetches one page, with the total number of contacts in `meta.count`.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn send(&self) -> Result<types::ContactList, Error> {
        let op = ops::LIST_CONTACTS;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                let mut request = raw.list_contacts().account_id(account_id).page(self.page);
                if let Some(sort) = self.sort {
                    request = request.sort(sort);
                }
                if !self.labels.is_empty() {
                    request = request.labels(self.labels.clone());
                }
                request.send()
            })
            .await
    }

    /// Every contact, page after page, fetched as the stream is consumed.
    pub fn stream(self) -> BoxStream<'static, Result<Contact, Error>> {
        pagination::items(PageCursor::start(self.page), move |cursor: PageCursor| {
            let list = self.clone().page(cursor.page);
            async move {
                let items = list.send().await?.payload;
                let next = pagination::next_page(cursor.page, items.len(), CONTACTS_PER_PAGE);
                Ok(Page {
                    next: cursor.advance(items.first().map(|c| c.id), next)?,
                    items,
                })
            }
        })
    }
}

/// A contact search being prepared; see [`ContactList::search`].
#[derive(Clone, Debug)]
#[must_use = "a search does nothing until it is streamed or sent"]
pub struct ContactSearch {
    client: Client,
    query: String,
    sort: Option<ContactSort>,
    page: i64,
}

impl ContactSearch {
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

    /// Fetches one page of matches; `meta.has_more` says whether another follows.
    ///
    /// # Errors
    ///
    /// [`RateLimited`](crate::ErrorKind::RateLimited) beyond 100 searches a minute
    /// per account; any other kind a request can fail with.
    pub async fn send(&self) -> Result<types::ContactSearchResult, Error> {
        let op = ops::SEARCH_CONTACTS;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
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
            .await
    }

    /// Every match, page after page, fetched as the stream is consumed.
    pub fn stream(self) -> BoxStream<'static, Result<Contact, Error>> {
        pagination::items(PageCursor::start(self.page), move |cursor: PageCursor| {
            let search = self.clone().page(cursor.page);
            async move {
                let answer = search.send().await?;
                let items = answer.payload;
                // `has_more` is the server's word; without it, a short page ends.
                let next = match answer.meta.has_more {
                    Some(true) if !items.is_empty() => Some(cursor.page + 1),
                    Some(_) => None,
                    None => pagination::next_page(cursor.page, items.len(), CONTACTS_PER_PAGE),
                };
                Ok(Page {
                    next: cursor.advance(items.first().map(|c| c.id), next)?,
                    items,
                })
            }
        })
    }
}

/// A contact being created; see [`Client::create_contact`].
#[derive(Clone, Debug)]
#[must_use = "a contact is not created until `.send().await`"]
pub struct CreateContact {
    client: Client,
    body: types::NewContact,
}

impl CreateContact {
    /// The contact's name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = Some(name.into());
        self
    }

    /// The contact's email address (unique in the account).
    pub fn email(mut self, email: impl Into<String>) -> Self {
        self.body.email = Some(email.into());
        self
    }

    /// The contact's phone number, in E.164 form (`+15550100`).
    pub fn phone_number(mut self, phone_number: impl Into<String>) -> Self {
        self.body.phone_number = Some(phone_number.into());
        self
    }

    /// An identifier of the caller's choosing (unique in the account).
    pub fn identifier(mut self, identifier: impl Into<String>) -> Self {
        self.body.identifier = Some(identifier.into());
        self
    }

    /// The inbox to create a contact inbox in, so that conversations can start.
    pub fn inbox(mut self, inbox_id: i64) -> Self {
        self.body.inbox_id = Some(inbox_id);
        self
    }

    /// Whether the contact is blocked.
    pub fn blocked(mut self, blocked: bool) -> Self {
        self.body.blocked = Some(blocked);
        self
    }

    /// Creates the contact. Sent once, never retried.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when the email, phone number or
    /// identifier is taken ([`Error::details`] lists which); any other kind a
    /// request can fail with.
    pub async fn send(self) -> Result<types::ContactCreatedPayload, Error> {
        let op = ops::CREATE_CONTACT;
        let account_id = self.client.require_account(op)?;
        let answer = self
            .client
            .call(op, |raw| {
                raw.create_contact()
                    .account_id(account_id)
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        Ok(answer.payload)
    }
}
