//! The label summary and bot reports through Prism: in the account the
//! user administers (the seeded week, and for the label summary every
//! conversation with no range), and the agent's 401 in the main account.
//! Runs after `reports::steps`.

use ruut_api::operations::Operation::*;
use ruut_api::types::ReportType;

use crate::contract::{Found, Step, send};

/// The seeded conversations' week (2025-11-24 to 2025-12-01).
const SINCE: &str = "1764000000";
const UNTIL: &str = "1764604800";

fn admin(found: &Found) -> i64 {
    found.admin_account.unwrap_or_default()
}

fn administers(found: &Found) -> bool {
    found.admin_account.is_some()
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            GetLabelSummaryReport,
            "the seeded week",
            send!(|c| c
                .user
                .get_label_summary_report()
                .account_id(admin(&c.found()))
                .since(SINCE)
                .until(UNTIL)),
        )
        .when(administers),
        Step::ok(
            GetLabelSummaryReport,
            "no range, in business hours",
            send!(|c| c
                .user
                .get_label_summary_report()
                .account_id(admin(&c.found()))
                .business_hours(true)),
        )
        .when(administers),
        Step::status(
            GetLabelSummaryReport,
            "an agent",
            401,
            send!(|c| c
                .user
                .get_label_summary_report()
                .account_id(c.found().account)),
        ),
        Step::ok(
            GetBotReportSummary,
            "the seeded week and the one before",
            send!(|c| c
                .user
                .get_bot_report_summary()
                .account_id(admin(&c.found()))
                .type_(ReportType::Account)
                .since(SINCE)
                .until(UNTIL)),
        )
        .when(administers),
        Step::status(
            GetBotReportSummary,
            "an agent",
            401,
            send!(|c| c
                .user
                .get_bot_report_summary()
                .account_id(c.found().account)
                .type_(ReportType::Account)),
        ),
        Step::ok(
            GetBotMetrics,
            "the seeded week",
            send!(|c| c
                .user
                .get_bot_metrics()
                .account_id(admin(&c.found()))
                .since(SINCE)
                .until(UNTIL)),
        )
        .when(administers),
        Step::status(
            GetBotMetrics,
            "an agent",
            401,
            send!(|c| c.user.get_bot_metrics().account_id(c.found().account)),
        ),
    ]
}
