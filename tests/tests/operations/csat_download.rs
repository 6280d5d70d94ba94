//! The CSAT responses as CSV, checked line by line against the listing of
//! the same responses (the second account, where the user is an
//! administrator).

use std::sync::Arc;

use futures::TryStreamExt;
use ruut_api::types::{CsatSurveyResponse, DownloadCsatSurveyResponsesSort as Sort};
use ruut_sdk::ReportRange;

use crate::Operation;
use crate::table::{Entry, World, call, job, sdk};

/// The 401 an agent gets (Pundit's).
const NOT_ALLOWED: &str = "You are not authorized to do this action";

/// The header line (en.yml's `reports.csat.headers`, with Enterprise's column).
const HEADER: &str = "Agent Name,Rating,Feedback Comment,Contact Name,Contact Email Address,\
                      Contact Phone Number,Link to the conversation,Recorded date,Review Notes";

/// Every time the seed uses (the sandbox's clock is far past them).
const SINCE: &str = "0";
const UNTIL: &str = "4000000000";

/// A refusal the typed request provokes; like `provoke!`, but the body of a
/// success (a byte stream) is dropped before the answer is compared.
macro_rules! refusal {
    (|$w:ident| $request:expr) => {
        crate::table::How::Provoke(|$w: Arc<World>| {
            job(async move { crate::table::refused($request.send().await.map(drop)) })
        })
    };
}

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::DownloadCsatSurveyResponses, |w| job(download(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .csat_responses()
                .range(ReportRange::new(0, 4_000_000_000))
                .download()))
            .call(call!(|api, ids| api
                .download_csat_survey_responses()
                .account_id(ids.account)
                .since(SINCE)
                .until(UNTIL)))
            .refuses(
                401,
                "an agent",
                refusal!(|w| w
                    .api
                    .download_csat_survey_responses()
                    .account_id(w.seed.account_id)
                    .since(SINCE)
                    .until(UNTIL)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "a since that is not Unix seconds",
                refusal!(|w| w
                    .api
                    .download_csat_survey_responses()
                    .account_id(w.seed.second_account_id)
                    .since("monday")
                    .until(UNTIL)),
            ),
    ]
}

/// The file of the second account, as text, with its content type.
async fn fetch(w: &World, sort: Option<Sort>, rating: Option<i64>) -> (String, String) {
    let mut request = w
        .api
        .download_csat_survey_responses()
        .account_id(w.seed.second_account_id)
        .since(SINCE)
        .until(UNTIL);
    if let Some(sort) = sort {
        request = request.sort(sort);
    }
    if let Some(rating) = rating {
        request = request.rating(rating);
    }
    let answer = request.send().await.expect("downloaded");
    let content_type = answer.headers()["content-type"].to_str().expect("ascii");
    let content_type = content_type.to_owned();
    let body = answer.into_inner().into_inner();
    let bytes = body
        .try_fold(Vec::new(), |mut all, chunk| async move {
            all.extend_from_slice(&chunk);
            Ok(all)
        })
        .await
        .expect("read");
    (String::from_utf8(bytes).expect("UTF-8"), content_type)
}

/// A header, one line per listed response (same rating, conversation link
/// and agent), and the period; the rating filter and the order hold.
async fn download(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let (csv, content_type) = fetch(&w, Some(Sort::CreatedXat), None).await;
    assert_eq!(content_type, "text/csv");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], HEADER);
    assert_eq!(
        *lines.last().expect("a period"),
        "Reporting period 1970-01-01 to 2096-10-02"
    );
    let request = w.api.list_csat_survey_responses().account_id(account);
    let listed = request
        .sort(ruut_api::types::ListCsatSurveyResponsesSort::CreatedXat)
        .send()
        .await
        .expect("listed")
        .into_inner();
    assert!(!listed.is_empty(), "the seed rates resolved conversations");
    assert!(listed.len() < 25, "one page holds them all");
    let rows = &lines[1..lines.len() - 1];
    assert_eq!(rows.len(), listed.len(), "{csv}");
    for (line, response) in rows.iter().zip(&listed) {
        assert_eq!(*line, expected_line(account, response));
    }
    let rating = listed[0].rating;
    let (only, _) = fetch(&w, None, Some(rating)).await;
    let same = listed.iter().filter(|r| r.rating == rating).count();
    assert_eq!(only.lines().count(), same + 2, "{only}");
}

/// The line a listed response should have, from the listing's own fields.
fn expected_line(account: i64, r: &CsatSurveyResponse) -> String {
    let text = |t: Option<&String>| {
        let t = t.map(String::as_str).unwrap_or_default();
        if t.contains([',', '"']) {
            format!("\"{}\"", t.replace('"', "\"\""))
        } else {
            t.to_owned()
        }
    };
    let agent = r.assigned_agent.as_ref().map(|a| {
        let name = a.name.as_deref().unwrap_or_default();
        format!("{name} ({})", a.email.as_deref().unwrap_or_default())
    });
    let contact = r.contact.as_ref();
    let recorded = chrono::DateTime::from_timestamp(r.created_at, 0).expect("a time");
    [
        text(agent.as_ref()),
        r.rating.to_string(),
        text(r.feedback_message.as_ref()),
        text(contact.and_then(|c| c.name.as_ref())),
        text(contact.and_then(|c| c.email.as_ref())),
        text(contact.and_then(|c| c.phone_number.as_ref())),
        format!(
            "https://app.ruut.chat/app/accounts/{account}/conversations/{}",
            r.conversation_id
        ),
        recorded.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
        String::new(),
    ]
    .join(",")
}
