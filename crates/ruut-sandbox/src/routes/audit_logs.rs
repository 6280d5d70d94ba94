//! `listAuditLogs` (Chatwoot Enterprise's `AuditLogsController#show`):
//! administrators only (`check_admin_authorization?`), newest first, 15 a page.

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::reports::administrator;
use crate::errors::json_response;
use crate::scope::{AccountScope, Reply};
use crate::validate::Query;

/// Audit logs a page (`RESULTS_PER_PAGE`).
const PER_PAGE: usize = 15;

/// `GET /api/v1/accounts/{account_id}/audit_logs`.
pub(crate) fn list(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    // Kaminari reads a page below 1 as the first.
    let page = query.int("page")?.unwrap_or(1).max(1);
    let account_id = cx.account_id();
    let mut logs: Vec<_> = cx
        .store
        .audit_logs
        .iter()
        .filter(|l| l.account_id == account_id)
        .collect();
    logs.sort_by_key(|l| std::cmp::Reverse((l.created_at, l.id)));
    let total = logs.len();
    let skip = usize::try_from(page - 1)
        .unwrap_or(usize::MAX)
        .saturating_mul(PER_PAGE);
    let items: Vec<Value> = logs
        .into_iter()
        .skip(skip)
        .take(PER_PAGE)
        .map(|l| l.json(&cx.store))
        .collect();
    let body = json!({
        "per_page": PER_PAGE,
        "total_entries": total,
        "current_page": page,
        "audit_logs": items,
    });
    Ok(json_response(StatusCode::OK, &body))
}
