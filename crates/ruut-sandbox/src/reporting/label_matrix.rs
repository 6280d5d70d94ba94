//! `getInboxLabelMatrix`: how many conversations of each inbox carry each
//! label (`V2::Reports::InboxLabelMatrixBuilder`).

use serde_json::{Value, json};

use super::query::Range;
use crate::state::Store;

/// What to count: the range of creation times and the inboxes and labels
/// asked for (empty: all of them).
#[derive(Clone, Debug, Default)]
pub(crate) struct MatrixFilter {
    pub range: Option<Range>,
    pub inbox_ids: Vec<i64>,
    pub label_ids: Vec<i64>,
}

/// The builder's answer: inboxes by name, labels by title, and a count for
/// each pair (a conversation counts once for each of its labels).
pub(crate) fn build(store: &Store, account_id: i64, filter: &MatrixFilter) -> Value {
    let mut inboxes: Vec<_> = store
        .inboxes
        .iter()
        .filter(|i| i.account_id == account_id)
        .filter(|i| filter.inbox_ids.is_empty() || filter.inbox_ids.contains(&i.id))
        .collect();
    inboxes.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    let mut labels: Vec<_> = store
        .config
        .labels
        .iter()
        .filter(|l| l.account_id == account_id)
        .filter(|l| filter.label_ids.is_empty() || filter.label_ids.contains(&l.id))
        .collect();
    labels.sort_by(|a, b| a.title.cmp(&b.title).then(a.id.cmp(&b.id)));
    let conversations: Vec<_> = store
        .conversations
        .iter()
        .filter(|c| c.account_id == account_id)
        .filter(|c| filter.range.is_none_or(|r| r.contains(c.created_at)))
        .collect();
    let matrix: Vec<Vec<usize>> = inboxes
        .iter()
        .map(|inbox| {
            labels
                .iter()
                .map(|label| {
                    conversations
                        .iter()
                        .filter(|c| c.inbox_id == inbox.id && c.labels.contains(&label.title))
                        .count()
                })
                .collect()
        })
        .collect();
    json!({
        "inboxes": inboxes.iter().map(|i| json!({"id": i.id, "name": i.name})).collect::<Vec<_>>(),
        "labels": labels.iter().map(|l| json!({"id": l.id, "title": l.title})).collect::<Vec<_>>(),
        "matrix": matrix,
    })
}
