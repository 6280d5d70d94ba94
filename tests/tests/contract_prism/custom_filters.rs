//! Saved filters: list (the user's own, by type), save, read, change,
//! delete, with the documented 404s and 422s.

use std::sync::atomic::{AtomicI64, Ordering};

use ruut_api::enums::CustomFilterType;
use ruut_api::operations::Operation::*;
use ruut_api::types::{
    CustomFilterCreate, CustomFilterUpdate, FilterCondition, FilterOperator, FilterRequest,
    FilterValue,
};

use crate::contract::{MISSING_ID, Step, send};

/// The filter the create step saved.
static CREATED: AtomicI64 = AtomicI64::new(MISSING_ID);

fn created() -> i64 {
    CREATED.load(Ordering::Relaxed)
}

fn open_conversations() -> FilterRequest {
    FilterRequest {
        payload: vec![FilterCondition {
            attribute_key: "status".to_owned(),
            filter_operator: FilterOperator::EqualTo,
            values: vec![FilterValue::String("open".to_owned())],
            query_operator: None,
        }],
    }
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            CreateCustomFilter,
            "a conversation filter",
            send!(
                |c| c
                    .user
                    .create_custom_filter()
                    .account_id(c.found().account)
                    .body(CustomFilterCreate {
                        name: "Contract open".to_owned(),
                        filter_type: Some(CustomFilterType::Conversation),
                        query: open_conversations(),
                    }),
                |answer| CREATED.store(answer.id, Ordering::Relaxed)
            ),
        ),
        Step::ok(
            ListCustomFilters,
            "conversation filters",
            send!(|c| c.user.list_custom_filters().account_id(c.found().account)),
        ),
        Step::ok(
            ListCustomFilters,
            "contact filters",
            send!(|c| c
                .user
                .list_custom_filters()
                .account_id(c.found().account)
                .filter_type(CustomFilterType::Contact)),
        ),
        Step::ok(
            GetCustomFilter,
            "the one saved",
            send!(|c| c
                .user
                .get_custom_filter()
                .account_id(c.found().account)
                .custom_filter_id(created())),
        ),
        Step::ok(
            UpdateCustomFilter,
            "the name",
            send!(|c| c
                .user
                .update_custom_filter()
                .account_id(c.found().account)
                .custom_filter_id(created())
                .body(CustomFilterUpdate {
                    name: Some("Contract open (renamed)".to_owned()),
                    ..CustomFilterUpdate::default()
                })),
        ),
        Step::status(
            UpdateCustomFilter,
            "nothing to change",
            422,
            send!(|c| c
                .user
                .update_custom_filter()
                .account_id(c.found().account)
                .custom_filter_id(created())
                .body(CustomFilterUpdate::default())),
        ),
        Step::ok(
            DeleteCustomFilter,
            "the one saved",
            send!(|c| c
                .user
                .delete_custom_filter()
                .account_id(c.found().account)
                .custom_filter_id(created())),
        ),
        Step::status(
            GetCustomFilter,
            "deleted",
            404,
            send!(|c| c
                .user
                .get_custom_filter()
                .account_id(c.found().account)
                .custom_filter_id(created())),
        ),
        Step::status(
            DeleteCustomFilter,
            "unknown filter",
            404,
            send!(|c| c
                .user
                .delete_custom_filter()
                .account_id(c.found().account)
                .custom_filter_id(MISSING_ID)),
        ),
    ]
}
