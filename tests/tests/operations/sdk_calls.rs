//! The table's SDK calls: each must really send its operation to the
//! sandbox, and must keep the status of a documented error whose body is not
//! JSON (Rails' HTML routing 404 page, a plain-text 422) and name the
//! operation, on every operation the SDK wraps.

use ruut_api::operations::Operation;
use ruut_sdk::{Client, ErrorKind, StatusRoute};
use ruut_tests::{Behaviour, RawServer};

use crate::runner::each;
use crate::table::{Entry, Ids, Sdk, World, job};

/// An SDK client of `base_url`, in account `account`, on `route`.
fn client(base_url: &str, token: &str, account: i64, route: StatusRoute) -> Client {
    Client::builder()
        .base_url(base_url)
        .api_token(token)
        .account_id(account)
        .user_agent("ruut-operations-tests")
        .status_route(route)
        .build()
        .expect("valid settings")
}

/// The entries the SDK wraps, with their SDK call.
fn sdk_entries() -> Vec<(Operation, Sdk)> {
    crate::table()
        .iter()
        .filter_map(|entry: &Entry| Some((entry.op, entry.sdk?)))
        .collect()
}

#[tokio::test]
async fn every_sdk_call_sends_its_operation() {
    let jobs = sdk_entries()
        .into_iter()
        .map(|(op, sdk)| {
            (
                op,
                job(async move {
                    let world = World::start().await;
                    let sandbox = &world.sandbox;
                    let sdk_client = client(
                        sandbox.base_url(),
                        sandbox.user_token(),
                        sandbox.account_id(),
                        sdk.route,
                    );
                    if let Err(error) = (sdk.call)(sdk_client, world.ids()).await {
                        panic!("the SDK call failed: {error}");
                    }
                    let sent: Vec<Option<Operation>> =
                        sandbox.requests().iter().map(|r| r.operation).collect();
                    assert!(
                        sent.contains(&Some(op)),
                        "the SDK call sent {sent:?}, not {op}"
                    );
                }),
            )
        })
        .collect();
    each(jobs, "SDK calls did not send their operation").await;
}

/// Every SDK call against a server answering everything with `behaviour`
/// must fail with `status` and `kind`, naming its operation.
async fn every_sdk_call_against(behaviour: Behaviour, status: u16, kind: ErrorKind) {
    let server = RawServer::start("127.0.0.1", behaviour).await;
    let url = server.url();
    let ids = Ids {
        account: 1,
        conversation: 1,
        contact: 1,
        inbox: 1,
        agent: 1,
        note: 1,
        admin_account: 1,
        admin_contact: 1,
        admin_bot: 1,
        admin_inbox: 1,
        message: 1,
        team: 1,
        canned_response: 1,
        label: 1,
        admin_label: 1,
        attribute_definition: 1,
        custom_filter: 1,
        webhook: 1,
        macro_id: 1,
        automation_rule: 1,
        portal: "handbook",
        category: 1,
        article: 1,
        hook: 1,
    };
    let jobs = sdk_entries()
        .into_iter()
        .map(|(op, sdk)| {
            let sdk_client = client(&url, "tok_not_json_test", 1, sdk.route);
            (
                op,
                job(async move {
                    let error = match (sdk.call)(sdk_client, ids).await {
                        Ok(()) => panic!("succeeded against a {status} to everything"),
                        Err(error) => error,
                    };
                    assert_eq!(error.status(), Some(status), "the status is kept: {error}");
                    assert_eq!(error.kind(), kind, "{error}");
                    assert_eq!(
                        error.operation(),
                        Some(op),
                        "the error names the operation: {error}"
                    );
                }),
            )
        })
        .collect();
    each(jobs, "SDK calls lost what a non-JSON error said").await;
    assert!(server.connections() > 0, "the calls reached the server");
}

#[tokio::test]
async fn every_sdk_call_reads_rails_html_404_as_a_missing_route() {
    every_sdk_call_against(Behaviour::RAILS_404, 404, ErrorKind::RouteNotFound).await;
}

#[tokio::test]
async fn every_sdk_call_keeps_the_status_of_a_plain_text_422() {
    let plain_422 = Behaviour::Answer {
        status: 422,
        content_type: "text/plain; charset=utf-8",
        body: "Unprocessable Entity",
    };
    every_sdk_call_against(plain_422, 422, ErrorKind::Validation).await;
}
