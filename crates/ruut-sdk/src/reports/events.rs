//! The reporting events the reports are computed from:
//! [`ReportsHandle::events`], a paged listing with filters (Chatwoot
//! Enterprise; administrators only).

use futures::stream::BoxStream;
use ruut_api::operations::Operation;
use ruut_api::types::ReportingEvent;

use crate::client::Client;
use crate::error::Error;
use crate::pagination::{self, NumberedPage};
use crate::reports::{ReportRange, ReportsHandle};
use crate::transport::options::{CallOptions, call_options};

impl ReportsHandle {
    /// The account's reporting events (first responses, reply times,
    /// resolutions, bot hand-offs, ...), newest first, 25 a page; see
    /// [`ReportingEventQuery`] for the filters. Served by Chatwoot's
    /// Enterprise edition only, for administrators (an agent's token gets
    /// [`Forbidden`](crate::ErrorKind::Forbidden)).
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// use ruut_sdk::ReportRange;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let firsts: Vec<_> = client
    ///     .reports()
    ///     .events()
    ///     .range(ReportRange::last_days(7))
    ///     .name("first_response")
    ///     .stream()
    ///     .try_collect()
    ///     .await?;
    /// for event in firsts {
    ///     println!("conversation {:?}: {} s", event.conversation_id, event.value);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn events(&self) -> ReportingEventQuery {
        ReportingEventQuery {
            client: self.client().clone(),
            options: CallOptions::default(),
            range: None,
            inbox_id: None,
            user_id: None,
            name: None,
            page: 1,
        }
    }
}

/// A listing of reporting events; see [`ReportsHandle::events`].
#[derive(Clone, Debug)]
#[must_use = "a listing does nothing until it is streamed or sent"]
pub struct ReportingEventQuery {
    client: Client,
    options: CallOptions,
    range: Option<ReportRange>,
    inbox_id: Option<i64>,
    user_id: Option<i64>,
    name: Option<String>,
    page: i64,
}

/// One page of reporting events; see [`ReportingEventQuery::send`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ReportingEventPage {
    /// The events on this page (at most 25), newest first.
    pub events: Vec<ReportingEvent>,
    /// How many events the filters match, on all pages.
    pub count: i64,
    /// The next page's number, `None` after the last page.
    pub next_page: Option<i64>,
}

impl NumberedPage for ReportingEventPage {
    type Item = ReportingEvent;

    fn first_id(&self) -> Option<i64> {
        self.events.first().map(|e| e.id)
    }

    fn into_parts(self) -> (Vec<ReportingEvent>, Option<i64>) {
        (self.events, self.next_page)
    }
}

call_options!(ReportingEventQuery);

impl ReportingEventQuery {
    /// Only events written in `range`.
    pub fn range(mut self, range: ReportRange) -> Self {
        self.range = Some(range);
        self
    }

    /// Only events of conversations in this inbox.
    pub fn inbox(mut self, inbox_id: i64) -> Self {
        self.inbox_id = Some(inbox_id);
        self
    }

    /// Only events credited to this agent.
    pub fn agent(mut self, user_id: i64) -> Self {
        self.user_id = Some(user_id);
        self
    }

    /// Only events of this name: `first_response`, `reply_time`,
    /// `conversation_resolved`, `conversation_opened`,
    /// `conversation_bot_handoff`, `conversation_bot_resolved`.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The page to fetch, from 1 (the default).
    pub fn page(mut self, page: i64) -> Self {
        self.page = page;
        self
    }

    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest), before any request,
    /// for a page below 1; [`Forbidden`](crate::ErrorKind::Forbidden) for an
    /// agent; [`NotFound`](crate::ErrorKind::NotFound) from a server without the
    /// Enterprise edition; any other kind a request can fail with.
    pub async fn send(self) -> Result<ReportingEventPage, Error> {
        let op = Operation::GetAccountReportingEvents;
        pagination::check_page(self.page, op)?;
        let account_id = self.client.require_account(op)?;
        let list = self
            .client
            .call_with(&self.options, op, |raw| {
                let mut request = raw
                    .get_account_reporting_events()
                    .account_id(account_id)
                    .page(self.page);
                if let Some(range) = self.range {
                    request = request
                        .since(range.since_param())
                        .until(range.until_param());
                }
                if let Some(inbox) = self.inbox_id {
                    request = request.inbox_id(inbox);
                }
                if let Some(user) = self.user_id {
                    request = request.user_id(user);
                }
                if let Some(name) = &self.name {
                    request = request.name(name.clone());
                }
                request.send()
            })
            .await?;
        let next_page = (self.page < list.meta.total_pages).then_some(self.page + 1);
        Ok(ReportingEventPage {
            events: list.payload,
            count: list.meta.count,
            next_page,
        })
    }

    /// Every event, newest first, page after page from [`page`](Self::page).
    pub fn stream(self) -> BoxStream<'static, Result<ReportingEvent, Error>> {
        let first = self.page;
        pagination::numbered::<ReportingEventPage, _, _>(first, move |page| {
            self.clone().page(page).send()
        })
    }
}
