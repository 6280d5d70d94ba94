//! Reporting events and the inbox-label matrix through Prism: in the account
//! the user administers (the seeded week), a conversation's events in the
//! main account, the CSAT responses as CSV, and the agent's 401 there. Runs
//! after `reports::steps`.

use futures::TryStreamExt;
use ruut_api::builder::DownloadCsatSurveyResponses;
use ruut_api::operations::Operation::*;
use ruut_api::types::ErrorBody;
use ruut_api::{Error, ResponseValue};

use crate::contract::{Found, Step, send};

/// The CSV download, its body read as text (the answer table holds bodies
/// that serialize; the generated client hands back a byte stream).
struct Csv<'a>(DownloadCsatSurveyResponses<'a>);

impl Csv<'_> {
    async fn send(self) -> Result<ResponseValue<String>, Error<ErrorBody>> {
        let answer = self.0.send().await?;
        let (status, headers) = (answer.status(), answer.headers().clone());
        let body = answer
            .into_inner()
            .into_inner()
            .try_fold(Vec::new(), |mut all, chunk| async move {
                all.extend_from_slice(&chunk);
                Ok(all)
            })
            .await
            .map_err(Error::ResponseBodyError)?;
        let text = String::from_utf8_lossy(&body).into_owned();
        Ok(ResponseValue::new(text, status, headers))
    }
}

/// The seeded conversations' week (2025-11-24 to 2025-12-01).
const SINCE: &str = "1764000000";
const UNTIL: &str = "1764604800";

fn admin(found: &Found) -> i64 {
    found.admin_account.unwrap_or_default()
}

fn administers(found: &Found) -> bool {
    found.admin_account.is_some()
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            GetAccountReportingEvents,
            "the seeded week, first page",
            send!(|c| c
                .user
                .get_account_reporting_events()
                .account_id(admin(&c.found()))
                .since(SINCE)
                .until(UNTIL)
                .page(1)),
        )
        .when(administers),
        Step::ok(
            GetAccountReportingEvents,
            "first responses only",
            send!(|c| c
                .user
                .get_account_reporting_events()
                .account_id(admin(&c.found()))
                .name("first_response")),
        )
        .when(administers),
        Step::status(
            GetAccountReportingEvents,
            "an agent",
            401,
            send!(|c| c
                .user
                .get_account_reporting_events()
                .account_id(c.found().account)),
        ),
        Step::ok(
            GetConversationReportingEvents,
            "a conversation's",
            send!(|c| c
                .user
                .get_conversation_reporting_events()
                .account_id(c.found().account)
                .conversation_id(c.found().conversation)),
        ),
        Step::ok(
            GetInboxLabelMatrix,
            "the seeded week",
            send!(|c| c
                .user
                .get_inbox_label_matrix()
                .account_id(admin(&c.found()))
                .since(SINCE)
                .until(UNTIL)),
        )
        .when(administers),
        Step::status(
            GetInboxLabelMatrix,
            "an agent",
            401,
            send!(|c| c
                .user
                .get_inbox_label_matrix()
                .account_id(c.found().account)),
        ),
        Step::ok(
            DownloadCsatSurveyResponses,
            "the seeded week as CSV",
            send!(|c| Csv(c
                .user
                .download_csat_survey_responses()
                .account_id(admin(&c.found()))
                .since(SINCE)
                .until(UNTIL))),
        )
        .when(administers),
        Step::status(
            DownloadCsatSurveyResponses,
            "an agent",
            401,
            send!(|c| Csv(c
                .user
                .download_csat_survey_responses()
                .account_id(c.found().account)
                .since(SINCE)
                .until(UNTIL))),
        ),
    ]
}
