//! The one path every request of the SDK takes: the account check, the retry
//! loop, a span per attempt, and the error conversion that scrubs the token.

use std::future::Future;

use futures::FutureExt;
use progenitor_client::ResponseValue;
use ruut_api::hooks::observe;

use crate::client::Client;
use crate::client::spelling::Next;
use crate::error::{Error, convert};
use crate::transport::options::CallOptions;
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
    pub(crate) async fn call<'a, T, E, F, Fut>(&'a self, op: Operation, send: F) -> Result<T, Error>
    where
        F: FnMut(&'a ruut_api::Client) -> Fut,
        Fut: Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
        E: serde::Serialize,
    {
        self.call_with(&CallOptions::default(), op, send).await
    }

    /// [`call`](Self::call) with a builder's per-call overrides of the timeout
    /// and the retry policy. Every attempt waits for the client's rate limit.
    pub(crate) async fn call_with<'a, T, E, F, Fut>(
        &'a self,
        options: &CallOptions,
        op: Operation,
        mut send: F,
    ) -> Result<T, Error>
    where
        F: FnMut(&'a ruut_api::Client) -> Fut,
        Fut: Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
        E: serde::Serialize,
    {
        let spelling = self.auth_header();
        let result = self
            .send_all(self.raw_in_force(), options, op, &mut send)
            .await;
        match self.after_answer(spelling, result) {
            Next::Done(result) => result,
            Next::Resend(raw) => {
                let result = self.send_all(raw, options, op, &mut send).await;
                self.after_resend(result)
            }
        }
    }

    /// [`call`](Self::call) through one generated client.
    async fn send_all<'a, T, E, F, Fut>(
        &'a self,
        raw: &'a ruut_api::Client,
        options: &CallOptions,
        op: Operation,
        send: &mut F,
    ) -> Result<T, Error>
    where
        F: FnMut(&'a ruut_api::Client) -> Fut,
        Fut: Future<Output = Result<ResponseValue<T>, progenitor_client::Error<E>>>,
        E: serde::Serialize,
    {
        let settings = &self.inner.settings;
        let token = settings.token.expose();
        let policy = options.policy(&settings.retry_policy);
        let limiter = settings.rate_limiter.as_deref();
        // `then` keeps either the request future or the error conversion, never
        // both: an `async move` block awaiting `send(raw)` would hold the request
        // future twice (as a captured value and as the awaited one).
        retry::run(policy, options.timeout, limiter, op, || {
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
