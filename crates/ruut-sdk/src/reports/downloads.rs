//! The reports as the dashboard's CSV files: [`ReportsHandle::download`].
//!
//! The server answers `text/csv`, which the generated client does not
//! parse: the generated builders hand back the raw body (capped like every
//! answer), read here as text, on the same call path as
//! [`CsatResponseQuery::download`](crate::CsatResponseQuery::download).

use futures::TryStreamExt;
use ruut_api::operations::Operation;

use crate::client::Client;
use crate::error::{Error, ErrorKind, convert};
use crate::reports::{ReportRange, ReportsHandle};
use crate::transport::options::{CallOptions, call_options};

/// Which CSV file [`ReportsHandle::download`] fetches.
///
/// ```
/// assert_eq!(ruut_sdk::ReportCsv::Agents.file_name(), "agents_report.csv");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ReportCsv {
    /// Each agent's totals (`reports/agents`).
    Agents,
    /// Each inbox's totals (`reports/inboxes`).
    Inboxes,
    /// Each label's totals (`reports/labels`).
    Labels,
    /// Each team's totals (`reports/teams`).
    Teams,
    /// The account's totals (`reports/conversations_summary`).
    ConversationsSummary,
}

impl ReportCsv {
    /// The name the server gives the file (`Content-Disposition`).
    pub fn file_name(&self) -> &'static str {
        match self {
            Self::Agents => "agents_report.csv",
            Self::Inboxes => "inboxes_report.csv",
            Self::Labels => "labels_report.csv",
            Self::Teams => "teams_report.csv",
            Self::ConversationsSummary => "conversations_summary_report.csv",
        }
    }

    fn operation(self) -> Operation {
        match self {
            Self::Agents => Operation::DownloadAgentsReport,
            Self::Inboxes => Operation::DownloadInboxesReport,
            Self::Labels => Operation::DownloadLabelsReport,
            Self::Teams => Operation::DownloadTeamsReport,
            Self::ConversationsSummary => Operation::DownloadConversationsSummaryReport,
        }
    }
}

impl ReportsHandle {
    /// One of the dashboard's report files over `range`, as CSV text: a line
    /// naming the period, two empty lines, a header line and the rows (times
    /// written as `1 hour 5 minutes`, `N/A` for none).
    ///
    /// ```no_run
    /// use ruut_sdk::{ReportCsv, ReportRange};
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let report = ReportCsv::Agents;
    /// let csv = client
    ///     .reports()
    ///     .download(report, ReportRange::last_days(30))
    ///     .send()
    ///     .await?;
    /// std::fs::write(report.file_name(), csv).expect("written");
    /// # Ok(())
    /// # }
    /// ```
    pub fn download(&self, report: ReportCsv, range: ReportRange) -> DownloadReportRequest {
        DownloadReportRequest {
            client: self.client().clone(),
            options: CallOptions::default(),
            report,
            range,
            business_hours: false,
        }
    }
}

/// A report file, to send; see [`ReportsHandle::download`].
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct DownloadReportRequest {
    client: Client,
    options: CallOptions,
    report: ReportCsv,
    range: ReportRange,
    business_hours: bool,
}

call_options!(DownloadReportRequest);

impl DownloadReportRequest {
    /// Averages only the time within the inboxes' working hours (0, written
    /// `N/A`, for an inbox without working hours).
    pub fn business_hours(mut self, business_hours: bool) -> Self {
        self.business_hours = business_hours;
        self
    }

    /// Fetches the file as text.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent;
    /// [`UnexpectedResponse`](crate::ErrorKind::UnexpectedResponse) when the file is
    /// not UTF-8; any other kind a request can fail with.
    pub async fn send(self) -> Result<String, Error> {
        let op = self.report.operation();
        let account_id = self.client.require_account(op)?;
        let (since, until) = (self.range.since_param(), self.range.until_param());
        let bh = self.business_hours;
        let report = self.report;
        let body = self
            .client
            .call_with(&self.options, op, |raw| {
                let (since, until) = (since.clone(), until.clone());
                async move {
                    match report {
                        ReportCsv::Agents => {
                            let r = raw.download_agents_report().account_id(account_id);
                            r.since(since).until(until).business_hours(bh).send().await
                        }
                        ReportCsv::Inboxes => {
                            let r = raw.download_inboxes_report().account_id(account_id);
                            r.since(since).until(until).business_hours(bh).send().await
                        }
                        ReportCsv::Labels => {
                            let r = raw.download_labels_report().account_id(account_id);
                            r.since(since).until(until).business_hours(bh).send().await
                        }
                        ReportCsv::Teams => {
                            let r = raw.download_teams_report().account_id(account_id);
                            r.since(since).until(until).business_hours(bh).send().await
                        }
                        ReportCsv::ConversationsSummary => {
                            let r = raw
                                .download_conversations_summary_report()
                                .account_id(account_id);
                            r.since(since).until(until).business_hours(bh).send().await
                        }
                    }
                }
            })
            .await?;
        let chunks: Vec<bytes::Bytes> = body
            .into_inner()
            .try_collect()
            .await
            .map_err(|e| convert::from_reqwest(&e).with_operation(op))?;
        String::from_utf8(chunks.concat()).map_err(|_| {
            Error::new(ErrorKind::UnexpectedResponse, "the CSV file is not UTF-8")
                .with_operation(op)
        })
    }
}
