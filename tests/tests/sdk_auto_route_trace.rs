//! The switch to the account-scoped route is one `tracing` event naming both
//! routes, even when several status changes meet the routing 404 at once.
//! Alone in its binary: it captures the process's tracing output.

mod route_support;
mod sdk_support;

use futures::future::join_all;
use ruut_sdk::{ConversationStatus, StatusRoute};
use sdk_support::{Captured, client};

#[tokio::test(flavor = "current_thread")]
async fn the_switch_is_traced_once_with_both_routes() {
    let captured = Captured::default();
    let _guard = captured.trace_everything();
    let sandbox = route_support::sandbox(true).await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);

    let ids = [seed.open_conversation_id, seed.pending_conversation_id];
    let changes = join_all(ids.map(|id| client.conversation(id).mark_pending().send())).await;
    for change in changes {
        assert_eq!(change.unwrap().status, ConversationStatus::Pending);
    }
    client
        .clone()
        .conversation(ids[0])
        .reopen()
        .send()
        .await
        .unwrap();
    assert_eq!(client.status_route(), StatusRoute::AccountScoped);

    let text = captured.text();
    let switches: Vec<_> = text
        .lines()
        .filter(|line| line.contains("lacks Ruut's documented route"))
        .collect();
    assert_eq!(switches.len(), 1, "{text}");
    assert!(
        switches[0].contains("PATCH /api/v1/conversations/{conversation_id}/status"),
        "{}",
        switches[0]
    );
    assert!(
        switches[0].contains(
            "POST /api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status"
        ),
        "{}",
        switches[0]
    );
    assert!(!text.contains(sandbox.user_token()), "{text}");
}
