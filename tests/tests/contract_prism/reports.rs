//! Reports v2, CSAT and audit logs through Prism: each report in the account the user
//! administers (a week of the seeded data, and the agent's 401 in the main
//! account). Runs after `contact_changes::removals`, which found that account.

use ruut_api::enums::ReportMetric;
use ruut_api::operations::Operation::*;
use ruut_api::types::{GetConversationMetricsType, GetOutgoingMessagesCountGroupBy, ReportType};

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
            GetReportTimeseries,
            "conversations by day",
            send!(|c| c
                .user
                .get_report_timeseries()
                .account_id(admin(&c.found()))
                .metric(ReportMetric::ConversationsCount)
                .type_(ReportType::Account)
                .since(SINCE)
                .until(UNTIL)),
        )
        .when(administers),
        Step::ok(
            GetReportTimeseries,
            "first response by week, in UTC+5:30",
            send!(|c| c
                .user
                .get_report_timeseries()
                .account_id(admin(&c.found()))
                .metric(ReportMetric::AvgFirstResponseTime)
                .type_(ReportType::Account)
                .since(SINCE)
                .until(UNTIL)
                .group_by("week".to_owned())
                .timezone_offset(5.5)),
        )
        .when(administers),
        Step::status(
            GetReportTimeseries,
            "an agent",
            401,
            send!(|c| c
                .user
                .get_report_timeseries()
                .account_id(c.found().account)
                .metric(ReportMetric::ConversationsCount)
                .type_(ReportType::Account)),
        ),
        Step::ok(
            GetReportSummary,
            "the week and the one before",
            send!(|c| c
                .user
                .get_report_summary()
                .account_id(admin(&c.found()))
                .type_(ReportType::Account)
                .since(SINCE)
                .until(UNTIL)),
        )
        .when(administers),
        Step::ok(
            GetConversationMetrics,
            "the account's",
            send!(|c| c
                .user
                .get_conversation_metrics()
                .account_id(admin(&c.found()))
                .type_(GetConversationMetricsType::Account)),
        )
        .when(administers),
        Step::ok(
            GetConversationMetrics,
            "each agent's",
            send!(|c| c
                .user
                .get_conversation_metrics()
                .account_id(admin(&c.found()))
                .type_(GetConversationMetricsType::Agent)),
        )
        .when(administers),
        Step::ok(
            GetFirstResponseTimeDistribution,
            "all time",
            send!(|c| c
                .user
                .get_first_response_time_distribution()
                .account_id(admin(&c.found()))),
        )
        .when(administers),
        Step::ok(
            GetOutgoingMessagesCount,
            "by label",
            send!(|c| c
                .user
                .get_outgoing_messages_count()
                .account_id(admin(&c.found()))
                .group_by(GetOutgoingMessagesCountGroupBy::Label)
                .since(SINCE)
                .until(UNTIL)),
        )
        .when(administers),
        Step::ok(
            GetAgentSummaryReport,
            "the week",
            send!(|c| c
                .user
                .get_agent_summary_report()
                .account_id(admin(&c.found()))
                .since(SINCE)
                .until(UNTIL)),
        )
        .when(administers),
        Step::ok(
            GetTeamSummaryReport,
            "the week",
            send!(|c| c
                .user
                .get_team_summary_report()
                .account_id(admin(&c.found()))
                .since(SINCE)
                .until(UNTIL)),
        )
        .when(administers),
        Step::ok(
            GetInboxSummaryReport,
            "the week, business hours",
            send!(|c| c
                .user
                .get_inbox_summary_report()
                .account_id(admin(&c.found()))
                .since(SINCE)
                .until(UNTIL)
                .business_hours(true)),
        )
        .when(administers),
        Step::ok(
            GetChannelSummaryReport,
            "the week",
            send!(|c| c
                .user
                .get_channel_summary_report()
                .account_id(admin(&c.found()))
                .since(SINCE)
                .until(UNTIL)),
        )
        .when(administers),
        Step::status(
            GetChannelSummaryReport,
            "a range over six months",
            422,
            send!(|c| c
                .user
                .get_channel_summary_report()
                .account_id(admin(&c.found()))
                .since("1700000000")
                .until(UNTIL)),
        )
        .when(administers),
        Step::ok(
            ListCsatSurveyResponses,
            "newest first",
            send!(|c| c
                .user
                .list_csat_survey_responses()
                .account_id(admin(&c.found()))
                .sort(ruut_api::types::ListCsatSurveyResponsesSort::XcreatedXat)),
        )
        .when(administers),
        Step::status(
            ListCsatSurveyResponses,
            "an agent",
            401,
            send!(|c| c
                .user
                .list_csat_survey_responses()
                .account_id(c.found().account)),
        ),
        Step::ok(
            GetCsatMetrics,
            "the week",
            send!(|c| c
                .user
                .get_csat_metrics()
                .account_id(admin(&c.found()))
                .since(SINCE)
                .until(UNTIL)),
        )
        .when(administers),
        Step::ok(
            ListAuditLogs,
            "the first page",
            send!(|c| c.user.list_audit_logs().account_id(admin(&c.found()))),
        )
        .when(administers),
        Step::status(
            ListAuditLogs,
            "an agent",
            401,
            send!(|c| c.user.list_audit_logs().account_id(c.found().account)),
        ),
    ]
}
