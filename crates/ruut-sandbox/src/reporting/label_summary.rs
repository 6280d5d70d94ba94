//! `getLabelSummaryReport`: the totals of each label of the account
//! (`V2::Reports::LabelSummaryBuilder`), from the conversations' tags and
//! their reporting events ([`super::replay`]).
//!
//! The builder filters differently from the other summaries: conversations
//! by their creation time, resolutions by the event's time, and averages by
//! the creation time of the event's conversation; without a range nothing is
//! filtered; an average with nothing to average is `0`.

use serde_json::{Value, json};

use super::query::Range;
use super::{EventName, average, replay};
use crate::state::Store;

/// One entry per label record of the account, by title.
pub(crate) fn build(
    store: &Store,
    account_id: i64,
    range: Option<Range>,
    business_hours: bool,
) -> Value {
    let mut labels: Vec<_> = store
        .config
        .labels
        .iter()
        .filter(|l| l.account_id == account_id)
        .collect();
    labels.sort_by(|a, b| a.title.cmp(&b.title).then(a.id.cmp(&b.id)));
    let in_range = |at: i64| range.is_none_or(|r| r.contains(at));
    // Each conversation with its events, once.
    let replayed: Vec<_> = store
        .conversations
        .iter()
        .filter(|c| c.account_id == account_id)
        .map(|c| (c, replay(c).events))
        .collect();
    let rows: Vec<Value> = labels
        .into_iter()
        .map(|label| {
            let tagged = || {
                replayed
                    .iter()
                    .filter(|(c, _)| c.labels.contains(&label.title))
            };
            let created = || tagged().filter(|(c, _)| in_range(c.created_at));
            let metric = |name: EventName| {
                let values = created()
                    .flat_map(|(_, events)| events.iter())
                    .filter(|e| e.name == name)
                    .map(|e| if business_hours { 0.0 } else { e.value });
                average(values).map_or(json!(0), |avg| json!(avg))
            };
            let resolved = tagged()
                .flat_map(|(_, events)| events.iter())
                .filter(|e| e.name == EventName::Resolved && in_range(e.at))
                .count();
            json!({
                "id": label.id,
                "name": label.title,
                "conversations_count": created().count(),
                "avg_resolution_time": metric(EventName::Resolved),
                "avg_first_response_time": metric(EventName::FirstResponse),
                "avg_reply_time": metric(EventName::ReplyTime),
                "resolved_conversations_count": resolved,
            })
        })
        .collect();
    Value::Array(rows)
}
