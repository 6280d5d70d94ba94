//! Custom attribute definitions: list (all, one model), define, read,
//! change, delete, with the documented 404s and 422s.

use std::sync::atomic::{AtomicI64, Ordering};

use ruut_api::enums::{CustomAttributeDisplayType, CustomAttributeModel};
use ruut_api::operations::Operation::*;
use ruut_api::types::{CustomAttributeDefinitionCreate, CustomAttributeDefinitionUpdate};

use crate::contract::{MISSING_ID, Step, send};

/// The definition the create step made.
static CREATED: AtomicI64 = AtomicI64::new(MISSING_ID);

fn created() -> i64 {
    CREATED.load(Ordering::Relaxed)
}

fn new(key: &str) -> CustomAttributeDefinitionCreate {
    CustomAttributeDefinitionCreate {
        attribute_display_name: "Contract tier".to_owned(),
        attribute_key: key.to_owned(),
        attribute_model: Some(CustomAttributeModel::ContactAttribute),
        attribute_display_type: Some(CustomAttributeDisplayType::List),
        attribute_description: Some("Made through Prism".to_owned()),
        attribute_values: vec!["gold".to_owned(), "silver".to_owned()],
        regex_pattern: None,
        regex_cue: None,
    }
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            CreateCustomAttributeDefinition,
            "a contact list attribute",
            send!(
                |c| c
                    .user
                    .create_custom_attribute_definition()
                    .account_id(c.found().account)
                    .body(new("contract_tier")),
                |answer| CREATED.store(answer.id, Ordering::Relaxed)
            ),
        ),
        Step::status(
            CreateCustomAttributeDefinition,
            "a key the model has",
            422,
            send!(|c| c
                .user
                .create_custom_attribute_definition()
                .account_id(c.found().account)
                .body(new("contract_tier"))),
        ),
        Step::ok(
            ListCustomAttributeDefinitions,
            "every one",
            send!(|c| c
                .user
                .list_custom_attribute_definitions()
                .account_id(c.found().account)),
        ),
        Step::ok(
            ListCustomAttributeDefinitions,
            "contact attributes",
            send!(|c| c
                .user
                .list_custom_attribute_definitions()
                .account_id(c.found().account)
                .attribute_model(CustomAttributeModel::ContactAttribute)),
        ),
        Step::ok(
            GetCustomAttributeDefinition,
            "the one created",
            send!(|c| c
                .user
                .get_custom_attribute_definition()
                .account_id(c.found().account)
                .custom_attribute_definition_id(created())),
        ),
        Step::ok(
            UpdateCustomAttributeDefinition,
            "name and values",
            send!(|c| c
                .user
                .update_custom_attribute_definition()
                .account_id(c.found().account)
                .custom_attribute_definition_id(created())
                .body(CustomAttributeDefinitionUpdate {
                    attribute_display_name: Some("Contract level".to_owned()),
                    attribute_values: vec!["gold".to_owned()],
                    ..CustomAttributeDefinitionUpdate::default()
                })),
        ),
        Step::status(
            UpdateCustomAttributeDefinition,
            "unknown definition",
            404,
            send!(|c| c
                .user
                .update_custom_attribute_definition()
                .account_id(c.found().account)
                .custom_attribute_definition_id(MISSING_ID)
                .body(CustomAttributeDefinitionUpdate::default())),
        ),
        Step::ok(
            DeleteCustomAttributeDefinition,
            "the one created",
            send!(|c| c
                .user
                .delete_custom_attribute_definition()
                .account_id(c.found().account)
                .custom_attribute_definition_id(created())),
        ),
        Step::status(
            GetCustomAttributeDefinition,
            "deleted",
            404,
            send!(|c| c
                .user
                .get_custom_attribute_definition()
                .account_id(c.found().account)
                .custom_attribute_definition_id(created())),
        ),
    ]
}
