//! Reports v2: every figure computed from the sandbox's own conversations
//! and messages, so each check compares a report with what the conversation
//! routes say about the same records. The user is an agent in the main
//! account (401 there) and an administrator in the second.

use std::sync::Arc;

use ruut_api::enums::ReportMetric;
use ruut_api::types::{ConversationMetrics, GetOutgoingMessagesCountGroupBy as Group, ReportType};
use ruut_sdk::{OutgoingGroup, ReportRange};

use crate::Operation;
use crate::report_data::{conversations, first_responses, range, raw};
use crate::table::{Entry, MISSING, World, call, job, provoke, sdk};

/// The 401 an agent gets (Pundit's, from `ReportPolicy#view?`).
const NOT_ALLOWED: &str = "You are not authorized to do this action";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::GetReportTimeseries, |w| job(timeseries(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .timeseries(ReportMetric::ConversationsCount, ReportRange::last_days(7))
                .send()))
            .call(call!(|api, ids| api
                .get_report_timeseries()
                .account_id(ids.account)
                .metric(ReportMetric::ConversationsCount)
                .type_(ReportType::Account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .get_report_timeseries()
                    .account_id(w.seed.account_id)
                    .metric(ReportMetric::ConversationsCount)
                    .type_(ReportType::Account)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an inbox not in the account",
                provoke!(|w| w
                    .api
                    .get_report_timeseries()
                    .account_id(w.seed.second_account_id)
                    .metric(ReportMetric::ConversationsCount)
                    .type_(ReportType::Inbox)
                    .id(MISSING)),
            )
            .refuses(
                422,
                "a since that is not Unix seconds",
                provoke!(|w| w
                    .api
                    .get_report_timeseries()
                    .account_id(w.seed.second_account_id)
                    .metric(ReportMetric::ConversationsCount)
                    .type_(ReportType::Account)
                    .since("yesterday")
                    .until("1764604800")),
            ),
        Entry::new(Operation::GetReportSummary, |w| job(summary(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .summary(ReportRange::last_days(7))
                .send()))
            .call(call!(|api, ids| api
                .get_report_summary()
                .account_id(ids.account)
                .type_(ReportType::Account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .get_report_summary()
                    .account_id(w.seed.account_id)
                    .type_(ReportType::Account)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an agent not in the account",
                provoke!(|w| w
                    .api
                    .get_report_summary()
                    .account_id(w.seed.second_account_id)
                    .type_(ReportType::Agent)
                    .id(MISSING)),
            )
            .refuses(
                422,
                "a team (the server cannot total one)",
                provoke!(|w| w
                    .api
                    .get_report_summary()
                    .account_id(w.seed.second_account_id)
                    .type_(ReportType::Team)
                    .id(2)),
            ),
        Entry::new(Operation::GetConversationMetrics, |w| job(live(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .open_conversations()))
            .call(call!(|api, ids| api
                .get_conversation_metrics()
                .account_id(ids.account)
                .type_(ruut_api::types::GetConversationMetricsType::Account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .get_conversation_metrics()
                    .account_id(w.seed.account_id)
                    .type_(ruut_api::types::GetConversationMetricsType::Agent)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "no type: an empty body",
                crate::table::How::Provoke(|w| {
                    job(async move {
                        let (answer, text) =
                            raw(w, "v2/accounts/{account}/reports/conversations", "").await;
                        assert_eq!(text, "", "head :unprocessable_entity");
                        answer
                    })
                }),
            ),
        Entry::new(Operation::GetFirstResponseTimeDistribution, |w| {
            job(distribution(w))
        })
        .sdk(sdk!(|client, ids| client
            .with_account_id(ids.admin_account)
            .reports()
            .first_response_distribution(ReportRange::last_days(7))))
        .call(call!(|api, ids| api
            .get_first_response_time_distribution()
            .account_id(ids.account)))
        .refuses(
            401,
            "an agent",
            provoke!(|w| w
                .api
                .get_first_response_time_distribution()
                .account_id(w.seed.account_id)),
        )
        .saying(NOT_ALLOWED)
        .refuses(
            422,
            "an until that is not Unix seconds",
            provoke!(|w| w
                .api
                .get_first_response_time_distribution()
                .account_id(w.seed.second_account_id)
                .until("tomorrow")),
        ),
        Entry::new(Operation::GetOutgoingMessagesCount, |w| job(outgoing(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .outgoing_messages(
                    OutgoingGroup::Agent,
                    ReportRange::last_days(7)
                )))
            .call(call!(|api, ids| api
                .get_outgoing_messages_count()
                .account_id(ids.account)
                .group_by(Group::Inbox)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .get_outgoing_messages_count()
                    .account_id(w.seed.account_id)
                    .group_by(Group::Inbox)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "an unknown group_by: an empty body",
                crate::table::How::Provoke(|w| {
                    job(async move {
                        let (answer, text) = raw(
                            w,
                            "v2/accounts/{account}/reports/outgoing_messages_count",
                            "group_by=contact",
                        )
                        .await;
                        assert_eq!(text, "", "head :unprocessable_entity");
                        answer
                    })
                }),
            ),
    ]
    .into_iter()
    .chain(crate::summary_reports::entries())
    .collect()
}

/// Conversations created per day add up to the conversations listed; the
/// weekly average first response is the listed conversations' average.
async fn timeseries(w: Arc<World>) {
    let all = conversations(&w).await;
    let (since, until) = range(&all);
    let request = |metric: ReportMetric, group: &str| {
        w.api
            .get_report_timeseries()
            .account_id(w.seed.second_account_id)
            .metric(metric)
            .type_(ReportType::Account)
            .since(since.clone())
            .until(until.clone())
            .group_by(group.to_owned())
            .send()
    };
    let daily = request(ReportMetric::ConversationsCount, "day")
        .await
        .expect("daily");
    let total: f64 = daily.iter().map(|p| p.value).sum();
    assert_eq!(total as usize, all.len(), "{daily:?}");
    let days = daily
        .windows(2)
        .all(|p| p[1].timestamp - p[0].timestamp == 86_400);
    assert!(days && daily.len() >= 2, "every day once: {daily:?}");
    let weekly = request(ReportMetric::AvgFirstResponseTime, "week")
        .await
        .expect("weekly");
    let expected = first_responses(&all);
    let counted: i64 = weekly.iter().filter_map(|p| p.count).sum();
    assert_eq!(counted as usize, expected.len(), "{weekly:?}");
    let weighted: f64 = weekly
        .iter()
        .map(|p| p.value * p.count.unwrap_or(0) as f64)
        .sum();
    let sum: f64 = expected.iter().sum();
    assert!((weighted - sum).abs() < 1e-6, "{weighted} vs {sum}");
}

/// The totals match the listing, and a new conversation, reply and
/// resolution now show in the current period only.
async fn summary(w: Arc<World>) {
    let all = conversations(&w).await;
    let (since, until) = range(&all);
    let account = w.seed.second_account_id;
    let request = |since: String, until: String| {
        w.api
            .get_report_summary()
            .account_id(account)
            .type_(ReportType::Account)
            .since(since)
            .until(until)
            .send()
    };
    let seeded = request(since.clone(), until.clone())
        .await
        .expect("summary");
    assert_eq!(seeded.conversations_count as usize, all.len());
    assert_eq!(seeded.previous.conversations_count, 0, "nothing before");
    let firsts = first_responses(&all);
    let average = firsts.iter().sum::<f64>() / firsts.len() as f64;
    assert_eq!(seeded.avg_first_response_time, Some(average));
    let resolved = all
        .iter()
        .filter(|c| c.status.as_str() == "resolved")
        .count();
    assert_eq!(
        seeded.resolutions_count as usize, resolved,
        "seeded resolved"
    );

    // New activity now: a conversation, a reply, a resolution.
    let body = serde_json::json!({"inbox_id": all[0].inbox_id, "contact_id": w.seed.second_account_contact_id});
    let request = w.api.create_conversation().account_id(account);
    let created = request
        .body(from_json::<ruut_api::types::NewConversation>(body))
        .send()
        .await
        .expect("created");
    let id = created.id;
    let request = w
        .api
        .create_message()
        .account_id(account)
        .conversation_id(id);
    let reply = from_json::<ruut_api::types::NewMessage>(serde_json::json!({"content": "On it"}));
    request.body(reply).send().await.expect("replied");
    let request = w
        .api
        .toggle_conversation_status()
        .account_id(account)
        .conversation_id(id);
    let resolve = from_json::<ruut_api::types::ToggleStatusRequest>(
        serde_json::json!({"status": "resolved"}),
    );
    request.body(resolve).send().await.expect("resolved");
    let request = w
        .api
        .get_conversation()
        .account_id(account)
        .conversation_id(id);
    let read = request.send().await.expect("read back").into_inner();
    let first = read.first_reply_created_at.expect("a first reply") - read.created_at;
    let (since, until) = (read.created_at - 60, read.created_at + 86_400);
    let now = request_now(&w, since, until).await;
    assert_eq!(
        (
            now.conversations_count,
            now.outgoing_messages_count,
            now.resolutions_count
        ),
        (1, 1, 1),
        "{now:?}"
    );
    assert_eq!(now.avg_first_response_time, Some(first as f64));
    assert_eq!(now.previous.conversations_count, 0, "{now:?}");
}

async fn request_now(w: &World, since: i64, until: i64) -> ruut_api::types::ReportSummary {
    let request = w
        .api
        .get_report_summary()
        .account_id(w.seed.second_account_id);
    let request = request
        .type_(ReportType::Account)
        .since(since.to_string())
        .until(until.to_string());
    request.send().await.expect("summary").into_inner()
}

/// A typed body from JSON.
fn from_json<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).expect("a valid body")
}

/// The open, unattended and unassigned conversations match the listing.
async fn live(w: Arc<World>) {
    let all = conversations(&w).await;
    let open: Vec<_> = all.iter().filter(|c| c.status.as_str() == "open").collect();
    let request = w
        .api
        .get_conversation_metrics()
        .account_id(w.seed.second_account_id);
    let answer = request
        .type_(ruut_api::types::GetConversationMetricsType::Account)
        .send()
        .await
        .expect("metrics")
        .into_inner();
    let ConversationMetrics::AccountConversationMetrics(m) = answer else {
        panic!("the account's counts: {answer:?}");
    };
    assert_eq!(m.open as usize, open.len());
    let unassigned = open.iter().filter(|c| c.meta.assignee.is_none()).count();
    assert_eq!(m.unassigned as usize, unassigned);
    assert_eq!(m.pending, 0, "open.pending is empty on the server");
    let request = w
        .api
        .get_conversation_metrics()
        .account_id(w.seed.second_account_id);
    let agents = request
        .type_(ruut_api::types::GetConversationMetricsType::Agent)
        .send()
        .await
        .expect("agents")
        .into_inner();
    let ConversationMetrics::Array(agents) = agents else {
        panic!("each agent's counts");
    };
    let mine: i64 = agents.iter().map(|a| a.metric.open).sum();
    let assigned = open.len() - unassigned;
    assert_eq!(
        mine as usize, assigned,
        "every assigned open conversation once"
    );
}

/// Every first response is in one bucket of its inbox's channel.
async fn distribution(w: Arc<World>) {
    let all = conversations(&w).await;
    let request = w.api.get_first_response_time_distribution();
    let answer = request
        .account_id(w.seed.second_account_id)
        .send()
        .await
        .expect("buckets");
    let total: i64 = answer
        .values()
        .map(|b| b.x0_1h + b.x1_4h + b.x4_8h + b.x8_24h + b.x24h)
        .sum();
    assert_eq!(total as usize, first_responses(&all).len(), "{answer:?}");
}

/// Outgoing messages by inbox add up to the summary's outgoing count.
async fn outgoing(w: Arc<World>) {
    let all = conversations(&w).await;
    let (since, until) = range(&all);
    let account = w.seed.second_account_id;
    let request = w.api.get_outgoing_messages_count().account_id(account);
    let rows = request
        .group_by(Group::Inbox)
        .since(since.clone())
        .until(until.clone())
        .send()
        .await
        .expect("counts");
    let request = w
        .api
        .get_report_summary()
        .account_id(account)
        .type_(ReportType::Account);
    let summary = request
        .since(since)
        .until(until)
        .send()
        .await
        .expect("summary");
    let total: i64 = rows.iter().map(|r| r.outgoing_messages_count).sum();
    assert_eq!(total, summary.outgoing_messages_count, "{rows:?}");
    assert!(rows.iter().all(|r| r.name.is_some()), "inboxes have names");
}
