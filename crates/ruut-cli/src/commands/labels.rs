//! `ruut conversation <id> labels` and `label add|remove|set <labels...>`.
//!
//! The server only lists and replaces a conversation's labels; adding and
//! removing read them first and send the changed list.

use ruut_sdk::ConversationHandle;
use serde_json::json;

use crate::args::LabelChange;
use crate::commands::Context;
use crate::exit::Outcome;
use crate::output::Column;

const COLUMNS: &[Column] = &[
    Column::new("conversation", "/conversation_id"),
    Column::new("labels", "/labels"),
];

/// Prints the conversation's labels.
pub async fn list(ctx: &Context, handle: &ConversationHandle) -> Outcome {
    let labels = handle.labels().await?;
    print(ctx, handle, &labels)
}

/// Applies `change` and prints the labels the server now has.
pub async fn change(ctx: &Context, handle: &ConversationHandle, change: LabelChange) -> Outcome {
    let labels = match change {
        LabelChange::Set { labels } => labels,
        LabelChange::Add { labels } => {
            let mut now = handle.labels().await?;
            for label in labels {
                if !now.contains(&label) {
                    now.push(label);
                }
            }
            now
        }
        LabelChange::Remove { labels } => {
            let now = handle.labels().await?;
            now.into_iter().filter(|l| !labels.contains(l)).collect()
        }
    };
    let labels = handle.set_labels(labels).await?;
    print(ctx, handle, &labels)
}

fn print(ctx: &Context, handle: &ConversationHandle, labels: &[String]) -> Outcome {
    let line = json!({"conversation_id": handle.id(), "labels": labels});
    ctx.printer.item(&line, COLUMNS)
}
