//! The filter's parsing and SQL-like evaluation, without a server.

use serde_json::{Map, Value, json};

use super::Filter;
use super::keys::{Entity, Field, Kind};

fn parse(entity: Entity, payload: Value) -> Result<Filter, String> {
    let Value::Object(body) = json!({ "payload": payload }) else {
        unreachable!()
    };
    let custom = |key: &str| (key == "plan").then_some(Kind::CustomText);
    Filter::parse(&body, entity, custom, 20_000).map_err(|e| format!("{e:?}"))
}

fn record(fields: &[(&str, Field)]) -> impl Fn(&str, Kind) -> Field + use<> {
    let map: Vec<(String, Field)> = fields
        .iter()
        .map(|(k, f)| ((*k).to_owned(), f.clone()))
        .collect();
    move |key, _| {
        map.iter()
            .find(|(k, _)| k == key)
            .map_or(Field::Null, |(_, f)| f.clone())
    }
}

#[test]
fn and_binds_tighter_than_or() {
    // status = open AND team_id = 1 OR labels = vip
    let filter = parse(
        Entity::Conversation,
        json!([
            {"attribute_key": "status", "filter_operator": "equal_to", "values": ["open"], "query_operator": "and"},
            {"attribute_key": "team_id", "filter_operator": "equal_to", "values": [1], "query_operator": "OR"},
            {"attribute_key": "labels", "filter_operator": "equal_to", "values": ["vip"]},
        ]),
    )
    .unwrap();
    let open_in_team = record(&[
        ("status", Field::Text("open".into())),
        ("team_id", Field::Int(1)),
    ]);
    let resolved_vip = record(&[
        ("status", Field::Text("resolved".into())),
        ("labels", Field::Labels(vec!["vip".into()])),
    ]);
    let open_alone = record(&[("status", Field::Text("open".into()))]);
    assert!(filter.matches(open_in_team));
    assert!(filter.matches(resolved_vip));
    assert!(!filter.matches(open_alone));
}

#[test]
fn not_equal_to_skips_empty_fields_except_custom_ones() {
    let team = parse(
        Entity::Conversation,
        json!([{"attribute_key": "team_id", "filter_operator": "not_equal_to", "values": [1]}]),
    )
    .unwrap();
    assert!(!team.matches(record(&[])));
    assert!(team.matches(record(&[("team_id", Field::Int(2))])));
    let plan = parse(
        Entity::Conversation,
        json!([{"attribute_key": "plan", "filter_operator": "not_equal_to", "values": ["Pro"]}]),
    )
    .unwrap();
    assert!(plan.matches(record(&[])));
    assert!(!plan.matches(record(&[("plan", Field::Text("pro".into()))])));
}

#[test]
fn dates_compare_by_day_and_days_before_counts_back_from_today() {
    let after = parse(
        Entity::Contact,
        json!([{"attribute_key": "created_at", "filter_operator": "is_greater_than", "values": ["1970-01-02"]}]),
    )
    .unwrap();
    assert!(!after.matches(record(&[("created_at", Field::Date(86_400 + 5))])));
    assert!(after.matches(record(&[("created_at", Field::Date(2 * 86_400))])));
    let old = parse(
        Entity::Contact,
        json!([{"attribute_key": "created_at", "filter_operator": "days_before", "values": ["3"]}]),
    )
    .unwrap();
    assert!(old.matches(record(&[("created_at", Field::Date(19_996 * 86_400))])));
    assert!(!old.matches(record(&[("created_at", Field::Date(19_997 * 86_400))])));
}

#[test]
fn bad_filters_are_refused_with_the_servers_messages() {
    let refused = |payload: Value| parse(Entity::Conversation, payload).unwrap_err();
    assert!(
        refused(json!([{"attribute_key": "shoe", "filter_operator": "equal_to", "values": ["x"]}]))
            .contains("Invalid attribute key - [shoe]")
    );
    assert!(
        refused(
            json!([{"attribute_key": "status", "filter_operator": "contains", "values": ["x"]}])
        )
        .contains("allowed operators for status are [equal_to,not_equal_to]")
    );
    assert!(
        refused(json!([{"attribute_key": "status", "filter_operator": "equal_to", "values": []}]))
            .contains("Invalid value")
    );
    assert!(refused(json!([{"attribute_key": "status", "filter_operator": "equal_to", "values": ["open"], "query_operator": "XOR"}]))
        .contains("Query operator"));
    assert!(refused(json!([{"attribute_key": "status", "filter_operator": "equal_to", "values": ["open"], "query_operator": "AND"}]))
        .contains("last condition"));
    assert!(refused(json!([{"attribute_key": "assignee_id", "filter_operator": "equal_to", "values": ["x"]}]))
        .contains("integers"));
    let no_payload = Filter::parse(&Map::new(), Entity::Contact, |_| None, 0);
    assert!(no_payload.is_err());
}

#[test]
fn contact_equality_takes_the_first_value_without_case() {
    let filter = parse(
        Entity::Contact,
        json!([{"attribute_key": "email", "filter_operator": "equal_to", "values": ["ADA@example.com", "x@y"]}]),
    )
    .unwrap();
    assert!(filter.matches(record(&[("email", Field::Text("ada@EXAMPLE.com".into()))])));
    assert!(!filter.matches(record(&[("email", Field::Text("x@y".into()))])));
    let phone = parse(
        Entity::Contact,
        json!([{"attribute_key": "phone_number", "filter_operator": "equal_to", "values": ["15550100"]}]),
    )
    .unwrap();
    assert!(phone.matches(record(&[("phone_number", Field::Text("+15550100".into()))])));
}
