//! The exact requests the SDK's account-configuration helpers send (canned
//! responses, labels, custom attribute definitions, custom filters), as the
//! sandbox recorded them: method, path, query, headers (the token redacted,
//! `host` left out) and body. A change here is a change on the wire; review it.

mod sdk_support;

use ruut_sandbox::Sandbox;
use ruut_sdk::enums::{CustomAttributeDisplayType, CustomAttributeModel, CustomFilterType};
use ruut_sdk::filter::{ConversationAttribute as C, Filter, FilterAttribute};
use sdk_support::{client, sent};

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox starts")
}

#[tokio::test]
async fn canned_responses() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    client.list_canned_responses().await.unwrap();
    client.search_canned_responses("ref und").await.unwrap();
    let reply = client
        .create_canned_response("shipping", "It ships tomorrow.")
        .await
        .unwrap();
    let handle = client.canned_response(reply.id);
    handle
        .update()
        .short_code("shipped")
        .content("It shipped today.")
        .send()
        .await
        .unwrap();
    handle.delete().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn labels() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    client.list_labels().await.unwrap();
    let admin = client.with_account_id(seed.second_account_id);
    admin.get_label(seed.second_account_label_id).await.unwrap();
    let label = admin
        .create_label("Priority")
        .color("#ff4f4f")
        .description("Answer first")
        .show_on_sidebar(true)
        .send()
        .await
        .unwrap();
    let handle = admin.label(label.id);
    handle
        .update()
        .title("urgent")
        .color("#000000")
        .description("Answer now")
        .show_on_sidebar(false)
        .send()
        .await
        .unwrap();
    handle.delete().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn custom_attribute_definitions() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    client.list_custom_attribute_definitions().await.unwrap();
    client
        .list_custom_attribute_definitions_for(CustomAttributeModel::ConversationAttribute)
        .await
        .unwrap();
    client
        .get_custom_attribute_definition(seed.attribute_definition_id)
        .await
        .unwrap();
    let tier = client
        .create_custom_attribute_definition("Tier", "tier")
        .model(CustomAttributeModel::ContactAttribute)
        .display_type(CustomAttributeDisplayType::List)
        .description("The support tier")
        .values(["gold", "silver"])
        .regex("^[a-z]+$", "Lower-case letters")
        .send()
        .await
        .unwrap();
    let handle = client.custom_attribute_definition(tier.id);
    handle
        .update()
        .display_name("Support tier")
        .key("support_tier")
        .values(["gold"])
        .send()
        .await
        .unwrap();
    handle.delete().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}

#[tokio::test]
async fn custom_filters() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    client
        .list_custom_filters(CustomFilterType::Contact)
        .await
        .unwrap();
    client
        .get_custom_filter(seed.custom_filter_id)
        .await
        .unwrap();
    let open_billing =
        Filter::new(C::Status.equal_to(["open"])).and(C::Labels.equal_to(["billing"]));
    let saved = client
        .create_custom_filter("Open billing", open_billing)
        .await
        .unwrap();
    let handle = client.custom_filter(saved.id);
    handle
        .update()
        .name("Pending")
        .filter(Filter::new(C::Status.equal_to(["pending"])))
        .send()
        .await
        .unwrap();
    handle.delete().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}
