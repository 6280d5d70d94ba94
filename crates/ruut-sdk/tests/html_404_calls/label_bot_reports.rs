//! The label summary, bot and CSV download calls of `ReportsHandle`, for the
//! HTML 404 check.

use ruut_sdk::{Client, Operation, ReportCsv, ReportRange};

use super::{Call, call};

/// `reports().by_label`, `bot_summary`, `bot_metrics`, `download`.
pub fn calls(client: &Client) -> Vec<(&'static str, Operation, Call<'_>)> {
    let week = ReportRange::new(1_764_000_000, 1_764_604_800);
    let reports = move || client.reports();
    vec![
        (
            "reports().by_label",
            Operation::GetLabelSummaryReport,
            call(async move { reports().by_label(week).business_hours(true).send().await }),
        ),
        (
            "reports().bot_summary",
            Operation::GetBotReportSummary,
            call(async move { reports().bot_summary(week).send().await }),
        ),
        (
            "reports().bot_metrics",
            Operation::GetBotMetrics,
            call(async move { reports().bot_metrics(week).await }),
        ),
        (
            "reports().download(Agents)",
            Operation::DownloadAgentsReport,
            call(async move { reports().download(ReportCsv::Agents, week).send().await }),
        ),
        (
            "reports().download(Inboxes)",
            Operation::DownloadInboxesReport,
            call(async move { reports().download(ReportCsv::Inboxes, week).send().await }),
        ),
        (
            "reports().download(Labels)",
            Operation::DownloadLabelsReport,
            call(async move { reports().download(ReportCsv::Labels, week).send().await }),
        ),
        (
            "reports().download(Teams)",
            Operation::DownloadTeamsReport,
            call(async move { reports().download(ReportCsv::Teams, week).send().await }),
        ),
        (
            "reports().download(ConversationsSummary)",
            Operation::DownloadConversationsSummaryReport,
            call(async move {
                let report = ReportCsv::ConversationsSummary;
                reports()
                    .download(report, week)
                    .business_hours(true)
                    .send()
                    .await
            }),
        ),
    ]
}
