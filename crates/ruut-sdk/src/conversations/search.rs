//! Searching conversations by message text: [`Client::search_conversations`],
//! its [`ConversationSearchQuery`] and [`ConversationSearchPage`].

use ruut_api::operations::Operation;
use ruut_api::types::{ConversationCounts, ConversationSearchHit};

use crate::client::Client;
use crate::error::Error;
use crate::pagination::{self, CONVERSATIONS_PER_PAGE, NumberedPage, numbered_query};
use crate::transport::options::{CallOptions, call_options};

impl Client {
    /// The account's conversations with an incoming or outgoing message containing
    /// `text` (without case, any status), 25 a page, each with the messages that matched.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let mut hits = client.search_conversations("refund").stream();
    /// while let Some(hit) = hits.try_next().await? {
    ///     println!("#{}: {} matching messages", hit.id, hit.messages.len());
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn search_conversations(&self, text: impl Into<String>) -> ConversationSearchQuery {
        ConversationSearchQuery {
            client: self.clone(),
            options: CallOptions::default(),
            text: text.into(),
            inbox_id: None,
            labels: Vec::new(),
            page: 1,
        }
    }
}

/// A conversation search being prepared; see [`Client::search_conversations`].
#[derive(Clone, Debug)]
#[must_use = "a search does nothing until it is streamed or sent"]
pub struct ConversationSearchQuery {
    client: Client,
    options: CallOptions,
    text: String,
    inbox_id: Option<i64>,
    labels: Vec<String>,
    page: i64,
}

call_options!(ConversationSearchQuery);
numbered_query!(ConversationSearchQuery, ConversationSearchHit);

impl ConversationSearchQuery {
    /// Only conversations in this inbox.
    pub fn inbox(mut self, inbox_id: i64) -> Self {
        self.inbox_id = Some(inbox_id);
        self
    }

    /// Only conversations with any of these labels.
    pub fn labels<I, S>(mut self, labels: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.labels = labels.into_iter().map(Into::into).collect();
        self
    }

    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn send(self) -> Result<ConversationSearchPage, Error> {
        let op = Operation::SearchConversations;
        let account_id = self.client.require_account(op)?;
        let answer = self
            .client
            .call_with(&self.options, op, |raw| {
                let mut request = raw
                    .search_conversations()
                    .account_id(account_id)
                    .q(self.text.clone())
                    .page(self.page);
                if let Some(inbox_id) = self.inbox_id {
                    request = request.inbox_id(inbox_id);
                }
                if !self.labels.is_empty() {
                    request = request.labels(self.labels.clone());
                }
                request.send()
            })
            .await?;
        let hits = answer.payload;
        Ok(ConversationSearchPage {
            next_page: pagination::next_page(self.page, hits.len(), CONVERSATIONS_PER_PAGE),
            hits,
            counts: answer.meta,
        })
    }
}

/// One page of a conversation search; see [`ConversationSearchQuery::send`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ConversationSearchPage {
    /// The conversations on this page (at most 25), each with the messages that matched.
    pub hits: Vec<ConversationSearchHit>,
    /// The server's counts; with a search text the real server counts matching
    /// messages of this page, so they are no total.
    pub counts: ConversationCounts,
    /// The number of the next page, or `None` when this one is the last.
    pub next_page: Option<i64>,
}

impl NumberedPage for ConversationSearchPage {
    type Item = ConversationSearchHit;

    fn first_id(&self) -> Option<i64> {
        self.hits.first().map(|hit| hit.id)
    }

    fn into_parts(self) -> (Vec<ConversationSearchHit>, Option<i64>) {
        (self.hits, self.next_page)
    }
}
