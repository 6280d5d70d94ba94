//! Collection-level conversation and contact calls: filters, the conversation
//! search and bulk changes.

use std::sync::Arc;

use ruut_api::types::{BulkActionRequest, Conversation, FilterRequest, ToggleableStatus};
use ruut_sdk::filter::{ContactAttribute, ConversationAttribute, Filter, FilterAttribute};
use serde_json::json;

use crate::Operation;
use crate::table::{Entry, How, World, call, from_json, job, sdk};

const BAD_KEY: &str =
    r#"{"payload":[{"attribute_key":"shoe_size","filter_operator":"equal_to","values":["9"]}]}"#;
const BAD_OPERATOR: &str =
    r#"{"payload":[{"attribute_key":"status","filter_operator":"contains","values":["o"]}]}"#;
const WRONG_TYPE: &str = r#"{"type":"Shoe","ids":[1]}"#;
const NO_VALUES: &str =
    r#"{"payload":[{"attribute_key":"email","filter_operator":"equal_to","values":[]}]}"#;

fn open_and_pending() -> FilterRequest {
    from_json(json!({"payload": [
        {"attribute_key": "status", "filter_operator": "equal_to", "values": ["open", "pending"], "query_operator": "AND"},
        {"attribute_key": "assignee_id", "filter_operator": "is_not_present", "query_operator": null},
    ]}))
}

fn resolved_contacts() -> FilterRequest {
    from_json(json!({"payload": [
        {"attribute_key": "email", "filter_operator": "contains", "values": ["@"], "query_operator": null},
    ]}))
}

fn resolve(ids: Vec<i64>) -> BulkActionRequest {
    from_json(
        json!({"type": "Conversation", "ids": ids, "fields": {"status": "resolved"}, "labels": {"add": ["bulk"]}}),
    )
}

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::FilterConversations, |w| job(filter_conversations(w)))
            .sdk(sdk!(|client, _ids| client
                .filter_conversations(Filter::new(
                    ConversationAttribute::Status.equal_to(["open"])
                ))
                .send()))
            .call(call!(|api, ids| api
                .filter_conversations()
                .account_id(ids.account)
                .body(open_and_pending())))
            .rejects("an attribute the server does not know", BAD_KEY)
            .saying("Invalid attribute key - [shoe_size]. The key should be one of [status,assignee_id,inbox_id,team_id,priority,display_id,campaign_id,labels,browser_language,conversation_language,referer,created_at,last_activity_at,mail_subject] or a custom attribute defined in the account.")
            .rejects("an operator the attribute does not take", BAD_OPERATOR)
            .saying("Invalid operator. The allowed operators for status are [equal_to,not_equal_to]."),
        Entry::new(Operation::SearchConversations, |w| job(search(w)))
            .sdk(sdk!(|client, _ids| client.search_conversations("order").send()))
            .call(call!(|api, ids| api
                .search_conversations()
                .account_id(ids.account)
                .q("order")))
            .rejects("a page that is not a number", "?q=x&page=first"),
        Entry::new(Operation::FilterContacts, |w| job(filter_contacts(w)))
            .sdk(sdk!(|client, _ids| client
                .filter_contacts(Filter::new(ContactAttribute::Email.contains(["@"])))
                .send()))
            .call(call!(|api, ids| api
                .filter_contacts()
                .account_id(ids.account)
                .body(resolved_contacts())))
            .rejects("a condition without values", NO_VALUES)
            .saying("Invalid value. The values provided for email are invalid"),
        Entry::new(Operation::BulkUpdateConversations, |w| job(bulk(w)))
            .sdk(sdk!(|client, ids| client
                .bulk_update([ids.conversation])
                .add_labels(["bulk"])
                .send()))
            .call(call!(|api, ids| api
                .bulk_update_conversations()
                .account_id(ids.account)
                .body(resolve(vec![ids.conversation]))))
            // The controller's `{"success": false}` carries no `error` to read.
            .refuses(
                422,
                "a type other than Conversation",
                How::Provoke(|w| job(async move { w.raw(Operation::BulkUpdateConversations, WRONG_TYPE).await })),
            ),
    ]
}

/// The conversations of the account as the plain listing shows them (every status).
async fn every_conversation(w: &World) -> Vec<Conversation> {
    let mut all = Vec::new();
    for page in 1.. {
        let request = w
            .api
            .list_conversations()
            .account_id(w.seed.account_id)
            .status(ruut_api::types::ConversationStatusFilter::All)
            .page(page);
        let list = request
            .send()
            .await
            .expect("a page")
            .into_inner()
            .data
            .payload;
        if list.is_empty() {
            return all;
        }
        all.extend(list);
    }
    all
}

async fn filter_conversations(w: Arc<World>) {
    let all = every_conversation(&w).await;
    let expected = all
        .iter()
        .filter(|c| {
            ["open", "pending"].contains(&c.status.as_str())
                && c.meta
                    .assignee_type
                    .as_ref()
                    .is_none_or(|k| k.as_str() != "User")
        })
        .count();
    let request = w
        .api
        .filter_conversations()
        .account_id(w.seed.account_id)
        .body(open_and_pending());
    let page = request.send().await.expect("filtered").into_inner();
    assert_eq!(page.meta.all_count, expected as i64, "{:?}", page.meta);
    assert_eq!(page.meta.assigned_count, None, "no assigned_count");
    assert_eq!(page.payload.len(), expected.min(25));
    assert!(page.payload.iter().all(|c| {
        c.meta.assignee.is_none()
            || c.meta
                .assignee_type
                .as_ref()
                .is_some_and(|k| k.as_str() != "User")
    }));
}

async fn search(w: Arc<World>) {
    let found = w
        .api
        .search_conversations()
        .account_id(w.seed.account_id)
        .q("zzz-no-such-text")
        .send()
        .await
        .expect("search");
    assert!(found.payload.is_empty(), "{found:?}");
}

async fn filter_contacts(w: Arc<World>) {
    let request = w
        .api
        .filter_contacts()
        .account_id(w.seed.account_id)
        .body(resolved_contacts());
    let page = request.send().await.expect("filtered").into_inner();
    assert!(
        page.payload
            .iter()
            .all(|c| c.email.as_deref().is_some_and(|e| e.contains('@')))
    );
    assert!(page.payload.len() <= 15);
}

async fn bulk(w: Arc<World>) {
    let id = w.seed.pending_conversation_id;
    let request = w
        .api
        .bulk_update_conversations()
        .account_id(w.seed.account_id)
        .body(resolve(vec![id, 987_654]));
    request.send().await.expect("queued");
    let after = w
        .api
        .get_conversation()
        .account_id(w.seed.account_id)
        .conversation_id(id)
        .send()
        .await
        .expect("the conversation")
        .into_inner();
    assert_eq!(
        after.status.as_str(),
        ToggleableStatus::Resolved.to_string()
    );
    assert!(
        after.labels.contains(&"bulk".to_owned()),
        "{:?}",
        after.labels
    );
}
