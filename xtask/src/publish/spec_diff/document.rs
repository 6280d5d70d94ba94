//! Reading the spec document: operations, parameters, `$ref`s and normalised schemas.

use super::*;

/// An operation of a document.
pub(super) struct Op<'a> {
    pub(super) path: &'a str,
    pub(super) method: &'static str,
    pub(super) id: Option<&'a str>,
    pub(super) item: &'a Value,
    pub(super) operation: &'a Value,
}

impl Op<'_> {
    /// `operationId (METHOD path)`.
    pub(super) fn label(&self) -> String {
        let method = self.method.to_ascii_uppercase();
        match self.id {
            Some(id) => format!("`{id}` ({method} {})", self.path),
            None => format!("{method} {}", self.path),
        }
    }

    /// `operationId`, or `METHOD path`.
    pub(super) fn name(&self) -> String {
        match self.id {
            Some(id) => id.to_string(),
            None => format!("{} {}", self.method.to_ascii_uppercase(), self.path),
        }
    }
}

pub(super) fn operations(doc: &Value) -> Vec<Op<'_>> {
    let mut out = Vec::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return out;
    };
    for (path, item) in paths {
        let item = resolve(doc, item).0;
        for method in METHODS {
            if let Some(operation) = item.get(method) {
                out.push(Op {
                    path,
                    method,
                    id: operation.get("operationId").and_then(Value::as_str),
                    item,
                    operation,
                });
            }
        }
    }
    out
}

/// The effective parameters of an operation, by (location, name): path-item
/// parameters overridden by the operation's own.
pub(super) fn parameters<'a>(doc: &'a Value, op: &Op<'a>) -> BTreeMap<(String, String), &'a Value> {
    let mut out = BTreeMap::new();
    for list in [op.item.get("parameters"), op.operation.get("parameters")] {
        for param in list.and_then(Value::as_array).into_iter().flatten() {
            let param = resolve(doc, param).0;
            let name = param.get("name").and_then(Value::as_str).unwrap_or("");
            let location = param.get("in").and_then(Value::as_str).unwrap_or("");
            out.insert((location.to_string(), name.to_string()), param);
        }
    }
    out
}

/// Follows local `$ref`s; returns the target and the last reference followed.
pub(super) fn resolve<'a>(doc: &'a Value, value: &'a Value) -> (&'a Value, Option<String>) {
    let mut current = value;
    let mut last = None;
    for _ in 0..32 {
        let Some(reference) = current.get("$ref").and_then(Value::as_str) else {
            break;
        };
        let Some(pointer) = reference.strip_prefix('#') else {
            break;
        };
        match doc.pointer(pointer) {
            Some(target) => {
                last = Some(reference.to_string());
                current = target;
            }
            None => break,
        }
    }
    (current, last)
}

pub(super) fn component_name(reference: Option<&str>) -> Option<&str> {
    reference?.strip_prefix("#/components/schemas/")
}

pub(super) fn is_true(value: Option<&Value>) -> bool {
    value.and_then(Value::as_bool).unwrap_or(false)
}

/// A schema reduced to what the comparison looks at.
#[derive(Debug, Default)]
pub(super) struct Norm {
    pub(super) ty: Option<String>,
    pub(super) format: Option<String>,
    pub(super) nullable: bool,
    pub(super) enumeration: Option<Vec<String>>,
    pub(super) open_enum: bool,
    pub(super) properties: BTreeMap<String, Value>,
    pub(super) required: BTreeSet<String>,
    pub(super) items: Option<Value>,
    pub(super) alternatives: Vec<Value>,
}

/// Flattens `allOf`, turns `nullable` and null-only alternatives
/// (`{enum: [null]}`) into one flag, and collects what is compared.
pub(super) fn normalize(doc: &Value, schema: &Value) -> Norm {
    let mut out = Norm::default();
    merge_into(doc, schema, &mut out, 0);
    if out.ty.is_none() && out.enumeration.is_none() && out.alternatives.is_empty() {
        // A schema without a type admits any value, null included.
        out.nullable = true;
    }
    out
}

pub(super) fn merge_into(doc: &Value, schema: &Value, out: &mut Norm, depth: usize) {
    if depth > 16 {
        return;
    }
    let schema = resolve(doc, schema).0;
    let Some(map) = schema.as_object() else {
        return;
    };
    if let Some(ty) = map.get("type").and_then(Value::as_str) {
        out.ty = Some(ty.to_string());
    }
    if let Some(format) = map.get("format").and_then(Value::as_str) {
        out.format = Some(format.to_string());
    }
    if is_true(map.get("nullable")) {
        out.nullable = true;
    }
    if is_true(map.get("x-ruut-open-enum")) {
        out.open_enum = true;
    }
    if let Some(values) = map.get("enum").and_then(Value::as_array) {
        if values.iter().any(Value::is_null) {
            out.nullable = true;
        }
        let values: Vec<String> = values
            .iter()
            .filter(|v| !v.is_null())
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        if !values.is_empty() {
            out.enumeration = Some(values);
        }
    }
    if let Some(props) = map.get("properties").and_then(Value::as_object) {
        for (name, prop) in props {
            out.properties.insert(name.clone(), prop.clone());
        }
        if out.ty.is_none() {
            out.ty = Some("object".to_string());
        }
    }
    if let Some(required) = map.get("required").and_then(Value::as_array) {
        out.required.extend(
            required
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string),
        );
    }
    if let Some(items) = map.get("items") {
        out.items = Some(items.clone());
        if out.ty.is_none() {
            out.ty = Some("array".to_string());
        }
    }
    if let Some(all) = map.get("allOf").and_then(Value::as_array) {
        for part in all {
            merge_into(doc, part, out, depth + 1);
        }
    }
    for keyword in ["oneOf", "anyOf"] {
        let Some(alternatives) = map.get(keyword).and_then(Value::as_array) else {
            continue;
        };
        let mut kept = Vec::new();
        for alternative in alternatives {
            if is_null_only(doc, alternative) {
                out.nullable = true;
            } else {
                kept.push(alternative.clone());
            }
        }
        if let [single] = kept.as_slice() {
            // `oneOf: [$ref, {enum: [null]}]` is a nullable `$ref`.
            merge_into(doc, single, out, depth + 1);
        } else {
            out.alternatives.extend(kept);
        }
    }
}

pub(super) fn is_null_only(doc: &Value, schema: &Value) -> bool {
    let schema = resolve(doc, schema).0;
    schema
        .get("enum")
        .and_then(Value::as_array)
        .is_some_and(|values| !values.is_empty() && values.iter().all(Value::is_null))
}
