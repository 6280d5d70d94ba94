//! `downloadCsatSurveyResponses`: the responses `listCsatSurveyResponses`
//! would list (every page), as `csat_survey_responses/download.csv.erb`
//! writes them, with the Enterprise edition's ninth column.

use axum::http::{StatusCode, header};
use axum::response::IntoResponse;

use super::{administrator, filtered};
use crate::clock::to_datetime;
use crate::csat::CsatResponse;
use crate::errors::ApiError;
use crate::reporting::csv::line as csv_line;
use crate::reporting::query;
use crate::scope::{AccountScope, Reply};
use crate::state::Store;
use crate::validate::Query;

/// Where `app_account_conversation_url` points: the Ruut dashboard (the
/// server's `FRONTEND_URL`).
const FRONTEND_URL: &str = "https://app.ruut.chat";

/// The header line (`reports.csat.headers` in en.yml, Enterprise's last).
const HEADERS: [&str; 9] = [
    "Agent Name",
    "Rating",
    "Feedback Comment",
    "Contact Name",
    "Contact Email Address",
    "Contact Phone Number",
    "Link to the conversation",
    "Recorded date",
    "Review Notes",
];

/// Text that is there and not blank (Rails' `presence`).
fn presence(text: Option<&String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty()).cloned()
}

/// One response's line.
fn row(store: &Store, r: &CsatResponse) -> String {
    let agent = r
        .assigned_agent_id
        .and_then(|id| store.user(id))
        .map(|u| format!("{} ({})", u.name, u.email));
    let contact = store.contact(r.account_id, r.contact_id);
    let conversation = store
        .conversation(r.account_id, r.conversation_id)
        .map(|c| {
            format!(
                "{FRONTEND_URL}/app/accounts/{}/conversations/{}",
                r.account_id, c.display_id
            )
        });
    let recorded = to_datetime(r.created_at).format("%Y-%m-%d %H:%M:%S UTC");
    csv_line(&[
        agent,
        Some(r.rating.to_string()),
        presence(r.feedback_message.as_ref()),
        contact.and_then(|c| presence(c.name.as_ref())),
        contact.and_then(|c| presence(c.email.as_ref())),
        contact.and_then(|c| presence(c.phone_number.as_ref())),
        conversation,
        Some(recorded.to_string()),
        None,
    ])
}

/// `GET /api/v1/accounts/{account_id}/csat_survey_responses/download`.
pub(crate) fn download(cx: AccountScope<'_>, query: Query) -> Reply {
    administrator(&cx)?;
    // The view parses both for its last line (`Date.strptime`): without
    // them the server fails; the sandbox answers 422.
    let range = query::range(&query)?.ok_or_else(|| ApiError::missing("since and until"))?;
    let mut responses = filtered(&cx, &query)?;
    match query.one_of("sort", &["created_at", "-created_at"])? {
        Some("created_at") => responses.sort_by_key(|r| (r.created_at, r.id)),
        Some(_) => responses.sort_by_key(|r| std::cmp::Reverse((r.created_at, r.id))),
        None => {}
    }
    let mut csv = csv_line(&HEADERS.map(Some));
    for r in responses {
        csv.push_str(&row(&cx.store, r));
    }
    let day = |at: i64| to_datetime(at).format("%Y-%m-%d").to_string();
    let period = format!(
        "Reporting period {} to {}",
        day(range.since),
        day(range.until)
    );
    csv.push_str(&csv_line(&[Some(period)]));
    let headers = [
        (header::CONTENT_TYPE, "text/csv"),
        (
            header::CONTENT_DISPOSITION,
            "attachment; filename=csat_report.csv",
        ),
    ];
    Ok((StatusCode::OK, headers, csv).into_response())
}
