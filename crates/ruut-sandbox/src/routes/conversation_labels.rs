//! A conversation's labels: `listConversationLabels` and
//! `setConversationLabels` (`LabelConcern`, `Labelable#update_labels`: the
//! list sent replaces the whole `label_list`; blanks and repeats are dropped,
//! as acts-as-taggable's tag list does).

use axum::http::StatusCode;
use bytes::Bytes;
use serde_json::{Value, json};

use crate::errors::{ApiError, json_response};
use crate::scope::{ConversationScope, Reply};
use crate::validate::body;

/// `{"payload": [...]}` of the conversation's labels.
fn answer(cx: &ConversationScope<'_>) -> Reply {
    let body = json!({"payload": cx.conversation().labels});
    Ok(json_response(StatusCode::OK, &body))
}

/// `GET .../conversations/{conversation_id}/labels`.
pub(crate) fn list(cx: ConversationScope<'_>) -> Reply {
    answer(&cx)
}

/// `labels` of a body: an array of strings, or nothing.
fn labels_of(value: Option<&Value>) -> Result<Vec<String>, ApiError> {
    let bad = || ApiError::invalid("labels", "an array of strings");
    let Some(value) = value else {
        return Ok(Vec::new());
    };
    let mut labels: Vec<String> = Vec::new();
    for item in value.as_array().ok_or_else(bad)? {
        let label = item.as_str().ok_or_else(bad)?.trim();
        if !label.is_empty() && !labels.iter().any(|l| l == label) {
            labels.push(label.to_owned());
        }
    }
    Ok(labels)
}

/// `POST .../conversations/{conversation_id}/labels`.
pub(crate) fn set(mut cx: ConversationScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "labels")?;
    let labels = labels_of(map.get("labels"))?;
    cx.change(|cx| {
        let c = cx.conversation_mut();
        if c.labels != labels {
            c.labels = labels;
            c.touch();
        }
    });
    answer(&cx)
}
