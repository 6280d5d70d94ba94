//! The label summary call of `ReportsHandle`, for the HTML 404 check.

use ruut_sdk::{Client, Operation, ReportRange};

use super::{Call, call};

/// `reports().by_label`.
pub fn calls(client: &Client) -> Vec<(&'static str, Operation, Call<'_>)> {
    let week = ReportRange::new(1_764_000_000, 1_764_604_800);
    let reports = move || client.reports();
    vec![(
        "reports().by_label",
        Operation::GetLabelSummaryReport,
        call(async move { reports().by_label(week).business_hours(true).send().await }),
    )]
}
