//! Reports v2: `getReportTimeseries`, `getReportSummary`,
//! `getConversationMetrics`, `getFirstResponseTimeDistribution` and
//! `getOutgoingMessagesCount` (Chatwoot's `Api::V2::Accounts::ReportsController`),
//! computed from the account's own conversations and messages
//! ([`crate::reporting`]). Administrators only (`ReportPolicy#view?`),
//! checked before any parameter, as the controller's `before_action` does.

use std::collections::BTreeMap;

use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use ruut_api::enums::{ConversationStatus, ReportMetric};
use serde_json::{Map, Value, json};

use crate::errors::{ApiError, json_response};
use crate::reporting::metrics::{Samples, Subject, samples};
use crate::reporting::periods::{self, Period};
use crate::reporting::query::{self, Range, within};
use crate::reporting::{EventName, account_events, average, replay};
use crate::scope::{AccountScope, Reply};
use crate::state::{AssigneeRef, SenderRef};
use crate::validate::Query;

/// The policy: administrators only (an agent gets Pundit's 401).
pub(crate) fn administrator(cx: &AccountScope<'_>) -> Result<(), ApiError> {
    match cx.role() {
        Some("administrator") => Ok(()),
        _ => Err(ApiError::NotAuthorized),
    }
}

/// `head :unprocessable_entity`: a 422 with an empty body.
fn empty_422() -> Reply {
    let content_type = [(header::CONTENT_TYPE, "text/plain; charset=utf-8")];
    Ok((StatusCode::UNPROCESSABLE_ENTITY, content_type, "").into_response())
}

/// Ruby's `String#to_i`: an optional sign and the leading digits, 0 when
/// there are none; too large a number saturates.
fn ruby_to_i(text: &str) -> i64 {
    let text = text.trim_start();
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text.strip_prefix('+').unwrap_or(text)),
    };
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits
        .parse::<i64>()
        .map_or(if digits.is_empty() { 0 } else { i64::MAX }, |n| n)
        * sign
}

/// The metric asked for; unknown metrics are a 422 here (the server answers `{}`).
fn metric(query: &Query) -> Result<ReportMetric, ApiError> {
    let metric = ReportMetric::from(query.get("metric").unwrap_or(""));
    if metric.is_unknown() {
        return Err(ApiError::invalid("metric", "a known metric"));
    }
    Ok(metric)
}

/// `GET /api/v2/accounts/{account_id}/reports`.
pub(crate) fn timeseries(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    let metric = metric(&query)?;
    let subject = Subject::read(&cx.store, cx.account_id(), &query)?;
    let range = query::range(&query)?;
    let business_hours = query::business_hours(&query)?;
    let offset = periods::offset_seconds(query::timezone_offset(&query)?);
    let period = Period::parse(query.get("group_by"));
    let samples = samples(&cx.store, cx.account_id(), subject, &metric, business_hours)?;
    let Some(range) = range else {
        return Ok(json_response(StatusCode::OK, &json!([])));
    };
    let starts = periods::every(period, offset, range.since, range.until).ok_or_else(|| {
        ApiError::invalid(
            "since",
            "within 5000 periods of until (the sandbox's limit)",
        )
    })?;
    let bucket = |at: i64| periods::start(period, offset, at);
    let points: Vec<Value> = match samples {
        Samples::Count(times) => {
            let mut counts: BTreeMap<i64, i64> = BTreeMap::new();
            for at in times.into_iter().filter(|at| range.contains(*at)) {
                *counts.entry(bucket(at)).or_default() += 1;
            }
            let value = |s: &i64| counts.get(s).copied().unwrap_or(0);
            starts
                .iter()
                .map(|s| json!({"value": value(s), "timestamp": s}))
                .collect()
        }
        Samples::Average(values) => {
            let mut groups: BTreeMap<i64, Vec<f64>> = BTreeMap::new();
            for (at, v) in values.into_iter().filter(|(at, _)| range.contains(*at)) {
                groups.entry(bucket(at)).or_default().push(v);
            }
            let point = |s: &i64| match groups.get(s) {
                Some(vs) => {
                    json!({"value": average(vs.iter().copied()), "timestamp": s, "count": vs.len()})
                }
                None => json!({"value": 0, "timestamp": s, "count": 0}),
            };
            starts.iter().map(point).collect()
        }
    };
    Ok(json_response(StatusCode::OK, &Value::Array(points)))
}

/// The totals of one period (`MetricBuilder#summary`).
pub(crate) fn period_summary(
    cx: &AccountScope<'_>,
    subject: Subject,
    range: Option<Range>,
    business_hours: bool,
) -> Result<Map<String, Value>, ApiError> {
    let mut out = Map::new();
    for metric in [
        ReportMetric::ConversationsCount,
        ReportMetric::IncomingMessagesCount,
        ReportMetric::OutgoingMessagesCount,
        ReportMetric::AvgFirstResponseTime,
        ReportMetric::AvgResolutionTime,
        ReportMetric::ResolutionsCount,
        ReportMetric::ReplyTime,
    ] {
        let value = match samples(&cx.store, cx.account_id(), subject, &metric, business_hours)? {
            Samples::Count(times) => json!(times.iter().filter(|at| within(range, **at)).count()),
            Samples::Average(values) => json!(average(
                values
                    .iter()
                    .filter(|(at, _)| within(range, *at))
                    .map(|(_, v)| *v)
            )),
        };
        out.insert(metric.as_str().to_owned(), value);
    }
    Ok(out)
}

/// `GET /api/v2/accounts/{account_id}/reports/summary`: this period and the
/// one of the same length before it.
pub(crate) fn summary(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    let subject = Subject::read(&cx.store, cx.account_id(), &query)?;
    let range = query::range(&query)?;
    let business_hours = query::business_hours(&query)?;
    query::timezone_offset(&query)?;
    let previous = range.map(|r| Range {
        since: r.since - (r.until - r.since),
        until: r.since,
    });
    let mut body = period_summary(&cx, subject, range, business_hours)?;
    let before = period_summary(&cx, subject, previous, business_hours)?;
    body.insert("previous".to_owned(), Value::Object(before));
    Ok(json_response(StatusCode::OK, &Value::Object(body)))
}

/// `GET /api/v2/accounts/{account_id}/reports/conversations`: open and
/// unattended conversations now, of the account or of each agent.
pub(crate) fn conversations(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    let kind = query.get("type");
    if !matches!(kind, Some("account" | "agent")) {
        return empty_422();
    }
    // Rails reads the page with `to_i`, and Kaminari a page below 1 as the first.
    let page = query.get("page").map_or(1, ruby_to_i).max(1);
    let account_id = cx.account_id();
    let open: Vec<_> = cx
        .store
        .conversations
        .iter()
        .filter(|c| c.account_id == account_id && c.status == ConversationStatus::Open)
        .map(|c| (c.assignee, replay(c).unattended))
        .collect();
    let counts = |of: &dyn Fn(Option<AssigneeRef>) -> bool| {
        let mine: Vec<_> = open.iter().filter(|(a, _)| of(*a)).collect();
        let unattended = mine.iter().filter(|(_, u)| *u).count();
        (mine.len(), unattended)
    };
    if kind == Some("account") {
        let (all, unattended) = counts(&|_| true);
        let (unassigned, _) = counts(&|a| !matches!(a, Some(AssigneeRef::User(_))));
        let body =
            json!({"open": all, "unattended": unattended, "unassigned": unassigned, "pending": 0});
        return Ok(json_response(StatusCode::OK, &body));
    }
    let members = cx
        .store
        .memberships
        .iter()
        .filter(|m| m.account_id == account_id);
    let skip = usize::try_from((page - 1).saturating_mul(25)).unwrap_or(usize::MAX);
    let mut agents: Vec<(usize, Value)> = members
        .skip(skip)
        .take(25)
        .filter_map(|m| Some((cx.store.user(m.user_id)?, m.availability)))
        .map(|(u, availability)| {
            let (open, unattended) = counts(&|a| a == Some(AssigneeRef::User(u.id)));
            let row = json!({
                "id": u.id, "name": u.name, "email": u.email, "thumbnail": "",
                "availability": availability,
                "metric": {"open": open, "unattended": unattended},
            });
            (open, row)
        })
        .collect();
    agents.sort_by_key(|(open, _)| std::cmp::Reverse(*open));
    let body = Value::Array(agents.into_iter().map(|(_, row)| row).collect());
    Ok(json_response(StatusCode::OK, &body))
}

/// `GET /api/v2/accounts/{account_id}/reports/first_response_time_distribution`.
pub(crate) fn first_response_time_distribution(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    let range = query::range(&query)?;
    let account_id = cx.account_id();
    let mut out: BTreeMap<&str, [i64; 5]> = BTreeMap::new();
    let events = account_events(&cx.store, account_id);
    let first = events.iter().filter(|e| e.name == EventName::FirstResponse);
    for e in first.filter(|e| range.is_none_or(|r| r.contains(e.at))) {
        let Some(inbox) = cx.store.inbox(account_id, e.inbox_id) else {
            continue;
        };
        let bucket = match e.value {
            v if v < 3_600.0 => 0,
            v if v < 14_400.0 => 1,
            v if v < 28_800.0 => 2,
            v if v < 86_400.0 => 3,
            _ => 4,
        };
        out.entry(inbox.channel_type).or_default()[bucket] += 1;
    }
    let body: Map<String, Value> = out
        .into_iter()
        .map(|(channel, b)| {
            let buckets =
                json!({"0-1h": b[0], "1-4h": b[1], "4-8h": b[2], "8-24h": b[3], "24h+": b[4]});
            (channel.to_owned(), buckets)
        })
        .collect();
    Ok(json_response(StatusCode::OK, &Value::Object(body)))
}

/// `GET /api/v2/accounts/{account_id}/reports/outgoing_messages_count`.
pub(crate) fn outgoing_messages_count(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    let group_by = query.get("group_by");
    if !matches!(group_by, Some("agent" | "team" | "inbox" | "label")) {
        return empty_422();
    }
    let range = query::range(&query)?;
    let (store, account_id) = (&cx.store, cx.account_id());
    // (id, label name) -> count; labels have no ids in the sandbox.
    let mut counts: BTreeMap<(Option<i64>, String), i64> = BTreeMap::new();
    let conversations = store
        .conversations
        .iter()
        .filter(|c| c.account_id == account_id);
    for c in conversations {
        let outgoing = c
            .messages
            .iter()
            .filter(|m| m.message_type == 1 && within(range, m.created_at));
        for m in outgoing {
            let keys: Vec<(Option<i64>, String)> = match group_by {
                Some("agent") => match m.sender {
                    Some(SenderRef::User(id)) => vec![(Some(id), String::new())],
                    _ => vec![],
                },
                Some("team") => c
                    .team_id
                    .map(|t| (Some(t), String::new()))
                    .into_iter()
                    .collect(),
                Some("inbox") => vec![(Some(c.inbox_id), String::new())],
                _ => c.labels.iter().map(|l| (None, l.clone())).collect(),
            };
            for key in keys {
                *counts.entry(key).or_default() += 1;
            }
        }
    }
    let name = |id: Option<i64>, label: String| -> Value {
        match (group_by, id) {
            (Some("agent"), Some(id)) => {
                json!(store.account_user(account_id, id).map(|u| u.name.clone()))
            }
            (Some("team"), Some(id)) => json!(store.team(account_id, id).map(|t| t.name.clone())),
            (Some("inbox"), Some(id)) => json!(store.inbox(account_id, id).map(|i| i.name.clone())),
            _ => json!(label),
        }
    };
    let body: Vec<Value> = counts
        .into_iter()
        .map(|((id, label), n)| json!({"id": id, "name": name(id, label), "outgoing_messages_count": n}))
        .collect();
    Ok(json_response(StatusCode::OK, &Value::Array(body)))
}
