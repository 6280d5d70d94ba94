//! The testing kit's seeders: records in chosen states, with chosen or read-back ids.

mod common;

use chrono::{TimeZone, Utc};
use common::Api;
use ruut_sandbox::{ConversationPriority, ConversationStatus, MessageKind, SetupError};

#[tokio::test]
async fn a_seeded_conversation_reads_back_as_seeded() {
    let api = Api::start().await;
    let seed = api.sb.seed();
    let account = seed.account().id(7).name("Kit Corp").create().unwrap();
    let inbox = seed.inbox(account).id(70).name("Chat").create().unwrap();
    let contact = seed
        .contact(account)
        .id(700)
        .name("Ada")
        .email("ada@kit.example")
        .inbox(inbox)
        .create()
        .unwrap();
    let until = Utc.with_ymd_and_hms(2099, 5, 1, 12, 0, 0).unwrap();
    let made = seed
        .conversation(account)
        .id(42)
        .contact(contact)
        .assignee(api.sb.seed_info().user_id)
        .label("vip")
        .priority(ConversationPriority::High)
        .snoozed_until(until)
        .message(MessageKind::Incoming, "my order is late")
        .message(MessageKind::Note, "check the warehouse")
        .create()
        .unwrap();
    assert_eq!((made.id, made.contact_id, made.inbox_id), (42, 700, 70));
    assert_eq!(made.message_ids.len(), 2);

    let c = api.get("/api/v1/accounts/7/conversations/42").await.json();
    assert_eq!(c["status"], "snoozed");
    assert_eq!(c["snoozed_until"], "2099-05-01T12:00:00.000Z");
    assert_eq!(c["priority"], "high");
    assert_eq!(c["labels"], serde_json::json!(["vip"]));
    assert_eq!(c["inbox_id"], 70);
    assert_eq!(c["meta"]["sender"]["id"], 700);
    assert_eq!(c["meta"]["assignee"]["id"], api.sb.seed_info().user_id);

    let listed = api
        .get("/api/v1/accounts/7/conversations?status=all")
        .await
        .json();
    assert_eq!(
        listed["data"]["meta"]["all_count"], 1,
        "a fresh account holds only its seeds"
    );
    let messages = api
        .get("/api/v1/accounts/7/conversations/42/messages")
        .await
        .json();
    let ids: Vec<i64> = messages["payload"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, made.message_ids);
}

#[tokio::test]
async fn defaults_fill_in_inbox_contact_and_ids() {
    let api = Api::start().await;
    let account = api.sb.seed().account().create().unwrap();
    assert_eq!(account, 4, "the seeded accounts are 1..=3");
    let first = api
        .sb
        .seed()
        .conversation(account)
        .status(ConversationStatus::Pending)
        .create()
        .unwrap();
    let second = api.sb.seed().conversation(account).create().unwrap();
    assert_eq!((first.id, second.id), (1, 2));
    assert_eq!(first.inbox_id, second.inbox_id, "the account's first inbox");
    assert_ne!(first.contact_id, second.contact_id, "a new contact each");
    let c = api.get("/api/v1/accounts/4/conversations/1").await.json();
    assert_eq!(c["status"], "pending");
    assert!(c["meta"]["assignee"].is_null());
}

#[tokio::test]
async fn refused_seeds_say_why_and_change_nothing() {
    let api = Api::start().await;
    let seed = api.sb.seed();
    let info = api.sb.seed_info();
    let taken = seed
        .conversation(info.account_id)
        .id(info.open_conversation_id)
        .create();
    assert_eq!(
        taken.unwrap_err(),
        SetupError::IdTaken {
            record: "conversation",
            id: info.open_conversation_id
        }
    );
    let stranger = seed.conversation(info.account_id).assignee(7).create();
    assert_eq!(
        stranger.unwrap_err(),
        SetupError::NotFound {
            record: "agent",
            id: 7
        }
    );
    let unknown = seed
        .conversation(info.account_id)
        .status(ConversationStatus::from("archived"))
        .create()
        .unwrap_err();
    assert!(unknown.to_string().contains("archived"), "{unknown}");
    assert_eq!(
        seed.account().id(1).create().unwrap_err().to_string(),
        "account id 1 is already taken"
    );
    assert!(matches!(
        seed.contact(99).create(),
        Err(SetupError::NotFound {
            record: "account",
            id: 99
        })
    ));
    // Nothing was half-made: the next conversation still gets the next id.
    let next = seed.conversation(info.account_id).create().unwrap();
    assert_eq!(next.id, info.conversation_count as i64 + 1);
    let contacts = api.get(&api.acct("/contacts")).await.json();
    assert_eq!(
        contacts["meta"]["count"],
        info.resolved_contact_count as i64 + 1,
        "only the last seed's contact was added"
    );
}
