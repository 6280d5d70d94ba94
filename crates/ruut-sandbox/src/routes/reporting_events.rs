//! Reporting events: `getAccountReportingEvents` (Chatwoot Enterprise's
//! `ReportingEventsController#index`, administrators only) and
//! `getConversationReportingEvents` (the conversations controller's
//! `reporting_events`), rendered from [`crate::reporting::events`].

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::reports::administrator;
use crate::errors::json_response;
use crate::reporting::events::{self, EventRow};
use crate::reporting::query;
use crate::scope::{AccountScope, ConversationScope, Reply};
use crate::validate::Query;

/// Events a page (`RESULTS_PER_PAGE`).
const PER_PAGE: i64 = 25;

/// `GET /api/v1/accounts/{account_id}/reporting_events`.
pub(crate) fn list(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    let range = query::range(&query)?;
    let (inbox, user) = (query.int("inbox_id")?, query.int("user_id")?);
    let name = query.get("name").filter(|n| !n.is_empty());
    // `(params[:page] || 1).to_i`: Kaminari serves a page below 1 as the
    // first, while `meta.current_page` shows the number as read.
    let current_page = query.int("page")?.unwrap_or(1);
    let mut rows: Vec<EventRow> = events::of_account(&cx.store, cx.account_id())
        .into_iter()
        .filter(|r| range.is_none_or(|range| range.contains(r.event.at)))
        .filter(|r| inbox.is_none_or(|inbox| r.event.inbox_id == inbox))
        .filter(|r| user.is_none_or(|user| r.event.user_id == Some(user)))
        .filter(|r| name.is_none_or(|name| r.event.name.as_str() == name))
        .collect();
    // `order(created_at: :desc)`; the id breaks ties within a second.
    rows.sort_by_key(|r| std::cmp::Reverse((r.event.at, r.id)));
    let count = rows.len() as i64;
    let skip = (current_page.max(1) - 1).saturating_mul(PER_PAGE);
    let payload: Vec<Value> = rows
        .iter()
        .skip(usize::try_from(skip).unwrap_or(usize::MAX))
        .take(PER_PAGE as usize)
        .map(EventRow::to_json)
        .collect();
    let body = json!({
        "payload": payload,
        "meta": {
            "count": count,
            "current_page": current_page,
            "total_pages": (count + PER_PAGE - 1) / PER_PAGE,
        },
    });
    Ok(json_response(StatusCode::OK, &body))
}

/// `GET .../conversations/{conversation_id}/reporting_events`.
pub(crate) fn conversation(cx: ConversationScope<'_>, _query: Query) -> Reply {
    let body: Vec<Value> = events::of_conversation(cx.conversation())
        .iter()
        .map(EventRow::to_json)
        .collect();
    Ok(json_response(StatusCode::OK, &Value::Array(body)))
}
