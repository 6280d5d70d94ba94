//! What the SDK's end-to-end tests share: a sandbox, a client for it, and the
//! request journal in a form fit for snapshots. The captured `tracing` writer
//! comes from the shared test library, `ruut_tests`.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::time::Duration;

use ruut_sandbox::{RecordedRequest, Sandbox};
use ruut_sdk::{Client, ClientBuilder, RetryPolicy, StatusRoute};
use serde::Serialize;

// Not every test binary including this module uses all of it.
#[allow(unused_imports)]
pub use ruut_tests::Captured;

/// The user agent every test client sends, so that snapshots do not change with
/// the crate's version.
pub const USER_AGENT: &str = "ruut-sdk-tests";

/// Retries that are fast enough for tests: up to 3 attempts, milliseconds apart.
pub fn quick_retries() -> RetryPolicy {
    RetryPolicy::default()
        .with_max_attempts(3)
        .with_base_delay(Duration::from_millis(1))
        .with_max_delay(Duration::from_millis(20))
        .with_deadline(Some(Duration::from_secs(20)))
}

/// A builder for a client of `sandbox`, in its main account, with quick retries.
pub fn builder(sandbox: &Sandbox) -> ClientBuilder {
    Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .account_id(sandbox.account_id())
        .user_agent(USER_AGENT)
        .retry_policy(quick_retries())
        .timeout(Duration::from_secs(10))
}

/// A client of `sandbox` on Ruut's documented status route.
pub fn client(sandbox: &Sandbox) -> Client {
    builder(sandbox)
        .build()
        .expect("the sandbox's settings are valid")
}

/// A client of `sandbox` on Chatwoot's account-scoped status route.
pub fn account_scoped_client(sandbox: &Sandbox) -> Client {
    builder(sandbox)
        .status_route(StatusRoute::AccountScoped)
        .build()
        .expect("the sandbox's settings are valid")
}

/// The requests the sandbox received for one operation.
pub fn requests_for(sandbox: &Sandbox, operation_id: &str) -> Vec<RecordedRequest> {
    sandbox
        .requests()
        .into_iter()
        .filter(|r| r.operation.map(|op| op.id()) == Some(operation_id))
        .collect()
}

/// A request as the snapshots show it: what the SDK chose to send, without what
/// changes from run to run (the sandbox's port) or is secret (the token, which the
/// journal has already replaced with `[redacted]`).
#[derive(Debug, Serialize)]
pub struct Sent {
    pub operation: Option<String>,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    pub headers: BTreeMap<String, String>,
    pub body: serde_json::Value,
}

/// Headers that differ between runs.
const VOLATILE_HEADERS: [&str; 1] = ["host"];

impl From<&RecordedRequest> for Sent {
    fn from(request: &RecordedRequest) -> Self {
        let headers = request
            .headers
            .iter()
            .map(|(name, value)| (name.to_ascii_lowercase(), value.clone()))
            .filter(|(name, _)| !VOLATILE_HEADERS.contains(&name.as_str()))
            .collect();
        let body = if request.body.is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_str(&request.body)
                .unwrap_or_else(|_| serde_json::Value::String(request.body.clone()))
        };
        Self {
            operation: request.operation.map(|op| op.id().to_owned()),
            method: request.method.clone(),
            path: request.path.clone(),
            query: request.query.clone(),
            headers,
            body,
        }
    }
}

/// Every request the sandbox received since the journal was last cleared.
pub fn sent(sandbox: &Sandbox) -> Vec<Sent> {
    sandbox.requests().iter().map(Sent::from).collect()
}
