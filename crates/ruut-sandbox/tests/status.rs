//! Both status routes: Ruut's documented PATCH and Chatwoot's toggle_status.

mod common;

use common::Api;
use ruut_sandbox::Sandbox;
use serde_json::json;

fn ruut(id: i64) -> String {
    format!("/api/v1/conversations/{id}/status")
}

#[tokio::test]
async fn ruut_route_resolves_with_reason_and_agent() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let id = info.pending_conversation_id;
    let agent = info.agent_ids[0];
    let answer = api
        .patch(&ruut(id), json!({"status": "resolved", "reason": "Customer issue addressed", "agent_id": agent.to_string()}))
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let body = answer.json();
    assert_eq!(body["id"], id);
    assert_eq!(body["status"], "resolved");
    assert_eq!(body["assignee"]["id"], agent);
    assert!(
        body["created_at"]
            .as_str()
            .is_some_and(|t| t.ends_with('Z'))
    );
    assert!(body["contact"]["id"].is_i64());
    let log = api.sb.status_changes(info.account_id, id);
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].reason.as_deref(), Some("Customer issue addressed"));
    assert_eq!(api.conversation(id).await["status"], "resolved");
}

#[tokio::test]
async fn ruut_route_snoozes_until_an_rfc3339_time_and_schedules() {
    let api = Api::start().await;
    let id = api.sb.seed_info().open_conversation_id;
    let answer = api
        .patch(
            &ruut(id),
            json!({"status": "snoozed", "snooze_time": "2099-04-15T14:30:00+02:00"}),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.json()["snooze_time"], "2099-04-15T12:30:00.000Z");
    let conversation = api.conversation(id).await;
    assert_eq!(conversation["status"], "snoozed");
    assert_eq!(conversation["snoozed_until"], "2099-04-15T12:30:00.000Z");

    let answer = api
        .patch(&ruut(id), json!({"status": "scheduling", "agent_id": 7}))
        .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json()["status"], "scheduling");
    assert!(answer.json()["snooze_time"].is_null());
}

#[tokio::test]
async fn ruut_route_errors() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let answer = api
        .patch(
            &ruut(info.locked_conversation_id),
            json!({"status": "resolved"}),
        )
        .await;
    assert_eq!(answer.status, 403);
    assert_eq!(answer.json()["error"]["code"], "STATUS_CHANGE_FORBIDDEN");
    assert_eq!(
        api.conversation(info.locked_conversation_id).await["status"],
        "open"
    );

    let answer = api
        .patch(&ruut(99_999), json!({"status": "resolved"}))
        .await;
    assert_eq!(answer.status, 404);
    for bad in [
        json!({}),
        json!({"status": "closed"}),
        json!({"status": "snoozed", "snooze_time": "tomorrow"}),
        json!({"status": "open", "agent_id": 1.5}),
    ] {
        let answer = api
            .patch(&ruut(info.open_conversation_id), bad.clone())
            .await;
        assert_eq!(answer.status, 422, "{bad}");
        assert!(answer.json()["error"].is_string());
    }
}

#[tokio::test]
async fn toggle_status_snoozes_in_unix_seconds() {
    let api = Api::start().await;
    let id = api.sb.seed_info().open_conversation_id;
    let path = api.acct(&format!("/conversations/{id}/toggle_status"));
    let answer = api
        .post(
            &path,
            json!({"status": "snoozed", "snoozed_until": 4_102_444_800_i64}),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(
        answer.json(),
        json!({"payload": {"success": true, "conversation_id": id, "current_status": "snoozed", "snoozed_until": "2100-01-01T00:00:00.000Z"}})
    );
    // Any other status clears the snooze time.
    let answer = api.post(&path, json!({"status": "pending"})).await;
    assert!(answer.json()["payload"]["snoozed_until"].is_null());
    // scheduling does not exist on this route.
    assert_eq!(
        api.post(&path, json!({"status": "scheduling"}))
            .await
            .status,
        422
    );
}

#[tokio::test]
async fn legacy_toggle_and_auto_assignment() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let id = info.resolved_conversation_id;
    let path = api.acct(&format!("/conversations/{id}/toggle_status"));
    // resolved -> open, and the agent who opens it is assigned.
    let answer = api.post(&path, json!({})).await;
    assert_eq!(answer.json()["payload"]["current_status"], "open");
    assert_eq!(
        api.conversation(id).await["meta"]["assignee"]["id"],
        info.user_id
    );
    // open -> resolved.
    let answer = api.post(&path, json!({})).await;
    assert_eq!(answer.json()["payload"]["current_status"], "resolved");
    // The user is an administrator in the second account: no auto-assignment there.
    let second = format!("/api/v1/accounts/{}/conversations", info.second_account_id);
    let list = api.get(&format!("{second}?status=all")).await.json();
    let conversation = list["data"]["payload"].as_array().and_then(|all| {
        all.iter()
            .find(|c| c["meta"]["assignee"].is_null())
            .cloned()
    });
    if let Some(c) = conversation {
        let cid = c["id"].as_i64().unwrap_or_default();
        let answer = api
            .post(
                &format!("{second}/{cid}/toggle_status"),
                json!({"status": "open"}),
            )
            .await;
        assert_eq!(answer.status, 200);
        let after = api.get(&format!("{second}/{cid}")).await.json();
        assert!(after["meta"]["assignee"].is_null());
    }
}

#[tokio::test]
async fn an_expired_snooze_reads_back_as_open() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let expired = api.conversation(info.expired_snooze_conversation_id).await;
    assert_eq!(expired["status"], "open");
    assert!(expired["snoozed_until"].is_null());
    // A snooze that ends in a moment also expires lazily.
    let id = info.open_conversation_id;
    let soon = chrono::Utc::now().timestamp() + 1;
    let path = api.acct(&format!("/conversations/{id}/toggle_status"));
    api.post(&path, json!({"status": "snoozed", "snoozed_until": soon}))
        .await;
    assert_eq!(api.conversation(id).await["status"], "snoozed");
    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    assert_eq!(api.conversation(id).await["status"], "open");
}

#[tokio::test]
async fn a_contact_reply_wakes_a_snoozed_conversation() {
    let api = Api::start().await;
    let id = api.sb.seed_info().snoozed_without_time_conversation_id;
    let path = api.acct(&format!("/conversations/{id}/messages"));
    let answer = api
        .post(
            &path,
            json!({"content": "any news?", "message_type": "incoming"}),
        )
        .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.json()["message_type"], 0);
    assert_eq!(api.conversation(id).await["status"], "open");
}

#[tokio::test]
async fn priority_and_assignment() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let id = info.pending_conversation_id;
    let base = api.acct(&format!("/conversations/{id}"));
    let answer = api
        .post(
            &format!("{base}/toggle_priority"),
            json!({"priority": "urgent"}),
        )
        .await;
    assert_eq!(answer.status, 200);
    assert!(answer.text.is_empty());
    assert_eq!(api.conversation(id).await["priority"], "urgent");
    api.post(
        &format!("{base}/toggle_priority"),
        json!({"priority": null}),
    )
    .await;
    assert!(api.conversation(id).await["priority"].is_null());
    assert_eq!(
        api.post(
            &format!("{base}/toggle_priority"),
            json!({"priority": "none"})
        )
        .await
        .status,
        422
    );

    let agent = info.agent_ids[1];
    let answer = api
        .post(
            &format!("{base}/assignments"),
            json!({"assignee_id": agent}),
        )
        .await;
    assert_eq!(answer.json()["id"], agent);
    let answer = api
        .post(
            &format!("{base}/assignments"),
            json!({"assignee_id": info.bot_id, "assignee_type": "AgentBot"}),
        )
        .await;
    assert_eq!(answer.json()["bot_type"], "webhook");
    assert_eq!(
        api.conversation(id).await["meta"]["assignee_type"],
        "AgentBot"
    );
    let answer = api
        .post(
            &format!("{base}/assignments"),
            json!({"team_id": info.team_id}),
        )
        .await;
    assert_eq!(answer.json()["name"], "billing");
    let answer = api
        .post(
            &format!("{base}/assignments"),
            json!({"assignee_id": 424_242}),
        )
        .await;
    assert_eq!(answer.text, "null");
    assert!(api.conversation(id).await["meta"].get("assignee").is_none());
}

#[tokio::test]
async fn chatwoot_only_mode_has_no_ruut_routes_but_toggle_works() {
    let api = Api::with(Sandbox::builder().chatwoot_only(true)).await;
    let id = api.sb.seed_info().open_conversation_id;
    assert_eq!(
        api.patch(&ruut(id), json!({"status": "resolved"}))
            .await
            .status,
        404
    );
    let path = api.acct(&format!("/conversations/{id}/toggle_status"));
    assert_eq!(
        api.post(&path, json!({"status": "resolved"})).await.status,
        200
    );
}
