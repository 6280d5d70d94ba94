//! The account-configuration calls of the SDK (canned responses, labels,
//! custom attribute definitions, saved filters), each with the operation it
//! sends, for the HTML 404 check.

use std::future::Future;

use ruut_sdk::enums::{CustomAttributeModel, CustomFilterType};
use ruut_sdk::filter::{ConversationAttribute, Filter, FilterAttribute};
use ruut_sdk::{Client, Error, Operation};

use crate::Call;

fn call<'a, T>(f: impl Future<Output = Result<T, Error>> + 'a) -> Call<'a> {
    Box::pin(async move { f.await.map(drop) })
}

/// Every call, with its name and operation.
pub fn calls(client: &Client) -> Vec<(&'static str, Operation, Call<'_>)> {
    let reply = client.canned_response(1);
    let label = client.label(1);
    let definition = client.custom_attribute_definition(1);
    let saved = client.custom_filter(1);
    let open = || Filter::new(ConversationAttribute::Status.equal_to(["open"]));
    vec![
        (
            "list_canned_responses",
            Operation::ListCannedResponses,
            call(client.list_canned_responses()),
        ),
        (
            "search_canned_responses",
            Operation::ListCannedResponses,
            call(client.search_canned_responses("a")),
        ),
        (
            "create_canned_response",
            Operation::CreateCannedResponse,
            call(client.create_canned_response("a", "b")),
        ),
        (
            "canned_response.update",
            Operation::UpdateCannedResponse,
            call(reply.clone().update().content("c").send()),
        ),
        (
            "canned_response.delete",
            Operation::DeleteCannedResponse,
            call(async move { reply.delete().await }),
        ),
        (
            "list_labels",
            Operation::ListLabels,
            call(client.list_labels()),
        ),
        ("get_label", Operation::GetLabel, call(client.get_label(1))),
        (
            "create_label",
            Operation::CreateLabel,
            call(client.create_label("vip").send()),
        ),
        (
            "label.update",
            Operation::UpdateLabel,
            call(label.clone().update().color("#000").send()),
        ),
        (
            "label.delete",
            Operation::DeleteLabel,
            call(async move { label.delete().await }),
        ),
        (
            "list_custom_attribute_definitions",
            Operation::ListCustomAttributeDefinitions,
            call(client.list_custom_attribute_definitions()),
        ),
        (
            "list_custom_attribute_definitions_for",
            Operation::ListCustomAttributeDefinitions,
            call(
                client
                    .list_custom_attribute_definitions_for(CustomAttributeModel::ContactAttribute),
            ),
        ),
        (
            "get_custom_attribute_definition",
            Operation::GetCustomAttributeDefinition,
            call(client.get_custom_attribute_definition(1)),
        ),
        (
            "create_custom_attribute_definition",
            Operation::CreateCustomAttributeDefinition,
            call(
                client
                    .create_custom_attribute_definition("Plan", "plan")
                    .send(),
            ),
        ),
        (
            "custom_attribute_definition.update",
            Operation::UpdateCustomAttributeDefinition,
            call(definition.clone().update().key("tier").send()),
        ),
        (
            "custom_attribute_definition.delete",
            Operation::DeleteCustomAttributeDefinition,
            call(async move { definition.delete().await }),
        ),
        (
            "list_custom_filters",
            Operation::ListCustomFilters,
            call(client.list_custom_filters(CustomFilterType::Conversation)),
        ),
        (
            "get_custom_filter",
            Operation::GetCustomFilter,
            call(client.get_custom_filter(1)),
        ),
        (
            "create_custom_filter",
            Operation::CreateCustomFilter,
            call(client.create_custom_filter("Open", open())),
        ),
        (
            "custom_filter.update",
            Operation::UpdateCustomFilter,
            call(saved.clone().update().filter(open()).send()),
        ),
        (
            "custom_filter.delete",
            Operation::DeleteCustomFilter,
            call(async move { saved.delete().await }),
        ),
    ]
}
