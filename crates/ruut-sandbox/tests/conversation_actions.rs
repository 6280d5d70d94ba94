//! The actions on one conversation (issue 12): what each changes shows in
//! later reads, and the webhooks the server sends for them arrive, signed.

mod common;

use axum::routing::post;
use common::Api;
use reqwest::{Method, StatusCode};
use ruut_sandbox::Sandbox;
use serde_json::{Value, json};
use tokio::sync::mpsc;

/// A webhook receiver on 127.0.0.1 and a sandbox delivering to it.
async fn with_receiver() -> (Api, mpsc::UnboundedReceiver<Value>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hooks", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::unbounded_channel();
    let app = axum::Router::new().route(
        "/hooks",
        post(move |headers: axum::http::HeaderMap, body: String| {
            let tx = tx.clone();
            async move {
                assert!(headers.contains_key("x-chatwoot-signature"), "signed");
                let _ = tx.send(serde_json::from_str(&body).unwrap_or(Value::Null));
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await });
    let api = Api::with(Sandbox::builder().webhook(url, "actions-secret")).await;
    (api, rx)
}

/// The next webhook whose `event` is `name`, skipping others.
async fn next(rx: &mut mpsc::UnboundedReceiver<Value>, name: &str) -> Value {
    loop {
        let wait = tokio::time::timeout(std::time::Duration::from_secs(30), rx.recv());
        let event = wait.await.ok().flatten().expect("a webhook arrives");
        if event["event"] == name {
            return event;
        }
    }
}

#[tokio::test]
async fn a_patch_with_assignee_id_as_the_python_sdk_sends_answers_the_conversation() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let id = info.pending_conversation_id;
    let before = api.conversation(id).await;
    let agent = info
        .agent_ids
        .iter()
        .copied()
        .find(|a| Some(*a) != before["meta"]["assignee"]["id"].as_i64())
        .unwrap();
    // chatwoot-sdk's `conversations.assign()`: PATCH the conversation with assignee_id.
    let path = api.acct(&format!("/conversations/{id}"));
    let answer = api.patch(&path, json!({"assignee_id": agent})).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    let body = answer.json();
    assert_eq!(body["id"], id);
    // The strong parameters drop assignee_id: nobody new is assigned.
    assert_eq!(body["meta"]["assignee"], before["meta"]["assignee"]);
    assert_eq!(
        api.conversation(id).await["meta"]["assignee"],
        before["meta"]["assignee"]
    );

    let answer = api
        .patch(&path, json!({"priority": "high", "sla_policy_id": 3}))
        .await;
    assert_eq!(
        (
            answer.json()["priority"].clone(),
            answer.json()["sla_policy_id"].clone()
        ),
        (json!("high"), json!(3))
    );
    let answer = api.patch(&path, json!({"priority": null})).await;
    assert_eq!(answer.json()["priority"], Value::Null);
    assert_eq!(api.conversation(id).await["sla_policy_id"], 3);
    let bad = api.patch(&path, json!({"priority": "none"})).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn unassigning_needs_the_key_with_null() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let id = info.open_conversation_id;
    let path = api.acct(&format!("/conversations/{id}/assignments"));
    let assigned = api
        .post(&path, json!({"assignee_id": info.agent_ids[1]}))
        .await;
    assert_eq!(assigned.json()["id"], info.agent_ids[1]);
    // Without the key nothing changes.
    assert_eq!(api.post(&path, json!({})).await.json(), Value::Null);
    assert_eq!(
        api.conversation(id).await["meta"]["assignee"]["id"],
        info.agent_ids[1]
    );
    let unassigned = api.post(&path, json!({"assignee_id": null})).await;
    assert_eq!(
        (unassigned.status, unassigned.json()),
        (StatusCode::OK, Value::Null)
    );
    assert!(api.conversation(id).await["meta"].get("assignee").is_none());
}

#[tokio::test]
async fn labels_and_custom_attributes_persist_and_announce_the_change() {
    let (api, mut rx) = with_receiver().await;
    let id = api.sb.seed_info().open_conversation_id;
    let labels = api.acct(&format!("/conversations/{id}/labels"));
    let set = api
        .post(
            &labels,
            json!({"labels": ["billing", "vip", "billing", " "]}),
        )
        .await;
    assert_eq!(set.json(), json!({"payload": ["billing", "vip"]}));
    assert_eq!(
        api.get(&labels).await.json(),
        json!({"payload": ["billing", "vip"]})
    );
    assert_eq!(
        api.conversation(id).await["labels"],
        json!(["billing", "vip"])
    );
    let updated = next(&mut rx, "conversation_updated").await;
    let change = &updated["changed_attributes"][0]["label_list"];
    assert_eq!(change["current_value"], json!(["billing", "vip"]));

    let attributes = api.acct(&format!("/conversations/{id}/custom_attributes"));
    let set = api
        .post(&attributes, json!({"custom_attributes": {"plan": "pro"}}))
        .await;
    assert_eq!(set.json(), json!({"custom_attributes": {"plan": "pro"}}));
    assert_eq!(
        api.conversation(id).await["custom_attributes"],
        json!({"plan": "pro"})
    );
    let updated = next(&mut rx, "conversation_updated").await;
    let change = &updated["changed_attributes"][0]["custom_attributes"];
    assert_eq!(change["current_value"], json!({"plan": "pro"}));

    // A priority change by PATCH announces itself too.
    let path = api.acct(&format!("/conversations/{id}"));
    api.patch(&path, json!({"priority": "urgent"})).await;
    let updated = next(&mut rx, "conversation_updated").await;
    assert_eq!(
        updated["changed_attributes"][0]["priority"]["current_value"],
        "urgent"
    );
}

#[tokio::test]
async fn typing_sends_the_typing_webhooks_and_bots_are_refused() {
    let (api, mut rx) = with_receiver().await;
    let id = api.sb.seed_info().open_conversation_id;
    let path = api.acct(&format!("/conversations/{id}/toggle_typing_status"));
    let on = api
        .post(&path, json!({"typing_status": "on", "is_private": true}))
        .await;
    assert_eq!((on.status, on.text.as_str()), (StatusCode::OK, ""));
    let event = next(&mut rx, "conversation_typing_on").await;
    assert_eq!(
        (
            event["conversation"]["id"].clone(),
            event["is_private"].clone()
        ),
        (json!(id), json!(true))
    );
    assert_eq!(event["user"]["id"], api.sb.seed_info().user_id);
    api.post(&path, json!({"typing_status": "off"})).await;
    let event = next(&mut rx, "conversation_typing_off").await;
    assert_eq!(event["is_private"], false);

    let bot = api
        .call(
            Method::POST,
            &path,
            Some(api.sb.bot_token()),
            Some(json!({"typing_status": "on"})),
        )
        .await;
    assert_eq!(bot.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        bot.json()["error"],
        "Access to this endpoint is not authorized for bots"
    );
}

#[tokio::test]
async fn mute_unread_and_read_show_in_the_conversation() {
    let api = Api::start().await;
    let id = api.sb.seed_info().long_conversation_id;
    let conversation = |rest: &str| api.acct(&format!("/conversations/{id}{rest}"));
    assert_eq!(
        api.post(&conversation("/mute"), json!({})).await.status,
        StatusCode::OK
    );
    let muted = api.conversation(id).await;
    assert_eq!(
        (muted["muted"].clone(), muted["status"].clone()),
        (json!(true), json!("resolved"))
    );
    api.post(&conversation("/unmute"), json!({})).await;
    let unmuted = api.conversation(id).await;
    assert_eq!(
        (unmuted["muted"].clone(), unmuted["status"].clone()),
        (json!(false), json!("resolved"))
    );

    let read = api
        .post(&conversation("/update_last_seen"), json!({}))
        .await
        .json();
    assert_eq!(read["unread_count"], 0);
    assert!(read["agent_last_seen_at"].as_i64().unwrap() > 0);
    let unread = api.post(&conversation("/unread"), json!({})).await.json();
    assert_eq!(
        unread["unread_count"], 1,
        "the last incoming message is unread again"
    );
    assert_eq!(api.conversation(id).await["unread_count"], 1);
}

#[tokio::test]
async fn transcripts_are_recorded_and_participants_kept() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let id = info.open_conversation_id;
    let transcript = api.acct(&format!("/conversations/{id}/transcript"));
    let blank = api.post(&transcript, json!({"email": "  "})).await;
    assert_eq!(
        (blank.status, blank.json()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({"error": "email param missing"})
        )
    );
    api.post(&transcript, json!({"email": "customer@example.com"}))
        .await;
    let sent = api.sb.transcripts();
    assert_eq!(sent.len(), 1);
    assert_eq!(
        (sent[0].conversation_id, sent[0].email.as_str()),
        (id, "customer@example.com")
    );

    let path = api.acct(&format!("/conversations/{id}/participants"));
    let [a, b, c] = [info.agent_ids[0], info.agent_ids[1], info.agent_ids[2]];
    let ids = |v: Value| -> Vec<i64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(
        ids(api
            .post(&path, json!({"user_ids": [a, b, 987_654]}))
            .await
            .json()),
        [a, b]
    );
    assert_eq!(
        ids(api.post(&path, json!({"user_ids": [b, c]})).await.json()),
        [c],
        "only the new"
    );
    assert_eq!(
        ids(api.patch(&path, json!({"user_ids": [c, a]})).await.json()),
        [a, c]
    );
    let removed = api
        .call(
            Method::DELETE,
            &format!("{path}?user_ids[]={a}"),
            Some(api.sb.user_token()),
            None,
        )
        .await;
    assert_eq!(removed.status, StatusCode::OK);
    assert_eq!(ids(api.get(&path).await.json()), [c]);
    // Without user_ids (a 500 on the server) nobody is removed.
    let none = api
        .call(Method::DELETE, &path, Some(api.sb.user_token()), None)
        .await;
    assert_eq!(none.status, StatusCode::OK);
    assert_eq!(ids(api.get(&path).await.json()), [c], "nobody removed");
}

#[tokio::test]
async fn only_administrators_delete() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let mine = api.acct(&format!("/conversations/{}", info.open_conversation_id));
    let refused = api
        .call(Method::DELETE, &mine, Some(api.sb.user_token()), None)
        .await;
    assert_eq!(
        (refused.status, refused.json()),
        (
            StatusCode::UNAUTHORIZED,
            json!({"error": "You are not authorized to do this action"})
        )
    );
    let admin = format!(
        "/api/v1/accounts/{}/conversations/{}",
        info.second_account_id, info.second_account_conversation_id
    );
    let deleted = api
        .call(Method::DELETE, &admin, Some(api.sb.user_token()), None)
        .await;
    assert_eq!(deleted.status, StatusCode::OK);
    assert_eq!(api.get(&admin).await.status, StatusCode::NOT_FOUND);
}
