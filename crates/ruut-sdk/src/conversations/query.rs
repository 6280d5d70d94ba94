//! Listing and counting conversations: [`Client::conversations`] and its
//! [`ConversationQuery`].

use futures::stream::BoxStream;
use ruut_api::types::{
    AssigneeTypeFilter, Conversation, ConversationCounts, ConversationSortBy,
    ConversationStatusFilter,
};

use crate::client::Client;
use crate::conversations::page::ConversationPage;
use crate::error::Error;
use crate::pagination::{self, CONVERSATIONS_PER_PAGE};
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl Client {
    /// Lists the account's conversations; add filters, then
    /// [`stream`](ConversationQuery::stream) them all, fetch one page with
    /// [`send`](ConversationQuery::send), or [`count`](ConversationQuery::counts) them.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// use ruut_sdk::types::{AssigneeTypeFilter, ConversationStatusFilter};
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let mut open = client
    ///     .conversations()
    ///     .status(ConversationStatusFilter::Open)
    ///     .assignee(AssigneeTypeFilter::Unassigned)
    ///     .labels(["billing"])
    ///     .stream();
    /// while let Some(conversation) = open.try_next().await? {
    ///     println!("#{} is {}", conversation.id, conversation.status);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn conversations(&self) -> ConversationQuery {
        ConversationQuery {
            client: self.clone(),
            options: CallOptions::default(),
            filters: Filters::default(),
            page: 1,
        }
    }
}

/// The filters a conversation listing and its counts share.
#[derive(Clone, Debug, Default)]
struct Filters {
    status: Option<ConversationStatusFilter>,
    assignee: Option<AssigneeTypeFilter>,
    inbox_id: Option<i64>,
    team_id: Option<i64>,
    labels: Vec<String>,
    query: Option<String>,
    sort_by: Option<ConversationSortBy>,
}

/// Applies the filters that `listConversations` and `getConversationCounts` share.
/// Their generated builders are distinct types with the same setters, hence a macro.
macro_rules! with_filters {
    ($request:expr, $filters:expr) => {{
        let f = $filters;
        let mut request = $request;
        if let Some(status) = f.status {
            request = request.status(status);
        }
        if let Some(assignee) = f.assignee {
            request = request.assignee_type(assignee);
        }
        if let Some(inbox_id) = f.inbox_id {
            request = request.inbox_id(inbox_id);
        }
        if let Some(team_id) = f.team_id {
            request = request.team_id(team_id);
        }
        if !f.labels.is_empty() {
            request = request.labels(f.labels.clone());
        }
        if let Some(query) = &f.query {
            request = request.q(query.clone());
        }
        request
    }};
}

/// A listing of conversations being prepared; see [`Client::conversations`].
#[derive(Clone, Debug)]
#[must_use = "a listing does nothing until it is streamed or sent"]
pub struct ConversationQuery {
    client: Client,
    options: CallOptions,
    filters: Filters,
    page: i64,
}

call_options!(ConversationQuery);

impl ConversationQuery {
    /// Only conversations with this status (the server's default is `open`;
    /// [`All`](ConversationStatusFilter::All) lifts the filter). Ignored by the
    /// server when a [`query`](Self::query) is given.
    pub fn status(mut self, status: ConversationStatusFilter) -> Self {
        self.filters.status = Some(status);
        self
    }

    /// Only conversations assigned to the caller, to anyone, or to nobody.
    /// Conversations assigned to an agent bot count as unassigned.
    pub fn assignee(mut self, assignee: AssigneeTypeFilter) -> Self {
        self.filters.assignee = Some(assignee);
        self
    }

    /// Only conversations in this inbox.
    pub fn inbox(mut self, inbox_id: i64) -> Self {
        self.filters.inbox_id = Some(inbox_id);
        self
    }

    /// Only conversations of this team.
    pub fn team(mut self, team_id: i64) -> Self {
        self.filters.team_id = Some(team_id);
        self
    }

    /// Only conversations with any of these labels.
    pub fn labels<I, S>(mut self, labels: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.filters.labels = labels.into_iter().map(Into::into).collect();
        self
    }

    /// Only conversations with a message containing this text.
    pub fn query(mut self, query: impl Into<String>) -> Self {
        self.filters.query = Some(query.into());
        self
    }

    /// The order (default: most recently active first).
    pub fn sort_by(mut self, sort_by: ConversationSortBy) -> Self {
        self.filters.sort_by = Some(sort_by);
        self
    }

    /// The page to [`send`](Self::send), or to start [`stream`](Self::stream)ing
    /// from (default 1).
    pub fn page(mut self, page: i64) -> Self {
        self.page = page;
        self
    }

    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with; [`NotFound`](crate::ErrorKind::NotFound)
    /// for an unknown team.
    pub async fn send(self) -> Result<ConversationPage, Error> {
        let op = Operation::ListConversations;
        let account_id = self.client.require_account(op)?;
        let f = &self.filters;
        let list = self
            .client
            .call_with(&self.options, op, |raw| {
                let mut request = with_filters!(
                    raw.list_conversations()
                        .account_id(account_id)
                        .page(self.page),
                    f
                );
                if let Some(sort_by) = f.sort_by {
                    request = request.sort_by(sort_by);
                }
                request.send()
            })
            .await?;
        let conversations = list.data.payload;
        Ok(ConversationPage {
            next_page: pagination::next_page(
                self.page,
                conversations.len(),
                CONVERSATIONS_PER_PAGE,
            ),
            conversations,
            counts: list.data.meta,
        })
    }

    /// Every matching conversation, page after page, the next page fetched while
    /// this one is consumed. The stream ends after the last page, or after the first error.
    pub fn stream(self) -> BoxStream<'static, Result<Conversation, Error>> {
        let first = self.page;
        pagination::numbered(first, move |page| self.clone().page(page).send())
    }

    /// Counts the matching conversations by assignment (mine, assigned, unassigned,
    /// all), without listing them. The assignee filter does not change the counts.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn counts(self) -> Result<ConversationCounts, Error> {
        let op = Operation::GetConversationCounts;
        let account_id = self.client.require_account(op)?;
        let f = &self.filters;
        let answer = self
            .client
            .call_with(&self.options, op, |raw| {
                let request =
                    with_filters!(raw.get_conversation_counts().account_id(account_id), f);
                request.send()
            })
            .await?;
        Ok(answer.meta)
    }
}
