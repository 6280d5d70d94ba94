//! Reports broken down by agent, team, inbox, channel or label, and the open
//! conversations now: [`ReportsHandle::by_agent`] and the calls beside it.

use ruut_api::operations::Operation;
use ruut_api::types::{
    AccountConversationMetrics, AgentConversationMetrics, ChannelSummaries, ConversationMetrics,
    FirstResponseDistribution, GetConversationMetricsType, GetOutgoingMessagesCountGroupBy,
    OutgoingMessagesCount, SummaryReportRow,
};

use crate::client::Client;
use crate::error::Error;
use crate::reports::{ReportRange, ReportsHandle};
use crate::transport::options::{CallOptions, call_options};

/// What [`ReportsHandle::outgoing_messages`] groups by.
///
/// ```
/// assert_eq!(ruut_sdk::OutgoingGroup::Label.as_str(), "label");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OutgoingGroup {
    /// The agent who sent them (bots' messages are left out).
    Agent,
    /// Their conversation's team.
    Team,
    /// Their conversation's inbox.
    Inbox,
    /// Each label of their conversation.
    Label,
}

impl OutgoingGroup {
    /// The value the server reads.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Agent => "agent",
            Self::Team => "team",
            Self::Inbox => "inbox",
            Self::Label => "label",
        }
    }

    fn param(self) -> GetOutgoingMessagesCountGroupBy {
        match self {
            Self::Agent => GetOutgoingMessagesCountGroupBy::Agent,
            Self::Team => GetOutgoingMessagesCountGroupBy::Team,
            Self::Inbox => GetOutgoingMessagesCountGroupBy::Inbox,
            Self::Label => GetOutgoingMessagesCountGroupBy::Label,
        }
    }
}

/// Which breakdown a [`BreakdownRequest`] fetches.
#[derive(Clone, Copy, Debug)]
enum Breakdown {
    Agent,
    Team,
    Inbox,
}

impl ReportsHandle {
    fn breakdown(&self, by: Breakdown, range: ReportRange) -> BreakdownRequest {
        BreakdownRequest {
            client: self.client().clone(),
            options: CallOptions::default(),
            by,
            range,
            business_hours: false,
        }
    }

    /// The totals of each agent of the account over `range`: conversations
    /// assigned, resolutions, average resolution, first response and reply
    /// times (seconds, `None` when there is nothing to average).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let week = ruut_sdk::ReportRange::last_days(7);
    /// for row in client.reports().by_agent(week).send().await? {
    ///     println!("agent {}: {} resolved", row.id, row.resolved_conversations_count);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn by_agent(&self, range: ReportRange) -> BreakdownRequest {
        self.breakdown(Breakdown::Agent, range)
    }

    /// The totals of each team over `range` (as [`by_agent`](Self::by_agent)).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let rows = client.reports().by_team(ruut_sdk::ReportRange::last_days(30)).send().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn by_team(&self, range: ReportRange) -> BreakdownRequest {
        self.breakdown(Breakdown::Team, range)
    }

    /// The totals of each inbox over `range` (as [`by_agent`](Self::by_agent)).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let rows = client
    ///     .reports()
    ///     .by_inbox(ruut_sdk::ReportRange::last_days(30))
    ///     .business_hours(true)
    ///     .send()
    ///     .await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn by_inbox(&self, range: ReportRange) -> BreakdownRequest {
        self.breakdown(Breakdown::Inbox, range)
    }

    /// The conversations created in `range` by channel type (`Channel::Api`,
    /// ...) and status. The server refuses a range over six months.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let channels = client.reports().by_channel(ruut_sdk::ReportRange::last_days(7)).await?;
    /// for (channel, counts) in channels.iter() {
    ///     println!("{channel}: {} open of {}", counts.open, counts.total);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest) for a range over six
    /// months; [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any
    /// other kind a request can fail with.
    pub async fn by_channel(&self, range: ReportRange) -> Result<ChannelSummaries, Error> {
        let op = Operation::GetChannelSummaryReport;
        let account_id = self.client().require_account(op)?;
        self.client()
            .call(op, |raw| {
                raw.get_channel_summary_report()
                    .account_id(account_id)
                    .since(range.since_param())
                    .until(range.until_param())
                    .send()
            })
            .await
    }

    /// How many first responses in `range` took under an hour, 1 to 4, 4 to
    /// 8, 8 to 24 and 24 hours or more, by channel type.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let week = ruut_sdk::ReportRange::last_days(7);
    /// let buckets = client.reports().first_response_distribution(week).await?;
    /// for (channel, b) in buckets.iter() {
    ///     println!("{channel}: {} within the hour", b.x0_1h);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any other kind
    /// a request can fail with.
    pub async fn first_response_distribution(
        &self,
        range: ReportRange,
    ) -> Result<FirstResponseDistribution, Error> {
        let op = Operation::GetFirstResponseTimeDistribution;
        let account_id = self.client().require_account(op)?;
        self.client()
            .call(op, |raw| {
                raw.get_first_response_time_distribution()
                    .account_id(account_id)
                    .since(range.since_param())
                    .until(range.until_param())
                    .send()
            })
            .await
    }

    /// How many outgoing messages (replies and private notes) were sent in
    /// `range`, by agent, team, inbox or label; only groups with messages.
    ///
    /// ```no_run
    /// use ruut_sdk::{OutgoingGroup, ReportRange};
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let rows = client
    ///     .reports()
    ///     .outgoing_messages(OutgoingGroup::Agent, ReportRange::last_days(7))
    ///     .await?;
    /// for row in rows {
    ///     println!("{:?}: {}", row.name, row.outgoing_messages_count);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any other kind
    /// a request can fail with.
    pub async fn outgoing_messages(
        &self,
        group: OutgoingGroup,
        range: ReportRange,
    ) -> Result<Vec<OutgoingMessagesCount>, Error> {
        let op = Operation::GetOutgoingMessagesCount;
        let account_id = self.client().require_account(op)?;
        self.client()
            .call(op, |raw| {
                raw.get_outgoing_messages_count()
                    .account_id(account_id)
                    .group_by(group.param())
                    .since(range.since_param())
                    .until(range.until_param())
                    .send()
            })
            .await
    }

    /// The account's open conversations now: how many, how many unattended
    /// (no first reply yet, or a customer waiting), how many unassigned.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let now = client.reports().open_conversations().await?;
    /// println!("{} open, {} unattended", now.open, now.unattended);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any other kind
    /// a request can fail with.
    pub async fn open_conversations(&self) -> Result<AccountConversationMetrics, Error> {
        match self
            .conversation_metrics(GetConversationMetricsType::Account, None)
            .await?
        {
            ConversationMetrics::AccountConversationMetrics(metrics) => Ok(metrics),
            ConversationMetrics::Array(_) => Err(unexpected_shape()),
        }
    }

    /// Each agent's open and unattended conversations now, 25 agents a page
    /// (`page` from 1), most open first.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// for agent in client.reports().agents_open_conversations(1).await? {
    ///     println!("{}: {} open", agent.name, agent.metric.open);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest), before any request, for
    /// a page below 1; [`Forbidden`](crate::ErrorKind::Forbidden) for an agent;
    /// any other kind a request can fail with.
    pub async fn agents_open_conversations(
        &self,
        page: i64,
    ) -> Result<Vec<AgentConversationMetrics>, Error> {
        crate::pagination::check_page(page, Operation::GetConversationMetrics)?;
        let kind = GetConversationMetricsType::Agent;
        match self.conversation_metrics(kind, Some(page)).await? {
            ConversationMetrics::Array(agents) => Ok(agents),
            ConversationMetrics::AccountConversationMetrics(_) => Err(unexpected_shape()),
        }
    }

    async fn conversation_metrics(
        &self,
        kind: GetConversationMetricsType,
        page: Option<i64>,
    ) -> Result<ConversationMetrics, Error> {
        let op = Operation::GetConversationMetrics;
        let account_id = self.client().require_account(op)?;
        self.client()
            .call(op, |raw| {
                let mut request = raw
                    .get_conversation_metrics()
                    .account_id(account_id)
                    .type_(kind);
                if let Some(page) = page {
                    request = request.page(page);
                }
                request.send()
            })
            .await
    }
}

/// The server answered the other shape of `getConversationMetrics`.
fn unexpected_shape() -> Error {
    Error::from_body(
        Some(200),
        b"the conversation metrics came in the other shape",
    )
    .with_operation(Operation::GetConversationMetrics)
}

/// The totals of each agent, team or inbox, to send; see
/// [`ReportsHandle::by_agent`], [`by_team`](ReportsHandle::by_team),
/// [`by_inbox`](ReportsHandle::by_inbox).
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct BreakdownRequest {
    client: Client,
    options: CallOptions,
    by: Breakdown,
    range: ReportRange,
    business_hours: bool,
}

call_options!(BreakdownRequest);

impl BreakdownRequest {
    /// Averages only the time within the inboxes' working hours (0 for an
    /// inbox without working hours).
    pub fn business_hours(mut self, business_hours: bool) -> Self {
        self.business_hours = business_hours;
        self
    }

    /// Fetches one row per agent, team or inbox of the account.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any other kind
    /// a request can fail with.
    pub async fn send(self) -> Result<Vec<SummaryReportRow>, Error> {
        let op = match self.by {
            Breakdown::Agent => Operation::GetAgentSummaryReport,
            Breakdown::Team => Operation::GetTeamSummaryReport,
            Breakdown::Inbox => Operation::GetInboxSummaryReport,
        };
        let account_id = self.client.require_account(op)?;
        let (since, until) = (self.range.since_param(), self.range.until_param());
        let bh = self.business_hours;
        self.client
            .call_with(&self.options, op, |raw| {
                let (since, until) = (since.clone(), until.clone());
                async move {
                    match self.by {
                        Breakdown::Agent => {
                            raw.get_agent_summary_report()
                                .account_id(account_id)
                                .since(since)
                                .until(until)
                                .business_hours(bh)
                                .send()
                                .await
                        }
                        Breakdown::Team => {
                            raw.get_team_summary_report()
                                .account_id(account_id)
                                .since(since)
                                .until(until)
                                .business_hours(bh)
                                .send()
                                .await
                        }
                        Breakdown::Inbox => {
                            raw.get_inbox_summary_report()
                                .account_id(account_id)
                                .since(since)
                                .until(until)
                                .business_hours(bh)
                                .send()
                                .await
                        }
                    }
                }
            })
            .await
    }
}
