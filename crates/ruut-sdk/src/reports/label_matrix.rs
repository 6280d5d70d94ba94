//! How many conversations of each inbox carry each label:
//! [`ReportsHandle::inbox_label_matrix`].

use ruut_api::operations::Operation;
use ruut_api::types::InboxLabelMatrix;

use crate::client::Client;
use crate::error::Error;
use crate::reports::{ReportRange, ReportsHandle};
use crate::transport::options::{CallOptions, call_options};

impl ReportsHandle {
    /// The conversations created in `range`, counted by inbox (rows, by
    /// name) and label (columns, by title); see [`InboxLabelMatrixRequest`]
    /// to keep only some inboxes or labels.
    ///
    /// ```no_run
    /// use ruut_sdk::ReportRange;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let table = client
    ///     .reports()
    ///     .inbox_label_matrix(ReportRange::last_days(30))
    ///     .send()
    ///     .await?;
    /// for (inbox, row) in table.inboxes.iter().zip(&table.matrix) {
    ///     for (label, count) in table.labels.iter().zip(row) {
    ///         println!("{} / {}: {count}", inbox.name, label.title);
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn inbox_label_matrix(&self, range: ReportRange) -> InboxLabelMatrixRequest {
        InboxLabelMatrixRequest {
            client: self.client().clone(),
            options: CallOptions::default(),
            range,
            inbox_ids: Vec::new(),
            label_ids: Vec::new(),
        }
    }
}

/// The inbox-by-label counts to fetch; see [`ReportsHandle::inbox_label_matrix`].
#[derive(Clone, Debug)]
#[must_use = "a request does nothing until it is sent"]
pub struct InboxLabelMatrixRequest {
    client: Client,
    options: CallOptions,
    range: ReportRange,
    inbox_ids: Vec<i64>,
    label_ids: Vec<i64>,
}

call_options!(InboxLabelMatrixRequest);

impl InboxLabelMatrixRequest {
    /// Only this inbox (call again for more); every inbox when not called.
    pub fn inbox(mut self, inbox_id: i64) -> Self {
        self.inbox_ids.push(inbox_id);
        self
    }

    /// Only this label (call again for more); every label when not called.
    pub fn label(mut self, label_id: i64) -> Self {
        self.label_ids.push(label_id);
        self
    }

    /// Fetches the counts.
    ///
    /// # Errors
    ///
    /// [`Forbidden`](crate::ErrorKind::Forbidden) for an agent; any other
    /// kind a request can fail with.
    pub async fn send(self) -> Result<InboxLabelMatrix, Error> {
        let op = Operation::GetInboxLabelMatrix;
        let account_id = self.client.require_account(op)?;
        self.client
            .call_with(&self.options, op, |raw| {
                raw.get_inbox_label_matrix()
                    .account_id(account_id)
                    .since(self.range.since_param())
                    .until(self.range.until_param())
                    .inbox_ids(self.inbox_ids.clone())
                    .label_ids(self.label_ids.clone())
                    .send()
            })
            .await
    }
}
