//! The requests the SDK's filter, search and bulk helpers send (snapshots,
//! as `sdk_snapshots.rs` records them), and what the sandbox answers them:
//! `and`/`or` as SQL combines them, the server's refusals, bulk changes.

mod sdk_support;

use chrono::NaiveDate;
use futures::TryStreamExt;
use ruut_sandbox::{ConversationStatus, MessageKind, Sandbox};
use ruut_sdk::ErrorKind;
use ruut_sdk::filter::{
    ContactAttribute as Contact, ConversationAttribute as Conv, Filter, FilterAttribute,
};
use ruut_sdk::types::{ContactSort, ToggleableStatus};
use sdk_support::{client, sent};

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox starts")
}

/// Seeds a conversation with `status` and `label`; returns its display id.
fn conversation(sandbox: &Sandbox, status: ConversationStatus, label: &str, text: &str) -> i64 {
    let seeded = sandbox
        .seed()
        .conversation(sandbox.account_id())
        .status(status)
        .label(label)
        .message(MessageKind::Incoming, text)
        .create()
        .expect("seeded");
    seeded.id
}

#[tokio::test]
async fn filter_search_and_bulk_requests() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    let filter = Filter::new(Conv::Status.equal_to(["open", "pending"]))
        .and(Conv::TeamId.is_present())
        .or(Conv::CreatedAt.is_greater_than(NaiveDate::from_ymd_opt(2026, 1, 31).unwrap()))
        .or(Conv::Referer.does_not_contain(["example"]));
    client
        .filter_conversations(filter)
        .page(2)
        .send()
        .await
        .unwrap();
    let contacts = Filter::new(Contact::Email.contains(["@example.com"]))
        .and(Contact::Blocked.equal_to([false]))
        .and(Contact::LastActivityAt.days_before(30));
    client
        .filter_contacts(contacts)
        .sort(ContactSort::Name)
        .send()
        .await
        .unwrap();
    client
        .search_conversations("refund")
        .inbox(seed.inbox_ids[0])
        .labels(["billing"])
        .send()
        .await
        .unwrap();
    client
        .bulk_update([seed.open_conversation_id, seed.pending_conversation_id])
        .status(ToggleableStatus::Resolved)
        .assign(seed.agent_ids[0])
        .assign_team(seed.team_id)
        .add_labels(["done"])
        .remove_labels(["new"])
        .send()
        .await
        .unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn and_binds_tighter_than_or_over_the_sandbox_data() {
    let sandbox = sandbox().await;
    let a = conversation(&sandbox, ConversationStatus::Pending, "fx-a", "hello");
    let b = conversation(&sandbox, ConversationStatus::Open, "fx-a", "hello");
    let c = conversation(&sandbox, ConversationStatus::Resolved, "fx-c", "hello");
    let filter = Filter::new(Conv::Labels.equal_to(["fx-a"]))
        .and(Conv::Status.equal_to(["pending"]))
        .or(Conv::Labels.equal_to(["fx-c"]));
    let mut ids: Vec<i64> = client(&sandbox)
        .filter_conversations(filter)
        .stream()
        .map_ok(|conversation| conversation.id)
        .try_collect()
        .await
        .unwrap();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [a, c],
        "not {b}: open and fx-a is neither side of the or"
    );
}

#[tokio::test]
async fn contact_filters_compare_without_case_and_page_through_matches() {
    let sandbox = sandbox().await;
    let account = sandbox.account_id();
    let zed = sandbox
        .seed()
        .contact(account)
        .name("Zed")
        .email("zed@filter.test")
        .create()
        .unwrap();
    let client = client(&sandbox);
    let page = client
        .filter_contacts(Filter::new(Contact::Email.equal_to(["ZED@FILTER.TEST"])))
        .send()
        .await
        .unwrap();
    let ids: Vec<i64> = page.contacts.iter().map(|c| c.id).collect();
    assert_eq!(ids, [zed]);
    assert_eq!(page.total, Some(1));
    let everyone: Vec<_> = client
        .filter_contacts(Filter::new(Contact::CreatedAt.days_before(-1)))
        .stream()
        .try_collect()
        .await
        .unwrap();
    let listed = client
        .contacts()
        .stream()
        .try_collect::<Vec<_>>()
        .await
        .unwrap();
    assert_eq!(
        everyone.len(),
        listed.len(),
        "every listed contact was created before tomorrow"
    );
}

#[tokio::test]
async fn a_bad_filter_is_a_validation_error_with_the_servers_message() {
    let sandbox = sandbox().await;
    let error = client(&sandbox)
        .filter_conversations(Filter::new(Conv::Status.contains(["op"])))
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Validation, "{error:?}");
    assert!(
        error
            .message()
            .contains("allowed operators for status are [equal_to,not_equal_to]"),
        "{}",
        error.message()
    );
}

#[tokio::test]
async fn bulk_changes_apply_to_every_listed_conversation() {
    let sandbox = sandbox().await;
    let a = conversation(&sandbox, ConversationStatus::Open, "new", "hello");
    let b = conversation(&sandbox, ConversationStatus::Pending, "new", "hello");
    let client = client(&sandbox);
    client
        .bulk_update([a, b, 987_654])
        .status(ToggleableStatus::Resolved)
        .remove_labels(["new"])
        .add_labels(["done"])
        .send()
        .await
        .unwrap();
    for id in [a, b] {
        let after = client.get_conversation(id).await.unwrap();
        assert_eq!(after.status, ruut_sdk::ConversationStatus::Resolved);
        assert_eq!(after.labels, ["done"]);
    }
}

#[tokio::test]
async fn search_finds_the_messages_that_contain_the_text() {
    let sandbox = sandbox().await;
    let id = conversation(
        &sandbox,
        ConversationStatus::Resolved,
        "x",
        "Where is my NEEDLE-42 order?",
    );
    let page = client(&sandbox)
        .search_conversations("needle-42")
        .send()
        .await
        .unwrap();
    let hits: Vec<(i64, usize)> = page.hits.iter().map(|h| (h.id, h.messages.len())).collect();
    assert_eq!(hits, [(id, 1)], "a resolved conversation is found too");
    assert_eq!(page.next_page, None);
}

#[tokio::test]
async fn custom_attributes_filter_once_a_record_carries_them() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let body: ruut_sdk::types::NewContact = serde_json::from_value(serde_json::json!({
        "name": "Pat",
        "email": "pat@filter.test",
        "custom_attributes": {"plan": "Pro", "seats": 12},
    }))
    .unwrap();
    let request = client
        .raw()
        .create_contact()
        .account_id(sandbox.account_id());
    let pat = request
        .body(body)
        .send()
        .await
        .unwrap()
        .into_inner()
        .payload
        .contact
        .id;
    let ids = |filter: Filter<Contact>| {
        let query = client.filter_contacts(filter);
        async move {
            let found: Vec<_> = query.stream().try_collect().await.unwrap();
            found.into_iter().map(|c| c.id).collect::<Vec<i64>>()
        }
    };
    assert_eq!(
        ids(Filter::new(Contact::custom("plan").equal_to(["pro"]))).await,
        [pat]
    );
    assert_eq!(
        ids(Filter::new(Contact::custom("seats").is_greater_than(10))).await,
        [pat]
    );
    let others = ids(Filter::new(Contact::custom("plan").not_equal_to(["PRO"]))).await;
    assert!(!others.is_empty() && !others.contains(&pat), "{others:?}");
    let unknown = client
        .filter_contacts(Filter::new(Contact::custom("nope").is_present()))
        .send()
        .await
        .unwrap_err();
    assert_eq!(unknown.kind(), ErrorKind::Validation);
    assert!(
        unknown
            .message()
            .starts_with("Invalid attribute key - [nope]"),
        "{}",
        unknown.message()
    );
}
