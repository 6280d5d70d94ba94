//! Custom attribute definitions: listing (all, or one model's), reading,
//! defining, changing, deleting.

use std::sync::Arc;

use ruut_api::enums::{CustomAttributeDisplayType, CustomAttributeModel};
use ruut_api::types::{
    CustomAttributeDefinition, CustomAttributeDefinitionCreate, CustomAttributeDefinitionUpdate,
    FilterCondition, FilterOperator, FilterRequest,
};

use crate::Operation;
use crate::table::{Entry, World, call, job, provoke, refused, sdk};

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListCustomAttributeDefinitions, |w| job(list(w)))
            .sdk(sdk!(|client, _ids| client.list_custom_attribute_definitions()))
            .call(call!(|api, ids| api
                .list_custom_attribute_definitions()
                .account_id(ids.account)))
            .rejects("a model that does not exist", "?attribute_model=company")
            .saying("attribute_model must be one of conversation_attribute, contact_attribute"),
        Entry::new(Operation::GetCustomAttributeDefinition, |w| job(show(w)))
            .sdk(sdk!(|client, ids| client
                .get_custom_attribute_definition(ids.attribute_definition)))
            .call(call!(|api, ids| api
                .get_custom_attribute_definition()
                .account_id(ids.account)
                .custom_attribute_definition_id(ids.attribute_definition))),
        Entry::new(Operation::CreateCustomAttributeDefinition, |w| job(create(w)))
            .sdk(sdk!(|client, _ids| client
                .create_custom_attribute_definition("From the SDK", "from_sdk")
                .display_type(CustomAttributeDisplayType::Checkbox)
                .send()))
            .call(call!(|api, ids| api
                .create_custom_attribute_definition()
                .account_id(ids.account)
                .body(new("Table", "table", None))))
            .refuses(
                422,
                "a standard attribute's key",
                provoke!(|w| w
                    .api
                    .create_custom_attribute_definition()
                    .account_id(w.seed.account_id)
                    .body(new("E-mail", "email", Some(CustomAttributeModel::ContactAttribute)))),
            )
            .saying(
                "Attribute key The provided key is not allowed as it might conflict with \
                 default attributes.",
            )
            .refuses(
                422,
                "a key the model has",
                provoke!(|w| w
                    .api
                    .create_custom_attribute_definition()
                    .account_id(w.seed.account_id)
                    .body(new("Plan", "plan", Some(CustomAttributeModel::ContactAttribute)))),
            )
            .saying("Attribute key has already been taken")
            .rejects(
                "a display type that does not exist",
                r#"{"attribute_display_name": "X", "attribute_key": "x", "attribute_display_type": "slider"}"#,
            )
            .saying("'slider' is not a valid attribute_display_type")
            .rejects("none of the fields", r#"{"other": 1}"#)
            .saying("param is missing or the value is empty: custom_attribute_definition"),
        Entry::new(Operation::UpdateCustomAttributeDefinition, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .custom_attribute_definition(ids.attribute_definition)
                .update()
                .description("Changed by the SDK")
                .send()))
            .call(call!(|api, ids| api
                .update_custom_attribute_definition()
                .account_id(ids.account)
                .custom_attribute_definition_id(ids.attribute_definition)
                .body(CustomAttributeDefinitionUpdate::default())))
            .refuses(
                422,
                "a blank key",
                provoke!(|w| w
                    .api
                    .update_custom_attribute_definition()
                    .account_id(w.seed.account_id)
                    .custom_attribute_definition_id(w.seed.attribute_definition_id)
                    .body(CustomAttributeDefinitionUpdate {
                        attribute_key: Some(" ".to_owned()),
                        ..CustomAttributeDefinitionUpdate::default()
                    })),
            )
            .saying("Attribute key can't be blank")
            .rejects("values that are not a list", r#"{"attribute_values": "free"}"#),
        Entry::new(Operation::DeleteCustomAttributeDefinition, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .custom_attribute_definition(ids.attribute_definition)
                .delete()))
            .call(call!(|api, ids| api
                .delete_custom_attribute_definition()
                .account_id(ids.account)
                .custom_attribute_definition_id(ids.attribute_definition))),
    ]
}

fn new(
    name: &str,
    key: &str,
    model: Option<CustomAttributeModel>,
) -> CustomAttributeDefinitionCreate {
    CustomAttributeDefinitionCreate {
        attribute_display_name: name.to_owned(),
        attribute_key: key.to_owned(),
        attribute_model: model,
        attribute_description: None,
        attribute_display_type: None,
        attribute_values: Vec::new(),
        regex_cue: None,
        regex_pattern: None,
    }
}

async fn all(w: &World, model: Option<CustomAttributeModel>) -> Vec<CustomAttributeDefinition> {
    let mut request = w
        .api
        .list_custom_attribute_definitions()
        .account_id(w.seed.account_id);
    if let Some(model) = model {
        request = request.attribute_model(model);
    }
    request.send().await.expect("listed").into_inner()
}

fn keys(list: &[CustomAttributeDefinition]) -> Vec<&str> {
    list.iter().map(|d| d.attribute_key.as_str()).collect()
}

async fn list(w: Arc<World>) {
    assert_eq!(keys(&all(&w, None).await), ["plan", "order_number"]);
    let contact = all(&w, Some(CustomAttributeModel::ContactAttribute)).await;
    assert_eq!(keys(&contact), ["plan"]);
    assert_eq!(
        contact[0].attribute_display_type,
        CustomAttributeDisplayType::List
    );
    assert_eq!(contact[0].attribute_values, ["free", "pro", "enterprise"]);
    let conversation = all(&w, Some(CustomAttributeModel::ConversationAttribute)).await;
    assert_eq!(keys(&conversation), ["order_number"]);
}

async fn get(w: &World, id: i64) -> Result<CustomAttributeDefinition, u16> {
    let request = w
        .api
        .get_custom_attribute_definition()
        .account_id(w.seed.account_id)
        .custom_attribute_definition_id(id);
    match request.send().await {
        Ok(answer) => Ok(answer.into_inner()),
        Err(error) => Err(refused::<()>(Err(error)).status),
    }
}

async fn show(w: Arc<World>) {
    let plan = get(&w, w.seed.attribute_definition_id).await.expect("read");
    assert_eq!(plan.attribute_key, "plan");
    assert_eq!(plan.attribute_model, CustomAttributeModel::ContactAttribute);
    assert_eq!(plan.default_value, None);
}

/// filterContacts with `key is_present`: its status.
async fn filter_on(w: &World, key: &str) -> u16 {
    let condition = FilterCondition {
        attribute_key: key.to_owned(),
        filter_operator: FilterOperator::IsPresent,
        values: Vec::new(),
        query_operator: None,
    };
    let request = w
        .api
        .filter_contacts()
        .account_id(w.seed.account_id)
        .body(FilterRequest {
            payload: vec![condition],
        });
    match request.send().await {
        Ok(answer) => answer.status().as_u16(),
        Err(error) => refused::<()>(Err(error)).status,
    }
}

async fn create(w: Arc<World>) {
    assert_eq!(
        filter_on(&w, "tier").await,
        422,
        "no contact has a tier yet"
    );
    let mut body = new("Tier", "tier", Some(CustomAttributeModel::ContactAttribute));
    body.attribute_display_type = Some(CustomAttributeDisplayType::List);
    body.attribute_values = vec!["gold".to_owned(), "silver".to_owned()];
    let request = w
        .api
        .create_custom_attribute_definition()
        .account_id(w.seed.account_id)
        .body(body);
    let created = request.send().await.expect("created").into_inner();
    assert_eq!(
        created.attribute_display_type,
        CustomAttributeDisplayType::List
    );
    let contact = all(&w, Some(CustomAttributeModel::ContactAttribute)).await;
    assert_eq!(keys(&contact), ["plan", "tier"]);
    assert_eq!(
        filter_on(&w, "tier").await,
        200,
        "a defined attribute filters"
    );
    // The same key for the other model is another attribute; the defaults apply.
    let request = w
        .api
        .create_custom_attribute_definition()
        .account_id(w.seed.account_id)
        .body(new("Tier", "tier", None));
    let other = request.send().await.expect("created").into_inner();
    assert_eq!(
        other.attribute_model,
        CustomAttributeModel::ConversationAttribute
    );
    assert_eq!(
        other.attribute_display_type,
        CustomAttributeDisplayType::Text
    );
}

async fn update(w: Arc<World>) {
    let id = w.seed.attribute_definition_id;
    let request = w
        .api
        .update_custom_attribute_definition()
        .account_id(w.seed.account_id)
        .custom_attribute_definition_id(id)
        .body(CustomAttributeDefinitionUpdate {
            attribute_display_name: Some("Subscription plan".to_owned()),
            attribute_values: vec!["free".to_owned(), "pro".to_owned()],
            ..CustomAttributeDefinitionUpdate::default()
        });
    let changed = request.send().await.expect("changed").into_inner();
    assert_eq!(changed.attribute_key, "plan", "kept");
    let read = get(&w, id).await.expect("read");
    assert_eq!(
        read.attribute_display_name.as_deref(),
        Some("Subscription plan")
    );
    assert_eq!(read.attribute_values, ["free", "pro"]);
}

async fn delete(w: Arc<World>) {
    let id = w.seed.attribute_definition_id;
    let request = || {
        w.api
            .delete_custom_attribute_definition()
            .account_id(w.seed.account_id)
            .custom_attribute_definition_id(id)
    };
    let answer = request().send().await.expect("deleted");
    assert_eq!(answer.status().as_u16(), 204);
    assert_eq!(get(&w, id).await.err(), Some(404), "gone");
}
