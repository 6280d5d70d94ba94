//! Three independent linters over `openapi/ruut.yaml`, each a CI step:
//!
//! - openapi-spec-validator (Python): the document against the OpenAPI 3.0
//!   schema, also run on the published `target/spec/ruut.json`;
//! - Redocly `lint` with `redocly.yaml` (recommended-strict, and an example
//!   that does not match its schema is an error);
//! - Spectral with `.spectral.yaml` (`spectral:oas`).
//!
//! Redocly and Spectral report as JSON, which is turned into one line per
//! problem: `file:line:col severity rule: message`, followed by the
//! operation (or component) the problem is in. Any error or warning fails
//! the step: a warning is either fixed in the spec or switched off in the
//! tool's config with a comment saying why.

use std::fmt::Write as _;
use std::path::Path;

use serde_json::Value;

use crate::publish::bundle;
use crate::spec::Spec;
use crate::tools::exec::{self, fail};
use crate::tools::{node, python};
use crate::{Error, SPEC_PATH};

/// One problem a linter reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// `error`, `warning`, `info` or `hint`.
    pub severity: String,
    /// The rule.
    pub rule: String,
    /// The message.
    pub message: String,
    /// 1-based line, 0 if unknown.
    pub line: u64,
    /// 1-based column, 0 if unknown.
    pub col: u64,
    /// JSON pointer segments (unescaped) to the problem.
    pub path: Vec<String>,
}

/// CI step: openapi-spec-validator on the spec and on the published JSON.
pub fn spec_validator(root: &Path) -> Result<String, Error> {
    const STEP: &str = "openapi-spec-validator";
    let tools = python::ensure(root)?;
    let json = format!("{}/ruut.json", bundle::OUT_DIR);
    let mut files = vec![SPEC_PATH.to_string()];
    if root.join(&json).exists() {
        files.push(json);
    }
    let version = exec::version(
        root,
        &tools.bin_dir().join("openapi-spec-validator"),
        &["--version"],
    );
    exec::run(
        STEP,
        root,
        tools
            .command("openapi-spec-validator")
            .args(["--schema", "3.0", "--validation-errors", "all"])
            .args(&files),
    )?;
    let version = version.trim_start_matches("openapi-spec-validator").trim();
    Ok(format!(
        "openapi-spec-validator {version}: {} valid, 0 errors",
        files.join(" and ")
    ))
}

/// CI step: `redocly lint`.
pub fn redocly(root: &Path) -> Result<String, Error> {
    const STEP: &str = "redocly lint";
    let tools = node::ensure(root)?;
    let version = exec::version(root, &tools.path("redocly"), &["--version"]);
    let output = exec::capture(
        STEP,
        root,
        tools
            .command("redocly")
            .args(["lint", SPEC_PATH, "--format", "json"]),
    )?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let problems = match parse_redocly(&stdout) {
        Ok(problems) => problems,
        Err(why) => {
            return Err(unparsable(STEP, &output, &why));
        }
    };
    report(root, STEP, &format!("redocly {version}"), &problems)
}

/// CI step: `spectral lint`.
pub fn spectral(root: &Path) -> Result<String, Error> {
    const STEP: &str = "spectral lint";
    let tools = node::ensure(root)?;
    let version = exec::version(root, &tools.path("spectral"), &["--version"]);
    let output = exec::capture(
        STEP,
        root,
        tools.command("spectral").args([
            "lint",
            SPEC_PATH,
            "--ruleset",
            ".spectral.yaml",
            "--format",
            "json",
            "--quiet",
        ]),
    )?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let problems = match parse_spectral(&stdout) {
        Ok(problems) => problems,
        Err(why) => return Err(unparsable(STEP, &output, &why)),
    };
    report(root, STEP, &format!("spectral {version}"), &problems)
}

fn unparsable(step: &str, output: &std::process::Output, why: &str) -> Error {
    eprintln!("{}", String::from_utf8_lossy(&output.stdout));
    eprintln!("{}", String::from_utf8_lossy(&output.stderr));
    fail(
        step,
        format!(
            "the linter {} and its report could not be read ({why})",
            exec::describe_exit(output.status)
        ),
    )
}

/// Prints every problem and fails on any error or warning.
fn report(root: &Path, step: &str, tool: &str, problems: &[Problem]) -> Result<String, Error> {
    let spec = Spec::load(root, SPEC_PATH)?;
    for problem in problems {
        eprintln!("{}", format_problem(&spec.raw, problem));
    }
    let count = |severity: &str| problems.iter().filter(|p| p.severity == severity).count();
    let (errors, warnings) = (count("error"), count("warning"));
    let others = problems.len() - errors - warnings;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let summary = format!(
        "{tool}: {}, {}, {} in {SPEC_PATH}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(others, "info/hint")
    );
    if errors + warnings > 0 {
        let first = problems
            .iter()
            .find(|p| p.severity == "error" || p.severity == "warning")
            .map(|p| format_problem(&spec.raw, p))
            .unwrap_or_default();
        return Err(fail(
            step,
            format!(
                "{summary}; first: {first}. Fix the spec, or switch the rule off in the \
                 linter's config with a comment saying why"
            ),
        ));
    }
    Ok(summary)
}

/// `openapi/ruut.yaml:292:33 error rule: message [in listConversations (GET /path) at /pointer]`.
pub fn format_problem(spec: &Value, problem: &Problem) -> String {
    let mut out = format!("{SPEC_PATH}:{}:{}", problem.line, problem.col);
    let _ = write!(
        out,
        " {} {}: {}",
        problem.severity, problem.rule, problem.message
    );
    let place = describe_location(spec, &problem.path);
    if !place.is_empty() {
        let _ = write!(out, " [{place}]");
    }
    out
}

/// Names where `path` is: the operation (by operationId, method and path)
/// or the component, then the JSON pointer.
pub fn describe_location(spec: &Value, path: &[String]) -> String {
    let pointer = format!(
        "#/{}",
        path.iter()
            .map(|s| s.replace('~', "~0").replace('/', "~1"))
            .collect::<Vec<_>>()
            .join("/")
    );
    let owner = match path {
        [first, url, method, ..] if first == "paths" => {
            let id = spec
                .pointer(&format!(
                    "/paths/{}/{}/operationId",
                    url.replace('~', "~0").replace('/', "~1"),
                    method.replace('~', "~0").replace('/', "~1")
                ))
                .and_then(Value::as_str);
            match id {
                Some(id) => format!("in {id} ({} {url})", method.to_ascii_uppercase()),
                None => format!("in {url}"),
            }
        }
        [first, kind, name, ..] if first == "components" => format!("in components/{kind}/{name}"),
        _ => String::new(),
    };
    if path.is_empty() {
        owner
    } else if owner.is_empty() {
        format!("at {pointer}")
    } else {
        format!("{owner} at {pointer}")
    }
}

/// Reads `redocly lint --format json`.
pub fn parse_redocly(text: &str) -> Result<Vec<Problem>, String> {
    let json = json_in(text)?;
    let problems = json
        .get("problems")
        .and_then(Value::as_array)
        .ok_or("no `problems` list")?;
    Ok(problems
        .iter()
        .map(|p| {
            let location = p.pointer("/location/0");
            let pointer = location
                .and_then(|l| l.get("pointer"))
                .and_then(Value::as_str)
                .unwrap_or("");
            Problem {
                severity: match p.get("severity").and_then(Value::as_str) {
                    Some("warn") => "warning".to_string(),
                    Some(s) => s.to_string(),
                    None => "error".to_string(),
                },
                rule: str_field(p, "ruleId"),
                message: str_field(p, "message"),
                line: location
                    .and_then(|l| l.pointer("/start/line"))
                    .and_then(Value::as_u64)
                    .unwrap_or(0),
                col: location
                    .and_then(|l| l.pointer("/start/col"))
                    .and_then(Value::as_u64)
                    .unwrap_or(0),
                path: split_pointer(pointer),
            }
        })
        .collect())
}

/// Reads `spectral lint --format json`.
pub fn parse_spectral(text: &str) -> Result<Vec<Problem>, String> {
    let json = json_in(text)?;
    let results = json.as_array().ok_or("not a list of results")?;
    Ok(results
        .iter()
        .map(|r| Problem {
            severity: match r.get("severity").and_then(Value::as_u64) {
                Some(0) => "error",
                Some(1) => "warning",
                Some(2) => "info",
                _ => "hint",
            }
            .to_string(),
            rule: str_field(r, "code"),
            message: str_field(r, "message"),
            line: r
                .pointer("/range/start/line")
                .and_then(Value::as_u64)
                .map_or(0, |l| l + 1),
            col: r
                .pointer("/range/start/character")
                .and_then(Value::as_u64)
                .map_or(0, |c| c + 1),
            path: r
                .get("path")
                .and_then(Value::as_array)
                .map(|segments| {
                    segments
                        .iter()
                        .map(|s| match s {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect())
}

/// The JSON document in a tool's stdout (which may have text around it).
fn json_in(text: &str) -> Result<Value, String> {
    let start = text.find(['{', '[']).ok_or("no JSON in the output")?;
    let mut stream = serde_json::Deserializer::from_str(&text[start..]).into_iter::<Value>();
    match stream.next() {
        Some(Ok(value)) => Ok(value),
        Some(Err(e)) => Err(format!("invalid JSON: {e}")),
        None => Err("no JSON in the output".to_string()),
    }
}

fn str_field(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

fn split_pointer(pointer: &str) -> Vec<String> {
    let pointer = pointer.strip_prefix('#').unwrap_or(pointer);
    pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_operation_of_a_problem() {
        let spec: Value = serde_json::json!({
            "paths": {"/api/v1/accounts": {"get": {"operationId": "listAccounts"}}}
        });
        let problems = parse_redocly(
            r##"noise {"totals":{"errors":1},"problems":[{"ruleId":"no-invalid-media-type-examples",
            "severity":"error","message":"bad example","location":[{"pointer":
            "#/paths/~1api~1v1~1accounts/get/responses/200","start":{"line":3,"col":5}}]}]}"##,
        )
        .unwrap();
        assert_eq!(
            format_problem(&spec, &problems[0]),
            "openapi/ruut.yaml:3:5 error no-invalid-media-type-examples: bad example \
             [in listAccounts (GET /api/v1/accounts) at #/paths/~1api~1v1~1accounts/get/responses/200]"
        );
    }

    #[test]
    fn reads_spectral_results() {
        let problems = parse_spectral(
            r#"[{"code":"oas3-valid-media-example","path":["components","examples","Agent","value"],
            "message":"\"id\" property type must be integer","severity":0,
            "range":{"start":{"line":930,"character":12}}}]"#,
        )
        .unwrap();
        assert_eq!(problems[0].severity, "error");
        assert_eq!((problems[0].line, problems[0].col), (931, 13));
        assert_eq!(
            describe_location(&Value::Null, &problems[0].path),
            "in components/examples/Agent at #/components/examples/Agent/value"
        );
    }
}
