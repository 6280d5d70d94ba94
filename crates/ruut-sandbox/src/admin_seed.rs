//! The seeded configuration records of [`crate::admin_config`]: canned
//! responses and labels of the main and the second account. The account
//! labels of the main account are the free-string labels its seeded
//! conversations carry.

use serde_json::{Value, json};

use crate::admin_config::{
    AdminConfig, AttributeDefinition, CannedResponse, CustomFilter, Kind, Label,
};

/// The ids [`seeded`] gives the records tests rely on.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SeededIds {
    /// A canned response of the main account.
    pub canned_response: i64,
    /// A label of the main account.
    pub label: i64,
    /// A label of the second account.
    pub second_account_label: i64,
    /// A custom attribute definition of the main account (a contact's `plan`).
    pub attribute_definition: i64,
    /// A conversation filter the token user saved in the main account.
    pub custom_filter: i64,
    /// A filter another user saved in the main account.
    pub other_user_custom_filter: i64,
}

/// The configuration records of the seed, made at `at` (Unix seconds).
pub(crate) fn seeded(at: i64) -> (AdminConfig, SeededIds) {
    let mut config = AdminConfig::default();
    let canned = |config: &mut AdminConfig, account_id: i64, short_code: &str, content: &str| {
        let id = config.take_id(Kind::CannedResponse);
        config.canned_responses.push(CannedResponse {
            id,
            account_id,
            short_code: short_code.to_owned(),
            content: content.to_owned(),
            created_at: at,
            updated_at: at,
        });
        id
    };
    let canned_response = canned(&mut config, 1, "refund", "Your refund is on its way.");
    canned(
        &mut config,
        1,
        "greeting",
        "Hello! How can I help you today?",
    );
    canned(&mut config, 2, "pricing", "Our plans start at $10 a month.");

    let label = |config: &mut AdminConfig, account_id: i64, title: &str, color: &str| {
        let id = config.take_id(Kind::Label);
        config.labels.push(Label {
            id,
            account_id,
            title: title.to_owned(),
            description: Some(format!("Conversations about {title}")),
            color: color.to_owned(),
            show_on_sidebar: Some(true),
        });
        id
    };
    let first = label(&mut config, 1, "billing", "#1f93ff");
    for (title, color) in [
        ("bug", "#ff4f4f"),
        ("feedback", "#7a5af8"),
        ("sales", "#44ce4b"),
        ("vip", "#f5a623"),
    ] {
        label(&mut config, 1, title, color);
    }
    let second_account_label = label(&mut config, 2, "lead", "#44ce4b");
    let attribute_definition = definition(&mut config, "contact_attribute", "plan", at);
    definition(&mut config, "conversation_attribute", "order_number", at);
    let billing = json!({"payload": [
        {"attribute_key": "status", "filter_operator": "equal_to", "values": ["open"], "query_operator": "AND"},
        {"attribute_key": "labels", "filter_operator": "equal_to", "values": ["billing"], "query_operator": null},
    ]});
    let vip = json!({"payload": [
        {"attribute_key": "labels", "filter_operator": "equal_to", "values": ["vip"], "query_operator": null},
    ]});
    let custom_filter = filter(
        &mut config,
        (1, "Open billing", "conversation"),
        &billing,
        at,
    );
    filter(&mut config, (1, "VIP contacts", "contact"), &vip, at);
    let other_user_custom_filter = filter(
        &mut config,
        (2, "Open billing", "conversation"),
        &billing,
        at,
    );
    let ids = SeededIds {
        canned_response,
        label: first,
        second_account_label,
        attribute_definition,
        custom_filter,
        other_user_custom_filter,
    };
    (config, ids)
}

/// A definition in the main account: a contact's `plan` is a list, a
/// conversation's `order_number` a number.
fn definition(config: &mut AdminConfig, model: &str, key: &str, at: i64) -> i64 {
    let id = config.take_id(Kind::AttributeDefinition);
    let (display_name, display_type, values) = match key {
        "plan" => ("Plan", "list", vec!["free", "pro", "enterprise"]),
        _ => ("Order number", "number", Vec::new()),
    };
    config.attribute_definitions.push(AttributeDefinition {
        id,
        account_id: 1,
        display_name: display_name.to_owned(),
        key: key.to_owned(),
        display_type: display_type.to_owned(),
        model: model.to_owned(),
        description: None,
        values: values.into_iter().map(Value::from).collect(),
        regex_pattern: None,
        regex_cue: None,
        created_at: at,
        updated_at: at,
    });
    id
}

/// A filter `(user, name, type)` saved in the main account.
fn filter(
    config: &mut AdminConfig,
    (user_id, name, kind): (i64, &str, &str),
    query: &Value,
    at: i64,
) -> i64 {
    let id = config.take_id(Kind::CustomFilter);
    config.custom_filters.push(CustomFilter {
        id,
        account_id: 1,
        user_id,
        name: name.to_owned(),
        filter_type: kind.to_owned(),
        query: query.as_object().cloned().unwrap_or_default(),
        created_at: at,
        updated_at: at,
    });
    id
}
