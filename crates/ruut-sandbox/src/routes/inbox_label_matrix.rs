//! `getInboxLabelMatrix` (`Api::V2::Accounts::ReportsController#inbox_label_matrix`):
//! administrators only, as every Reports v2 route; the counting is in
//! [`crate::reporting::label_matrix`].

use axum::http::StatusCode;

use super::reports::administrator;
use crate::errors::{ApiError, json_response};
use crate::reporting::label_matrix::{MatrixFilter, build};
use crate::reporting::query;
use crate::scope::{AccountScope, Reply};
use crate::validate::{Query, path_id};

/// A repeated id parameter (`inbox_ids[]=1&inbox_ids[]=2`); an id that is
/// not an integer is a 422.
fn ids(query: &Query, name: &str) -> Result<Vec<i64>, ApiError> {
    query
        .all(name)
        .into_iter()
        .map(|v| path_id(v).map_err(|_| ApiError::invalid(name, "integers")))
        .collect()
}

/// `GET /api/v2/accounts/{account_id}/reports/inbox_label_matrix`.
pub(crate) fn matrix(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    let filter = MatrixFilter {
        range: query::range(&query)?,
        inbox_ids: ids(&query, "inbox_ids[]")?,
        label_ids: ids(&query, "label_ids[]")?,
    };
    let body = build(&cx.store, cx.account_id(), &filter);
    Ok(json_response(StatusCode::OK, &body))
}
