//! The totals of each label over a period: [`ReportsHandle::by_label`].
//!
//! Its own builder because the server's answer differs from the other
//! breakdowns': the label's `name` beside its id, averages `0` (never
//! absent) when there is nothing to average, and every conversation of the
//! account counted when no range is sent.

use ruut_api::operations::Operation;
use ruut_api::types::LabelSummaryReportRow;

use crate::client::Client;
use crate::error::Error;
use crate::reports::{ReportRange, ReportsHandle};
use crate::transport::options::{CallOptions, call_options};

impl ReportsHandle {
    /// The totals of each label of the account (by title) over `range`:
    /// conversations created in the range that carry it, resolutions in the
    /// range of conversations that carry it, and the average resolution,
    /// first response and reply times (seconds, `0.0` when there is nothing
    /// to average) of those conversations.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let week = ruut_sdk::ReportRange::last_days(7);
    /// for row in client.reports().by_label(week).send().await? {
    ///     println!("{}: {} conversations", row.name, row.conversations_count);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn by_label(&self, range: ReportRange) -> LabelBreakdownRequest {
        LabelBreakdownRequest {
            client: self.client().clone(),
            options: CallOptions::default(),
            range,
            business_hours: false,
        }
    }
}

/// The totals of each label, to send; see [`ReportsHandle::by_label`].
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct LabelBreakdownRequest {
    client: Client,
    options: CallOptions,
    range: ReportRange,
    business_hours: bool,
}

call_options!(LabelBreakdownRequest);

impl LabelBreakdownRequest {
    /// Averages only the time within the inboxes' working hours (0 for an
    /// inbox without working hours).
    pub fn business_hours(mut self, business_hours: bool) -> Self {
        self.business_hours = business_hours;
        self
    }

    /// Fetches one row per label of the account, ordered by title.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any other kind
    /// a request can fail with.
    pub async fn send(self) -> Result<Vec<LabelSummaryReportRow>, Error> {
        let op = Operation::GetLabelSummaryReport;
        let account_id = self.client.require_account(op)?;
        let (since, until) = (self.range.since_param(), self.range.until_param());
        let business_hours = self.business_hours;
        self.client
            .call_with(&self.options, op, |raw| {
                raw.get_label_summary_report()
                    .account_id(account_id)
                    .since(since.clone())
                    .until(until.clone())
                    .business_hours(business_hours)
                    .send()
            })
            .await
    }
}
