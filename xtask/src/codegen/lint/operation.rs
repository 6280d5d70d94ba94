//! Per-operation metadata rules: operationId, tags, docs.

use std::collections::HashMap;

use crate::spec::OperationEntry;
use crate::violation::{Location, MAX_OPERATION_ID_LEN, OperationRef, Rule, Violation};

/// The operationIds seen so far, for the uniqueness rule.
#[derive(Default)]
pub(crate) struct IdRegistry {
    exact: HashMap<String, OperationRef>,
    folded: HashMap<String, OperationRef>,
}

pub(crate) fn check(entry: &OperationEntry<'_>, ids: &mut IdRegistry, out: &mut Vec<Violation>) {
    let op = entry.operation;
    let here = || Location::Operation(entry.reference());
    let mut push = |rule, message: String, fix: &str| {
        out.push(Violation::new(here(), rule, message, fix));
    };

    match &op.operation_id {
        None => push(
            Rule::OperationIdRequired,
            "it has no operationId; progenitor needs one to name the method".to_string(),
            "add a short camelCase operationId, e.g. `listConversations`",
        ),
        Some(id) => {
            check_id_shape(id, &mut push);
            let this = entry.reference();
            if let Some(first) = ids.exact.get(id) {
                push(
                    Rule::OperationIdUnique,
                    format!(
                        "operationId `{id}` is already used by {} {}",
                        first.method, first.path
                    ),
                    "give each operation its own operationId",
                );
            } else if let Some(first) = ids.folded.get(&id.to_ascii_lowercase()) {
                let other = first.id.as_deref().unwrap_or_default();
                push(
                    Rule::OperationIdUnique,
                    format!(
                        "operationId `{id}` differs from `{other}` ({} {}) only in letter case; \
                         both would become the same snake_case method",
                        first.method, first.path
                    ),
                    "choose operationIds that differ in more than case",
                );
            }
            ids.exact.entry(id.clone()).or_insert_with(|| this.clone());
            ids.folded.entry(id.to_ascii_lowercase()).or_insert(this);
        }
    }

    match op.tags.as_slice() {
        [_] => {}
        [] => push(
            Rule::SingleTag,
            "it has no tag".to_string(),
            "add exactly one tag naming the API group, e.g. `tags: [Conversations]`",
        ),
        tags => push(
            Rule::SingleTag,
            format!("it has {} tags ({})", tags.len(), tags.join(", ")),
            "keep exactly one tag",
        ),
    }

    if let Some(problem) = missing_text(op.summary.as_deref(), "summary") {
        push(
            Rule::SummaryRequired,
            problem,
            "add a one-line `summary`; it becomes the first line of the method's rustdoc",
        );
    }
    if op
        .description
        .as_deref()
        .is_none_or(|s| s.trim().is_empty())
    {
        push(
            Rule::DescriptionRequired,
            "it has no description".to_string(),
            "add a `description` saying what the operation does and when to use it",
        );
    }
}

fn check_id_shape(id: &str, push: &mut impl FnMut(Rule, String, &str)) {
    let mut chars = id.chars();
    let camel = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_alphanumeric());
    if !camel {
        push(
            Rule::OperationIdCamelCase,
            format!("operationId `{id}` is not camelCase"),
            "start with a lower-case letter and use only letters and digits, e.g. `getConversation`",
        );
    }
    let len = id.chars().count();
    if len > MAX_OPERATION_ID_LEN {
        push(
            Rule::OperationIdLength,
            format!(
                "operationId `{id}` is {len} characters long (at most {MAX_OPERATION_ID_LEN}); \
                 it becomes the method name and prefixes generated type names"
            ),
            "shorten it to verb + noun, e.g. `toggleConversationStatus`",
        );
    }
}

/// "it has no summary" / "its summary is blank", or `None` when present.
fn missing_text(text: Option<&str>, what: &str) -> Option<String> {
    match text {
        None => Some(format!("it has no {what}")),
        Some(t) if t.trim().is_empty() => Some(format!("its {what} is blank")),
        Some(_) => None,
    }
}
