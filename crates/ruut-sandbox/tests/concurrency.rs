//! Concurrent updates to one conversation: every accepted change is visible.

mod common;

use std::collections::HashSet;

use common::{Api, client};
use serde_json::json;

const TASKS: usize = 32;
const UPDATES: usize = 20;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_messages_and_status_changes_lose_nothing() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let id = info.pending_conversation_id;
    let before = api.sb.message_count(info.account_id, id);
    let base = format!(
        "{}{}",
        api.sb.base_url(),
        api.acct(&format!("/conversations/{id}"))
    );
    let token = api.sb.user_token().to_owned();

    let mut handles = Vec::new();
    for task in 0..TASKS {
        let (base, token) = (base.clone(), token.clone());
        handles.push(tokio::spawn(async move {
            let http = client();
            let mut accepted = 0;
            for n in 0..UPDATES {
                let resp = http
                    .post(format!("{base}/messages"))
                    .header("api_access_token", &token)
                    .json(&json!({"content": format!("task {task} update {n}")}))
                    .send()
                    .await;
                if resp.is_ok_and(|r| r.status() == 200) {
                    accepted += 1;
                }
                if n % 5 == 0 {
                    let status = if n % 10 == 0 { "open" } else { "pending" };
                    let _ = http
                        .post(format!("{base}/toggle_status"))
                        .header("api_access_token", &token)
                        .json(&json!({"status": status}))
                        .send()
                        .await;
                }
            }
            accepted
        }));
    }
    let mut accepted = 0;
    for handle in handles {
        accepted += handle.await.expect("task finishes");
    }
    assert_eq!(accepted, TASKS * UPDATES);
    assert_eq!(
        api.sb.message_count(info.account_id, id),
        before + TASKS * UPDATES
    );

    // Every message is readable, each exactly once, through the cursor API.
    let path = api.acct(&format!("/conversations/{id}/messages?after=0"));
    let mut seen = HashSet::new();
    let mut after = 0;
    loop {
        let page = api
            .get(&path.replace("after=0", &format!("after={after}")))
            .await
            .json();
        let items = page["payload"].as_array().cloned().unwrap_or_default();
        if items.is_empty() {
            break;
        }
        for item in &items {
            if let Some(text) = item["content"].as_str() {
                assert!(seen.insert(text.to_owned()), "duplicate {text}");
            }
        }
        after = items
            .last()
            .and_then(|m| m["id"].as_i64())
            .unwrap_or(i64::MAX);
    }
    for task in 0..TASKS {
        for n in 0..UPDATES {
            assert!(seen.contains(&format!("task {task} update {n}")));
        }
    }
    let status = api.conversation(id).await["status"].clone();
    assert!(status == "open" || status == "pending", "{status}");
}
