//! What progenitor is told: builder-style interface, the hooks and their
//! state, derives, and which schemas hand-written types replace.

use openapiv3::ReferenceOr;
use progenitor::{GenerationSettings, HooksMode, InterfaceStyle, TagStyle, TypeImpl};

use crate::codegen::lint;
use crate::spec::Spec;

/// Where hand-written replacements of open enums live, in the client crate.
pub const ENUMS_MODULE: &str = "crate::enums";

/// Names of the schemas in `components/schemas` marked `x-ruut-open-enum: true`,
/// in document order.
pub fn open_enums(spec: &Spec) -> Vec<String> {
    let Some(components) = &spec.api.components else {
        return Vec::new();
    };
    components
        .schemas
        .iter()
        .filter(|(_, schema)| match schema {
            ReferenceOr::Item(schema) => {
                schema.schema_data.extensions.get(lint::OPEN_ENUM)
                    == Some(&serde_json::Value::Bool(true))
            }
            ReferenceOr::Reference { .. } => false,
        })
        .map(|(name, _)| name.clone())
        .collect()
}

/// The open enums of `spec` and the hand-written types replacing them:
/// `(schema name, Rust path)`.
pub fn replacements(spec: &Spec) -> Vec<(String, String)> {
    open_enums(spec)
        .into_iter()
        .map(|name| {
            let path = format!("{ENUMS_MODULE}::{name}");
            (name, path)
        })
        .collect()
}

/// The hand-written state the generated client carries for its hooks
/// (`crates/ruut-api/src/hooks.rs`: the response-size cap).
pub const CLIENT_STATE: &str = "crate::hooks::ClientState";

/// The progenitor settings for ruut-api. `replaced` is `(schema, Rust path)`.
pub fn settings(replaced: &[(String, String)]) -> GenerationSettings {
    let mut settings = GenerationSettings::default();
    let state: proc_macro2::TokenStream = CLIENT_STATE.parse().expect("a Rust path");
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        // Every request goes through `ClientHooks::exec` of crate::hooks, which
        // caps response bodies; `Expected` makes a missing impl a compile error
        // instead of a silent fallback to the uncapped default.
        .with_inner_type(state)
        .with_hooks(HooksMode::Expected)
        .with_derive("schemars::JsonSchema")
        .with_derive("PartialEq")
        .with_map_type("std::collections::BTreeMap");
    for (name, path) in replaced {
        settings.with_replacement(
            name,
            path,
            [TypeImpl::Display, TypeImpl::FromStr].into_iter(),
        );
    }
    settings
}
