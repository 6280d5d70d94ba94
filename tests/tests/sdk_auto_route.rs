//! Default settings on Ruut and on a stock Chatwoot server: the status route and
//! the accounts listing found by themselves (once, for every clone), and a record
//! 404 told from a routing 404.

mod route_support;
mod sdk_support;

use route_support::{journal, sandbox};
use ruut_sandbox::Sandbox;
use ruut_sdk::{ConversationStatus, ErrorKind, Operation, StatusRoute};
use sdk_support::client;

const DOCUMENTED_PATH: &str = "/api/v1/conversations/{id}/status";

async fn ruut() -> Sandbox {
    sandbox(false).await
}

async fn chatwoot() -> Sandbox {
    sandbox(true).await
}

fn documented_path(id: i64) -> String {
    DOCUMENTED_PATH.replace("{id}", &id.to_string())
}

fn toggle_path(sandbox: &Sandbox, id: i64) -> String {
    format!(
        "/api/v1/accounts/{}/conversations/{id}/toggle_status",
        sandbox.account_id()
    )
}

#[tokio::test]
async fn on_ruut_the_default_takes_the_documented_route() {
    let sandbox = ruut().await;
    let id = sandbox.seed_info().open_conversation_id;
    let client = client(&sandbox);
    assert_eq!(client.status_route(), StatusRoute::Auto);

    let change = client.conversation(id).resolve().send().await.unwrap();
    assert_eq!(change.status, ConversationStatus::Resolved);
    assert_eq!(client.status_route(), StatusRoute::Documented);
    assert_eq!(
        journal(&sandbox),
        [(
            Some(Operation::UpdateConversationStatus),
            "PATCH".to_owned(),
            documented_path(id)
        )]
    );
}

#[tokio::test]
async fn on_chatwoot_the_default_switches_once_for_every_clone() {
    let sandbox = chatwoot().await;
    let seed = sandbox.seed_info().clone();
    let (first, second) = (seed.open_conversation_id, seed.pending_conversation_id);
    let client = client(&sandbox);
    let clone = client.clone();
    let sibling = client.with_account_id(seed.account_id);

    let change = client
        .conversation(first)
        .resolve()
        .reason("Answered")
        .send()
        .await
        .unwrap();
    assert_eq!(change.status, ConversationStatus::Resolved);
    for c in [&client, &clone, &sibling] {
        assert_eq!(c.status_route(), StatusRoute::AccountScoped);
    }
    let reopened = clone.conversation(first).reopen().send().await.unwrap();
    assert_eq!(reopened.status, ConversationStatus::Open);
    let pending = sibling.conversation(second).resolve().send().await.unwrap();
    assert_eq!(pending.status, ConversationStatus::Resolved);

    let toggle = |id| {
        (
            Some(Operation::ToggleConversationStatus),
            "POST".to_owned(),
            toggle_path(&sandbox, id),
        )
    };
    let note = (
        Some(Operation::CreateMessage),
        "POST".to_owned(),
        format!(
            "/api/v1/accounts/{}/conversations/{first}/messages",
            seed.account_id
        ),
    );
    assert_eq!(
        journal(&sandbox),
        [
            // The routing 404, the only request to the documented route.
            (None, "PATCH".to_owned(), documented_path(first)),
            toggle(first),
            note,
            toggle(first),
            toggle(second),
        ]
    );
    assert_eq!(
        sandbox
            .status_changes(seed.account_id, first)
            .iter()
            .map(|c| c.status.as_str())
            .collect::<Vec<_>>(),
        ["resolved", "open"]
    );
}

#[tokio::test]
async fn a_record_404_on_the_documented_route_does_not_switch() {
    let sandbox = ruut().await;
    let client = client(&sandbox);
    let error = client
        .conversation(999_999)
        .resolve()
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert_eq!(error.operation(), Some(Operation::UpdateConversationStatus));
    assert_eq!(client.status_route(), StatusRoute::Documented);

    let id = sandbox.seed_info().open_conversation_id;
    client.conversation(id).mark_pending().send().await.unwrap();
    let operations: Vec<_> = journal(&sandbox).into_iter().map(|r| r.0).collect();
    assert_eq!(
        operations,
        [Some(Operation::UpdateConversationStatus); 2],
        "no toggle_status"
    );
}

#[tokio::test]
async fn scheduling_stays_an_invalid_request_on_the_account_scoped_route() {
    let sandbox = chatwoot().await;
    let id = sandbox.seed_info().open_conversation_id;
    let client = client(&sandbox);

    let error = client.conversation(id).schedule().send().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert_eq!(client.status_route(), StatusRoute::AccountScoped);
    assert_eq!(
        journal(&sandbox),
        [(None, "PATCH".to_owned(), documented_path(id))]
    );

    sandbox.clear_requests();
    let error = client.conversation(id).schedule().send().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert_eq!(error.attempts(), 0);
    assert!(error.hint().unwrap().contains("documented"), "{error}");
    assert!(sandbox.requests().is_empty());
}

#[tokio::test]
async fn an_explicit_documented_route_is_kept_on_chatwoot() {
    let sandbox = chatwoot().await;
    let id = sandbox.seed_info().open_conversation_id;
    let client = sdk_support::builder(&sandbox)
        .status_route(StatusRoute::Documented)
        .build()
        .unwrap();
    for _ in 0..2 {
        let error = client.conversation(id).resolve().send().await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::RouteNotFound);
        assert!(
            error.hint().unwrap().contains("StatusRoute::Auto"),
            "{error}"
        );
    }
    assert_eq!(client.status_route(), StatusRoute::Documented);
    assert!(journal(&sandbox).iter().all(|r| r.0.is_none()));
}

/// The account ids of `list_accounts`, as numbers.
async fn account_ids(client: &ruut_sdk::Client) -> Vec<i64> {
    let mut ids: Vec<i64> = client
        .list_accounts()
        .await
        .unwrap()
        .into_iter()
        .map(|a| match a.id {
            ruut_sdk::types::RuutId::Int64(id) => id,
            ruut_sdk::types::RuutId::String(id) => id.parse().unwrap(),
        })
        .collect();
    ids.sort_unstable();
    ids
}

#[tokio::test]
async fn listing_accounts_falls_back_to_the_profile_once() {
    let sandbox = chatwoot().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);

    let mut expected = vec![seed.account_id, seed.second_account_id];
    expected.sort_unstable();
    assert_eq!(account_ids(&client).await, expected);
    assert_eq!(account_ids(&client.clone()).await, expected);
    let operations: Vec<_> = journal(&sandbox).into_iter().map(|r| r.0).collect();
    assert_eq!(
        operations,
        [
            None,
            Some(Operation::GetProfile),
            Some(Operation::GetProfile)
        ]
    );

    let ruut = ruut().await;
    assert_eq!(account_ids(&sdk_support::client(&ruut)).await, expected);
    let operations: Vec<_> = journal(&ruut).into_iter().map(|r| r.0).collect();
    assert_eq!(operations, [Some(Operation::ListAccounts)]);
}
