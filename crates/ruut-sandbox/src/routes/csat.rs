//! CSAT survey responses: `listCsatSurveyResponses` and `getCsatMetrics`
//! (Chatwoot's `CsatSurveyResponsesController`). Administrators only
//! (`CsatSurveyResponsePolicy`), checked before the filters are read.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::reports::administrator;
use crate::csat::CsatResponse;
use crate::errors::{ApiError, json_response};
use crate::render;
use crate::reporting::query;
use crate::scope::{AccountScope, Reply};
use crate::state::{AssigneeRef, Store};
use crate::validate::{Query, path_id};

pub(super) mod download;

/// Responses a page (`RESULTS_PER_PAGE`).
const PER_PAGE: usize = 25;

/// The responses of the account that pass the filters, in id order.
fn filtered<'a>(
    cx: &'a AccountScope<'_>,
    query: &Query,
) -> Result<Vec<&'a CsatResponse>, ApiError> {
    let range = query::range(query)?;
    let agents = query
        .all("user_ids[]")
        .into_iter()
        .map(|v| path_id(v).map_err(|_| ApiError::invalid("user_ids[]", "integers")))
        .collect::<Result<Vec<i64>, ApiError>>()?;
    let (inbox, team, rating) = (
        query.int("inbox_id")?,
        query.int("team_id")?,
        query.int("rating")?,
    );
    let store: &Store = &cx.store;
    let account_id = cx.account_id();
    Ok(store
        .csat
        .iter()
        .filter(|r| r.account_id == account_id)
        .filter(|r| range.is_none_or(|range| range.contains(r.created_at)))
        .filter(|r| agents.is_empty() || r.assigned_agent_id.is_some_and(|a| agents.contains(&a)))
        .filter(|r| rating.is_none_or(|rating| r.rating == rating))
        .filter(|r| {
            let c = store.conversation(account_id, r.conversation_id);
            inbox.is_none_or(|inbox| c.is_some_and(|c| c.inbox_id == inbox))
                && team.is_none_or(|team| c.is_some_and(|c| c.team_id == Some(team)))
        })
        .collect())
}

/// One response as `models/_csat_survey_response.json.jbuilder` renders it.
fn response_json(store: &Store, r: &CsatResponse) -> Value {
    let mut body = json!({
        "id": r.id,
        "rating": r.rating,
        "feedback_message": r.feedback_message,
        "csat_review_notes": null,
        "review_notes_updated_at": null,
        "account_id": r.account_id,
        "message_id": r.message_id,
        "conversation_id": r.conversation_id,
        "created_at": r.created_at,
    });
    if let Some(contact) = store.contact(r.account_id, r.contact_id) {
        body["contact"] = render::contact_json(store, contact, false);
    }
    let agent = r
        .assigned_agent_id
        .and_then(|id| render::assignee(store, r.account_id, AssigneeRef::User(id)));
    if let Some(agent) = agent {
        body["assigned_agent"] = render::to_json(&agent);
    }
    body
}

/// `GET /api/v1/accounts/{account_id}/csat_survey_responses`.
pub(crate) fn list(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    let mut responses = filtered(&cx, &query)?;
    match query.one_of("sort", &["created_at", "-created_at"])? {
        Some("created_at") => responses.sort_by_key(|r| (r.created_at, r.id)),
        Some(_) => responses.sort_by_key(|r| std::cmp::Reverse((r.created_at, r.id))),
        None => {}
    }
    // Kaminari reads a page below 1 as the first.
    let page = query.int("page")?.unwrap_or(1).max(1);
    let skip = usize::try_from(page - 1)
        .unwrap_or(usize::MAX)
        .saturating_mul(PER_PAGE);
    let body: Vec<Value> = responses
        .into_iter()
        .skip(skip)
        .take(PER_PAGE)
        .map(|r| response_json(&cx.store, r))
        .collect();
    Ok(json_response(StatusCode::OK, &Value::Array(body)))
}

/// `GET /api/v1/accounts/{account_id}/csat_survey_responses/metrics`.
pub(crate) fn metrics(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    let responses = filtered(&cx, &query)?;
    let mut ratings: BTreeMap<String, i64> = BTreeMap::new();
    for r in &responses {
        *ratings.entry(r.rating.to_string()).or_default() += 1;
    }
    let range = query::range(&query)?;
    let account_id = cx.account_id();
    let sent = cx
        .store
        .conversations
        .iter()
        .filter(|c| c.account_id == account_id)
        .flat_map(|c| &c.messages)
        .filter(|m| m.content_type == "input_csat")
        .filter(|m| range.is_none_or(|range| range.contains(m.created_at)))
        .count();
    let body = json!({
        "total_count": responses.len(),
        "ratings_count": ratings,
        "total_sent_messages_count": sent,
    });
    Ok(json_response(StatusCode::OK, &body))
}
