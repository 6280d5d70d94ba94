//! Code generation from `openapi/ruut.yaml`: the lint, the spec as progenitor
//! sees it, progenitor itself, and the files written from the result.
//!
//! [`render`] is pure (spec in, text out) and deterministic, so the
//! `generate` command, the freshness test and the fixture tests all share it:
//! it lints the spec ([`lint`]), reads the operation facts ([`facts`]), drops
//! the responses progenitor cannot model ([`response_filter`]), and runs
//! progenitor ([`generator`]) with the project's [`settings`]. From its
//! result, [`generate`] writes the client, the operation table
//! ([`operations`]) and the SDK's coverage table ([`coverage`]); [`surface`]
//! lists the generated API for review.

pub mod cli_view;
pub mod coverage;
pub mod facts;
pub mod format;
pub mod generate;
pub mod generator;
pub mod lint;
pub mod operations;
pub mod panic;
pub mod resolve;
pub mod response_filter;
pub mod settings;
pub mod surface;

pub use format::{HEADER, normalise};

use crate::Error;
use crate::spec::{Spec, operations as spec_operations};
use crate::violation::OperationRef;
use facts::OperationFacts;
use response_filter::{DroppedRequestContent, DroppedResponse};

/// The crate the generated CLI commands call (they `use` it whole).
pub const CLI_CLIENT_CRATE: &str = "ruut_api";

/// The result of rendering a spec.
#[derive(Clone, Debug)]
pub struct Rendered {
    /// The formatted Rust file, header included, `\n` line endings.
    pub code: String,
    /// The `ruut api` commands of the CLI (progenitor's CLI generator),
    /// formatted like [`code`](Self::code).
    pub cli: String,
    /// Responses the response filter dropped.
    pub dropped: Vec<DroppedResponse>,
    /// Request-body content types the response filter dropped.
    pub dropped_requests: Vec<DroppedRequestContent>,
    /// Schemas replaced by hand-written types: `(schema name, Rust path)`.
    pub replaced: Vec<(String, String)>,
    /// The operations progenitor saw, in document order.
    pub operations: Vec<OperationRef>,
    /// What the operation table says about each operation, in document order.
    pub facts: Vec<OperationFacts>,
}

/// Lints `spec`, filters its responses and generates the formatted client.
pub fn render(spec: &Spec) -> Result<Rendered, Error> {
    let violations = lint::check(spec);
    if !violations.is_empty() {
        return Err(Error::Lint {
            spec: spec.name.clone(),
            violations,
        });
    }
    let facts = facts::collect(spec)?;
    let filtered = response_filter::apply(&spec.api);
    let replaced = settings::replacements(spec);
    let settings = settings::settings(&replaced);
    let tokens = generator::generate_tokens(&spec.name, &filtered.api, &settings)?;
    let code = format::unparse(tokens)?;
    // The CLI lives in another crate: its open enums are the client crate's.
    let cli_replaced: Vec<(String, String)> = replaced
        .iter()
        .map(|(name, path)| {
            let path = path.replacen("crate::", &format!("{CLI_CLIENT_CRATE}::"), 1);
            (name.clone(), path)
        })
        .collect();
    let (cli_api, _) = cli_view::apply(&filtered.api);
    let cli = format::unparse(generator::cli_tokens(
        &spec.name,
        &cli_api,
        &settings::settings(&cli_replaced),
        CLI_CLIENT_CRATE,
    )?)?;
    facts::check_client_methods(&spec.name, &facts, &code)?;
    let operations = spec_operations(&filtered.api)
        .iter()
        .map(|entry| entry.reference())
        .collect();
    Ok(Rendered {
        code,
        cli,
        operations,
        dropped: filtered.dropped,
        dropped_requests: filtered.dropped_requests,
        replaced,
        facts,
    })
}
