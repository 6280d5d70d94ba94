//! The responses as the server's CSV file: [`CsatResponseQuery::download`].
//!
//! The server answers `text/csv`, which the generated client does not parse:
//! the codegen filter leaves the operation without a documented success body,
//! so the generated builder hands back the raw body, capped at
//! [`ClientBuilder::max_response_body`](crate::ClientBuilder::max_response_body)
//! like every answer, and this file reads it as text. The request itself goes
//! through [`Client::call_with`](crate::Client) like every other call.

use futures::TryStreamExt;
use ruut_api::operations::Operation;
use ruut_api::types::DownloadCsatSurveyResponsesSort as Sort;

use super::CsatResponseQuery;
use crate::error::{Error, ErrorKind, convert};

impl CsatResponseQuery {
    /// Every response the filters match (paging does not apply), as the CSV
    /// file the dashboard downloads: a header line, one line per response
    /// (agent, rating, feedback, contact, link to the conversation, time,
    /// review notes) and a last line naming the period. Needs a
    /// [`range`](Self::range): the server cannot build the file without one.
    ///
    /// ```no_run
    /// use ruut_sdk::ReportRange;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let csv = client
    ///     .csat_responses()
    ///     .range(ReportRange::last_days(30))
    ///     .download()
    ///     .await?;
    /// std::fs::write("csat_report.csv", csv).expect("written");
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest), before any request,
    /// without a range; [`Forbidden`](crate::ErrorKind::Forbidden) for an
    /// agent; [`UnexpectedResponse`](crate::ErrorKind::UnexpectedResponse) when
    /// the file is not UTF-8; any other kind a request can fail with.
    pub async fn download(self) -> Result<String, Error> {
        let op = Operation::DownloadCsatSurveyResponses;
        let Some(range) = self.range else {
            return Err(
                Error::invalid_request("the CSV download needs a range (`range(..)`)")
                    .with_operation(op),
            );
        };
        let account_id = self.client.require_account(op)?;
        let body = self
            .client
            .call_with(&self.options, op, |raw| {
                let mut request = raw
                    .download_csat_survey_responses()
                    .account_id(account_id)
                    .since(range.since_param())
                    .until(range.until_param())
                    .user_ids(self.agents.clone());
                if let Some(inbox) = self.inbox_id {
                    request = request.inbox_id(inbox);
                }
                if let Some(team) = self.team_id {
                    request = request.team_id(team);
                }
                if let Some(rating) = self.rating {
                    request = request.rating(rating);
                }
                if let Some(newest) = self.newest_first {
                    request = request.sort(if newest {
                        Sort::XcreatedXat
                    } else {
                        Sort::CreatedXat
                    });
                }
                request.send()
            })
            .await?;
        let chunks: Vec<bytes::Bytes> = body
            .into_inner()
            .try_collect()
            .await
            .map_err(|e| convert::from_reqwest(&e).with_operation(op))?;
        String::from_utf8(chunks.concat()).map_err(|_| {
            Error::new(ErrorKind::UnexpectedResponse, "the CSV file is not UTF-8")
                .with_operation(op)
        })
    }
}
