//! One fixture spec per lint rule, each with a snapshot of the exact error
//! text users see; a valid fixture that generates; the panic safety net.
//!
//! Snapshots live in `xtask/tests/snapshots/`. To accept a change, run the
//! tests with `INSTA_UPDATE=always` and review the `.snap` diff.

use xtask::Error;
use xtask::codegen::{self, Rendered};
use xtask::codegen::{panic, surface};
use xtask::spec::Spec;

fn fixture(name: &str) -> Result<Spec, Error> {
    let relative = format!("tests/fixtures/{name}.yaml");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    Spec::parse(format!("xtask/{relative}"), &text)
}

fn render(name: &str) -> Result<Rendered, Error> {
    codegen::render(&fixture(name)?)
}

/// The error text for a fixture that must fail.
fn failure(name: &str) -> String {
    match render(name) {
        Ok(_) => panic!("fixture {name} generated fine, but it should fail"),
        Err(e) => e.to_string(),
    }
}

/// A fixture breaking `rule`: every reported violation is of that rule, and
/// the text matches the snapshot.
macro_rules! rule_fixture {
    ($name:ident, $rule:literal) => {
        #[test]
        fn $name() {
            let text = failure(stringify!($name));
            for line in text.lines().skip(1) {
                assert!(
                    line.contains(concat!(": rule ", $rule, ": ")),
                    "expected only `{}` violations, got:\n{text}",
                    $rule
                );
            }
            insta::assert_snapshot!(text);
        }
    };
}

rule_fixture!(openapi_version, "openapi-version");
rule_fixture!(operation_id_required, "operation-id-required");
rule_fixture!(operation_id_unique, "operation-id-unique");
rule_fixture!(operation_id_camel_case, "operation-id-camel-case");
rule_fixture!(operation_id_length, "operation-id-length");
rule_fixture!(single_tag, "single-tag");
rule_fixture!(summary_required, "summary-required");
rule_fixture!(description_required, "description-required");
rule_fixture!(ruut_source, "ruut-source");
rule_fixture!(ruut_idempotent, "ruut-idempotent");
rule_fixture!(ruut_sdk, "ruut-sdk");
rule_fixture!(request_content_type, "request-content-type");
rule_fixture!(body_schema_ref, "body-schema-ref");
rule_fixture!(one_success_type, "one-success-type");
rule_fixture!(one_error_type, "one-error-type");
rule_fixture!(no_default_response, "no-default-response");
rule_fixture!(no_mixed_status_ranges, "no-mixed-status-ranges");
rule_fixture!(no_content_204, "no-content-204");
rule_fixture!(path_parameters, "path-parameters");
rule_fixture!(no_cookie_parameter, "no-cookie-parameter");
rule_fixture!(parameter_style, "parameter-style");
rule_fixture!(parameter_schema, "parameter-schema");
rule_fixture!(no_external_ref, "no-external-ref");
rule_fixture!(ref_resolves, "ref-resolves");
rule_fixture!(ref_target, "ref-target");
rule_fixture!(
    no_additional_properties_false,
    "no-additional-properties-false"
);
rule_fixture!(open_enum, "open-enum");
// Passes the lint; progenitor panics and the panic is reported, not raised.
rule_fixture!(progenitor_panic, "progenitor-panic");
// Passes the lint; progenitor returns an error, reported the same way.
rule_fixture!(progenitor_error, "progenitor-error");
rule_fixture!(openapi_version_3_1_features, "openapi-version");

#[test]
fn every_rule_has_a_fixture() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for rule in xtask::violation::Rule::ALL {
        let file = dir.join(format!("{}.yaml", rule.id().replace('-', "_")));
        assert!(
            file.exists(),
            "rule {} has no fixture {}",
            rule.id(),
            file.display()
        );
    }
}

#[test]
fn many_violations_are_all_reported() {
    let text = failure("many_violations");
    assert!(text.lines().count() > 5, "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn invalid_yaml() {
    insta::assert_snapshot!(failure("invalid_yaml"));
}

#[test]
fn not_openapi() {
    insta::assert_snapshot!(failure("not_openapi"));
}

#[test]
fn valid_fixture_generates() {
    let rendered = match render("valid") {
        Ok(rendered) => rendered,
        Err(e) => panic!("{e}"),
    };
    assert!(rendered.code.starts_with(codegen::HEADER));
    assert!(rendered.code.contains("pub fn update_conversation_status("));
    assert!(rendered.code.contains("crate::enums::ConversationStatus"));
    assert!(!rendered.code.contains("\r"));
    let surface = surface::describe(&rendered).unwrap_or_else(|e| panic!("{e}"));
    insta::assert_snapshot!(surface);
}

#[test]
fn valid_fixture_facts_follow_the_spec() {
    let rendered = render("valid").unwrap_or_else(|e| panic!("{e}"));
    let facts: Vec<_> = rendered
        .facts
        .iter()
        .map(|op| {
            (
                op.id.as_str(),
                op.variant.as_str(),
                op.client_method.as_str(),
                op.agent_bot,
                op.sdk.as_deref(),
            )
        })
        .collect();
    // Agent bots: only where the operation's own security lists them (the
    // document-wide requirement does not).
    assert_eq!(
        facts,
        [
            (
                "listConversations",
                "ListConversations",
                "list_conversations",
                false,
                Some("Client::conversations")
            ),
            (
                "updateConversationStatus",
                "UpdateConversationStatus",
                "update_conversation_status",
                true,
                Some("ConversationHandle::set_status")
            ),
            (
                "deleteConversation",
                "DeleteConversation",
                "delete_conversation",
                false,
                None
            ),
        ]
    );
    let sources: Vec<&str> = rendered.facts.iter().map(|op| op.source.as_str()).collect();
    assert_eq!(sources, ["chatwoot", "documented", "chatwoot"]);
    let table =
        xtask::codegen::operations::render(&rendered.facts).unwrap_or_else(|e| panic!("{e}"));
    assert!(table.starts_with(codegen::HEADER));
    assert!(
        table.contains("Operation::UpdateConversationStatus => true,"),
        "{table}"
    );
    assert_eq!(
        table,
        xtask::codegen::operations::render(&rendered.facts).unwrap_or_else(|e| panic!("{e}")),
        "two renderings of the same facts differ"
    );
}

#[test]
fn valid_fixture_is_deterministic() {
    let first = render("valid")
        .map(|r| r.code)
        .unwrap_or_else(|e| panic!("{e}"));
    let second = render("valid")
        .map(|r| r.code)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(first == second, "two renderings of the same spec differ");
}

#[test]
fn catch_turns_a_panic_into_its_message() {
    let caught = panic::catch(|| -> u32 { panic!("assertion failed: response_types.len() <= 1") });
    assert_eq!(
        caught,
        Err("assertion failed: response_types.len() <= 1".to_string())
    );
    let formatted = panic::catch(|| -> u32 { panic!("missing {} mapping", "path name") });
    assert_eq!(formatted, Err("missing path name mapping".to_string()));
    assert_eq!(panic::catch(|| 7), Ok(7));
}
