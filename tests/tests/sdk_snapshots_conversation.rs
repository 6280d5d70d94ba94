//! The exact requests the SDK's conversation actions send (issue 12), as the
//! sandbox recorded them; see `sdk_snapshots.rs` for what a snapshot holds.
//! Among them the two bodies the generated client cannot write, because
//! they carry an explicit `null`: `unassign()` and clearing a priority with
//! `update()`.

mod sdk_support;

use ruut_sandbox::Sandbox;
use ruut_sdk::ConversationPriority;
use sdk_support::{client, sent};

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox starts")
}

#[tokio::test]
async fn update_assignment_labels_and_attributes() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let conversation = client(&sandbox).conversation(seed.pending_conversation_id);
    let updated = conversation
        .update()
        .priority(Some(ConversationPriority::High))
        .sla_policy(Some(2))
        .send()
        .await
        .unwrap();
    assert_eq!(updated.priority, Some(ConversationPriority::High));
    let cleared = conversation.update().priority(None).send().await.unwrap();
    assert_eq!(cleared.priority, None);
    conversation.assign(seed.agent_ids[0]).await.unwrap();
    conversation.unassign().await.unwrap();
    let read = client(&sandbox)
        .get_conversation(seed.pending_conversation_id)
        .await
        .unwrap();
    assert!(read.meta.assignee.is_none(), "unassigned");
    let labels = conversation.set_labels(["billing", "vip"]).await.unwrap();
    assert_eq!(labels, conversation.labels().await.unwrap());
    let attributes = serde_json::json!({"order_id": "1042"});
    let attributes = attributes.as_object().cloned().unwrap();
    let kept = conversation
        .set_custom_attributes(attributes.clone())
        .await
        .unwrap();
    assert_eq!(kept, attributes);
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn typing_read_state_transcript_and_participants() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let conversation = client(&sandbox).conversation(seed.long_conversation_id);
    conversation.typing_on().private().send().await.unwrap();
    conversation.typing_off().send().await.unwrap();
    conversation.mute().await.unwrap();
    conversation.unmute().await.unwrap();
    assert_eq!(conversation.mark_read().await.unwrap().unread_count, 0);
    assert_eq!(conversation.mark_unread().await.unwrap().unread_count, 1);
    conversation
        .send_transcript("customer@example.com")
        .await
        .unwrap();
    let [a, b] = [seed.agent_ids[0], seed.agent_ids[1]];
    conversation.add_participants(&[a, b]).await.unwrap();
    conversation.set_participants(&[b]).await.unwrap();
    conversation.remove_participants(&[b]).await.unwrap();
    assert!(conversation.participants().await.unwrap().is_empty());
    client(&sandbox)
        .with_account_id(seed.second_account_id)
        .conversation(seed.second_account_conversation_id)
        .delete()
        .await
        .unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn empty_inputs_are_refused_before_any_request() {
    let sandbox = sandbox().await;
    let conversation = client(&sandbox).conversation(sandbox.seed_info().open_conversation_id);
    let error = conversation.remove_participants(&[]).await.unwrap_err();
    assert_eq!(error.kind(), ruut_sdk::ErrorKind::InvalidRequest);
    let error = conversation.send_transcript("").await.unwrap_err();
    assert_eq!(error.kind(), ruut_sdk::ErrorKind::InvalidRequest);
    assert!(sandbox.requests().is_empty(), "{:?}", sandbox.requests());
}
