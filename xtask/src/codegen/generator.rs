//! Running progenitor without letting it panic at the user: a panic or an
//! error becomes [`Error::Codegen`] naming the operations that cause it.

use openapiv3::{OpenAPI, Paths, ReferenceOr};
use progenitor::{GenerationSettings, Generator};

use crate::Error;
use crate::codegen::panic;
use crate::spec::{method_slots_mut, operations};
use crate::violation::{Location, Rule, Violation};

/// What progenitor did with one spec.
enum Outcome {
    Tokens(proc_macro2::TokenStream),
    Failed(Rule, String),
}

fn run(api: &OpenAPI, settings: &GenerationSettings) -> Outcome {
    match panic::catch(|| Generator::new(settings).generate_tokens(api)) {
        Ok(Ok(tokens)) => Outcome::Tokens(tokens),
        Ok(Err(e)) => Outcome::Failed(Rule::ProgenitorError, e.to_string()),
        Err(message) => Outcome::Failed(Rule::ProgenitorPanic, message),
    }
}

/// Runs progenitor on `api`; a panic or error becomes [`Error::Codegen`]
/// naming the operations that cause it.
pub fn generate_tokens(
    spec_name: &str,
    api: &OpenAPI,
    settings: &GenerationSettings,
) -> Result<proc_macro2::TokenStream, Error> {
    let (rule, message) = match run(api, settings) {
        Outcome::Tokens(tokens) => return Ok(tokens),
        Outcome::Failed(rule, message) => (rule, message),
    };
    // Find the culprits by generating each operation on its own.
    let mut violations = Vec::new();
    for entry in operations(api) {
        let single = single_operation(api, entry.path, entry.method);
        if let Outcome::Failed(rule, message) = run(&single, settings) {
            violations.push(failure(
                Location::Operation(entry.reference()),
                rule,
                &message,
            ));
        }
    }
    if violations.is_empty() {
        violations.push(failure(Location::Document, rule, &message));
    }
    Err(Error::Codegen {
        spec: spec_name.to_string(),
        violations,
    })
}

/// The clap commands progenitor's CLI generator makes for every operation
/// (`Generator::cli`, which needs the Builder interface), calling the client
/// at `crate_path`. A panic or error becomes [`Error::Codegen`] for the
/// document (the client's own generation, run first, names operations).
pub fn cli_tokens(
    spec_name: &str,
    api: &OpenAPI,
    settings: &GenerationSettings,
    crate_path: &str,
) -> Result<proc_macro2::TokenStream, Error> {
    let (rule, message) = match panic::catch(|| Generator::new(settings).cli(api, crate_path)) {
        Ok(Ok(tokens)) => return Ok(tokens),
        Ok(Err(e)) => (Rule::ProgenitorError, format!("the CLI generator: {e}")),
        Err(message) => (
            Rule::ProgenitorPanic,
            format!("the CLI generator: {message}"),
        ),
    };
    Err(Error::Codegen {
        spec: spec_name.to_string(),
        violations: vec![failure(Location::Document, rule, &message)],
    })
}

/// Longest panic or error text quoted in a message.
const MAX_MESSAGE: usize = 300;

fn failure(location: Location, rule: Rule, message: &str) -> Violation {
    let mut text = message.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > MAX_MESSAGE {
        text = text.chars().take(MAX_MESSAGE).collect::<String>() + " (truncated)";
    }
    let (what, fix) = match rule {
        Rule::ProgenitorPanic => (
            format!("progenitor panicked: {text}"),
            "the xtask lint does not know this construct yet; simplify it in the spec (the \
             panic message names it), and add a rule to xtask/src/codegen/lint so the next person gets a \
             clear message",
        ),
        _ => (
            format!("progenitor failed: {text}"),
            "change the construct the message names; if it is valid OpenAPI that progenitor \
             cannot handle, add a rule to xtask/src/codegen/lint",
        ),
    };
    Violation::new(location, rule, what, fix)
}

/// `api` with only the operation `method path` (components kept).
fn single_operation(api: &OpenAPI, path: &str, method: &str) -> OpenAPI {
    let mut single = api.clone();
    single.paths = Paths::default();
    if let Some(ReferenceOr::Item(item)) = api.paths.paths.get(path) {
        let mut item = item.clone();
        for (m, slot) in method_slots_mut(&mut item) {
            if m != method {
                *slot = None;
            }
        }
        single
            .paths
            .paths
            .insert(path.to_string(), ReferenceOr::Item(item));
    }
    single
}
