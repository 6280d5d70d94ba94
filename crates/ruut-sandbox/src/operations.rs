//! Which spec operation a request is, by method and path.
//!
//! The fault queue and the request journal are keyed by the spec's
//! `operationId`, and both work before routing, so the sandbox needs this
//! small matcher next to axum's router. It mirrors the router exactly,
//! including strict-Chatwoot mode, where Ruut's documented routes do not exist.

use axum::http::Method;

/// Every operation of `openapi/ruut.yaml`, with whether agent-bot tokens may call it.
pub const OPERATIONS: [(&str, bool); 18] = [
    ("getServerInfo", false),
    ("listAccounts", false),
    ("updateConversationStatus", true),
    ("getProfile", false),
    ("getAccount", false),
    ("listConversations", false),
    ("createConversation", true),
    ("getConversationCounts", false),
    ("getConversation", false),
    ("toggleConversationStatus", true),
    ("toggleConversationPriority", true),
    ("assignConversation", true),
    ("listMessages", false),
    ("createMessage", true),
    ("listContacts", false),
    ("createContact", false),
    ("searchContacts", false),
    ("getContact", false),
];

/// The operation a request is: the pipeline puts it in the request's extensions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Op(pub &'static str);

impl Op {
    /// Whether agent-bot tokens may call it.
    pub fn agent_bot(self) -> bool {
        bots_allowed(self.0)
    }
}

/// Whether agent-bot tokens may call the operation.
pub(crate) fn bots_allowed(operation_id: &str) -> bool {
    OPERATIONS
        .iter()
        .any(|(id, bots)| *id == operation_id && *bots)
}

/// The operation a request is, or `None` for a path outside the spec.
pub(crate) fn operation_id(
    method: &Method,
    path: &str,
    chatwoot_only: bool,
) -> Option<&'static str> {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    if segments.iter().any(|s| s.is_empty()) {
        return None;
    }
    let ruut = !chatwoot_only;
    let get = method == Method::GET;
    let op = match segments.as_slice() {
        ["api"] if get => "getServerInfo",
        ["api", "v1", "accounts"] if get && ruut => "listAccounts",
        ["api", "v1", "conversations", _, "status"] if method == Method::PATCH && ruut => {
            "updateConversationStatus"
        }
        ["api", "v1", "profile"] if get => "getProfile",
        ["api", "v1", "accounts", _] if get => "getAccount",
        ["api", "v1", "accounts", _, rest @ ..] => return account_scoped(method, rest),
        _ => return None,
    };
    Some(op)
}

fn account_scoped(method: &Method, rest: &[&str]) -> Option<&'static str> {
    let get = method == Method::GET;
    let post = method == Method::POST;
    let op = match rest {
        ["conversations"] if get => "listConversations",
        ["conversations"] if post => "createConversation",
        ["conversations", "meta"] if get => "getConversationCounts",
        ["conversations", _] if get => "getConversation",
        ["conversations", _, "toggle_status"] if post => "toggleConversationStatus",
        ["conversations", _, "toggle_priority"] if post => "toggleConversationPriority",
        ["conversations", _, "assignments"] if post => "assignConversation",
        ["conversations", _, "messages"] if get => "listMessages",
        ["conversations", _, "messages"] if post => "createMessage",
        ["contacts"] if get => "listContacts",
        ["contacts"] if post => "createContact",
        ["contacts", "search"] if get => "searchContacts",
        ["contacts", _] if get => "getContact",
        _ => return None,
    };
    Some(op)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_spec_paths() {
        let m = |method: Method, path: &str| operation_id(&method, path, false);
        assert_eq!(m(Method::GET, "/api"), Some("getServerInfo"));
        assert_eq!(m(Method::GET, "/api/v1/accounts"), Some("listAccounts"));
        assert_eq!(
            m(Method::PATCH, "/api/v1/conversations/4/status"),
            Some("updateConversationStatus")
        );
        assert_eq!(
            m(Method::GET, "/api/v1/accounts/1/conversations/meta"),
            Some("getConversationCounts")
        );
        assert_eq!(
            m(Method::GET, "/api/v1/accounts/1/contacts/search"),
            Some("searchContacts")
        );
        assert_eq!(
            m(Method::POST, "/api/v1/accounts/1/conversations/3/messages"),
            Some("createMessage")
        );
        assert_eq!(m(Method::DELETE, "/api/v1/accounts/1"), None);
        assert_eq!(m(Method::GET, "/api/v1/accounts//conversations"), None);
        assert_eq!(
            operation_id(&Method::GET, "/api/v1/accounts", true),
            None,
            "strict Chatwoot has no listAccounts"
        );
    }

    #[test]
    fn bot_access_follows_the_security_requirements() {
        assert!(bots_allowed("createMessage"));
        assert!(!bots_allowed("listConversations"));
        assert!(!bots_allowed("nope"));
    }
}
