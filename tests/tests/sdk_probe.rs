//! `Client::probe` on Ruut, on a stock Chatwoot server and behind a proxy that
//! drops underscore headers: what it reports, what it teaches the client, and
//! that it changes nothing on the server.

mod route_support;
mod sdk_support;

use route_support::{UnderscoreDroppingProxy, journal, sandbox};
use ruut_sdk::types::RuutId;
use ruut_sdk::{AuthHeader, Client, Operation, StatusRoute};
use sdk_support::builder;

/// Every conversation's status, to show that the probe changed none.
async fn statuses(client: &Client) -> Vec<(i64, String)> {
    let page = client.conversations().send().await.unwrap();
    page.conversations
        .iter()
        .map(|c| (c.id, c.status.as_str().to_owned()))
        .collect()
}

fn ids(accounts: &[ruut_sdk::types::RuutAccount]) -> Vec<i64> {
    let mut ids: Vec<i64> = accounts
        .iter()
        .filter_map(|a| match &a.id {
            RuutId::Int64(id) => Some(*id),
            RuutId::String(id) => id.parse().ok(),
        })
        .collect();
    ids.sort_unstable();
    ids
}

#[tokio::test]
async fn the_probe_tells_ruut_from_chatwoot_and_changes_nothing() {
    for (chatwoot_only, route) in [
        (false, StatusRoute::Documented),
        (true, StatusRoute::AccountScoped),
    ] {
        let sandbox = sandbox(chatwoot_only).await;
        let seed = sandbox.seed_info().clone();
        let client = builder(&sandbox).build().unwrap();
        let before = statuses(&client).await;
        sandbox.clear_requests();

        let report = client.probe().await.unwrap();
        assert!(!report.server.version.is_empty());
        assert_eq!(report.status_route, route, "chatwoot_only: {chatwoot_only}");
        assert_eq!(report.auth_header, AuthHeader::Underscore);
        let mut expected = vec![seed.account_id, seed.second_account_id];
        expected.sort_unstable();
        assert_eq!(ids(&report.accounts), expected);
        assert_eq!(client.clone().status_route(), route);

        let (method, path) = journal(&sandbox)
            .into_iter()
            .find(|r| r.1 == "PATCH")
            .map(|r| (r.1, r.2))
            .unwrap();
        assert_eq!(
            (method.as_str(), path.as_str()),
            ("PATCH", "/api/v1/conversations/0/status")
        );
        assert!(
            journal(&sandbox)
                .iter()
                .all(|r| r.0 != Some(Operation::ToggleConversationStatus))
        );
        assert_eq!(statuses(&client).await, before);

        // The first status change goes straight to the route found.
        sandbox.clear_requests();
        client
            .conversation(seed.open_conversation_id)
            .resolve()
            .send()
            .await
            .unwrap();
        let expected = match route {
            StatusRoute::Documented => Operation::UpdateConversationStatus,
            _ => Operation::ToggleConversationStatus,
        };
        let operations: Vec<_> = journal(&sandbox).into_iter().map(|r| r.0).collect();
        assert_eq!(operations, [Some(expected)]);
    }
}

#[tokio::test]
async fn the_probe_finds_the_spelling_behind_a_proxy() {
    for chatwoot_only in [false, true] {
        let sandbox = sandbox(chatwoot_only).await;
        let proxy = UnderscoreDroppingProxy::start(sandbox.base_url()).await;
        let client = builder(&sandbox)
            .base_url(proxy.base_url())
            .build()
            .unwrap();
        let report = client.probe().await.unwrap();
        assert_eq!(report.auth_header, AuthHeader::Hyphenated);
        assert_eq!(client.auth_header(), AuthHeader::Hyphenated);
        assert!(!report.accounts.is_empty());
        assert_eq!(
            report.status_route == StatusRoute::AccountScoped,
            chatwoot_only
        );
    }
}
