//! The account's audit logs (Chatwoot Enterprise): [`Client::audit_logs`].

use futures::stream::BoxStream;
use ruut_api::operations::Operation;
use ruut_api::types::AuditLog;

use crate::client::Client;
use crate::error::Error;
use crate::pagination::{self, NumberedPage};
use crate::transport::options::{CallOptions, call_options};

/// Audit logs a page, as the server sends them (`RESULTS_PER_PAGE`).
const PER_PAGE: usize = 15;

impl Client {
    /// The administrative changes recorded in the account, newest first, 15 a
    /// page. Enterprise servers only: a community server answers
    /// [`NotFound`](crate::ErrorKind::NotFound); for administrators only (an
    /// agent's token gets [`Forbidden`](crate::ErrorKind::Forbidden)).
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    ///
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let logs: Vec<_> = client.audit_logs().stream().try_collect().await?;
    /// for log in logs {
    ///     println!("{:?} {} {:?} {:?}", log.username, log.action, log.auditable_type, log.auditable_id);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn audit_logs(&self) -> AuditLogQuery {
        AuditLogQuery {
            client: self.clone(),
            options: CallOptions::default(),
            page: 1,
        }
    }
}

/// A listing of audit logs; see [`Client::audit_logs`].
#[derive(Clone, Debug)]
#[must_use = "a listing does nothing until it is streamed or sent"]
pub struct AuditLogQuery {
    client: Client,
    options: CallOptions,
    page: i64,
}

/// One page of audit logs; see [`AuditLogQuery::send`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct AuditLogPage {
    /// The audit logs on this page (at most 15), newest first.
    pub audit_logs: Vec<AuditLog>,
    /// How many audit logs there are, on all pages.
    pub total_entries: i64,
    /// The next page's number, `None` after the last page.
    pub next_page: Option<i64>,
}

impl NumberedPage for AuditLogPage {
    type Item = AuditLog;

    fn first_id(&self) -> Option<i64> {
        self.audit_logs.first().map(|l| l.id)
    }

    fn into_parts(self) -> (Vec<AuditLog>, Option<i64>) {
        (self.audit_logs, self.next_page)
    }
}

call_options!(AuditLogQuery);

impl AuditLogQuery {
    /// The page to fetch, from 1 (the default).
    pub fn page(mut self, page: i64) -> Self {
        self.page = page;
        self
    }

    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](crate::ErrorKind::InvalidRequest), before any request,
    /// for a page below 1; [`Forbidden`](crate::ErrorKind::Forbidden) for an
    /// agent; [`NotFound`](crate::ErrorKind::NotFound) from a community server; any
    /// other kind a request can fail with.
    pub async fn send(self) -> Result<AuditLogPage, Error> {
        let op = Operation::ListAuditLogs;
        pagination::check_page(self.page, op)?;
        let account_id = self.client.require_account(op)?;
        let page = self
            .client
            .call_with(&self.options, op, |raw| {
                raw.list_audit_logs()
                    .account_id(account_id)
                    .page(self.page)
                    .send()
            })
            .await?;
        let per_page = usize::try_from(page.per_page).unwrap_or(PER_PAGE);
        let next_page = pagination::next_page(self.page, page.audit_logs.len(), per_page);
        Ok(AuditLogPage {
            audit_logs: page.audit_logs,
            total_entries: page.total_entries,
            next_page,
        })
    }

    /// Every audit log, newest first, page after page from [`page`](Self::page).
    pub fn stream(self) -> BoxStream<'static, Result<AuditLog, Error>> {
        let first = self.page;
        pagination::numbered::<AuditLogPage, _, _>(first, move |page| {
            self.clone().page(page).send()
        })
    }
}
