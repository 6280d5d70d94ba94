//! The bots' reports: [`ReportsHandle::bot_summary`] (bot resolutions and
//! handoffs of a period and the one before) and
//! [`ReportsHandle::bot_metrics`] (the bots' inboxes' conversations and
//! messages, with rates).

use ruut_api::operations::Operation;
use ruut_api::types::{BotMetrics, BotReportSummary};

use crate::client::Client;
use crate::error::Error;
use crate::reports::{ReportRange, ReportSubject, ReportsHandle};
use crate::transport::options::{CallOptions, call_options};

impl ReportsHandle {
    /// How many conversations bots resolved and handed off to humans in
    /// `range`, and in the period of the same length before it
    /// (`previous`); of the whole account unless [`of`](BotSummaryRequest::of)
    /// says whose.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let week = ruut_sdk::ReportRange::last_days(7);
    /// let bots = client.reports().bot_summary(week).send().await?;
    /// println!(
    ///     "{} resolved by bots, {} handed off (previous week: {})",
    ///     bots.bot_resolutions_count, bots.bot_handoffs_count,
    ///     bots.previous.bot_handoffs_count
    /// );
    /// # Ok(())
    /// # }
    /// ```
    pub fn bot_summary(&self, range: ReportRange) -> BotSummaryRequest {
        BotSummaryRequest {
            client: self.client().clone(),
            options: CallOptions::default(),
            range,
            subject: ReportSubject::Account,
        }
    }

    /// The bots' figures over `range`: the conversations created in inboxes
    /// with an active bot, their outgoing messages, and the account's
    /// bot-resolved and handed-off conversations as whole percentages of
    /// those conversations.
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let week = ruut_sdk::ReportRange::last_days(7);
    /// let bots = client.reports().bot_metrics(week).await?;
    /// println!("{} conversations, {}% handed off", bots.conversation_count, bots.handoff_rate);
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any other kind
    /// a request can fail with.
    pub async fn bot_metrics(&self, range: ReportRange) -> Result<BotMetrics, Error> {
        let op = Operation::GetBotMetrics;
        let account_id = self.client().require_account(op)?;
        self.client()
            .call(op, |raw| {
                raw.get_bot_metrics()
                    .account_id(account_id)
                    .since(range.since_param())
                    .until(range.until_param())
                    .send()
            })
            .await
    }
}

/// The bot counts of a period, to send; see [`ReportsHandle::bot_summary`].
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct BotSummaryRequest {
    client: Client,
    options: CallOptions,
    range: ReportRange,
    subject: ReportSubject,
}

call_options!(BotSummaryRequest);

impl BotSummaryRequest {
    /// Whose counts (the whole account by default; the server has none for a
    /// team).
    pub fn of(mut self, subject: ReportSubject) -> Self {
        self.subject = subject;
        self
    }

    /// Fetches the counts.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent;
    /// [`NotFound`](crate::ErrorKind::NotFound) for a subject not in the account;
    /// any other kind a request can fail with.
    pub async fn send(self) -> Result<BotReportSummary, Error> {
        let op = Operation::GetBotReportSummary;
        let account_id = self.client.require_account(op)?;
        let (kind, id) = self.subject.params();
        self.client
            .call_with(&self.options, op, |raw| {
                let mut request = raw
                    .get_bot_report_summary()
                    .account_id(account_id)
                    .type_(kind)
                    .since(self.range.since_param())
                    .until(self.range.until_param());
                if let Some(id) = id {
                    request = request.id(id);
                }
                request.send()
            })
            .await
    }
}
