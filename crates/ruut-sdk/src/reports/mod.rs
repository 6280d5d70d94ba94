//! The account's reports: [`ReportsHandle`], with the types that say which
//! period ([`ReportRange`]), how it is divided ([`GroupBy`]) and whose
//! figures ([`ReportSubject`]).
//!
//! The calls are in the files named for them: `metrics` (a metric over time,
//! the totals of a period), `breakdowns` (by agent, team, inbox, channel,
//! first-response buckets, outgoing messages, open conversations now),
//! `labels` (by label), `bots` (the bots' counts and rates), `downloads`
//! (the dashboard's CSV files). The
//! server computes every report from the account's conversations and
//! messages; reports are for administrators only (an agent's token gets
//! [`Forbidden`](crate::ErrorKind::Forbidden)).

use std::time::{SystemTime, UNIX_EPOCH};

use chrono::{DateTime, TimeZone};
use ruut_api::types::ReportType;

use crate::client::Client;

pub(crate) mod bots;
pub(crate) mod breakdowns;
pub(crate) mod downloads;
pub(crate) mod events;
pub(crate) mod label_matrix;
pub(crate) mod labels;
pub(crate) mod metrics;

impl Client {
    /// The account's reports (Reports v2). Sends nothing by itself.
    ///
    /// ```no_run
    /// use ruut_sdk::ReportRange;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let week = ReportRange::last_days(7);
    /// let summary = client.reports().summary(week).send().await?;
    /// println!(
    ///     "{} conversations, {} resolved (previous week: {})",
    ///     summary.conversations_count, summary.resolutions_count,
    ///     summary.previous.conversations_count
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn reports(&self) -> ReportsHandle {
        ReportsHandle {
            client: self.clone(),
        }
    }
}

/// The account's reports, to fetch; see [`Client::reports`].
///
/// A call with options ([`timeseries`](Self::timeseries),
/// [`summary`](Self::summary), [`by_agent`](Self::by_agent), ...) returns a
/// builder that ends in `send()`; the others are sent at once.
///
/// ```no_run
/// use ruut_sdk::{GroupBy, ReportRange};
/// use ruut_sdk::enums::ReportMetric;
///
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let reports = client.reports();
/// let month = ReportRange::last_days(30);
/// let daily = reports
///     .timeseries(ReportMetric::ConversationsCount, month)
///     .group_by(GroupBy::Week)
///     .send()
///     .await?;
/// for point in daily {
///     println!("{}: {}", point.timestamp, point.value);
/// }
/// for agent in reports.by_agent(month).send().await? {
///     println!("agent {}: {:?} s to first response", agent.id, agent.avg_first_response_time);
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct ReportsHandle {
    client: Client,
}

impl ReportsHandle {
    /// The client the handle sends its requests with.
    pub(crate) fn client(&self) -> &Client {
        &self.client
    }
}

/// The period a report covers: from `since` (inclusive) to `until`
/// (exclusive), in Unix seconds.
///
/// ```
/// use ruut_sdk::ReportRange;
///
/// let range = ReportRange::new(1_764_000_000, 1_764_604_800);
/// assert_eq!(range.until() - range.since(), 7 * 86_400);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReportRange {
    since: i64,
    until: i64,
}

impl ReportRange {
    /// From `since` to `until`, Unix seconds (times before 1970 count as 1970,
    /// as the server takes only digits).
    pub fn new(since: i64, until: i64) -> Self {
        Self {
            since: since.max(0),
            until: until.max(0),
        }
    }

    /// Between two points in time of any time zone.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use ruut_sdk::ReportRange;
    ///
    /// let november = ReportRange::between(
    ///     Utc.with_ymd_and_hms(2025, 11, 1, 0, 0, 0).unwrap(),
    ///     Utc.with_ymd_and_hms(2025, 12, 1, 0, 0, 0).unwrap(),
    /// );
    /// assert_eq!(november.since(), 1_761_955_200);
    /// ```
    pub fn between<Tz: TimeZone>(since: DateTime<Tz>, until: DateTime<Tz>) -> Self {
        Self::new(since.timestamp(), until.timestamp())
    }

    /// Between two [`SystemTime`]s.
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use ruut_sdk::ReportRange;
    ///
    /// let now = SystemTime::now();
    /// let hour = ReportRange::from_system_times(now - Duration::from_secs(3600), now);
    /// assert_eq!(hour.until() - hour.since(), 3600);
    /// ```
    pub fn from_system_times(since: SystemTime, until: SystemTime) -> Self {
        Self::new(unix(since), unix(until))
    }

    /// The `days` days up to now.
    ///
    /// ```
    /// let week = ruut_sdk::ReportRange::last_days(7);
    /// assert_eq!(week.until() - week.since(), 7 * 86_400);
    /// ```
    pub fn last_days(days: u32) -> Self {
        let now = unix(SystemTime::now());
        Self::new(now - i64::from(days) * 86_400, now)
    }

    /// The start, Unix seconds (inclusive).
    pub fn since(&self) -> i64 {
        self.since
    }

    /// The end, Unix seconds (exclusive).
    pub fn until(&self) -> i64 {
        self.until
    }

    /// `since` as the server reads it: digits.
    pub(crate) fn since_param(&self) -> String {
        self.since.to_string()
    }

    /// `until` as the server reads it: digits.
    pub(crate) fn until_param(&self) -> String {
        self.until.to_string()
    }
}

/// Unix seconds of a system time (negative before 1970).
fn unix(at: SystemTime) -> i64 {
    match at.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
    }
}

/// How a timeseries report divides its range. Weeks start on Sunday.
///
/// ```
/// assert_eq!(ruut_sdk::GroupBy::Month.as_str(), "month");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GroupBy {
    /// By the hour.
    Hour,
    /// By the day (the server's default).
    #[default]
    Day,
    /// By the week, from Sunday.
    Week,
    /// By the month.
    Month,
    /// By the year.
    Year,
}

impl GroupBy {
    /// The value the server reads.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Hour => "hour",
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Year => "year",
        }
    }
}

/// Whose figures a report gives: the whole account's (the default) or one
/// agent's, inbox's, team's or label's.
///
/// ```
/// use ruut_sdk::ReportSubject;
///
/// let subject = ReportSubject::Inbox(3);
/// assert_ne!(subject, ReportSubject::Account);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReportSubject {
    /// The whole account.
    #[default]
    Account,
    /// One agent: the conversations assigned to them, the messages they sent.
    Agent(i64),
    /// One inbox.
    Inbox(i64),
    /// One team (the server reports `conversations_count` only for teams).
    Team(i64),
    /// One label, by its id.
    Label(i64),
}

impl ReportSubject {
    /// The `type` and `id` parameters.
    pub(crate) fn params(self) -> (ReportType, Option<i64>) {
        match self {
            Self::Account => (ReportType::Account, None),
            Self::Agent(id) => (ReportType::Agent, Some(id)),
            Self::Inbox(id) => (ReportType::Inbox, Some(id)),
            Self::Team(id) => (ReportType::Team, Some(id)),
            Self::Label(id) => (ReportType::Label, Some(id)),
        }
    }
}
