//! The exact requests the SDK's report helpers send (`ReportsHandle`,
//! `CsatResponseQuery`,
//! `AuditLogQuery`, reporting events, the inbox-label matrix, the CSAT download), as
//! the sandbox recorded them: method, path, query, headers (the token
//! redacted, `host` left out). A change here is a change on the wire; review it.

mod sdk_support;

use ruut_sandbox::Sandbox;
use ruut_sdk::enums::ReportMetric;
use ruut_sdk::{GroupBy, OutgoingGroup, ReportRange, ReportSubject};
use sdk_support::{client, sent};

#[tokio::test]
async fn every_report() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let seed = sandbox.seed_info().clone();
    let reports = client(&sandbox)
        .with_account_id(seed.second_account_id)
        .reports();
    let week = ReportRange::new(1_764_000_000, 1_764_604_800);
    reports
        .timeseries(ReportMetric::AvgFirstResponseTime, week)
        .of(ReportSubject::Agent(seed.user_id))
        .group_by(GroupBy::Week)
        .business_hours(true)
        .timezone_offset(5.5)
        .send()
        .await
        .unwrap();
    reports.summary(week).send().await.unwrap();
    reports.by_agent(week).send().await.unwrap();
    reports.by_team(week).send().await.unwrap();
    reports
        .by_inbox(week)
        .business_hours(true)
        .send()
        .await
        .unwrap();
    reports.by_channel(week).await.unwrap();
    reports.first_response_distribution(week).await.unwrap();
    reports
        .outgoing_messages(OutgoingGroup::Label, week)
        .await
        .unwrap();
    reports.open_conversations().await.unwrap();
    reports.agents_open_conversations(1).await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn csat_responses_totals_and_audit_logs() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox).with_account_id(seed.second_account_id);
    let week = ReportRange::new(1_764_000_000, 1_764_604_800);
    let query = client
        .csat_responses()
        .range(week)
        .agent(seed.user_id)
        .agent(6)
        .inbox(4)
        .rating(5)
        .newest_first(true);
    query.clone().send().await.unwrap();
    query.metrics().await.unwrap();
    client.csat_responses().send().await.unwrap();
    client.audit_logs().page(2).send().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn reporting_events_label_matrix_and_csat_download() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox).with_account_id(seed.second_account_id);
    let week = ReportRange::new(1_764_000_000, 1_764_604_800);
    let reports = client.reports();
    reports
        .events()
        .range(week)
        .inbox(4)
        .agent(seed.user_id)
        .name("first_response")
        .page(2)
        .send()
        .await
        .unwrap();
    reports
        .inbox_label_matrix(week)
        .inbox(4)
        .inbox(5)
        .label(1)
        .send()
        .await
        .unwrap();
    client
        .conversation(seed.second_account_conversation_id)
        .reporting_events()
        .await
        .unwrap();
    client
        .csat_responses()
        .range(week)
        .agent(seed.user_id)
        .rating(5)
        .newest_first(false)
        .download()
        .await
        .unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}
