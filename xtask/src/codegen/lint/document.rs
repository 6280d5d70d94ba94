//! Document-wide rules: the OpenAPI version, every `$ref`, and where
//! `x-ruut-open-enum` may appear.

use serde_json::Value;

use crate::codegen::resolve::{RefError, split_component_ref};
use crate::spec::{Spec, version_violation};
use crate::violation::{Location, OperationRef, Rule, Violation, escape_pointer_segment};

/// The vendor extension marking a server-owned string enum.
pub const OPEN_ENUM: &str = "x-ruut-open-enum";

/// Object keys whose values are maps from names to objects; their keys are
/// names, never keywords.
const NAME_MAPS: [&str; 13] = [
    "properties",
    "paths",
    "schemas",
    "responses",
    "parameters",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
    "content",
    "encoding",
    "variables",
];

/// Keys holding example or literal data, which may contain anything.
const DATA_KEYS: [&str; 3] = ["example", "default", "enum"];

pub(crate) fn check(spec: &Spec, out: &mut Vec<Violation>) {
    out.extend(version_violation(&spec.api.openapi));

    if let Some(Value::Object(paths)) = spec.raw.get("paths") {
        for (path, item) in paths {
            if item.get("$ref").is_some() {
                out.push(Violation::new(
                    Location::Document,
                    Rule::RefTarget,
                    format!("path item `{path}` is a $ref; progenitor does not support referenced path items"),
                    "write the path item inline",
                ));
            }
        }
    }

    let mut walker = Walker {
        root: &spec.raw,
        out,
    };
    walker.walk(&spec.raw, &mut String::new(), Ctx::Keywords);
    check_open_enums(&spec.raw, out);
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// An object whose keys are OpenAPI or JSON Schema keywords.
    Keywords,
    /// A map from names to objects (`properties`, `paths`, ...).
    Names,
    /// An `examples` map: only a `$ref` in each entry is followed.
    Examples,
}

struct Walker<'a> {
    root: &'a Value,
    out: &'a mut Vec<Violation>,
}

impl Walker<'_> {
    fn walk(&mut self, value: &Value, pointer: &mut String, ctx: Ctx) {
        let len = pointer.len();
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    pointer.push_str(&format!("/{i}"));
                    self.walk(item, pointer, Ctx::Keywords);
                    pointer.truncate(len);
                }
            }
            Value::Object(map) => {
                for (key, child) in map {
                    pointer.push('/');
                    pointer.push_str(&escape_pointer_segment(key));
                    match ctx {
                        Ctx::Names => self.walk(child, pointer, Ctx::Keywords),
                        Ctx::Examples => {
                            if let Some(Value::String(r)) = child.get("$ref") {
                                self.check_ref(r, pointer);
                            }
                        }
                        Ctx::Keywords => {
                            if key == "$ref" {
                                if let Value::String(r) = child {
                                    pointer.truncate(len);
                                    self.check_ref(r, pointer);
                                }
                            } else if key.starts_with("x-") {
                                if key == OPEN_ENUM && !is_component_schema(&pointer[..len]) {
                                    self.out.push(Violation::new(
                                        Location::Pointer(pointer[..len].to_string()),
                                        Rule::OpenEnum,
                                        "`x-ruut-open-enum` is only honoured on a named schema \
                                         directly in components/schemas",
                                        "move the enum to components/schemas/<Name> and $ref it",
                                    ));
                                }
                            } else if DATA_KEYS.contains(&key.as_str()) {
                            } else if key == "examples" {
                                self.walk(child, pointer, Ctx::Examples);
                            } else if NAME_MAPS.contains(&key.as_str()) {
                                self.walk(child, pointer, Ctx::Names);
                            } else {
                                self.walk(child, pointer, Ctx::Keywords);
                            }
                        }
                    }
                    pointer.truncate(len);
                }
            }
            _ => {}
        }
    }

    fn check_ref(&mut self, reference: &str, pointer: &str) {
        let (location, within) = locate(self.root, pointer);
        let subject = format!("$ref `{reference}`{within}");
        let mut push = |rule, message: String, fix: &str| {
            self.out
                .push(Violation::new(location.clone(), rule, message, fix));
        };
        if !reference.starts_with("#/") {
            push(
                Rule::NoExternalRef,
                format!(
                    "{subject} points outside this document; progenitor only resolves local references"
                ),
                "bundle the spec into one file (e.g. `redocly bundle`) so that every $ref points into #/components",
            );
        } else if self.root.pointer(&reference[1..]).is_none() {
            push(
                Rule::RefResolves,
                format!("{subject} does not resolve"),
                "define the target or correct the reference",
            );
        } else if let Err(RefError::BadShape) = split_component_ref(reference) {
            push(
                Rule::RefTarget,
                format!(
                    "{subject} does not point at a component; progenitor looks references up by \
                     their last segment in components"
                ),
                "move the target to #/components/<section>/<Name> and reference that",
            );
        }
    }
}

/// Names the operation when `pointer` is inside one, with the rest of the
/// pointer as " at <rest>"; otherwise the pointer itself.
fn locate(root: &Value, pointer: &str) -> (Location, String) {
    let mut segments = pointer.splitn(5, '/').skip(1);
    if let (Some("paths"), Some(path), Some(method)) =
        (segments.next(), segments.next(), segments.next())
        && HTTP_METHODS.contains(&method)
    {
        let path = path.replace("~1", "/").replace("~0", "~");
        let op = root.pointer(&format!(
            "/paths/{}/{method}",
            escape_pointer_segment(&path)
        ));
        let id = op
            .and_then(|op| op.get("operationId"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let rest = segments.next().unwrap_or_default();
        let within = if rest.is_empty() {
            String::new()
        } else {
            format!(" at {rest}")
        };
        let op = OperationRef {
            id,
            method: method.to_ascii_uppercase(),
            path,
        };
        return (Location::Operation(op), within);
    }
    (Location::Pointer(pointer.to_string()), String::new())
}

const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// `/components/schemas/<Name>` exactly.
fn is_component_schema(pointer: &str) -> bool {
    pointer
        .strip_prefix("/components/schemas/")
        .is_some_and(|name| !name.is_empty() && !name.contains('/'))
}

fn check_open_enums(raw: &Value, out: &mut Vec<Violation>) {
    let Some(Value::Object(schemas)) = raw.pointer("/components/schemas") else {
        return;
    };
    for (name, schema) in schemas {
        let Some(flag) = schema.get(OPEN_ENUM) else {
            continue;
        };
        let at = || {
            Location::Pointer(format!(
                "/components/schemas/{}",
                escape_pointer_segment(name)
            ))
        };
        if *flag != Value::Bool(true) {
            out.push(Violation::new(
                at(),
                Rule::OpenEnum,
                format!("`{OPEN_ENUM}` is {flag}; only `true` is meaningful"),
                format!("write `{OPEN_ENUM}: true` or remove it"),
            ));
            continue;
        }
        let pascal = name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && name.chars().all(|c| c.is_ascii_alphanumeric());
        if !pascal {
            out.push(Violation::new(
                at(),
                Rule::OpenEnum,
                format!(
                    "open enum `{name}` is not PascalCase; its hand-written replacement is looked \
                     up as crate::enums::{name}"
                ),
                "rename the schema to PascalCase, e.g. `ConversationStatus`",
            ));
        }
        let is_string = schema.get("type") == Some(&Value::String("string".to_string()));
        let has_values = schema
            .get("enum")
            .and_then(Value::as_array)
            .is_some_and(|v| !v.is_empty() && v.iter().all(Value::is_string));
        if !is_string || !has_values {
            out.push(Violation::new(
                at(),
                Rule::OpenEnum,
                format!("schema `{name}` has `{OPEN_ENUM}: true` but is not a string enum"),
                format!("give it `type: string` and an `enum` of strings, or remove `{OPEN_ENUM}`"),
            ));
        }
    }
}
