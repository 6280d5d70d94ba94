//! Summary reports v2: `getAgentSummaryReport`, `getTeamSummaryReport`,
//! `getInboxSummaryReport` and `getChannelSummaryReport` (Chatwoot's
//! `Api::V2::Accounts::SummaryReportsController` and the
//! `V2::Reports::*SummaryBuilder`s), from the account's own conversations
//! and their reporting events ([`crate::reporting`]). Administrators only.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use serde_json::{Map, Value, json};

use super::reports::administrator;
use crate::errors::{ApiError, json_response};
use crate::reporting::query::{self, Range, within};
use crate::reporting::{EventName, ReportingEvent, account_events, average};
use crate::scope::{AccountScope, Reply};
use crate::state::{AssigneeRef, Conversation, Store};
use crate::validate::Query;

/// `6.months` in ActiveSupport: six average Gregorian months, in seconds.
const SIX_MONTHS: i64 = 6 * 2_629_746;

/// What a summary row is grouped by.
#[derive(Clone, Copy)]
pub(crate) enum By {
    Agent,
    Team,
    Inbox,
}

impl By {
    /// The group of a conversation (`assignee_id`, `team_id`, `inbox_id`).
    fn conversation(self, c: &Conversation) -> Option<i64> {
        match self {
            By::Agent => match c.assignee {
                Some(AssigneeRef::User(id)) => Some(id),
                _ => None,
            },
            By::Team => c.team_id,
            By::Inbox => Some(c.inbox_id),
        }
    }

    /// The group of an event (`user_id`, the conversation's team, `inbox_id`).
    fn event(self, e: &ReportingEvent) -> Option<i64> {
        match self {
            By::Agent => e.user_id,
            By::Team => e.team_id,
            By::Inbox => Some(e.inbox_id),
        }
    }
}

/// One row per agent, team or inbox of the account (`BaseSummaryBuilder`).
fn rows(cx: AccountScope<'_>, query: Query, by: By) -> Reply {
    administrator(&cx)?;
    let range = query::range(&query)?;
    let business_hours = query::business_hours(&query)?;
    let body = summary_rows(&cx.store, cx.account_id(), by, range, business_hours);
    Ok(json_response(StatusCode::OK, &Value::Array(body)))
}

/// The rows of [`rows`], also written as CSV by the reports downloads.
pub(crate) fn summary_rows(
    store: &Store,
    account_id: i64,
    by: By,
    range: Option<Range>,
    business_hours: bool,
) -> Vec<Value> {
    let ids: Vec<i64> = match by {
        By::Agent => store
            .memberships
            .iter()
            .filter(|m| m.account_id == account_id)
            .map(|m| m.user_id)
            .collect(),
        By::Team => store
            .teams
            .iter()
            .filter(|t| t.account_id == account_id)
            .map(|t| t.id)
            .collect(),
        By::Inbox => store
            .inboxes
            .iter()
            .filter(|i| i.account_id == account_id)
            .map(|i| i.id)
            .collect(),
    };
    let mut created: BTreeMap<i64, i64> = BTreeMap::new();
    let conversations = store
        .conversations
        .iter()
        .filter(|c| c.account_id == account_id);
    for c in conversations.filter(|c| within(range, c.created_at)) {
        if let Some(group) = by.conversation(c) {
            *created.entry(group).or_default() += 1;
        }
    }
    let events: Vec<ReportingEvent> = account_events(store, account_id)
        .into_iter()
        .filter(|e| within(range, e.at))
        .collect();
    let value = |e: &ReportingEvent| if business_hours { 0.0 } else { e.value };
    let of = |id: i64, name: EventName| {
        events
            .iter()
            .filter(move |e| e.name == name && by.event(e) == Some(id))
    };
    ids.into_iter()
        .map(|id| {
            json!({
                "id": id,
                "conversations_count": created.get(&id).copied().unwrap_or(0),
                "resolved_conversations_count": of(id, EventName::Resolved).count(),
                "avg_resolution_time": average(of(id, EventName::Resolved).map(value)),
                "avg_first_response_time": average(of(id, EventName::FirstResponse).map(value)),
                "avg_reply_time": average(of(id, EventName::ReplyTime).map(value)),
            })
        })
        .collect()
}

/// `GET /api/v2/accounts/{account_id}/summary_reports/agent`.
pub(crate) fn agent(cx: AccountScope<'_>, query: Query) -> Reply {
    rows(cx, query, By::Agent)
}

/// `GET /api/v2/accounts/{account_id}/summary_reports/team`.
pub(crate) fn team(cx: AccountScope<'_>, query: Query) -> Reply {
    rows(cx, query, By::Team)
}

/// `GET /api/v2/accounts/{account_id}/summary_reports/inbox`.
pub(crate) fn inbox(cx: AccountScope<'_>, query: Query) -> Reply {
    rows(cx, query, By::Inbox)
}

/// `GET /api/v2/accounts/{account_id}/summary_reports/channel`: the
/// conversations created in the range by channel type and status now.
pub(crate) fn channel(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    let range = query::range(&query)?;
    if range.is_some_and(|r| r.until - r.since > SIX_MONTHS) {
        return Err(ApiError::Unprocessable(
            "Date range cannot exceed 6 months".to_owned(),
        ));
    }
    let (store, account_id) = (&cx.store, cx.account_id());
    let mut out: BTreeMap<&str, [i64; 4]> = BTreeMap::new();
    let conversations = store
        .conversations
        .iter()
        .filter(|c| c.account_id == account_id);
    for c in conversations.filter(|c| within(range, c.created_at)) {
        let Some(inbox) = store.inbox(account_id, c.inbox_id) else {
            continue;
        };
        let slot = match c.status.as_str() {
            "open" => 0,
            "resolved" => 1,
            "pending" => 2,
            "snoozed" => 3,
            _ => continue,
        };
        out.entry(inbox.channel_type).or_default()[slot] += 1;
    }
    let body: Map<String, Value> = out
        .into_iter()
        .map(|(channel, [open, resolved, pending, snoozed])| {
            let total = open + resolved + pending + snoozed;
            let counts = json!({"open": open, "resolved": resolved, "pending": pending, "snoozed": snoozed, "total": total});
            (channel.to_owned(), counts)
        })
        .collect();
    Ok(json_response(StatusCode::OK, &Value::Object(body)))
}
