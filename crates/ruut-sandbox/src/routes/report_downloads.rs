//! The reports v2 CSV downloads: `downloadAgentsReport`,
//! `downloadInboxesReport`, `downloadLabelsReport`, `downloadTeamsReport`
//! and `downloadConversationsSummaryReport` (`ReportsController#agents`,
//! ... through `generate_csv`, `Api::V2::Accounts::ReportsHelper` and the
//! views `reports/*.csv.erb`): the summaries the JSON routes answer,
//! written with [`crate::reporting::csv`]. Administrators only.

use serde_json::Value;

use super::reports::{administrator, period_summary};
use super::summary_reports::{By, summary_rows};
use crate::errors::ApiError;
use crate::reporting::csv::{Field, attachment, duration, period, safe_line};
use crate::reporting::label_summary;
use crate::reporting::metrics::Subject;
use crate::reporting::query::{self, Range};
use crate::scope::{AccountScope, Reply};
use crate::state::Store;
use crate::validate::Query;

/// What a download needs from the query: the range (the view parses both
/// ends for its first line: without them the server fails, the sandbox
/// answers 422) and `business_hours`.
fn inputs(cx: &AccountScope<'_>, query: &Query) -> Result<(Range, bool), ApiError> {
    administrator(cx)?;
    let range = query::range(query)?.ok_or_else(|| ApiError::missing("since and until"))?;
    Ok((range, query::business_hours(query)?))
}

/// The file: the period line, the view's line break and blank line, the
/// headers, the rows.
fn file(filename: &str, range: Range, headers: &[&str], rows: Vec<Vec<Field>>) -> Reply {
    let mut csv = safe_line(&[Field::Text(period(range))]);
    csv.push_str("\n\n");
    let headers: Vec<Field> = headers
        .iter()
        .map(|h| Field::Text((*h).to_owned()))
        .collect();
    csv.push_str(&safe_line(&headers));
    for row in rows {
        csv.push_str(&safe_line(&row));
    }
    Ok(attachment(filename, csv))
}

/// A count of a summary row.
fn count(row: &Value, key: &str) -> Field {
    Field::Number(row[key].as_i64().unwrap_or(0))
}

/// An average of a summary row, as the presenter writes it.
fn time(row: &Value, key: &str) -> Field {
    Field::Text(duration(row[key].as_f64()))
}

/// `generate_readable_report_metrics`.
fn metrics(row: &Value) -> Vec<Field> {
    vec![
        count(row, "conversations_count"),
        time(row, "avg_first_response_time"),
        time(row, "avg_resolution_time"),
        time(row, "avg_reply_time"),
        count(row, "resolved_conversations_count"),
    ]
}

/// A record's name, then its metrics, for each summary row.
fn named_rows(
    store: &Store,
    account_id: i64,
    by: By,
    (range, business_hours): (Range, bool),
    name: impl Fn(i64) -> Vec<Field>,
) -> Vec<Vec<Field>> {
    summary_rows(store, account_id, by, Some(range), business_hours)
        .iter()
        .map(|row| {
            let mut line = name(row["id"].as_i64().unwrap_or(0));
            line.extend(metrics(row));
            line
        })
        .collect()
}

/// `Channel::*#name`.
fn channel_name(channel_type: &str) -> &str {
    match channel_type {
        "Channel::Api" => "API",
        "Channel::WebWidget" => "Website",
        "Channel::FacebookPage" => "Facebook",
        "Channel::TwitterProfile" => "Twitter",
        "Channel::Line" => "LINE",
        "Channel::Sms" => "Sms",
        "Channel::TwilioSms" => "Twilio SMS",
        other => other.strip_prefix("Channel::").unwrap_or(other),
    }
}

/// `GET /api/v2/accounts/{account_id}/reports/agents`.
pub(crate) fn agents(cx: AccountScope<'_>, query: Query) -> Reply {
    let inputs = inputs(&cx, &query)?;
    let (store, account_id) = (&cx.store, cx.account_id());
    let name = |id| {
        let user = store.user(id).map(|u| u.name.clone()).unwrap_or_default();
        vec![Field::Text(user)]
    };
    let rows = named_rows(store, account_id, By::Agent, inputs, name);
    let headers = [
        "Agent name",
        "Assigned conversations",
        "Avg first response time",
        "Avg resolution time",
        "Avg customer waiting time",
        "Resolution Count",
    ];
    file("agents_report", inputs.0, &headers, rows)
}

/// `GET /api/v2/accounts/{account_id}/reports/inboxes`: seven fields under
/// the view's five headers.
pub(crate) fn inboxes(cx: AccountScope<'_>, query: Query) -> Reply {
    let inputs = inputs(&cx, &query)?;
    let (store, account_id) = (&cx.store, cx.account_id());
    let name = |id| match store.inbox(account_id, id) {
        Some(inbox) => vec![
            Field::Text(inbox.name.clone()),
            Field::Text(channel_name(inbox.channel_type).to_owned()),
        ],
        None => vec![Field::Text(String::new()), Field::Text(String::new())],
    };
    let rows = named_rows(store, account_id, By::Inbox, inputs, name);
    let headers = [
        "Inbox name",
        "Inbox type",
        "No. of conversations",
        "Avg first response time",
        "Avg resolution time",
    ];
    file("inboxes_report", inputs.0, &headers, rows)
}

/// `GET /api/v2/accounts/{account_id}/reports/teams`.
pub(crate) fn teams(cx: AccountScope<'_>, query: Query) -> Reply {
    let inputs = inputs(&cx, &query)?;
    let (store, account_id) = (&cx.store, cx.account_id());
    let name = |id| {
        let team = store.team(account_id, id).map(|t| t.name.clone());
        vec![Field::Text(team.unwrap_or_default())]
    };
    let rows = named_rows(store, account_id, By::Team, inputs, name);
    let headers = [
        "Team name",
        "Conversations count",
        "Avg first response time",
        "Avg resolution time",
        "Avg customer waiting time",
        "Resolution Count",
    ];
    file("teams_report", inputs.0, &headers, rows)
}

/// `GET /api/v2/accounts/{account_id}/reports/labels`.
pub(crate) fn labels(cx: AccountScope<'_>, query: Query) -> Reply {
    let (range, business_hours) = inputs(&cx, &query)?;
    let built = label_summary::build(&cx.store, cx.account_id(), Some(range), business_hours);
    let rows = built
        .as_array()
        .into_iter()
        .flatten()
        .map(|row| {
            let title = row["name"].as_str().unwrap_or_default().to_owned();
            let mut line = vec![Field::Text(title)];
            line.extend(metrics(row));
            line
        })
        .collect();
    let headers = [
        "Label",
        "No. of conversations",
        "Avg first response time",
        "Avg resolution time",
        "Avg reply time",
        "Resolution Count",
    ];
    file("labels_report", range, &headers, rows)
}

/// `GET /api/v2/accounts/{account_id}/reports/conversations_summary`: one
/// line of the account's totals (`generate_conversation_report_metrics`).
pub(crate) fn conversations_summary(cx: AccountScope<'_>, query: Query) -> Reply {
    let (range, business_hours) = inputs(&cx, &query)?;
    let summary = Value::Object(period_summary(
        &cx,
        Subject::Account,
        Some(range),
        business_hours,
    )?);
    let row = vec![
        count(&summary, "conversations_count"),
        count(&summary, "incoming_messages_count"),
        count(&summary, "outgoing_messages_count"),
        time(&summary, "avg_first_response_time"),
        time(&summary, "avg_resolution_time"),
        count(&summary, "resolutions_count"),
        time(&summary, "reply_time"),
    ];
    let headers = [
        "Conversations",
        "Messages received",
        "Messages sent",
        "Avg first response time",
        "Avg resolution time",
        "Resolution count",
        "Avg customer waiting time",
    ];
    file("conversations_summary_report", range, &headers, vec![row])
}
