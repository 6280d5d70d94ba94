//! Saved filters: listing the user's own of one type, reading, saving,
//! changing, deleting; another user's filter is a 404.

use std::sync::Arc;

use ruut_api::enums::CustomFilterType;
use ruut_api::types::{
    CustomFilter, CustomFilterCreate, CustomFilterUpdate, FilterCondition, FilterOperator,
    FilterQueryOperator, FilterRequest, FilterValue,
};
use ruut_sdk::filter::{ContactAttribute, Filter, FilterAttribute};

use crate::Operation;
use crate::table::{Entry, World, call, job, provoke, refused, sdk};

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListCustomFilters, |w| job(list(w)))
            .sdk(sdk!(
                |client, _ids| client.list_custom_filters(CustomFilterType::Conversation)
            ))
            .call(call!(|api, ids| api
                .list_custom_filters()
                .account_id(ids.account)))
            .rejects("a type that does not exist", "?filter_type=inbox"),
        Entry::new(Operation::GetCustomFilter, |w| job(show(w)))
            .sdk(sdk!(
                |client, ids| client.get_custom_filter(ids.custom_filter)
            ))
            .call(call!(|api, ids| api
                .get_custom_filter()
                .account_id(ids.account)
                .custom_filter_id(ids.custom_filter)))
            .refuses(
                404,
                "another user's filter",
                provoke!(|w| w
                    .api
                    .get_custom_filter()
                    .account_id(w.seed.account_id)
                    .custom_filter_id(w.seed.other_user_custom_filter_id)),
            )
            .saying("Resource could not be found"),
        Entry::new(Operation::CreateCustomFilter, |w| job(create(w)))
            .sdk(sdk!(|client, _ids| client.create_custom_filter(
                "From the SDK",
                Filter::new(ContactAttribute::Email.contains(["@example.com"]))
            )))
            .call(call!(|api, ids| api
                .create_custom_filter()
                .account_id(ids.account)
                .body(new("Table", None))))
            .rejects(
                "a condition without an attribute",
                r#"{"name": "x", "query": {"payload": [{"filter_operator": "equal_to"}]}}"#,
            )
            .saying("param is missing or the value is empty: attribute_key")
            .rejects(
                "a type that does not exist",
                r#"{"name": "x", "filter_type": "inbox", "query": {"payload": []}}"#,
            )
            .saying("'inbox' is not a valid filter_type")
            .rejects("no query", r#"{"name": "x"}"#),
        Entry::new(Operation::UpdateCustomFilter, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .custom_filter(ids.custom_filter)
                .update()
                .name("Changed by the SDK")
                .send()))
            .call(call!(|api, ids| api
                .update_custom_filter()
                .account_id(ids.account)
                .custom_filter_id(ids.custom_filter)
                .body(CustomFilterUpdate::default())))
            .rejects("nothing to change", "{}")
            .saying("param is missing or the value is empty: custom_filter"),
        Entry::new(Operation::DeleteCustomFilter, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .custom_filter(ids.custom_filter)
                .delete()))
            .call(call!(|api, ids| api
                .delete_custom_filter()
                .account_id(ids.account)
                .custom_filter_id(ids.custom_filter)))
            .refuses(
                404,
                "another user's filter",
                provoke!(|w| w
                    .api
                    .delete_custom_filter()
                    .account_id(w.seed.account_id)
                    .custom_filter_id(w.seed.other_user_custom_filter_id)),
            ),
    ]
}

/// A condition `key equal_to value`, joined to the next by `join`.
fn condition(key: &str, value: &str, join: Option<FilterQueryOperator>) -> FilterCondition {
    FilterCondition {
        attribute_key: key.to_owned(),
        filter_operator: FilterOperator::EqualTo,
        values: vec![FilterValue::String(value.to_owned())],
        query_operator: join,
    }
}

fn new(name: &str, filter_type: Option<CustomFilterType>) -> CustomFilterCreate {
    CustomFilterCreate {
        name: name.to_owned(),
        filter_type,
        query: FilterRequest {
            payload: vec![
                condition("status", "pending", Some(FilterQueryOperator::And)),
                condition("labels", "vip", None),
            ],
        },
    }
}

async fn mine(w: &World, filter_type: Option<CustomFilterType>) -> Vec<CustomFilter> {
    let mut request = w.api.list_custom_filters().account_id(w.seed.account_id);
    if let Some(filter_type) = filter_type {
        request = request.filter_type(filter_type);
    }
    request.send().await.expect("listed").into_inner()
}

fn names(list: &[CustomFilter]) -> Vec<&str> {
    list.iter().map(|f| f.name.as_str()).collect()
}

async fn list(w: Arc<World>) {
    let conversation = mine(&w, None).await;
    assert_eq!(
        names(&conversation),
        ["Open billing"],
        "the user's own, conversations by default"
    );
    assert_eq!(conversation[0].id, w.seed.custom_filter_id);
    assert_eq!(conversation[0].query.payload.len(), 2);
    let contact = mine(&w, Some(CustomFilterType::Contact)).await;
    assert_eq!(names(&contact), ["VIP contacts"]);
    assert!(mine(&w, Some(CustomFilterType::Report)).await.is_empty());
}

async fn get(w: &World, id: i64) -> Result<CustomFilter, u16> {
    let request = w
        .api
        .get_custom_filter()
        .account_id(w.seed.account_id)
        .custom_filter_id(id);
    match request.send().await {
        Ok(answer) => Ok(answer.into_inner()),
        Err(error) => Err(refused::<()>(Err(error)).status),
    }
}

async fn show(w: Arc<World>) {
    let saved = get(&w, w.seed.custom_filter_id).await.expect("read");
    assert_eq!(saved.name, "Open billing");
    assert_eq!(saved.filter_type, CustomFilterType::Conversation);
    assert_eq!(saved.query.payload[1].attribute_key, "labels");
}

async fn create(w: Arc<World>) {
    let request = w
        .api
        .create_custom_filter()
        .account_id(w.seed.account_id)
        .body(new("Pending VIPs", None));
    let saved = request.send().await.expect("saved").into_inner();
    assert_eq!(
        saved.filter_type,
        CustomFilterType::Conversation,
        "the default"
    );
    assert_eq!(saved.query, new("", None).query, "stored as sent");
    assert_eq!(
        names(&mine(&w, None).await),
        ["Open billing", "Pending VIPs"]
    );
    let contact = new("VIP leads", Some(CustomFilterType::Contact));
    let request = w
        .api
        .create_custom_filter()
        .account_id(w.seed.account_id)
        .body(contact);
    request.send().await.expect("saved");
    let contact = mine(&w, Some(CustomFilterType::Contact)).await;
    assert_eq!(names(&contact), ["VIP contacts", "VIP leads"]);
}

async fn update(w: Arc<World>) {
    let id = w.seed.custom_filter_id;
    let request = w
        .api
        .update_custom_filter()
        .account_id(w.seed.account_id)
        .custom_filter_id(id)
        .body(CustomFilterUpdate {
            name: Some("Pending VIPs".to_owned()),
            query: Some(new("", None).query),
            filter_type: None,
        });
    let changed = request.send().await.expect("changed").into_inner();
    assert_eq!(changed.name, "Pending VIPs");
    let read = get(&w, id).await.expect("read");
    assert_eq!(
        read.query.payload[0].values,
        [FilterValue::String("pending".to_owned())]
    );
    assert_eq!(read.filter_type, CustomFilterType::Conversation, "kept");
}

async fn delete(w: Arc<World>) {
    let id = w.seed.custom_filter_id;
    let request = || {
        w.api
            .delete_custom_filter()
            .account_id(w.seed.account_id)
            .custom_filter_id(id)
    };
    let answer = request().send().await.expect("deleted");
    assert_eq!(answer.status().as_u16(), 204);
    assert_eq!(get(&w, id).await.err(), Some(404), "gone");
    assert!(mine(&w, None).await.is_empty());
}
