//! Starting, stopping and the determinism of the seed.

mod common;

use common::{Api, client};
use ruut_sandbox::Sandbox;
use serde_json::Value;

#[tokio::test]
async fn start_serves_and_shutdown_stops() {
    let sb = Sandbox::start().await.expect("starts");
    assert!(sb.base_url().starts_with("http://127.0.0.1:"));
    assert!(!sb.base_url().ends_with('/'));
    assert_eq!(sb.user_token(), ruut_sandbox::DEFAULT_USER_TOKEN);
    assert_eq!(sb.bot_token(), ruut_sandbox::DEFAULT_BOT_TOKEN);
    assert_eq!(sb.account_id(), 1);
    let url = format!("{}/api", sb.base_url());
    let info: Value = client()
        .get(&url)
        .send()
        .await
        .expect("up")
        .json()
        .await
        .expect("json");
    assert_eq!(info["version"], ruut_sandbox::CHATWOOT_VERSION);
    sb.shutdown().await;
    assert!(
        client().get(&url).send().await.is_err(),
        "still serving after shutdown"
    );
}

#[tokio::test]
async fn dropping_the_handle_stops_the_server() {
    let sb = Sandbox::start().await.expect("starts");
    let url = format!("{}/api", sb.base_url());
    drop(sb);
    // The abort is asynchronous: give the runtime a moment.
    let mut stopped = false;
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        if client().get(&url).send().await.is_err() {
            stopped = true;
            break;
        }
    }
    assert!(stopped, "still serving after drop");
}

#[tokio::test]
async fn builder_options_apply() {
    let api = Api::with(
        Sandbox::builder()
            .user_token("u-1")
            .bot_token("b-1")
            .seed(7),
    )
    .await;
    assert_eq!(api.sb.user_token(), "u-1");
    assert_eq!(api.sb.seed_info().seed, 7);
    let answer = api
        .call(reqwest::Method::GET, "/api/v1/profile", Some("u-1"), None)
        .await;
    assert_eq!(answer.status, 200);
    let same = Sandbox::builder()
        .user_token("x")
        .bot_token("x")
        .start()
        .await;
    assert!(same.is_err(), "equal tokens are refused");
}

async fn snapshot(seed: u64) -> Vec<Value> {
    let api = Api::with(Sandbox::builder().seed(seed)).await;
    let mut out = Vec::new();
    for path in [
        api.acct("/conversations?status=all&page=1"),
        api.acct("/conversations?status=all&page=2"),
        api.acct("/contacts?page=2"),
        api.acct("/conversations/1/messages"),
        "/api/v1/profile".to_owned(),
    ] {
        out.push(api.get(&path).await.json());
    }
    out
}

#[tokio::test]
async fn same_seed_same_data_and_other_seeds_differ() {
    let a = snapshot(42).await;
    let b = snapshot(42).await;
    assert_eq!(a, b);
    let c = snapshot(43).await;
    assert_ne!(a, c);
}

#[tokio::test]
async fn seed_info_describes_the_data() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    assert!(info.conversation_count > 25);
    assert!(info.resolved_contact_count > 15);
    assert!(info.long_conversation_message_count > 20);
    let status = |v: &Value| v["status"].as_str().unwrap_or_default().to_owned();
    assert_eq!(
        status(&api.conversation(info.open_conversation_id).await),
        "open"
    );
    assert_eq!(
        status(&api.conversation(info.pending_conversation_id).await),
        "pending"
    );
    assert_eq!(
        status(&api.conversation(info.resolved_conversation_id).await),
        "resolved"
    );
    let timed = api
        .conversation(info.snoozed_with_time_conversation_id)
        .await;
    assert_eq!(status(&timed), "snoozed");
    assert_eq!(timed["snoozed_until"], "2100-01-01T00:00:00.000Z");
    let untimed = api
        .conversation(info.snoozed_without_time_conversation_id)
        .await;
    assert_eq!(status(&untimed), "snoozed");
    assert!(untimed["snoozed_until"].is_null());
    let bot = api.conversation(info.bot_assigned_conversation_id).await;
    assert_eq!(bot["meta"]["assignee_type"], "AgentBot");
    assert_eq!(
        api.sb
            .message_count(info.account_id, info.long_conversation_id),
        info.long_conversation_message_count
    );
    assert_eq!(api.sb.message_count(info.account_id, 9_999), 0);
}
