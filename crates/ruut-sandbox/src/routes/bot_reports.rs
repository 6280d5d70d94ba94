//! `getBotReportSummary` (`ReportsController#bot_summary`) and
//! `getBotMetrics` (`ReportsController#bot_metrics`): the computation is
//! [`crate::reporting::bots`]. Administrators only, checked before any
//! parameter.

use axum::http::StatusCode;
use serde_json::Value;

use super::reports::administrator;
use crate::errors::json_response;
use crate::reporting::bots::{bot_counts, bot_metrics};
use crate::reporting::metrics::Subject;
use crate::reporting::query::{self, Range};
use crate::scope::{AccountScope, Reply};
use crate::validate::Query;

/// `GET /api/v2/accounts/{account_id}/reports/bot_summary`: this period and
/// the one of the same length before it.
pub(crate) fn summary(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    let subject = Subject::read(&cx.store, cx.account_id(), &query)?;
    let range = query::range(&query)?;
    let previous = range.map(|r| Range {
        since: r.since - (r.until - r.since),
        until: r.since,
    });
    let (store, account_id) = (&cx.store, cx.account_id());
    let mut body = bot_counts(store, account_id, subject, range)?;
    let before = bot_counts(store, account_id, subject, previous)?;
    if let Value::Object(map) = &mut body {
        map.insert("previous".to_owned(), before);
    }
    Ok(json_response(StatusCode::OK, &body))
}

/// `GET /api/v2/accounts/{account_id}/reports/bot_metrics`.
pub(crate) fn metrics(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    let range = query::range(&query)?;
    let body = bot_metrics(&cx.store, cx.account_id(), range);
    Ok(json_response(StatusCode::OK, &body))
}
