//! `getLabelSummaryReport` (`SummaryReportsController#label`): the
//! computation is [`crate::reporting::label_summary`]. Administrators only.

use axum::http::StatusCode;

use super::reports::administrator;
use crate::errors::json_response;
use crate::reporting::{label_summary, query};
use crate::scope::{AccountScope, Reply};
use crate::validate::Query;

/// `GET /api/v2/accounts/{account_id}/summary_reports/label`.
pub(crate) fn label(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    let range = query::range(&query)?;
    let business_hours = query::business_hours(&query)?;
    let body = label_summary::build(&cx.store, cx.account_id(), range, business_hours);
    Ok(json_response(StatusCode::OK, &body))
}
