//! Summary reports v2 (by agent, team, inbox, channel): each row adds up
//! with the conversations the conversation routes list.

use std::sync::Arc;

use ruut_sdk::ReportRange;

use crate::Operation;
use crate::report_data::{conversations, range};
use crate::table::{Entry, World, call, job, provoke, sdk};

/// The 401 an agent gets.
const NOT_ALLOWED: &str = "You are not authorized to do this action";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::GetAgentSummaryReport, |w| job(by_agent(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .by_agent(ReportRange::last_days(7))
                .send()))
            .call(call!(|api, ids| api
                .get_agent_summary_report()
                .account_id(ids.account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .get_agent_summary_report()
                    .account_id(w.seed.account_id)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "a since that is not Unix seconds",
                provoke!(|w| w
                    .api
                    .get_agent_summary_report()
                    .account_id(w.seed.second_account_id)
                    .since("last week")),
            ),
        Entry::new(Operation::GetTeamSummaryReport, |w| job(by_team(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .by_team(ReportRange::last_days(7))
                .send()))
            .call(call!(|api, ids| api
                .get_team_summary_report()
                .account_id(ids.account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .get_team_summary_report()
                    .account_id(w.seed.account_id)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "an until that is not Unix seconds",
                provoke!(|w| w
                    .api
                    .get_team_summary_report()
                    .account_id(w.seed.second_account_id)
                    .until("soon")),
            ),
        Entry::new(Operation::GetInboxSummaryReport, |w| job(by_inbox(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .by_inbox(ReportRange::last_days(7))
                .send()))
            .call(call!(|api, ids| api
                .get_inbox_summary_report()
                .account_id(ids.account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .get_inbox_summary_report()
                    .account_id(w.seed.account_id)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "a since that is not Unix seconds",
                provoke!(|w| w
                    .api
                    .get_inbox_summary_report()
                    .account_id(w.seed.second_account_id)
                    .since("-5")),
            ),
        Entry::new(Operation::GetChannelSummaryReport, |w| job(by_channel(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .by_channel(ReportRange::last_days(7))))
            .call(call!(|api, ids| api
                .get_channel_summary_report()
                .account_id(ids.account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .get_channel_summary_report()
                    .account_id(w.seed.account_id)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "a range over six months",
                provoke!(|w| w
                    .api
                    .get_channel_summary_report()
                    .account_id(w.seed.second_account_id)
                    .since("1700000000")
                    .until("1764000000")),
            )
            .saying("Date range cannot exceed 6 months"),
    ]
}

/// Each member once; the conversations counted are the assigned ones.
async fn by_agent(w: Arc<World>) {
    let all = conversations(&w).await;
    let (since, until) = range(&all);
    let request = w
        .api
        .get_agent_summary_report()
        .account_id(w.seed.second_account_id);
    let rows = request
        .since(since)
        .until(until)
        .send()
        .await
        .expect("rows");
    let assigned = all.iter().filter(|c| c.meta.assignee.is_some()).count();
    let counted: i64 = rows.iter().map(|r| r.conversations_count).sum();
    assert_eq!(counted as usize, assigned, "{rows:?}");
    assert!(
        rows.iter().any(|r| r.id == w.seed.user_id),
        "the user is a member"
    );
    let untouched = rows.iter().filter(|r| r.resolved_conversations_count == 0);
    assert!(
        untouched.clone().all(|r| r.avg_resolution_time.is_none()),
        "nothing to average"
    );
}

/// One row per team; their conversations are the listed ones with a team.
async fn by_team(w: Arc<World>) {
    let all = conversations(&w).await;
    let (since, until) = range(&all);
    let request = w
        .api
        .get_team_summary_report()
        .account_id(w.seed.second_account_id);
    let rows = request
        .since(since)
        .until(until)
        .send()
        .await
        .expect("rows");
    assert!(!rows.is_empty(), "the second account has a team");
    for row in rows.iter() {
        let listed = w
            .api
            .list_conversations()
            .account_id(w.seed.second_account_id);
        let listed = listed
            .status(ruut_api::types::ConversationStatusFilter::All)
            .team_id(row.id)
            .send()
            .await
            .expect("listed");
        let in_team = listed.data.payload.len();
        assert_eq!(row.conversations_count as usize, in_team, "team {}", row.id);
    }
}

/// The inboxes' conversations add up to all of them, resolutions to the
/// resolved ones.
async fn by_inbox(w: Arc<World>) {
    let all = conversations(&w).await;
    let (since, until) = range(&all);
    let request = w
        .api
        .get_inbox_summary_report()
        .account_id(w.seed.second_account_id);
    let rows = request
        .since(since)
        .until(until)
        .send()
        .await
        .expect("rows");
    let total: i64 = rows.iter().map(|r| r.conversations_count).sum();
    assert_eq!(total as usize, all.len(), "{rows:?}");
    let resolved: i64 = rows.iter().map(|r| r.resolved_conversations_count).sum();
    let listed = all
        .iter()
        .filter(|c| c.status.as_str() == "resolved")
        .count();
    assert_eq!(resolved as usize, listed, "{rows:?}");
}

/// The channel totals are the conversations by status.
async fn by_channel(w: Arc<World>) {
    let all = conversations(&w).await;
    let (since, until) = range(&all);
    let request = w
        .api
        .get_channel_summary_report()
        .account_id(w.seed.second_account_id);
    let channels = request
        .since(since)
        .until(until)
        .send()
        .await
        .expect("channels");
    let total: i64 = channels.values().map(|c| c.total).sum();
    assert_eq!(total as usize, all.len(), "{channels:?}");
    let open: i64 = channels.values().map(|c| c.open).sum();
    let listed = all.iter().filter(|c| c.status.as_str() == "open").count();
    assert_eq!(open as usize, listed);
}
