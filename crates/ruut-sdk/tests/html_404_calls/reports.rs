//! The report, reporting-event, CSAT and audit-log calls of the SDK (issue 13), each listing
//! by `send` and by `stream`, for the HTML 404 check.

use std::future::Future;

use futures::TryStreamExt;
use ruut_sdk::enums::ReportMetric;
use ruut_sdk::{Client, Error, Operation, OutgoingGroup, ReportRange};

use super::Call;

fn call<'a, T>(f: impl Future<Output = Result<T, Error>> + 'a) -> Call<'a> {
    Box::pin(async move { f.await.map(drop) })
}

/// Every call of `ReportsHandle`, `CsatResponseQuery` and `AuditLogQuery`.
pub fn calls(client: &Client) -> Vec<(&'static str, Operation, Call<'_>)> {
    let week = ReportRange::new(1_764_000_000, 1_764_604_800);
    let reports = move || client.reports();
    vec![
        (
            "reports().timeseries",
            Operation::GetReportTimeseries,
            call(async move {
                reports()
                    .timeseries(ReportMetric::ReplyTime, week)
                    .send()
                    .await
            }),
        ),
        (
            "reports().summary",
            Operation::GetReportSummary,
            call(async move { reports().summary(week).send().await }),
        ),
        (
            "reports().open_conversations",
            Operation::GetConversationMetrics,
            call(async move { reports().open_conversations().await }),
        ),
        (
            "reports().agents_open_conversations",
            Operation::GetConversationMetrics,
            call(async move { reports().agents_open_conversations(1).await }),
        ),
        (
            "reports().first_response_distribution",
            Operation::GetFirstResponseTimeDistribution,
            call(async move { reports().first_response_distribution(week).await }),
        ),
        (
            "reports().outgoing_messages",
            Operation::GetOutgoingMessagesCount,
            call(async move { reports().outgoing_messages(OutgoingGroup::Team, week).await }),
        ),
        (
            "reports().by_agent",
            Operation::GetAgentSummaryReport,
            call(async move { reports().by_agent(week).send().await }),
        ),
        (
            "reports().by_team",
            Operation::GetTeamSummaryReport,
            call(async move { reports().by_team(week).send().await }),
        ),
        (
            "reports().by_inbox",
            Operation::GetInboxSummaryReport,
            call(async move { reports().by_inbox(week).send().await }),
        ),
        (
            "reports().by_channel",
            Operation::GetChannelSummaryReport,
            call(async move { reports().by_channel(week).await }),
        ),
        (
            "csat_responses().send",
            Operation::ListCsatSurveyResponses,
            call(client.csat_responses().send()),
        ),
        (
            "csat_responses().stream",
            Operation::ListCsatSurveyResponses,
            call(client.csat_responses().stream().try_collect::<Vec<_>>()),
        ),
        (
            "csat_responses().metrics",
            Operation::GetCsatMetrics,
            call(client.csat_responses().metrics()),
        ),
        (
            "csat_responses().download",
            Operation::DownloadCsatSurveyResponses,
            call(client.csat_responses().range(week).download()),
        ),
        (
            "reports().events().send",
            Operation::GetAccountReportingEvents,
            call(async move { reports().events().send().await }),
        ),
        (
            "reports().events().stream",
            Operation::GetAccountReportingEvents,
            call(async move { reports().events().stream().try_collect::<Vec<_>>().await }),
        ),
        (
            "reports().inbox_label_matrix",
            Operation::GetInboxLabelMatrix,
            call(async move { reports().inbox_label_matrix(week).send().await }),
        ),
        (
            "conversation(1).reporting_events",
            Operation::GetConversationReportingEvents,
            call(async move { client.conversation(1).reporting_events().await }),
        ),
        (
            "audit_logs().send",
            Operation::ListAuditLogs,
            call(client.audit_logs().send()),
        ),
        (
            "audit_logs().stream",
            Operation::ListAuditLogs,
            call(client.audit_logs().stream().try_collect::<Vec<_>>()),
        ),
    ]
}
