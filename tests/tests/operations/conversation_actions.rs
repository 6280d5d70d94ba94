//! Actions on one conversation besides status and assignment: update by
//! `PATCH`, delete, labels, custom attributes, typing.

use std::sync::Arc;

use ruut_api::enums::ConversationPriority;
use ruut_api::types::{
    Attributes, ConversationCustomAttributes, ConversationLabelsRequest, ConversationUpdate,
    TypingStatus, TypingStatusRequest,
};

use crate::Operation;
use crate::table::{Entry, World, call, job, provoke, refused, sdk};

/// What Chatwoot 4.10.1 answers an agent-bot token where bots may not go.
const BOTS_REFUSED: &str = "Access to this endpoint is not authorized for bots";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::UpdateConversation, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .conversation(ids.conversation)
                .update()
                .priority(Some(ConversationPriority::Low))
                .send()))
            .call(call!(|api, ids| api
                .update_conversation()
                .account_id(ids.account)
                .conversation_id(ids.conversation)
                .body(ConversationUpdate::default())))
            .rejects("a priority that does not exist", r#"{"priority":"none"}"#),
        Entry::new(Operation::DeleteConversation, |w| job(delete(w)))
            // The user administers the seeded second account, and its conversation 1.
            .sdk(sdk!(|client, _ids| client
                .with_account_id(2)
                .conversation(1)
                .delete()))
            .call(call!(|api, ids| api
                .delete_conversation()
                .account_id(ids.account)
                .conversation_id(ids.conversation)))
            .refuses(
                401,
                "an agent, where only administrators may",
                provoke!(|w| w
                    .api
                    .delete_conversation()
                    .account_id(w.seed.account_id)
                    .conversation_id(w.seed.open_conversation_id)),
            )
            .saying("You are not authorized to do this action"),
        Entry::new(Operation::ListConversationLabels, |w| job(labels(w)))
            .sdk(sdk!(|client, ids| client
                .conversation(ids.conversation)
                .labels()))
            .call(call!(|api, ids| api
                .list_conversation_labels()
                .account_id(ids.account)
                .conversation_id(ids.conversation)))
            .refuses(
                401,
                "an agent-bot token",
                provoke!(|w| w
                    .bot
                    .list_conversation_labels()
                    .account_id(w.seed.account_id)
                    .conversation_id(w.seed.open_conversation_id)),
            )
            .saying(BOTS_REFUSED),
        Entry::new(Operation::SetConversationLabels, |w| job(labels(w)))
            .sdk(sdk!(|client, ids| client
                .conversation(ids.conversation)
                .set_labels(["vip"])))
            .call(call!(|api, ids| api
                .set_conversation_labels()
                .account_id(ids.account)
                .conversation_id(ids.conversation)
                .body(ConversationLabelsRequest::default())))
            .rejects("labels that are not a list", r#"{"labels":"vip"}"#),
        Entry::new(Operation::SetConversationCustomAttributes, |w| {
            job(custom_attributes(w))
        })
        .sdk(sdk!(|client, ids| client
            .conversation(ids.conversation)
            .set_custom_attributes(serde_json::Map::new())))
        .call(call!(|api, ids| api
            .set_conversation_custom_attributes()
            .account_id(ids.account)
            .conversation_id(ids.conversation)
            .body(ConversationCustomAttributes::default())))
        .rejects(
            "custom attributes that are not an object",
            r#"{"custom_attributes":[1]}"#,
        ),
        Entry::new(Operation::ToggleTypingStatus, |w| job(typing(w)))
            .sdk(sdk!(|client, ids| client
                .conversation(ids.conversation)
                .typing_on()
                .private()
                .send()))
            .call(call!(|api, ids| api
                .toggle_typing_status()
                .account_id(ids.account)
                .conversation_id(ids.conversation)
                .body(typing_on())))
            .rejects(
                "a typing status that does not exist",
                r#"{"typing_status":"maybe"}"#,
            )
            .refuses(
                401,
                "an agent-bot token (refused by Chatwoot 4.10.1)",
                provoke!(|w| w
                    .bot
                    .toggle_typing_status()
                    .account_id(w.seed.account_id)
                    .conversation_id(w.seed.open_conversation_id)
                    .body(typing_on())),
            )
            .saying(BOTS_REFUSED),
    ]
}

fn typing_on() -> TypingStatusRequest {
    TypingStatusRequest {
        typing_status: TypingStatus::On,
        is_private: None,
    }
}

async fn update(w: Arc<World>) {
    let (account, id) = (w.seed.account_id, w.seed.pending_conversation_id);
    let patch = |body| {
        w.api
            .update_conversation()
            .account_id(account)
            .conversation_id(id)
            .body(body)
            .send()
    };
    let high = patch(ConversationUpdate {
        priority: Some(ConversationPriority::High),
        sla_policy_id: Some(4),
    })
    .await
    .expect("updated");
    assert_eq!(
        (high.id, high.priority.clone(), high.sla_policy_id),
        (id, Some(ConversationPriority::High), Some(4))
    );
    // The bot may update too (it is among Chatwoot's bot endpoints).
    let by_bot = w
        .bot
        .update_conversation()
        .account_id(account)
        .conversation_id(id)
        .body(ConversationUpdate {
            priority: Some(ConversationPriority::Low),
            sla_policy_id: None,
        })
        .send()
        .await
        .expect("updated by the bot");
    assert_eq!(by_bot.priority, Some(ConversationPriority::Low));
}

async fn delete(w: Arc<World>) {
    let (account, id) = (
        w.seed.second_account_id,
        w.seed.second_account_conversation_id,
    );
    w.api
        .delete_conversation()
        .account_id(account)
        .conversation_id(id)
        .send()
        .await
        .expect("an administrator deletes");
    let gone = w
        .api
        .get_conversation()
        .account_id(account)
        .conversation_id(id)
        .send()
        .await;
    assert_eq!(refused(gone).status, 404);
}

async fn labels(w: Arc<World>) {
    let (account, id) = (w.seed.account_id, w.seed.open_conversation_id);
    let set = w
        .api
        .set_conversation_labels()
        .account_id(account)
        .conversation_id(id)
        .body_map(|b| b.labels(vec!["billing".to_owned(), "vip".to_owned()]))
        .send()
        .await
        .expect("set");
    assert_eq!(set.payload, ["billing", "vip"]);
    let listed = w
        .api
        .list_conversation_labels()
        .account_id(account)
        .conversation_id(id)
        .send()
        .await
        .expect("listed");
    assert_eq!(listed.payload, ["billing", "vip"]);
    let read = w
        .api
        .get_conversation()
        .account_id(account)
        .conversation_id(id)
        .send()
        .await
        .expect("read");
    assert_eq!(read.labels, ["billing", "vip"]);
}

async fn custom_attributes(w: Arc<World>) {
    let (account, id) = (w.seed.account_id, w.seed.open_conversation_id);
    let attributes = serde_json::json!({"order_id": "1042"});
    let map = attributes.as_object().cloned().expect("an object");
    let set = w
        .bot
        .set_conversation_custom_attributes()
        .account_id(account)
        .conversation_id(id)
        .body_map(|b| b.custom_attributes(Attributes(map.clone())))
        .send()
        .await
        .expect("set by the bot");
    assert_eq!(set.custom_attributes.as_ref().map(|a| &a.0), Some(&map));
    let read = w
        .api
        .get_conversation()
        .account_id(account)
        .conversation_id(id)
        .send()
        .await
        .expect("read");
    assert_eq!(read.custom_attributes.as_ref().map(|a| &a.0), Some(&map));
}

async fn typing(w: Arc<World>) {
    let (account, id) = (w.seed.account_id, w.seed.open_conversation_id);
    for status in [TypingStatus::On, TypingStatus::Off] {
        w.api
            .toggle_typing_status()
            .account_id(account)
            .conversation_id(id)
            .body(TypingStatusRequest {
                typing_status: status,
                is_private: Some(false),
            })
            .send()
            .await
            .expect("announced");
    }
    let sent = w.sandbox.requests();
    let typed = sent
        .iter()
        .filter(|r| r.operation == Some(Operation::ToggleTypingStatus))
        .count();
    assert_eq!(typed, 2);
}
