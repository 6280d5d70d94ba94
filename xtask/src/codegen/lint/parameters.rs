//! Parameter rules: path template vs path parameters, styles, cookies, schemas.

use std::collections::BTreeMap;

use openapiv3::{OpenAPI, Parameter, ParameterSchemaOrContent, PathStyle, QueryStyle};

use crate::codegen::resolve::{RefError, reference_of, resolve};
use crate::spec::OperationEntry;
use crate::violation::{Location, Rule, Violation};

pub(crate) fn check(api: &OpenAPI, entry: &OperationEntry<'_>, out: &mut Vec<Violation>) {
    let here = || Location::Operation(entry.reference());

    // Path-level parameters first; an operation parameter with the same name
    // and location overrides one, as in progenitor.
    let mut params: BTreeMap<(String, &'static str), &Parameter> = BTreeMap::new();
    let mut order = Vec::new();
    let mut unresolved = false;
    for item in entry
        .item
        .parameters
        .iter()
        .chain(&entry.operation.parameters)
    {
        match resolve(api, item) {
            Ok(param) => {
                let key = (param.parameter_data_ref().name.clone(), location_of(param));
                if params.insert(key.clone(), param).is_none() {
                    order.push(key);
                }
            }
            Err(RefError::WrongSection { found, expected }) => {
                unresolved = true;
                out.push(Violation::new(
                here(),
                Rule::RefTarget,
                format!(
                    "parameter $ref `{}` points into components/{found}, not components/{expected}",
                    reference_of(item).unwrap_or_default()
                ),
                format!("point it at #/components/{expected}/<Name>"),
            ));
            }
            // Reported by the document-wide $ref checks.
            Err(_) => unresolved = true,
        }
    }

    let template = match template_variables(entry.path) {
        Ok(vars) => vars,
        Err(problem) => {
            out.push(Violation::new(
                here(),
                Rule::PathParameters,
                format!("the path template is malformed: {problem}"),
                "write variables as `{name}` with balanced braces",
            ));
            Vec::new()
        }
    };

    for key in &order {
        let Some(param) = params.get(key) else {
            continue;
        };
        let data = param.parameter_data_ref();
        let name = &data.name;
        match param {
            Parameter::Cookie { .. } => out.push(Violation::new(
                here(),
                Rule::NoCookieParameter,
                format!("parameter `{name}` is a cookie parameter; progenitor cannot send cookies"),
                "remove it from the operation (set cookies in the hand-written ruut-sdk layer if needed)",
            )),
            Parameter::Path { style, .. } => {
                if !matches!(style, PathStyle::Simple) {
                    out.push(Violation::new(
                        here(),
                        Rule::ParameterStyle,
                        format!("path parameter `{name}` uses style {style:?}; progenitor only supports simple"),
                        "remove `style` (simple is the default)",
                    ));
                }
                if !data.required {
                    out.push(Violation::new(
                        here(),
                        Rule::PathParameters,
                        format!("path parameter `{name}` is not `required: true`; progenitor asserts it is"),
                        "add `required: true`",
                    ));
                }
                if !template.iter().any(|var| var == name) {
                    out.push(Violation::new(
                        here(),
                        Rule::PathParameters,
                        format!("path parameter `{name}` does not appear in the path template"),
                        format!("add `{{{name}}}` to the path or remove the parameter"),
                    ));
                }
            }
            Parameter::Query { style, .. } => {
                if !matches!(style, QueryStyle::Form) {
                    out.push(Violation::new(
                        here(),
                        Rule::ParameterStyle,
                        format!(
                            "query parameter `{name}` uses style {style:?}; progenitor only supports form"
                        ),
                        "use style form (the default); for Rails-style arrays name the parameter `name[]`",
                    ));
                }
            }
            Parameter::Header { .. } => {}
        }
        if !matches!(param, Parameter::Cookie { .. })
            && let ParameterSchemaOrContent::Content(_) = &data.format
        {
            out.push(Violation::new(
                here(),
                Rule::ParameterSchema,
                format!("parameter `{name}` is described by `content` instead of `schema`"),
                "give it a `schema`",
            ));
        }
    }

    // With an unresolvable parameter we cannot tell which variables are declared.
    for var in template.iter().filter(|_| !unresolved) {
        let declared = params.contains_key(&(var.clone(), "path"));
        if !declared {
            out.push(Violation::new(
                here(),
                Rule::PathParameters,
                format!(
                    "path variable `{{{var}}}` is not declared as a path parameter \
                     (progenitor panics with `missing path name mapping`)"
                ),
                format!(
                    "declare `{{name: {var}, in: path, required: true, schema: {{type: integer}}}}` \
                     (or the type it has)"
                ),
            ));
        }
    }
}

fn location_of(param: &Parameter) -> &'static str {
    match param {
        Parameter::Query { .. } => "query",
        Parameter::Header { .. } => "header",
        Parameter::Path { .. } => "path",
        Parameter::Cookie { .. } => "cookie",
    }
}

/// The `{variables}` of a path template, in order.
pub(crate) fn template_variables(path: &str) -> Result<Vec<String>, String> {
    let mut vars = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("`}` without `{`".to_string());
        }
        let after = &rest[open + 1..];
        let close = after
            .find(['{', '}'])
            .filter(|&i| after[i..].starts_with('}'))
            .ok_or_else(|| "`{` without `}`".to_string())?;
        let name = &after[..close];
        if name.is_empty() {
            return Err("empty `{}`".to_string());
        }
        vars.push(name.to_string());
        rest = &after[close + 1..];
    }
    Ok(vars)
}
