//! Conversations: listing and counting them, and starting one.

use futures::stream::BoxStream;
use ruut_api::types::{
    self, AssigneeTypeFilter, Conversation, ConversationCounts, ConversationSortBy,
    ConversationStatusFilter,
};

use crate::client::Client;
use crate::error::Error;
use crate::pagination::{self, CONVERSATIONS_PER_PAGE, Page, PageCursor};
use crate::retry::ops;

impl Client {
    /// Lists the account's conversations; add filters, then
    /// [`stream`](ConversationList::stream) them all, fetch one
    /// [`page`](ConversationList::page), or [`count`](ConversationList::counts) them.
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
    pub fn conversations(&self) -> ConversationList {
        ConversationList {
            client: self.clone(),
            filters: Filters::default(),
            page: 1,
        }
    }

    /// Fetches one conversation by its display id.
    ///
    /// # Errors
    ///
    /// [`NotFound`](crate::ErrorKind::NotFound) when the account has no such
    /// conversation; [`Forbidden`](crate::ErrorKind::Forbidden) when the user may not
    /// see its inbox; any other kind a request can fail with.
    pub async fn get_conversation(&self, conversation_id: i64) -> Result<Conversation, Error> {
        let op = ops::GET_CONVERSATION;
        let account_id = self.require_account(op)?;
        self.call(op, |raw| {
            raw.get_conversation()
                .account_id(account_id)
                .conversation_id(conversation_id)
                .send()
        })
        .await
    }

    /// Starts a conversation in an inbox, for an existing contact. Not retried: a
    /// repeat could start two.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let conversation = client
    ///     .create_conversation(1)
    ///     .contact(11)
    ///     .message("Hello, how can we help?")
    ///     .send()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn create_conversation(&self, inbox_id: i64) -> CreateConversation {
        CreateConversation {
            client: self.clone(),
            inbox_id,
            contact_id: None,
            source_id: None,
            status: None,
            assignee_id: None,
            team_id: None,
            message: None,
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
pub struct ConversationList {
    client: Client,
    filters: Filters,
    page: i64,
}

/// One page of conversations and the counts of the whole filtered set.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ConversationPage {
    /// The conversations on this page (at most 25).
    pub conversations: Vec<Conversation>,
    /// The counts of every conversation the filters match, taken before the
    /// assignee filter; not of this page.
    pub counts: ConversationCounts,
    /// The number of the next page, or `None` when this one is the last.
    pub next_page: Option<i64>,
}

impl ConversationList {
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
    pub async fn send(&self) -> Result<ConversationPage, Error> {
        let op = ops::LIST_CONVERSATIONS;
        let account_id = self.client.require_account(op)?;
        let f = &self.filters;
        let list = self
            .client
            .call(op, |raw| {
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

    /// Every matching conversation, page after page, fetched as the stream is
    /// consumed. The stream ends after the last page, or after the first error.
    pub fn stream(self) -> BoxStream<'static, Result<Conversation, Error>> {
        pagination::items(PageCursor::start(self.page), move |cursor: PageCursor| {
            let list = self.clone().page(cursor.page);
            async move {
                let page = list.send().await?;
                let first = page.conversations.first().map(|c| c.id);
                Ok(Page {
                    next: cursor.advance(first, page.next_page)?,
                    items: page.conversations,
                })
            }
        })
    }

    /// Counts the matching conversations by assignment (mine, assigned, unassigned,
    /// all), without listing them. The assignee filter does not change the counts.
    ///
    /// # Errors
    ///
    /// Any kind a request can fail with.
    pub async fn counts(&self) -> Result<ConversationCounts, Error> {
        let op = ops::GET_CONVERSATION_COUNTS;
        let account_id = self.client.require_account(op)?;
        let f = &self.filters;
        let answer = self
            .client
            .call(op, |raw| {
                let request =
                    with_filters!(raw.get_conversation_counts().account_id(account_id), f);
                request.send()
            })
            .await?;
        Ok(answer.meta)
    }
}

/// A conversation being started; see [`Client::create_conversation`].
#[derive(Clone, Debug)]
#[must_use = "a new conversation is not created until `.send().await`"]
pub struct CreateConversation {
    client: Client,
    inbox_id: i64,
    contact_id: Option<i64>,
    source_id: Option<String>,
    status: Option<types::ToggleableStatus>,
    assignee_id: Option<i64>,
    team_id: Option<i64>,
    message: Option<String>,
}

impl CreateConversation {
    /// The contact the conversation is with.
    pub fn contact(mut self, contact_id: i64) -> Self {
        self.contact_id = Some(contact_id);
        self
    }

    /// The contact inbox (by its source id) the conversation is in, instead of a
    /// contact.
    pub fn source_id(mut self, source_id: impl Into<String>) -> Self {
        self.source_id = Some(source_id.into());
        self
    }

    /// The status to start with (default `open`).
    pub fn status(mut self, status: types::ToggleableStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// The agent to assign.
    pub fn assignee(mut self, agent_id: i64) -> Self {
        self.assignee_id = Some(agent_id);
        self
    }

    /// The team to assign.
    pub fn team(mut self, team_id: i64) -> Self {
        self.team_id = Some(team_id);
        self
    }

    /// The first message.
    pub fn message(mut self, content: impl Into<String>) -> Self {
        self.message = Some(content.into());
        self
    }

    /// Creates the conversation. Sent once, never retried.
    ///
    /// # Errors
    ///
    /// [`Validation`](crate::ErrorKind::Validation) when the server refuses it (no
    /// contact, say); any other kind a request can fail with.
    pub async fn send(self) -> Result<Conversation, Error> {
        let op = ops::CREATE_CONVERSATION;
        let account_id = self.client.require_account(op)?;
        self.client
            .call(op, |raw| {
                raw.create_conversation()
                    .account_id(account_id)
                    .body_map(|body| {
                        let mut body = body.inbox_id(self.inbox_id);
                        if let Some(contact_id) = self.contact_id {
                            body = body.contact_id(contact_id);
                        }
                        if let Some(source_id) = &self.source_id {
                            body = body.source_id(source_id.clone());
                        }
                        if let Some(status) = self.status {
                            body = body.status(status);
                        }
                        if let Some(assignee_id) = self.assignee_id {
                            body = body.assignee_id(assignee_id);
                        }
                        if let Some(team_id) = self.team_id {
                            body = body.team_id(team_id);
                        }
                        if let Some(content) = &self.message {
                            body = body.message(types::NewConversationMessage {
                                content: content.clone(),
                            });
                        }
                        body
                    })
                    .send()
            })
            .await
    }
}
