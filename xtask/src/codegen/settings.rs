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

/// The schema generated as the hand-written, `Debug`-redacted credential
/// type [`SECRET_TYPE`] (an agent bot's token, an inbox's HMAC token, a
/// webhook's secret): a plain string on the wire.
pub const SECRET_SCHEMA: &str = "Secret";

/// The Rust path of the credential type, in the client crate.
pub const SECRET_TYPE: &str = "crate::secret::Secret";

/// The open enums of `spec`, and the `Secret` schema if it has one, with the
/// hand-written types replacing them: `(schema name, Rust path)`.
pub fn replacements(spec: &Spec) -> Vec<(String, String)> {
    let secret = spec
        .api
        .components
        .as_ref()
        .filter(|c| c.schemas.contains_key(SECRET_SCHEMA))
        .map(|_| (SECRET_SCHEMA.to_owned(), SECRET_TYPE.to_owned()));
    open_enums(spec)
        .into_iter()
        .map(|name| {
            let path = format!("{ENUMS_MODULE}::{name}");
            (name, path)
        })
        .chain(secret)
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
        // The credential type has no `Display`, so nothing prints it by accident.
        let impls: &[TypeImpl] = if name == SECRET_SCHEMA {
            &[TypeImpl::FromStr]
        } else {
            &[TypeImpl::Display, TypeImpl::FromStr]
        };
        settings.with_replacement(name, path, impls.iter().cloned());
    }
    settings
}
