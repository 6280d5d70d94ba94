//! The spec as progenitor's CLI generator sees it: without array-valued query
//! parameters (`labels[]`).
//!
//! Progenitor 0.15.1's `Generator::cli` hands every query parameter's type to
//! `clap::value_parser!` and reads it back with `get_one::<T>`; for a
//! `Vec<String>` neither compiles (clap parses one value at a time, and the
//! orphan rule forbids giving `Vec<String>` a parser from our crate). Such a
//! parameter is left out of the `ruut api` command (the intent commands have
//! it, e.g. `ruut conversations list --label`); the client keeps it.

use openapiv3::{OpenAPI, Parameter, ParameterSchemaOrContent, ReferenceOr, SchemaKind, Type};

use crate::codegen::resolve::resolve;
use crate::spec::method_slots_mut;

/// `api` without array-valued query parameters, and what was left out
/// (`operationId name`), in document order.
pub fn apply(api: &OpenAPI) -> (OpenAPI, Vec<String>) {
    let mut view = api.clone();
    let mut dropped = Vec::new();
    for (_, item) in view.paths.paths.iter_mut() {
        let ReferenceOr::Item(item) = item else {
            continue;
        };
        item.parameters.retain(|p| !is_array_query(api, p));
        for (_, slot) in method_slots_mut(item) {
            let Some(operation) = slot else { continue };
            let id = operation.operation_id.clone().unwrap_or_default();
            operation.parameters.retain(|p| {
                let array = is_array_query(api, p);
                if array && let Ok(parameter) = resolve(api, p) {
                    dropped.push(format!("{id} {}", parameter.parameter_data_ref().name));
                }
                !array
            });
        }
    }
    (view, dropped)
}

fn is_array_query(api: &OpenAPI, parameter: &ReferenceOr<Parameter>) -> bool {
    let Ok(Parameter::Query { parameter_data, .. }) = resolve(api, parameter) else {
        return false;
    };
    let ParameterSchemaOrContent::Schema(schema) = &parameter_data.format else {
        return false;
    };
    match resolve(api, schema) {
        Ok(schema) => matches!(schema.schema_kind, SchemaKind::Type(Type::Array(_))),
        Err(_) => false,
    }
}
