//! Request and response body rules.
//!
//! Progenitor generates one success type and one error type per operation and
//! asserts (panics) when the responses disagree. These rules predict that,
//! on the responses the response filter keeps.

use std::collections::BTreeSet;

use openapiv3::{
    OpenAPI, ReferenceOr, RequestBody, Response, Schema, SchemaKind, StatusCode, Type,
};

use crate::codegen::resolve::{RefError, reference_of, resolve};
use crate::codegen::response_filter::{is_json_content_type, keeps, kept_request_types};
use crate::spec::OperationEntry;
use crate::violation::{Location, Rule, Violation, join_and};

const SCHEMAS: &str = "#/components/schemas/";

pub(crate) fn check(api: &OpenAPI, entry: &OperationEntry<'_>, out: &mut Vec<Violation>) {
    let here = || Location::Operation(entry.reference());
    if let Some(body) = &entry.operation.request_body {
        match resolve(api, body) {
            Ok(body) => check_request(body, &here, out),
            Err(e) => wrong_section(e, reference_of(body), "request body", &here, out),
        }
    }

    let responses = &entry.operation.responses;
    let mut success: Vec<(String, BodyType)> = Vec::new();
    let mut errors: Vec<(String, BodyType)> = Vec::new();
    let mut kept_codes: Vec<&StatusCode> = Vec::new();

    if let Some(default) = &responses.default {
        out.push(Violation::new(
            here(),
            Rule::NoDefaultResponse,
            "it has a `default` response; progenitor treats it as both a success and an error \
             response, which usually means two body types",
            "document the real status codes (or 4XX/5XX ranges) instead of `default`",
        ));
        if let Err(e) = resolve(api, default) {
            wrong_section(e, reference_of(default), "response", &here, out);
        }
    }

    for (status, response) in &responses.responses {
        let response = match resolve(api, response) {
            Ok(r) => r,
            Err(e) => {
                wrong_section(e, reference_of(response), "response", &here, out);
                continue;
            }
        };
        if *status == StatusCode::Code(204) && !response.content.is_empty() {
            out.push(Violation::new(
                here(),
                Rule::NoContent204,
                "response 204 has content; 204 means no body, and the generated client would fail \
                 to parse the empty body of every success",
                "remove `content` from the 204 response, or use 200 with a body",
            ));
            continue;
        }
        if !keeps(response) {
            continue; // Dropped by the response filter.
        }
        kept_codes.push(status);
        let Some(body) = response_body(status, response, &here, out) else {
            continue;
        };
        match status {
            StatusCode::Code(200..=299) | StatusCode::Range(2) => {
                success.push((status.to_string(), body));
            }
            StatusCode::Code(400..=599) | StatusCode::Range(4 | 5) => {
                errors.push((status.to_string(), body));
            }
            _ => {}
        }
    }

    one_type(&success, Rule::OneSuccessType, "success", &here, out);
    one_type(&errors, Rule::OneErrorType, "error", &here, out);

    for class in [2u16, 4, 5] {
        let range = StatusCode::Range(class);
        if !kept_codes.contains(&&range) {
            continue;
        }
        let explicit: Vec<String> = kept_codes
            .iter()
            .filter(|c| matches!(c, StatusCode::Code(n) if n / 100 == class))
            .map(|c| c.to_string())
            .collect();
        if !explicit.is_empty() {
            out.push(Violation::new(
                here(),
                Rule::NoMixedStatusRanges,
                format!(
                    "it documents {} next to the range {range}; the generated status match \
                     gets an unreachable arm, which fails clippy -D warnings",
                    join_and(&explicit)
                ),
                format!("document either explicit {class}xx codes or the {range} range, not both"),
            ));
        }
    }
}

fn check_request(body: &RequestBody, here: &impl Fn() -> Location, out: &mut Vec<Violation>) {
    // What progenitor will see: a multipart body beside a JSON one is dropped
    // by the response filter (and written by hand in ruut-sdk).
    let types = kept_request_types(body);
    let first = types
        .first()
        .and_then(|ct| body.content.get_key_value(*ct))
        .map(|(ct, media)| (ct.as_str(), media));
    match first {
        None => out.push(Violation::new(
            here(),
            Rule::RequestContentType,
            "the request body has no content type",
            "give it `content: {application/json: {schema: {$ref: ...}}}` or remove it",
        )),
        Some(_) if types.len() > 1 => out.push(Violation::new(
            here(),
            Rule::RequestContentType,
            format!(
                "the request body has {} content types ({}); progenitor can generate only one \
                 (and panics on more)",
                types.len(),
                types.join(", ")
            ),
            "keep only application/json; other encodings are written by hand in ruut-sdk",
        )),
        Some((ct, _)) if !is_json_content_type(ct) => out.push(Violation::new(
            here(),
            Rule::RequestContentType,
            format!("the request body is {ct}; only application/json bodies are generated"),
            "use application/json; multipart uploads are written by hand in ruut-sdk \
             (keep them in the spec but out of codegen)",
        )),
        Some((_, media)) => match &media.schema {
            None => out.push(Violation::new(
                here(),
                Rule::BodySchemaRef,
                "the request body has no schema",
                "add `schema: {$ref: '#/components/schemas/<Name>'}`",
            )),
            Some(schema) => {
                if let Err(what) = body_type(schema) {
                    out.push(inline_violation(here(), "the request body", &what));
                }
            }
        },
    }
}

/// The body type of a kept response, or `None` after reporting a problem.
fn response_body(
    status: &StatusCode,
    response: &Response,
    here: &impl Fn() -> Location,
    out: &mut Vec<Violation>,
) -> Option<BodyType> {
    let Some((ct, media)) = response
        .content
        .iter()
        .find(|(ct, _)| is_json_content_type(ct))
    else {
        return Some(BodyType::Empty);
    };
    let Some(schema) = &media.schema else {
        out.push(Violation::new(
            here(),
            Rule::BodySchemaRef,
            format!("response {status} has {ct} content without a schema (progenitor panics)"),
            "add `schema: {$ref: '#/components/schemas/<Name>'}`",
        ));
        return None;
    };
    match body_type(schema) {
        Ok(body) => Some(body),
        Err(what) => {
            out.push(inline_violation(
                here(),
                &format!("response {status}"),
                &what,
            ));
            Some(BodyType::Inline(
                serde_json::to_string(schema).unwrap_or_default(),
            ))
        }
    }
}

fn inline_violation(location: Location, subject: &str, what: &str) -> Violation {
    Violation::new(
        location,
        Rule::BodySchemaRef,
        format!(
            "{subject} schema is {what}; generated type names would be derived from the \
             operationId and change when it does"
        ),
        "move the schema to components/schemas and use `$ref: '#/components/schemas/<Name>'` \
         (or `type: array` with such `items`)",
    )
}

/// What a body deserializes into, for comparing responses.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum BodyType {
    Empty,
    Ref(String),
    ArrayOf(String),
    AllOf { reference: String, nullable: bool },
    Inline(String),
}

impl std::fmt::Display for BodyType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BodyType::Empty => f.write_str("no content"),
            BodyType::Ref(r) => f.write_str(r),
            BodyType::ArrayOf(r) => write!(f, "array of {r}"),
            BodyType::AllOf {
                reference,
                nullable: true,
            } => write!(f, "nullable {reference}"),
            BodyType::AllOf { reference, .. } => write!(f, "allOf [{reference}]"),
            BodyType::Inline(_) => f.write_str("an inline schema"),
        }
    }
}

/// Classifies an allowed body schema, or says what is wrong with it.
fn body_type(schema: &ReferenceOr<Schema>) -> Result<BodyType, String> {
    let schema = match schema {
        ReferenceOr::Reference { reference } => return schema_ref(reference).map(BodyType::Ref),
        ReferenceOr::Item(schema) => schema,
    };
    match &schema.schema_kind {
        SchemaKind::Type(Type::Array(array)) => match &array.items {
            Some(ReferenceOr::Reference { reference }) => {
                schema_ref(reference).map(BodyType::ArrayOf)
            }
            Some(ReferenceOr::Item(_)) => Err("an array of inline items".to_string()),
            None => Err("an array without items".to_string()),
        },
        SchemaKind::AllOf { all_of } => match all_of.as_slice() {
            [ReferenceOr::Reference { reference }] => {
                schema_ref(reference).map(|reference| BodyType::AllOf {
                    reference,
                    nullable: schema.schema_data.nullable,
                })
            }
            _ => Err("an inline allOf (only `allOf: [$ref]` is allowed)".to_string()),
        },
        SchemaKind::Type(t) => Err(format!("an inline {} schema", type_name(t))),
        _ => Err("an inline schema".to_string()),
    }
}

fn schema_ref(reference: &str) -> Result<String, String> {
    if reference.starts_with(SCHEMAS) || !reference.starts_with("#/") {
        // External refs are reported by the document-wide check.
        Ok(reference.to_string())
    } else {
        Err(format!(
            "a $ref to `{reference}`, outside components/schemas"
        ))
    }
}

fn type_name(t: &Type) -> &'static str {
    match t {
        Type::String(_) => "string",
        Type::Number(_) => "number",
        Type::Integer(_) => "integer",
        Type::Object(_) => "object",
        Type::Array(_) => "array",
        Type::Boolean(_) => "boolean",
    }
}

fn one_type(
    responses: &[(String, BodyType)],
    rule: Rule,
    kind: &str,
    here: &impl Fn() -> Location,
    out: &mut Vec<Violation>,
) {
    let distinct: BTreeSet<&BodyType> = responses.iter().map(|(_, t)| t).collect();
    if distinct.len() <= 1 {
        return;
    }
    let statuses: Vec<String> = responses.iter().map(|(s, _)| s.clone()).collect();
    // Group statuses by type, in order of first appearance.
    let mut groups: Vec<(&BodyType, Vec<String>)> = Vec::new();
    for (status, t) in responses {
        match groups.iter_mut().find(|(g, _)| *g == t) {
            Some((_, list)) => list.push(status.clone()),
            None => groups.push((t, vec![status.clone()])),
        }
    }
    let detail = if groups.iter().all(|(_, list)| list.len() == 1) {
        groups
            .iter()
            .map(|(t, _)| t.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        groups
            .iter()
            .map(|(t, list)| format!("{t} for {}", join_and(list)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let what = if groups.iter().any(|(t, _)| **t == BodyType::Empty) {
        "bodies"
    } else {
        "schemas"
    };
    out.push(Violation::new(
        here(),
        rule,
        format!(
            "responses {} use different {what} ({detail}); progenitor can only generate one \
             {kind} type per operation",
            join_and(&statuses)
        ),
        if rule == Rule::OneSuccessType {
            "document one success status, or give every success response the same schema"
        } else {
            "give every error response the same schema"
        },
    ));
}

fn wrong_section(
    error: RefError,
    reference: Option<&str>,
    what: &str,
    here: &impl Fn() -> Location,
    out: &mut Vec<Violation>,
) {
    if let RefError::WrongSection { found, expected } = error {
        out.push(Violation::new(
            here(),
            Rule::RefTarget,
            format!(
                "{what} $ref `{}` points into components/{found}, not components/{expected}",
                reference.unwrap_or_default()
            ),
            format!("point it at #/components/{expected}/<Name>"),
        ));
    }
}
