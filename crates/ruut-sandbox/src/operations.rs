//! Which spec operation a request is, by method and path.
//!
//! The fault queue and the request journal are keyed by operation, and both
//! work before routing, so the pipeline matches each request against the path
//! templates of the operation table ([`ruut_api::operations`]) itself, the way
//! axum's router matches the same templates: a `{parameter}` takes one
//! non-empty segment, and a literal segment wins over a parameter
//! (`conversations/meta` is `getConversationCounts`, not `getConversation`).
//! In strict-Chatwoot mode Ruut's documented operations do not exist.

use axum::http::Method;
use ruut_api::operations::{Operation, Source};

/// Whether the operation exists in this mode: strict-Chatwoot mode leaves out
/// Ruut's documented operations.
pub(crate) fn in_mode(operation: Operation, chatwoot_only: bool) -> bool {
    !(chatwoot_only && operation.source() == Source::Documented)
}

/// The operation a request is, or `None` for a request outside the spec.
pub(crate) fn operation(method: &Method, path: &str, chatwoot_only: bool) -> Option<Operation> {
    // Only the first `/` goes: `//api` has an empty segment, which no route matches.
    let segments: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
    Operation::ALL
        .iter()
        .copied()
        .filter(|op| op.method() == method.as_str() && in_mode(*op, chatwoot_only))
        .filter_map(|op| Some((fit(op.path(), &segments)?, op)))
        .min()
        .map(|(_, op)| op)
}

/// How a path template fits a path's segments: for each segment, whether a
/// parameter took it (so the smallest fit is the most literal), or `None` when
/// the template does not match.
fn fit(template: &str, segments: &[&str]) -> Option<Vec<bool>> {
    let parts: Vec<&str> = template.trim_start_matches('/').split('/').collect();
    if parts.len() != segments.len() {
        return None;
    }
    parts
        .iter()
        .zip(segments)
        .map(|(part, segment)| {
            let parameter = part.starts_with('{') && part.ends_with('}');
            let matches = !segment.is_empty() && (parameter || part == segment);
            matches.then_some(parameter)
        })
        .collect()
}

/// The operation an id names, or an error that lists the valid ids.
pub(crate) fn parse_id(id: &str) -> Result<Operation, String> {
    Operation::from_id(id).ok_or_else(|| {
        let ids: Vec<&str> = Operation::ALL.iter().map(|op| op.id()).collect();
        format!(
            "unknown operation `{id}`; the operations are: {}",
            ids.join(", ")
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(method: Method, path: &str) -> Option<Operation> {
        operation(&method, path, false)
    }

    #[test]
    fn matches_the_spec_paths() {
        assert_eq!(m(Method::GET, "/api"), Some(Operation::GetServerInfo));
        assert_eq!(
            m(Method::GET, "/api/v1/accounts"),
            Some(Operation::ListAccounts)
        );
        assert_eq!(
            m(Method::PATCH, "/api/v1/conversations/4/status"),
            Some(Operation::UpdateConversationStatus)
        );
        assert_eq!(
            m(Method::GET, "/api/v1/accounts/1/conversations/meta"),
            Some(Operation::GetConversationCounts)
        );
        assert_eq!(
            m(Method::GET, "/api/v1/accounts/1/conversations/meta2"),
            Some(Operation::GetConversation)
        );
        assert_eq!(
            m(Method::GET, "/api/v1/accounts/1/contacts/search"),
            Some(Operation::SearchContacts)
        );
        assert_eq!(
            m(Method::POST, "/api/v1/accounts/1/conversations/3/messages"),
            Some(Operation::CreateMessage)
        );
        assert_eq!(m(Method::DELETE, "/api/v1/accounts/1"), None);
        assert_eq!(m(Method::GET, "/api/v1/accounts//conversations"), None);
        assert_eq!(m(Method::GET, "/api/v1/accounts/1/"), None);
        assert_eq!(
            m(Method::GET, "//api"),
            None,
            "the router does not match it either"
        );
        assert_eq!(m(Method::HEAD, "/api"), None);
        assert_eq!(
            operation(&Method::GET, "/api/v1/accounts", true),
            None,
            "strict Chatwoot has no listAccounts"
        );
    }

    #[test]
    fn every_operation_matches_its_own_template() {
        for &op in Operation::ALL {
            let path = op
                .path()
                .split('/')
                .map(|part| if part.starts_with('{') { "7" } else { part })
                .collect::<Vec<_>>()
                .join("/");
            let method = Method::from_bytes(op.method().as_bytes()).ok();
            let found = method.and_then(|method| operation(&method, &path, false));
            assert_eq!(found, Some(op), "{} {path}", op.method());
        }
    }

    #[test]
    fn strict_chatwoot_leaves_out_the_documented_operations() {
        assert!(!in_mode(Operation::UpdateConversationStatus, true));
        assert!(in_mode(Operation::UpdateConversationStatus, false));
        assert!(in_mode(Operation::ToggleConversationStatus, true));
    }

    #[test]
    fn an_unknown_id_lists_the_valid_ones() {
        assert_eq!(parse_id("getContact"), Ok(Operation::GetContact));
        let error = parse_id("getContacts").unwrap_err();
        assert!(
            error.starts_with("unknown operation `getContacts`"),
            "{error}"
        );
        for op in Operation::ALL {
            assert!(error.contains(op.id()), "{error} lacks {op}");
        }
    }
}
