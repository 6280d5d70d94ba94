//! Loading the OpenAPI spec.
//!
//! The spec is parsed twice from the same text with `yaml_serde`: into a raw
//! [`serde_json::Value`] for lints that need what the typed model drops or
//! normalises (vendor extensions anywhere, `$ref`s anywhere, JSON pointers),
//! and into [`openapiv3::OpenAPI`], which is what progenitor consumes.

use std::path::Path;

use openapiv3::{OpenAPI, Operation, PathItem, ReferenceOr};
use serde_json::Value;

use crate::Error;
use crate::violation::{Location, OperationRef, Rule, Violation, escape_pointer_segment};

/// A parsed spec.
#[derive(Clone, Debug)]
pub struct Spec {
    /// The name shown in messages, normally the path relative to the workspace root.
    pub name: String,
    /// The document as a plain JSON tree.
    pub raw: Value,
    /// The document as an OpenAPI model.
    pub api: OpenAPI,
}

impl Spec {
    /// Parses `text`; `name` is only used in messages.
    pub fn parse(name: impl Into<String>, text: &str) -> Result<Spec, Error> {
        let name = name.into();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw: Value = yaml_serde::from_str(text).map_err(|e| Error::SpecSyntax {
            spec: name.clone(),
            message: format!("YAML: {e}"),
        })?;
        if !raw.is_object() {
            return Err(Error::SpecSyntax {
                spec: name,
                message: "the document is not a mapping".to_string(),
            });
        }
        let api: OpenAPI = match yaml_serde::from_str(text) {
            Ok(api) => api,
            Err(e) => {
                // A 3.1 document often fails the 3.0 model (type lists, ...);
                // the version is then the problem to report.
                if let Some(violation) = raw
                    .get("openapi")
                    .and_then(Value::as_str)
                    .and_then(version_violation)
                {
                    return Err(Error::Lint {
                        spec: name,
                        violations: vec![violation],
                    });
                }
                return Err(Error::SpecSyntax {
                    spec: name,
                    message: e.to_string(),
                });
            }
        };
        Ok(Spec { name, raw, api })
    }

    /// Reads and parses `relative` (a `/`-separated path below `root`).
    pub fn load(root: &Path, relative: &str) -> Result<Spec, Error> {
        let path = root.join(relative);
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
            action: "read the spec",
            path: path.clone(),
            source,
        })?;
        Spec::parse(relative, &text)
    }
}

/// The `openapi-version` violation for `version`, if it is not 3.0.x.
pub fn version_violation(version: &str) -> Option<Violation> {
    let mut parts = version.split('.');
    let ok = parts.next() == Some("3")
        && parts.next() == Some("0")
        && parts.next().is_some_and(|p| !p.is_empty());
    (!ok).then(|| {
        Violation::new(
            Location::Document,
            Rule::OpenapiVersion,
            format!("`openapi` is `{version}`; progenitor 0.15.1 only reads OpenAPI 3.0.x"),
            "write the spec as OpenAPI 3.0.3 (`nullable: true` instead of type lists, \
             `example` instead of `examples` in schemas)",
        )
    })
}

/// One operation of the document, with what lints and reports need about it.
#[derive(Clone, Copy, Debug)]
pub struct OperationEntry<'a> {
    /// The path template.
    pub path: &'a str,
    /// The HTTP method, lower case as in the document.
    pub method: &'static str,
    /// The path item holding the operation (for path-level parameters).
    pub item: &'a PathItem,
    /// The operation.
    pub operation: &'a Operation,
}

impl OperationEntry<'_> {
    /// How messages name this operation.
    pub fn reference(&self) -> OperationRef {
        OperationRef {
            id: self.operation.operation_id.clone(),
            method: self.method.to_ascii_uppercase(),
            path: self.path.to_string(),
        }
    }

    /// The JSON pointer of the operation object.
    pub fn pointer(&self) -> String {
        format!(
            "/paths/{}/{}",
            escape_pointer_segment(self.path),
            self.method
        )
    }

    /// The operationId, or `METHOD path` when it has none.
    pub fn display_id(&self) -> String {
        match &self.operation.operation_id {
            Some(id) => id.clone(),
            None => format!("{} {}", self.method.to_ascii_uppercase(), self.path),
        }
    }
}

/// The operations of `api` in document order. Path items given as `$ref`
/// are skipped here; the lint reports them.
pub fn operations(api: &OpenAPI) -> Vec<OperationEntry<'_>> {
    let mut out = Vec::new();
    for (path, item) in api.paths.iter() {
        let ReferenceOr::Item(item) = item else {
            continue;
        };
        for (method, operation) in path_item_operations(item) {
            out.push(OperationEntry {
                path,
                method,
                item,
                operation,
            });
        }
    }
    out
}

/// Every method slot of a path item, filled or not, in openapiv3's fixed
/// method order, for code that edits the item.
pub fn method_slots_mut(item: &mut PathItem) -> [(&'static str, &mut Option<Operation>); 8] {
    [
        ("get", &mut item.get),
        ("put", &mut item.put),
        ("post", &mut item.post),
        ("delete", &mut item.delete),
        ("options", &mut item.options),
        ("head", &mut item.head),
        ("patch", &mut item.patch),
        ("trace", &mut item.trace),
    ]
}

/// The operations of one path item, in openapiv3's fixed method order.
fn path_item_operations(item: &PathItem) -> impl Iterator<Item = (&'static str, &Operation)> {
    [
        ("get", &item.get),
        ("put", &item.put),
        ("post", &item.post),
        ("delete", &item.delete),
        ("options", &item.options),
        ("head", &item.head),
        ("patch", &item.patch),
        ("trace", &item.trace),
    ]
    .into_iter()
    .filter_map(|(method, op)| op.as_ref().map(|op| (method, op)))
}
