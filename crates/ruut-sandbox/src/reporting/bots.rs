//! The bot reports: `getBotReportSummary` (`MetricBuilder#bot_summary`, the
//! bot counts of `CountReportBuilder`) and `getBotMetrics`
//! (`V2::Reports::BotMetricsBuilder`), from the conversations' reporting
//! events ([`super::replay`]).

use std::collections::BTreeSet;

use ruut_api::enums::ReportMetric;
use serde_json::{Value, json};

use super::metrics::{Samples, Subject, samples};
use super::query::{Range, within};
use super::{EventName, replay};
use crate::errors::ApiError;
use crate::state::Store;

/// `{bot_resolutions_count, bot_handoffs_count}` of `subject` in `range`
/// (nothing without one). Handoffs count distinct conversations; the
/// sandbox writes at most one handoff per conversation.
pub(crate) fn bot_counts(
    store: &Store,
    account_id: i64,
    subject: Subject,
    range: Option<Range>,
) -> Result<Value, ApiError> {
    let count = |metric: ReportMetric| -> Result<usize, ApiError> {
        Ok(match samples(store, account_id, subject, &metric, false)? {
            Samples::Count(times) => times.into_iter().filter(|at| within(range, *at)).count(),
            Samples::Average(values) => values.iter().filter(|(at, _)| within(range, *at)).count(),
        })
    };
    Ok(json!({
        "bot_resolutions_count": count(ReportMetric::BotResolutionsCount)?,
        "bot_handoffs_count": count(ReportMetric::BotHandoffsCount)?,
    }))
}

/// `count / total * 100`, truncated; 0 when `total` is 0.
fn rate(count: usize, total: usize) -> i64 {
    if total == 0 {
        return 0;
    }
    (count as f64 / total as f64 * 100.0) as i64
}

/// `BotMetricsBuilder#metrics`: the conversations created in `range` in
/// inboxes with an agent bot, their outgoing messages created in `range`,
/// and the account's bot-resolved and handed-off conversations in `range`
/// as a percentage of those conversations.
pub(crate) fn bot_metrics(store: &Store, account_id: i64, range: Option<Range>) -> Value {
    let bot_inboxes: BTreeSet<i64> = store
        .inboxes
        .iter()
        .filter(|i| i.account_id == account_id && i.settings.agent_bot_id.is_some())
        .map(|i| i.id)
        .collect();
    let account: Vec<_> = store
        .conversations
        .iter()
        .filter(|c| c.account_id == account_id)
        .collect();
    let bots: Vec<_> = account
        .iter()
        .filter(|c| bot_inboxes.contains(&c.inbox_id) && within(range, c.created_at))
        .collect();
    let messages: usize = bots
        .iter()
        .map(|c| {
            c.messages
                .iter()
                .filter(|m| m.message_type == 1 && within(range, m.created_at))
                .count()
        })
        .sum();
    // Distinct conversations of the whole account with the event in range.
    let with_event = |name: EventName| {
        account
            .iter()
            .filter(|c| {
                replay(c)
                    .events
                    .iter()
                    .any(|e| e.name == name && within(range, e.at))
            })
            .count()
    };
    json!({
        "conversation_count": bots.len(),
        "message_count": messages,
        "resolution_rate": rate(with_event(EventName::BotResolved), bots.len()),
        "handoff_rate": rate(with_event(EventName::BotHandoff), bots.len()),
    })
}
