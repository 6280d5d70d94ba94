//! The exact requests the SDK's label summary, bot report and CSV download
//! helpers send (`ReportsHandle::by_label`, `bot_summary`, `bot_metrics`,
//! `download`), as the sandbox recorded them: method, path,
//! query, headers (the token redacted, `host` left out). A change here is a
//! change on the wire; review it.

mod sdk_support;

use ruut_sandbox::Sandbox;
use ruut_sdk::{ReportCsv, ReportRange, ReportSubject};
use sdk_support::{client, sent};

#[tokio::test]
async fn label_summaries() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let seed = sandbox.seed_info().clone();
    let reports = client(&sandbox)
        .with_account_id(seed.second_account_id)
        .reports();
    let week = ReportRange::new(1_764_000_000, 1_764_604_800);
    reports.by_label(week).send().await.unwrap();
    reports
        .by_label(week)
        .business_hours(true)
        .send()
        .await
        .unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn bot_reports() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let seed = sandbox.seed_info().clone();
    let reports = client(&sandbox)
        .with_account_id(seed.second_account_id)
        .reports();
    let week = ReportRange::new(1_764_000_000, 1_764_604_800);
    reports.bot_summary(week).send().await.unwrap();
    reports
        .bot_summary(week)
        .of(ReportSubject::Inbox(seed.second_account_inbox_id))
        .send()
        .await
        .unwrap();
    reports.bot_metrics(week).await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn csv_downloads() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let seed = sandbox.seed_info().clone();
    let reports = client(&sandbox)
        .with_account_id(seed.second_account_id)
        .reports();
    let week = ReportRange::new(1_764_000_000, 1_764_604_800);
    for report in [
        ReportCsv::Agents,
        ReportCsv::Inboxes,
        ReportCsv::Labels,
        ReportCsv::Teams,
    ] {
        reports.download(report, week).send().await.unwrap();
    }
    reports
        .download(ReportCsv::ConversationsSummary, week)
        .business_hours(true)
        .send()
        .await
        .unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}
