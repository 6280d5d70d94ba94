//! The one path every request of the SDK takes: the account check, the retry
//! loop, a span per attempt, and the error conversion that scrubs the token.

use std::future::Future;

use futures::FutureExt;
use progenitor_client::ResponseValue;
use ruut_api::hooks::observe;

use crate::client::Client;
use crate::client::spelling::Next;
use crate::error::{Error, convert};
use crate::transport::{retry, telemetry};
use ruut_api::operations::Operation;

impl Client {
    /// The account id, or the error an account-scoped call makes without one.
    pub(crate) fn require_account(&self, op: Operation) -> Result<i64, Error> {
        self.account_id().ok_or_else(|| {
            Error::invalid_request(format!(
                "{op} is account-scoped, and this client has no account id: set \
                 .account_id(..) or RUUT_ACCOUNT_ID (list_accounts() or get_profile() \
                 tell which accounts the token can use)"
            ))
            .with_operation(op)
        })
    }

    /// Sends one operation through the generated client: with retries if it is
    /// idempotent, a span per attempt, and errors converted and scrubbed of the token.
    /// An answer saying that the token header never arrived is resent once with
    /// the hyphenated spelling, when the spelling is the client's to choose (see
    /// `spelling`).
    ///
    /// `send` builds and sends the request afresh for every attempt. Each attempt
    /// is observed, so that an error keeps the status of its answer even when the
    /// generated client dropped it (a documented error status with an HTML body).
    pub(crate) async fn call<'a, T, E, F, Fut>(
        &'a self,
        op: Operation,
        mut send: F,
    ) -> Result<T, Error>
    where
        F: FnMut(&'a ruut_api::Client) -> Fut,
        Fut: Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
        E: serde::Serialize,
    {
        let spelling = self.auth_header();
        let result = self.send_all(self.raw_in_force(), op, &mut send).await;
        match self.after_answer(spelling, result) {
            Next::Done(result) => result,
            Next::Resend(raw) => {
                let result = self.send_all(raw, op, &mut send).await;
                self.after_resend(result)
            }
        }
    }

    /// [`call`](Self::call) through one generated client.
    async fn send_all<'a, T, E, F, Fut>(
        &'a self,
        raw: &'a ruut_api::Client,
        op: Operation,
        send: &mut F,
    ) -> Result<T, Error>
    where
        F: FnMut(&'a ruut_api::Client) -> Fut,
        Fut: Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
        E: serde::Serialize,
    {
        let token = self.inner.settings.token.expose();
        // `then` keeps either the request future or the error conversion, never
        // both: an `async move` block awaiting `send(raw)` would hold the request
        // future twice (as a captured value and as the awaited one).
        retry::run(&self.inner.settings.retry_policy, op, || {
            observe(send(raw)).then(move |(result, seen)| async move {
                match result {
                    Ok(response) => {
                        telemetry::succeeded(response.status().as_u16());
                        Ok(response.into_inner())
                    }
                    Err(e) => {
                        let error = convert::from_api(e, seen.map(|seen| seen.status))
                            .await
                            .with_operation(op)
                            .redact(token);
                        telemetry::failed(&error);
                        Err(error)
                    }
                }
            })
        })
        .await
    }
}
