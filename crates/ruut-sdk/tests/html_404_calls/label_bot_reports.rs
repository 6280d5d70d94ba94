//! The label summary and bot calls of `ReportsHandle`, for the HTML 404 check.

use ruut_sdk::{Client, Operation, ReportRange};

use super::{Call, call};

/// `reports().by_label`, `bot_summary`, `bot_metrics`.
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
    ]
}
