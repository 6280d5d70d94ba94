//! Filters, the conversation search and bulk changes.

use ruut_api::operations::Operation::*;
use ruut_api::types::{BulkActionRequest, FilterRequest};
use serde_json::json;

use crate::contract::{MISSING_ID, Step, send};

fn body<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).expect("a valid body")
}

fn conversations_filter() -> FilterRequest {
    body(json!({"payload": [
        {"attribute_key": "status", "filter_operator": "equal_to", "values": ["open"], "query_operator": "OR"},
        {"attribute_key": "labels", "filter_operator": "is_present", "query_operator": null},
    ]}))
}

fn contacts_filter() -> FilterRequest {
    body(json!({"payload": [
        {"attribute_key": "name", "filter_operator": "contains", "values": ["a"], "query_operator": null},
    ]}))
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            FilterConversations,
            "open or labelled",
            send!(|c| c
                .user
                .filter_conversations()
                .account_id(c.found().account)
                .body(conversations_filter())),
        ),
        Step::status(
            FilterConversations,
            "an unknown attribute",
            422,
            send!(|c| c
                .user
                .filter_conversations()
                .account_id(c.found().account)
                .body(body::<FilterRequest>(json!({"payload": [
                    {"attribute_key": "shoe_size", "filter_operator": "equal_to", "values": ["9"]}
                ]})))),
        ),
        Step::status(
            FilterConversations,
            "unknown account",
            404,
            send!(|c| c
                .user
                .filter_conversations()
                .account_id(MISSING_ID)
                .body(conversations_filter())),
        ),
        Step::ok(
            SearchConversations,
            "with q",
            send!(|c| c
                .user
                .search_conversations()
                .account_id(c.found().account)
                .q("a")),
        ),
        Step::ok(
            FilterContacts,
            "by name",
            send!(|c| c
                .user
                .filter_contacts()
                .account_id(c.found().account)
                .body(contacts_filter())),
        ),
        Step::ok(
            BulkUpdateConversations,
            "add a label",
            send!(|c| c
                .user
                .bulk_update_conversations()
                .account_id(c.found().account)
                .body(body::<BulkActionRequest>(json!({
                    "type": "Conversation",
                    "ids": [c.found().conversation],
                    "labels": {"add": ["contract"]},
                })))),
        ),
    ]
}
