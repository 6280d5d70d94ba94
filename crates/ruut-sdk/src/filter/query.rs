//! [`Client::filter_conversations`] and [`Client::filter_contacts`]: a
//! [`Filter`] sent a page at a time.

use ruut_api::operations::Operation;
use ruut_api::types::{Contact, ContactSort, Conversation, FilterRequest};

use super::{ContactAttribute, ConversationAttribute, Filter};
use crate::client::Client;
use crate::contacts::page::ContactPage;
use crate::conversations::page::ConversationPage;
use crate::error::Error;
use crate::pagination::{self, CONVERSATIONS_PER_PAGE, numbered_query};
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// The account's conversations that match `filter`, most recently active
    /// first, 25 a page.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// use ruut_sdk::filter::{ConversationAttribute as C, Filter, FilterAttribute};
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let stale = Filter::new(C::Status.equal_to(["open"])).and(C::LastActivityAt.days_before(7));
    /// let mut found = client.filter_conversations(stale).stream();
    /// while let Some(conversation) = found.try_next().await? {
    ///     println!("#{} waits since {:?}", conversation.id, conversation.last_activity_at);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn filter_conversations(
        &self,
        filter: Filter<ConversationAttribute>,
    ) -> ConversationFilterQuery {
        ConversationFilterQuery {
            client: self.clone(),
            options: CallOptions::default(),
            body: FilterRequest {
                payload: filter.payload(),
            },
            page: 1,
        }
    }

    /// The account's contacts that match `filter`, 15 a page.
    ///
    /// ```no_run
    /// use ruut_sdk::filter::{ContactAttribute as C, Filter, FilterAttribute};
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let page = client
    ///     .filter_contacts(Filter::new(C::Email.contains(["@example.com"])))
    ///     .send()
    ///     .await?;
    /// println!("{:?} contacts match", page.total);
    /// # Ok(())
    /// # }
    /// ```
    pub fn filter_contacts(&self, filter: Filter<ContactAttribute>) -> ContactFilterQuery {
        ContactFilterQuery {
            client: self.clone(),
            options: CallOptions::default(),
            body: FilterRequest {
                payload: filter.payload(),
            },
            sort: None,
            page: 1,
        }
    }
}

/// A conversation filter being prepared; see [`Client::filter_conversations`].
#[derive(Clone, Debug)]
#[must_use = "a filter does nothing until it is streamed or sent"]
pub struct ConversationFilterQuery {
    client: Client,
    options: CallOptions,
    body: FilterRequest,
    page: i64,
}

call_options!(ConversationFilterQuery);
numbered_query!(ConversationFilterQuery, Conversation);

impl ConversationFilterQuery {
    /// Fetches one page; its counts are of every match (without `assigned_count`).
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) for a condition the server refuses
    /// (an unknown attribute, an operator it does not take, missing values); any
    /// other kind a request can fail with.
    pub async fn send(self) -> Result<ConversationPage, Error> {
        let op = Operation::FilterConversations;
        let account_id = self.client.require_account(op)?;
        let answer = self
            .client
            .call_with(&self.options, op, |raw| {
                raw.filter_conversations()
                    .account_id(account_id)
                    .page(self.page)
                    .body(self.body.clone())
                    .send()
            })
            .await?;
        let conversations = answer.payload;
        Ok(ConversationPage {
            next_page: pagination::next_page(
                self.page,
                conversations.len(),
                CONVERSATIONS_PER_PAGE,
            ),
            conversations,
            counts: answer.meta,
        })
    }
}

/// A contact filter being prepared; see [`Client::filter_contacts`].
#[derive(Clone, Debug)]
#[must_use = "a filter does nothing until it is streamed or sent"]
pub struct ContactFilterQuery {
    client: Client,
    options: CallOptions,
    body: FilterRequest,
    sort: Option<ContactSort>,
    page: i64,
}

call_options!(ContactFilterQuery);
numbered_query!(ContactFilterQuery, Contact);

impl ContactFilterQuery {
    /// The order (default: most recently active first).
    pub fn sort(mut self, sort: ContactSort) -> Self {
        self.sort = Some(sort);
        self
    }

    /// Fetches one page; [`total`](ContactPage::total) is the number of matches.
    ///
    /// # Errors
    ///
    /// As [`ConversationFilterQuery::send`].
    pub async fn send(self) -> Result<ContactPage, Error> {
        let op = Operation::FilterContacts;
        let account_id = self.client.require_account(op)?;
        let answer = self
            .client
            .call_with(&self.options, op, |raw| {
                let mut request = raw
                    .filter_contacts()
                    .account_id(account_id)
                    .page(self.page)
                    .body(self.body.clone());
                if let Some(sort) = self.sort {
                    request = request.sort(sort);
                }
                request.send()
            })
            .await?;
        Ok(ContactPage::listed(self.page, answer))
    }
}
