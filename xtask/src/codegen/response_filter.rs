//! The response filter (once called the codegen profile): the one transform
//! between the published spec and what progenitor sees.
//!
//! The published `openapi/ruut.yaml` is truthful to the wire. For example, it
//! documents `429 Too Many Requests` with the `text/plain` body the rate
//! limiter really sends. Progenitor, however, can only generate one error
//! type per operation and panics when an operation has a JSON error next to a
//! plain-text one.
//!
//! So before generation, and only then, the filter **drops every response
//! whose content is non-empty and has no JSON media type** (JSON meaning
//! `application/json`, optionally with parameters, which is the test
//! progenitor itself uses). A dropped status is simply undocumented in the
//! generated client: such a response arrives as
//! `progenitor_client::Error::UnexpectedResponse`, whose `is_retryable()` is
//! true for 429.
//!
//! Nothing else is changed. Every drop is recorded, and the list is part of
//! the API-surface snapshot (`xtask/tests/snapshots/`), so a reviewer sees
//! exactly what the client does not model. Responses given as a `$ref` that
//! does not resolve are kept; the lint reports them.

use openapiv3::{OpenAPI, ReferenceOr, Response};

use crate::codegen::resolve::resolve;
use crate::spec::method_slots_mut;

/// One response the filter removed from the codegen view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DroppedResponse {
    /// The operationId (or `METHOD path` if it has none).
    pub operation: String,
    /// The status key, e.g. `429`, `4XX` or `default`.
    pub status: String,
    /// The response's content types, in document order, joined with `, `.
    pub content_type: String,
}

/// The spec as progenitor should see it, and what was removed to get there.
#[derive(Clone, Debug)]
pub struct Filtered {
    /// The transformed document.
    pub api: OpenAPI,
    /// Every dropped response, in document order.
    pub dropped: Vec<DroppedResponse>,
}

/// Whether progenitor treats `content_type` as JSON.
pub fn is_json_content_type(content_type: &str) -> bool {
    content_type == "application/json" || content_type.starts_with("application/json;")
}

/// Whether the filter keeps `response`: it has no content, or JSON content.
pub fn keeps(response: &Response) -> bool {
    response.content.is_empty() || response.content.keys().any(|ct| is_json_content_type(ct))
}

/// Applies the filter to `api`.
pub fn apply(api: &OpenAPI) -> Filtered {
    let mut out = api.clone();
    let mut dropped = Vec::new();
    for (path, item) in out.paths.paths.iter_mut() {
        let ReferenceOr::Item(item) = item else {
            continue;
        };
        let operations = method_slots_mut(item)
            .into_iter()
            .filter_map(|(method, slot)| slot.as_mut().map(|operation| (method, operation)));
        for (method, operation) in operations {
            let name = operation
                .operation_id
                .clone()
                .unwrap_or_else(|| format!("{} {path}", method.to_ascii_uppercase()));
            let mut drop_it = |status: String, response: &ReferenceOr<Response>| -> bool {
                let Ok(resolved) = resolve(api, response) else {
                    return false;
                };
                if keeps(resolved) {
                    return false;
                }
                let content_type = resolved
                    .content
                    .keys()
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join(", ");
                dropped.push(DroppedResponse {
                    operation: name.clone(),
                    status,
                    content_type,
                });
                true
            };
            if let Some(default) = &operation.responses.default
                && drop_it("default".to_string(), default)
            {
                operation.responses.default = None;
            }
            operation
                .responses
                .responses
                .retain(|status, response| !drop_it(status.to_string(), response));
        }
    }
    Filtered { api: out, dropped }
}
