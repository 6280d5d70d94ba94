//! The bot reports (`getBotReportSummary`, `getBotMetrics`): once the
//! second account's inbox has an agent bot, its conversations are the
//! bots', and a conversation the bot hands off to humans shows in both.

use std::sync::Arc;

use ruut_api::types::{
    InboxAgentBotChoice, NewConversation, ReportType, ToggleStatusRequest, ToggleableStatus,
};
use ruut_sdk::ReportRange;

use crate::Operation;
use crate::report_data::conversations;
use crate::table::{Entry, World, call, from_json, job, provoke, sdk};

/// The 401 an agent gets.
const NOT_ALLOWED: &str = "You are not authorized to do this action";

/// A range holding everything the sandbox has or makes.
const SINCE: &str = "0";
const UNTIL: &str = "4000000000";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::GetBotReportSummary, |w| job(summary(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .bot_summary(ReportRange::last_days(7))
                .send()))
            .call(call!(|api, ids| api
                .get_bot_report_summary()
                .account_id(ids.account)
                .type_(ReportType::Account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .get_bot_report_summary()
                    .account_id(w.seed.account_id)
                    .type_(ReportType::Account)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an inbox not in the account",
                provoke!(|w| w
                    .api
                    .get_bot_report_summary()
                    .account_id(w.seed.second_account_id)
                    .type_(ReportType::Inbox)
                    .id(w.seed.api_inbox_id)),
            )
            .refuses(
                422,
                "a since that is not Unix seconds",
                provoke!(|w| w
                    .api
                    .get_bot_report_summary()
                    .account_id(w.seed.second_account_id)
                    .type_(ReportType::Account)
                    .since("today")
                    .until("1764000000")),
            ),
        Entry::new(Operation::GetBotMetrics, |w| job(metrics(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .bot_metrics(ReportRange::last_days(7))))
            .call(call!(|api, ids| api
                .get_bot_metrics()
                .account_id(ids.account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w.api.get_bot_metrics().account_id(w.seed.account_id)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "an until that is not Unix seconds",
                provoke!(|w| w
                    .api
                    .get_bot_metrics()
                    .account_id(w.seed.second_account_id)
                    .since("1764000000")
                    .until("next week")),
            ),
    ]
}

/// Sets the second account's bot on its inbox, starts a conversation there
/// (pending, with the bot) and opens it: a handoff.
async fn hand_off(w: &World) {
    let (account, inbox) = (w.seed.second_account_id, w.seed.second_account_inbox_id);
    let choice = InboxAgentBotChoice {
        agent_bot: Some(w.seed.second_account_bot_id),
    };
    let request = w.api.set_inbox_agent_bot().account_id(account);
    request
        .inbox_id(inbox)
        .body(choice)
        .send()
        .await
        .expect("bot set");
    let body: NewConversation = from_json(serde_json::json!({
        "inbox_id": inbox,
        "contact_id": w.seed.second_account_contact_id,
        "message": {"content": "Hello, bot"},
    }));
    let request = w.api.create_conversation().account_id(account).body(body);
    let created = request.send().await.expect("created").into_inner();
    assert_eq!(created.status.as_str(), "pending", "with the bot");
    // The sandbox finds a handoff in the status log, pending then open (the
    // creation writes no entry): pending is set again before opening.
    for status in [ToggleableStatus::Pending, ToggleableStatus::Open] {
        let body = ToggleStatusRequest {
            status: Some(status),
            snoozed_until: None,
        };
        let request = w.api.toggle_conversation_status().account_id(account);
        let request = request.conversation_id(created.id).body(body);
        request.send().await.expect("toggled");
    }
}

/// How many of the second account's reporting events have `name`.
async fn events_named(w: &World, name: &str) -> i64 {
    let request = w
        .api
        .get_account_reporting_events()
        .account_id(w.seed.second_account_id);
    let list = request.name(name).send().await.expect("events");
    list.into_inner().meta.count
}

/// The handoff counts in the range and not in the period before; the bot
/// resolutions are the reporting events of that name; an inbox with no
/// handoff has none.
async fn summary(w: Arc<World>) {
    let before = w
        .api
        .get_bot_report_summary()
        .account_id(w.seed.second_account_id)
        .type_(ReportType::Account)
        .since(SINCE)
        .until(UNTIL);
    let before = before.send().await.expect("summary").into_inner();
    assert_eq!(before.bot_handoffs_count, 0, "the seed hands nothing off");
    hand_off(&w).await;
    let request = w
        .api
        .get_bot_report_summary()
        .account_id(w.seed.second_account_id)
        .type_(ReportType::Inbox)
        .id(w.seed.second_account_inbox_id)
        .since(SINCE)
        .until(UNTIL);
    let after = request.send().await.expect("summary").into_inner();
    assert_eq!(after.bot_handoffs_count, 1, "{after:?}");
    let resolved = events_named(&w, "conversation_bot_resolved").await;
    assert_eq!(after.bot_resolutions_count, resolved);
    assert_eq!(
        events_named(&w, "conversation_bot_handoff").await,
        1,
        "the listing agrees"
    );
    assert_eq!(after.previous.bot_handoffs_count, 0, "nothing before 1970");
    assert_eq!(after.previous.bot_resolutions_count, 0);
}

/// No bot inbox, no figures; with the bot on the account's only inbox its
/// conversations are all of the account's, its messages the outgoing ones
/// the summary counts, and the one handoff a rate over them.
async fn metrics(w: Arc<World>) {
    let request = w.api.get_bot_metrics().account_id(w.seed.second_account_id);
    let none = request
        .since(SINCE)
        .until(UNTIL)
        .send()
        .await
        .expect("metrics");
    assert_eq!(none.conversation_count, 0, "no inbox has a bot yet");
    assert_eq!(none.handoff_rate, 0);
    hand_off(&w).await;
    let all = conversations(&w).await;
    let request = w.api.get_bot_metrics().account_id(w.seed.second_account_id);
    let got = request
        .since(SINCE)
        .until(UNTIL)
        .send()
        .await
        .expect("metrics");
    assert_eq!(got.conversation_count as usize, all.len(), "{got:?}");
    let summary = w
        .api
        .get_report_summary()
        .account_id(w.seed.second_account_id)
        .type_(ReportType::Account)
        .since(SINCE)
        .until(UNTIL);
    let summary = summary.send().await.expect("summary").into_inner();
    assert_eq!(got.message_count, summary.outgoing_messages_count);
    assert_eq!(got.handoff_rate, rate(1, all.len()), "{got:?}");
    let resolved = events_named(&w, "conversation_bot_resolved").await;
    assert_eq!(got.resolution_rate, rate(resolved, all.len()));
}

/// `count.to_f / total * 100`, truncated, as the builder computes it.
fn rate(count: i64, total: usize) -> i64 {
    (count as f64 / total as f64 * 100.0) as i64
}
