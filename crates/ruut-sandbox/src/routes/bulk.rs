//! `bulkUpdateConversations`: `POST /api/v1/accounts/{account_id}/bulk_actions`.
//!
//! The server queues `BulkActionsJob` and answers 200 at once; the sandbox
//! does the job's work before it answers, so that a test can read the result
//! straight away. Per conversation, in the job's order: remove
//! `labels.remove`, add `labels.add`, then apply `fields` (with
//! `snoozed_until`). Ids that name no conversation of the account are
//! skipped, as are assignees and teams outside the account. Each
//! conversation's change sends the webhooks a single change would.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use ruut_api::enums::ConversationStatus;
use serde_json::{Map, Value, json};

use super::conversations::TOGGLEABLE;
use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::scope::{AccountScope, Reply};
use crate::state::{AssigneeRef, Conversation, Store};
use crate::validate::{Fields, body};
use crate::webhooks::Watch;

/// One field of `fields`: left alone, cleared (null), or set.
#[derive(Clone, Copy, Debug)]
enum Set<T> {
    Keep,
    Clear,
    To(T),
}

fn nullable_int(map: &Map<String, Value>, key: &str) -> Result<Set<i64>, ApiError> {
    match map.get(key) {
        None => Ok(Set::Keep),
        Some(Value::Null) => Ok(Set::Clear),
        Some(v) => v
            .as_i64()
            .map(Set::To)
            .ok_or_else(|| ApiError::invalid(key, "an integer or null")),
    }
}

fn strings(map: &Map<String, Value>, key: &str) -> Result<Vec<String>, ApiError> {
    match map.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| ApiError::invalid(key, "an array of strings")),
        Some(_) => Err(ApiError::invalid(key, "an array of strings")),
    }
}

/// The work of one request, checked.
struct Work {
    ids: Vec<i64>,
    /// `fields` was sent (the job applies it, and `snoozed_until`, only then).
    fields: bool,
    status: Option<ConversationStatus>,
    assignee: Set<i64>,
    team: Set<i64>,
    add: Vec<String>,
    remove: Vec<String>,
    snoozed_until: Option<i64>,
}

impl Work {
    fn parse(bytes: &[u8]) -> Result<Work, ApiError> {
        let map = body(bytes, "type")?;
        let f = Fields(&map);
        match f.string("type", false)?.as_deref() {
            Some("Conversation" | "conversation") => {}
            None => return Err(ApiError::missing("type")),
            // Any other type: the controller's `{success: false}`.
            Some(_) => return Err(ApiError::Unprocessable(String::new())),
        }
        let ids = match map.get("ids") {
            None => Vec::new(),
            Some(Value::Array(items)) => items
                .iter()
                .map(Value::as_i64)
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| ApiError::invalid("ids", "an array of integers"))?,
            Some(_) => return Err(ApiError::invalid("ids", "an array of integers")),
        };
        let fields = f.object("fields")?;
        let labels = f.object("labels")?.unwrap_or_default();
        let status = match &fields {
            Some(fields) => Fields(fields).one_of("status", &TOGGLEABLE, true)?,
            None => None,
        };
        let empty = Map::new();
        let field_map = fields.as_ref().unwrap_or(&empty);
        Ok(Work {
            ids,
            fields: fields.is_some(),
            status: status.as_deref().map(ConversationStatus::from),
            assignee: nullable_int(field_map, "assignee_id")?,
            team: nullable_int(field_map, "team_id")?,
            add: strings(&labels, "add")?,
            remove: strings(&labels, "remove")?,
            snoozed_until: f.int("snoozed_until")?.map(clock::clamp_unix),
        })
    }

    /// Applies the work to one conversation.
    fn apply(&self, store: &mut Store, account_id: i64, display_id: i64) {
        let assignee = match self.assignee {
            Set::To(id) if store.account_user(account_id, id).is_none() => Set::Keep,
            other => other,
        };
        let team = match self.team {
            Set::To(id) if store.team(account_id, id).is_none() => Set::Keep,
            other => other,
        };
        let Some(index) = store.conversation_index(account_id, display_id) else {
            return;
        };
        let c: &mut Conversation = &mut store.conversations[index];
        let labels_before = c.labels.clone();
        c.labels.retain(|l| !self.remove.contains(l));
        for label in &self.add {
            if !c.labels.contains(label) {
                c.labels.push(label.clone());
            }
        }
        let mut changed = c.labels != labels_before;
        if self.fields {
            if let Some(status) = &self.status {
                c.set_status(status.clone(), self.snoozed_until);
            } else if c.status == ConversationStatus::Snoozed && self.snoozed_until.is_some() {
                c.snoozed_until = self.snoozed_until;
            }
            match assignee {
                Set::Keep => {}
                Set::Clear => c.assignee = None,
                Set::To(id) => c.assignee = Some(AssigneeRef::User(id)),
            }
            match team {
                Set::Keep => {}
                Set::Clear => c.team_id = None,
                Set::To(id) => c.team_id = Some(id),
            }
            changed = true;
        }
        if changed {
            c.touch();
        }
    }
}

/// `POST /api/v1/accounts/{account_id}/bulk_actions`: 200 with an empty body.
pub(crate) fn update(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    let work = match Work::parse(&bytes) {
        Err(ApiError::Unprocessable(message)) if message.is_empty() => {
            return Ok(json_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                &json!({"success": false}),
            ));
        }
        other => other?,
    };
    let account_id = cx.account_id();
    let mut seen = Vec::new();
    for &display_id in &work.ids {
        if seen.contains(&display_id) {
            continue;
        }
        seen.push(display_id);
        let watch = Watch::conversation(&cx.app.webhooks, &cx.store, account_id, display_id);
        work.apply(&mut cx.store, account_id, display_id);
        watch.finish(&cx.app.webhooks, &cx.store);
    }
    Ok(StatusCode::OK.into_response())
}
