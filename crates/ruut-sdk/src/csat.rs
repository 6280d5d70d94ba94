//! The customers' satisfaction ratings: [`Client::csat_responses`], a paged
//! listing with filters, the totals of the same filters
//! ([`CsatResponseQuery::metrics`]) and the same responses as the server's CSV
//! file ([`CsatResponseQuery::download`], in `csat/download.rs`).

use futures::stream::BoxStream;
use ruut_api::operations::Operation;
use ruut_api::types::{CsatMetrics, CsatSurveyResponse, ListCsatSurveyResponsesSort as Sort};

use crate::client::Client;
use crate::error::Error;
use crate::pagination::{self, NumberedPage};
use crate::reports::ReportRange;
use crate::transport::options::{CallOptions, call_options};

mod download;

/// Responses a page, as the server sends them (`RESULTS_PER_PAGE`).
const PER_PAGE: usize = 25;

impl Client {
    /// The customers' answers to the satisfaction survey, 25 a page; see
    /// [`CsatResponseQuery`] for the filters. For administrators (an agent's
    /// token gets [`Forbidden`](crate::ErrorKind::Forbidden)).
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// use ruut_sdk::ReportRange;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let week = ReportRange::last_days(7);
    /// let unhappy: Vec<_> = client
    ///     .csat_responses()
    ///     .range(week)
    ///     .rating(1)
    ///     .stream()
    ///     .try_collect()
    ///     .await?;
    /// for response in unhappy {
    ///     println!("conversation {}: {:?}", response.conversation_id, response.feedback_message);
    /// }
    /// let totals = client.csat_responses().range(week).metrics().await?;
    /// println!("{} answers to {} surveys", totals.total_count, totals.total_sent_messages_count);
    /// # Ok(())
    /// # }
    /// ```
    pub fn csat_responses(&self) -> CsatResponseQuery {
        CsatResponseQuery {
            client: self.clone(),
            options: CallOptions::default(),
            range: None,
            agents: Vec::new(),
            inbox_id: None,
            team_id: None,
            rating: None,
            newest_first: None,
            page: 1,
        }
    }
}

/// A listing of CSAT survey responses; see [`Client::csat_responses`].
#[derive(Clone, Debug)]
#[must_use = "a listing does nothing until it is streamed or sent"]
pub struct CsatResponseQuery {
    client: Client,
    options: CallOptions,
    range: Option<ReportRange>,
    agents: Vec<i64>,
    inbox_id: Option<i64>,
    team_id: Option<i64>,
    rating: Option<i64>,
    newest_first: Option<bool>,
    page: i64,
}

/// One page of CSAT survey responses; see [`CsatResponseQuery::send`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct CsatResponsePage {
    /// The responses on this page (at most 25).
    pub responses: Vec<CsatSurveyResponse>,
    /// The next page's number, `None` after the last page.
    pub next_page: Option<i64>,
}

impl NumberedPage for CsatResponsePage {
    type Item = CsatSurveyResponse;

    fn first_id(&self) -> Option<i64> {
        self.responses.first().map(|r| r.id)
    }

    fn into_parts(self) -> (Vec<CsatSurveyResponse>, Option<i64>) {
        (self.responses, self.next_page)
    }
}

call_options!(CsatResponseQuery);

impl CsatResponseQuery {
    /// Only responses given in `range`.
    pub fn range(mut self, range: ReportRange) -> Self {
        self.range = Some(range);
        self
    }

    /// Only responses of conversations assigned to this agent (call again
    /// for more agents).
    pub fn agent(mut self, agent_id: i64) -> Self {
        self.agents.push(agent_id);
        self
    }

    /// Only responses of conversations in this inbox.
    pub fn inbox(mut self, inbox_id: i64) -> Self {
        self.inbox_id = Some(inbox_id);
        self
    }

    /// Only responses of conversations of this team.
    pub fn team(mut self, team_id: i64) -> Self {
        self.team_id = Some(team_id);
        self
    }

    /// Only responses with this rating (1 to 5).
    pub fn rating(mut self, rating: i64) -> Self {
        self.rating = Some(rating);
        self
    }

    /// Newest first (`true`) or oldest first (`false`); the server's own
    /// order (by id) when not set.
    pub fn newest_first(mut self, newest_first: bool) -> Self {
        self.newest_first = Some(newest_first);
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
    /// agent; any other kind a request can fail with.
    pub async fn send(self) -> Result<CsatResponsePage, Error> {
        let op = Operation::ListCsatSurveyResponses;
        pagination::check_page(self.page, op)?;
        let account_id = self.client.require_account(op)?;
        let responses = self
            .client
            .call_with(&self.options, op, |raw| {
                let mut request = raw
                    .list_csat_survey_responses()
                    .account_id(account_id)
                    .page(self.page)
                    .user_ids(self.agents.clone());
                if let Some(range) = self.range {
                    request = request
                        .since(range.since_param())
                        .until(range.until_param());
                }
                if let Some(inbox) = self.inbox_id {
                    request = request.inbox_id(inbox);
                }
                if let Some(team) = self.team_id {
                    request = request.team_id(team);
                }
                if let Some(rating) = self.rating {
                    request = request.rating(rating);
                }
                if let Some(newest) = self.newest_first {
                    request = request.sort(if newest {
                        Sort::XcreatedXat
                    } else {
                        Sort::CreatedXat
                    });
                }
                request.send()
            })
            .await?;
        let next_page = pagination::next_page(self.page, responses.len(), PER_PAGE);
        Ok(CsatResponsePage {
            responses,
            next_page,
        })
    }

    /// Every response, page after page from [`page`](Self::page).
    pub fn stream(self) -> BoxStream<'static, Result<CsatSurveyResponse, Error>> {
        let first = self.page;
        pagination::numbered::<CsatResponsePage, _, _>(first, move |page| {
            self.clone().page(page).send()
        })
    }

    /// The totals of the responses the filters match: how many, how many of
    /// each rating, and how many surveys were sent in the range (paging and
    /// order do not apply).
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any other kind
    /// a request can fail with.
    pub async fn metrics(self) -> Result<CsatMetrics, Error> {
        let op = Operation::GetCsatMetrics;
        let account_id = self.client.require_account(op)?;
        self.client
            .call_with(&self.options, op, |raw| {
                let mut request = raw
                    .get_csat_metrics()
                    .account_id(account_id)
                    .user_ids(self.agents.clone());
                if let Some(range) = self.range {
                    request = request
                        .since(range.since_param())
                        .until(range.until_param());
                }
                if let Some(inbox) = self.inbox_id {
                    request = request.inbox_id(inbox);
                }
                if let Some(team) = self.team_id {
                    request = request.team_id(team);
                }
                if let Some(rating) = self.rating {
                    request = request.rating(rating);
                }
                request.send()
            })
            .await
    }
}
