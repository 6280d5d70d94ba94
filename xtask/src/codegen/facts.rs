//! The facts about each operation that the generated operation table
//! (`crates/ruut-api/src/operations.rs`) is written from: the operationId and
//! the names progenitor derives from it, method, path, summary, the
//! `x-ruut-*` extensions, and whether agent-bot tokens may call it.

use heck::{ToPascalCase, ToSnakeCase};

use crate::Error;
use crate::codegen::lint::facts;
use crate::spec::{Spec, operations};
use crate::violation::{Location, Rule, Violation};

/// The security scheme of agent-bot tokens: an operation listing it in its
/// security requirements may be called with one.
pub const AGENT_BOT_SCHEME: &str = "agentBotApiKey";

/// What the runtime needs to know about one operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperationFacts {
    /// The `operationId`, e.g. `getConversation`.
    pub id: String,
    /// The `Operation` variant: the id in PascalCase, e.g. `GetConversation`.
    pub variant: String,
    /// The generated `Client` method: the id in snake_case, e.g.
    /// `get_conversation`. Progenitor's hooks receive it as the operation id.
    pub client_method: String,
    /// The HTTP method, upper case.
    pub method: String,
    /// The path template.
    pub path: String,
    /// The one-line summary.
    pub summary: String,
    /// `x-ruut-source`: `documented` or `chatwoot`.
    pub source: String,
    /// `x-ruut-idempotent`.
    pub idempotent: bool,
    /// Whether the security requirements (the operation's, or else the
    /// document's) list [`AGENT_BOT_SCHEME`].
    pub agent_bot: bool,
    /// `x-ruut-sdk`: the SDK method wrapping the operation, `Type::method`.
    pub sdk: Option<String>,
}

/// The facts of every operation of `spec`, in document order. Every
/// violated rule is reported at once, as the lint does.
pub fn collect(spec: &Spec) -> Result<Vec<OperationFacts>, Error> {
    let mut out = Vec::new();
    let mut violations = Vec::new();
    for entry in operations(&spec.api) {
        let declared = match facts::read(&entry) {
            Ok(declared) => declared,
            Err(found) => {
                violations.extend(found);
                continue;
            }
        };
        let Some(id) = entry.operation.operation_id.clone() else {
            violations.push(Violation::new(
                Location::Operation(entry.reference()),
                Rule::OperationIdRequired,
                "it has no operationId; the operation table names every operation by it",
                "add a short camelCase operationId, e.g. `listConversations`",
            ));
            continue;
        };
        let security = entry
            .operation
            .security
            .as_ref()
            .or(spec.api.security.as_ref());
        let agent_bot = security.is_some_and(|requirements| {
            requirements
                .iter()
                .any(|requirement| requirement.contains_key(AGENT_BOT_SCHEME))
        });
        out.push(OperationFacts {
            variant: id.to_pascal_case(),
            client_method: id.to_snake_case(),
            id,
            method: entry.method.to_ascii_uppercase(),
            path: entry.path.to_string(),
            summary: entry.operation.summary.clone().unwrap_or_default(),
            source: declared.source.to_string(),
            idempotent: declared.idempotent,
            agent_bot,
            sdk: declared.sdk.map(str::to_string),
        });
    }
    if violations.is_empty() {
        Ok(out)
    } else {
        Err(Error::Lint {
            spec: spec.name.clone(),
            violations,
        })
    }
}

/// Checks that the generated client `code` hands every operation's
/// [`client_method`](OperationFacts::client_method) to its hooks, so that the
/// table maps what the hooks see back to the operation.
pub fn check_client_methods(
    spec_name: &str,
    facts: &[OperationFacts],
    code: &str,
) -> Result<(), Error> {
    let violations: Vec<Violation> = facts
        .iter()
        .filter(|op| !code.contains(&format!("operation_id: \"{}\"", op.client_method)))
        .map(|op| {
            Violation::new(
                Location::Document,
                Rule::ProgenitorError,
                format!(
                    "the generated client does not pass `{}` to its hooks for operation {}; \
                     progenitor names methods differently than the operation table expects",
                    op.client_method, op.id
                ),
                "make xtask/src/codegen/facts.rs derive method names the way this progenitor version does",
            )
        })
        .collect();
    if violations.is_empty() {
        Ok(())
    } else {
        Err(Error::Codegen {
            spec: spec_name.to_string(),
            violations,
        })
    }
}
