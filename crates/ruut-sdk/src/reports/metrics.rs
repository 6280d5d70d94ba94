//! A metric over time, and the totals of a period:
//! [`ReportsHandle::timeseries`], [`ReportsHandle::summary`].

use ruut_api::enums::ReportMetric;
use ruut_api::operations::Operation;
use ruut_api::types::{ReportPoint, ReportSummary};

use crate::client::Client;
use crate::error::Error;
use crate::reports::{GroupBy, ReportRange, ReportSubject, ReportsHandle};
use crate::transport::options::{CallOptions, call_options};

impl ReportsHandle {
    /// One metric per period of `range`, oldest first, every period present
    /// (0 when nothing happened); see [`TimeseriesRequest`] for whose metric
    /// and which periods. Counts give `value`; averages (seconds) also give
    /// `count`, how many events each average is over.
    ///
    /// ```no_run
    /// use ruut_sdk::{GroupBy, ReportRange, ReportSubject};
    /// use ruut_sdk::enums::ReportMetric;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let points = client
    ///     .reports()
    ///     .timeseries(ReportMetric::AvgFirstResponseTime, ReportRange::last_days(7))
    ///     .of(ReportSubject::Inbox(3))
    ///     .group_by(GroupBy::Day)
    ///     .timezone_offset(5.5)
    ///     .send()
    ///     .await?;
    /// for point in points {
    ///     println!("{}: {} s over {:?} replies", point.timestamp, point.value, point.count);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn timeseries(&self, metric: ReportMetric, range: ReportRange) -> TimeseriesRequest {
        TimeseriesRequest {
            client: self.client().clone(),
            options: CallOptions::default(),
            metric,
            range,
            subject: ReportSubject::Account,
            group_by: GroupBy::Day,
            business_hours: false,
            timezone_offset: None,
        }
    }

    /// Every metric totalled over `range`, with the same for the period of
    /// the same length before it (`previous`); see [`SummaryRequest`].
    ///
    /// ```no_run
    /// use ruut_sdk::{ReportRange, ReportSubject};
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let mine = client
    ///     .reports()
    ///     .summary(ReportRange::last_days(7))
    ///     .of(ReportSubject::Agent(7))
    ///     .send()
    ///     .await?;
    /// println!("{:?} s to first response", mine.avg_first_response_time);
    /// # Ok(())
    /// # }
    /// ```
    pub fn summary(&self, range: ReportRange) -> SummaryRequest {
        SummaryRequest {
            client: self.client().clone(),
            options: CallOptions::default(),
            range,
            subject: ReportSubject::Account,
            business_hours: false,
            timezone_offset: None,
        }
    }
}

/// A metric over time, to send; see [`ReportsHandle::timeseries`].
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct TimeseriesRequest {
    client: Client,
    options: CallOptions,
    metric: ReportMetric,
    range: ReportRange,
    subject: ReportSubject,
    group_by: GroupBy,
    business_hours: bool,
    timezone_offset: Option<f64>,
}

call_options!(TimeseriesRequest);

impl TimeseriesRequest {
    /// Whose metric (the whole account by default).
    pub fn of(mut self, subject: ReportSubject) -> Self {
        self.subject = subject;
        self
    }

    /// The periods (a day by default).
    pub fn group_by(mut self, group_by: GroupBy) -> Self {
        self.group_by = group_by;
        self
    }

    /// Averages only the time within the inboxes' working hours (0 for an
    /// inbox without working hours).
    pub fn business_hours(mut self, business_hours: bool) -> Self {
        self.business_hours = business_hours;
        self
    }

    /// The UTC offset, in hours, of the time zone the periods start in (UTC
    /// by default, and for an offset no time zone has).
    pub fn timezone_offset(mut self, hours: f64) -> Self {
        self.timezone_offset = Some(hours);
        self
    }

    /// Fetches the points.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent (reports are for
    /// administrators); [`NotFound`](crate::ErrorKind::NotFound) for a subject not in
    /// the account; any other kind a request can fail with.
    pub async fn send(self) -> Result<Vec<ReportPoint>, Error> {
        let op = Operation::GetReportTimeseries;
        let account_id = self.client.require_account(op)?;
        let (kind, id) = self.subject.params();
        self.client
            .call_with(&self.options, op, |raw| {
                let mut request = raw
                    .get_report_timeseries()
                    .account_id(account_id)
                    .metric(self.metric.clone())
                    .type_(kind)
                    .since(self.range.since_param())
                    .until(self.range.until_param())
                    .group_by(self.group_by.as_str().to_owned())
                    .business_hours(self.business_hours);
                if let Some(id) = id {
                    request = request.id(id);
                }
                if let Some(hours) = self.timezone_offset {
                    request = request.timezone_offset(hours);
                }
                request.send()
            })
            .await
    }
}

/// The totals of a period, to send; see [`ReportsHandle::summary`].
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct SummaryRequest {
    client: Client,
    options: CallOptions,
    range: ReportRange,
    subject: ReportSubject,
    business_hours: bool,
    timezone_offset: Option<f64>,
}

call_options!(SummaryRequest);

impl SummaryRequest {
    /// Whose totals (the whole account by default; the server cannot total a team).
    pub fn of(mut self, subject: ReportSubject) -> Self {
        self.subject = subject;
        self
    }

    /// Averages only the time within the inboxes' working hours.
    pub fn business_hours(mut self, business_hours: bool) -> Self {
        self.business_hours = business_hours;
        self
    }

    /// The UTC offset, in hours, of the caller's time zone.
    pub fn timezone_offset(mut self, hours: f64) -> Self {
        self.timezone_offset = Some(hours);
        self
    }

    /// Fetches the totals.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent;
    /// [`NotFound`](crate::ErrorKind::NotFound) for a subject not in the account; any
    /// other kind a request can fail with.
    pub async fn send(self) -> Result<ReportSummary, Error> {
        let op = Operation::GetReportSummary;
        let account_id = self.client.require_account(op)?;
        let (kind, id) = self.subject.params();
        self.client
            .call_with(&self.options, op, |raw| {
                let mut request = raw
                    .get_report_summary()
                    .account_id(account_id)
                    .type_(kind)
                    .since(self.range.since_param())
                    .until(self.range.until_param())
                    .business_hours(self.business_hours);
                if let Some(id) = id {
                    request = request.id(id);
                }
                if let Some(hours) = self.timezone_offset {
                    request = request.timezone_offset(hours);
                }
                request.send()
            })
            .await
    }
}
