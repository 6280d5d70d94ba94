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
//! Request bodies get the same treatment for one encoding: progenitor
//! generates only JSON bodies (and panics on a second content type), while
//! `createMessage` also takes `multipart/form-data` (a message with files),
//! which the published spec documents for other languages and `ruut-sdk`
//! sends by hand. So the filter **drops a request body's
//! `multipart/form-data` content when the body also has a JSON content
//! type**; the JSON one is what the generated builder sends. A multipart-only
//! body is kept, and the lint's `request-content-type` rule rejects it.
//!
//! Nothing else is changed. Every drop is recorded, and the list is part of
//! the API-surface snapshot (`xtask/tests/snapshots/`), so a reviewer sees
//! exactly what the client does not model. Responses given as a `$ref` that
//! does not resolve are kept; the lint reports them.

use openapiv3::{OpenAPI, ReferenceOr, RequestBody, Response};

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

/// One request-body content type the filter removed from the codegen view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DroppedRequestContent {
    /// The operationId (or `METHOD path` if it has none).
    pub operation: String,
    /// The dropped content type, e.g. `multipart/form-data`.
    pub content_type: String,
}

/// The spec as progenitor should see it, and what was removed to get there.
#[derive(Clone, Debug)]
pub struct Filtered {
    /// The transformed document.
    pub api: OpenAPI,
    /// Every dropped response, in document order.
    pub dropped: Vec<DroppedResponse>,
    /// Every dropped request-body content type, in document order.
    pub dropped_requests: Vec<DroppedRequestContent>,
}

/// The request encoding written by hand in `ruut-sdk`, dropped beside JSON.
pub const HAND_WRITTEN_REQUEST_TYPE: &str = "multipart/form-data";

/// The content types of `body` progenitor sees: all of them, less
/// [`HAND_WRITTEN_REQUEST_TYPE`] when a JSON content type is there too.
pub fn kept_request_types(body: &RequestBody) -> Vec<&str> {
    let has_json = body.content.keys().any(|ct| is_json_content_type(ct));
    body.content
        .keys()
        .map(String::as_str)
        .filter(|ct| !(has_json && *ct == HAND_WRITTEN_REQUEST_TYPE))
        .collect()
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
    let mut dropped_requests = Vec::new();
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
            if let Some(ReferenceOr::Item(body)) = &mut operation.request_body {
                let kept = kept_request_types(body).len();
                if kept < body.content.len() {
                    body.content.shift_remove(HAND_WRITTEN_REQUEST_TYPE);
                    dropped_requests.push(DroppedRequestContent {
                        operation: name.clone(),
                        content_type: HAND_WRITTEN_REQUEST_TYPE.to_string(),
                    });
                }
            }
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
    Filtered {
        api: out,
        dropped,
        dropped_requests,
    }
}
