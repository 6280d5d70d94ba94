//! The reports v2 CSV downloads through Prism: each file of the seeded week
//! in the account the user administers, and the agent's 401 in the main
//! account. Runs after `reports::steps`.

use std::future::Future;

use futures::TryStreamExt;
use ruut_api::operations::Operation::*;
use ruut_api::types::ErrorBody;
use ruut_api::{ByteStream, Error, ResponseValue};

use crate::contract::{Found, Step, send};

/// A download's answer, its body read as text (the answer table holds
/// bodies that serialize; the generated client hands back a byte stream).
struct Csv<F>(F);

impl<F> Csv<F>
where
    F: Future<Output = Result<ResponseValue<ByteStream>, Error<ErrorBody>>>,
{
    async fn send(self) -> Result<ResponseValue<String>, Error<ErrorBody>> {
        let answer = self.0.await?;
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

/// The file of the administered account, and the agent's 401.
macro_rules! steps {
    ($op:ident, $builder:ident, $what:literal) => {
        [
            Step::ok(
                $op,
                $what,
                send!(|c| Csv(c
                    .user
                    .$builder()
                    .account_id(admin(&c.found()))
                    .since(SINCE)
                    .until(UNTIL)
                    .send())),
            )
            .when(administers),
            Step::status(
                $op,
                "an agent",
                401,
                send!(|c| Csv(c
                    .user
                    .$builder()
                    .account_id(c.found().account)
                    .since(SINCE)
                    .until(UNTIL)
                    .send())),
            ),
        ]
    };
}

pub fn steps() -> Vec<Step> {
    [
        steps!(
            DownloadAgentsReport,
            download_agents_report,
            "the agents' week"
        ),
        steps!(
            DownloadInboxesReport,
            download_inboxes_report,
            "the inboxes' week"
        ),
        steps!(
            DownloadLabelsReport,
            download_labels_report,
            "the labels' week"
        ),
        steps!(
            DownloadTeamsReport,
            download_teams_report,
            "the teams' week"
        ),
        steps!(
            DownloadConversationsSummaryReport,
            download_conversations_summary_report,
            "the account's week"
        ),
    ]
    .into_iter()
    .flatten()
    .collect()
}
