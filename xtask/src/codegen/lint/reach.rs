//! `additionalProperties: false` in schemas reachable from a response.
//!
//! typify turns it into `#[serde(deny_unknown_fields)]`, so a field the
//! server adds later would make every old client fail to parse the response.
//! Request-only schemas may use it.

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::ReferenceOr;
use serde_json::Value;

use crate::codegen::resolve::resolve;
use crate::codegen::response_filter::{is_json_content_type, keeps};
use crate::spec::{Spec, operations};
use crate::violation::{Location, Rule, Violation, escape_pointer_segment, join_and};

/// How many operation names a message lists before "and N more".
const MAX_NAMES: usize = 3;

pub(crate) fn check(spec: &Spec, out: &mut Vec<Violation>) {
    // Offending schema pointer -> operations reaching it, in discovery order.
    let mut found: Vec<String> = Vec::new();
    let mut reached_by: BTreeMap<String, Vec<String>> = BTreeMap::new();

    for entry in operations(&spec.api) {
        let responses = entry
            .operation
            .responses
            .default
            .iter()
            .map(|r| ("default".to_string(), r));
        let responses = responses.chain(
            entry
                .operation
                .responses
                .responses
                .iter()
                .map(|(status, r)| (status.to_string(), r)),
        );
        let mut seen = BTreeSet::new();
        let mut hits = Vec::new();
        for (status, response) in responses {
            let Ok(resolved) = resolve(&spec.api, response) else {
                continue;
            };
            if !keeps(resolved) {
                continue;
            }
            let base = match response {
                ReferenceOr::Reference { reference } => {
                    reference.trim_start_matches('#').to_string()
                }
                ReferenceOr::Item(_) => format!(
                    "{}/responses/{}",
                    entry.pointer(),
                    escape_pointer_segment(&status)
                ),
            };
            for (ct, media) in &resolved.content {
                if !is_json_content_type(ct) || media.schema.is_none() {
                    continue;
                }
                let start = format!("{base}/content/{}/schema", escape_pointer_segment(ct));
                visit(&spec.raw, start, &mut seen, &mut hits);
            }
        }
        for hit in hits {
            let ops = reached_by.entry(hit.clone()).or_default();
            if ops.is_empty() {
                found.push(hit);
            }
            let name = entry.display_id();
            if !ops.contains(&name) {
                ops.push(name);
            }
        }
    }

    for pointer in found {
        let ops = reached_by.get(&pointer).cloned().unwrap_or_default();
        let mut names: Vec<String> = ops.iter().take(MAX_NAMES).cloned().collect();
        if ops.len() > MAX_NAMES {
            names.push(format!("{} more", ops.len() - MAX_NAMES));
        }
        out.push(Violation::new(
            Location::Pointer(pointer),
            Rule::NoAdditionalPropertiesFalse,
            format!(
                "`additionalProperties: false` in a schema returned by {}; the generated type \
                 would reject responses with fields the server adds later",
                join_and(&names)
            ),
            "remove `additionalProperties: false` from response schemas",
        ));
    }
}

/// Walks the schema at `pointer`, following `$ref`s, and records every
/// object with `additionalProperties: false`.
fn visit(raw: &Value, pointer: String, seen: &mut BTreeSet<String>, hits: &mut Vec<String>) {
    if seen.contains(&pointer) {
        return;
    }
    let Some(Value::Object(schema)) = raw.pointer(&pointer) else {
        return;
    };
    seen.insert(pointer.clone());
    if schema.get("additionalProperties") == Some(&Value::Bool(false)) {
        hits.push(pointer.clone());
    }
    for (key, child) in schema {
        let here = format!("{pointer}/{}", escape_pointer_segment(key));
        match (key.as_str(), child) {
            ("$ref", Value::String(r)) => {
                if let Some(target) = r.strip_prefix('#') {
                    visit(raw, target.to_string(), seen, hits);
                }
            }
            ("properties", Value::Object(props)) => {
                for name in props.keys() {
                    visit(
                        raw,
                        format!("{here}/{}", escape_pointer_segment(name)),
                        seen,
                        hits,
                    );
                }
            }
            ("allOf" | "anyOf" | "oneOf", Value::Array(items)) => {
                for i in 0..items.len() {
                    visit(raw, format!("{here}/{i}"), seen, hits);
                }
            }
            ("items" | "additionalProperties" | "not", Value::Object(_)) => {
                visit(raw, here, seen, hits);
            }
            _ => {}
        }
    }
}
