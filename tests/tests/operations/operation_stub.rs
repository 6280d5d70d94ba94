//! STAND-IN for `ruut_api::operations::Operation` (the facts branch's
//! generated table) until it is merged: the same names, only what these tests
//! use. Deleted at the merge.

#![allow(dead_code)]

/// Every operation of openapi/ruut.yaml.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Operation {
    GetServerInfo,
    ListAccounts,
    UpdateConversationStatus,
    GetProfile,
    GetAccount,
    ListConversations,
    CreateConversation,
    GetConversationCounts,
    GetConversation,
    ToggleConversationStatus,
    ToggleConversationPriority,
    AssignConversation,
    ListMessages,
    CreateMessage,
    ListContacts,
    CreateContact,
    SearchContacts,
    GetContact,
}

use Operation::*;

const FACTS: &[(Operation, &str, &str)] = &[
    (GetServerInfo, "getServerInfo", "/api"),
    (ListAccounts, "listAccounts", "/api/v1/accounts"),
    (
        UpdateConversationStatus,
        "updateConversationStatus",
        "/api/v1/conversations/{conversation_id}/status",
    ),
    (GetProfile, "getProfile", "/api/v1/profile"),
    (GetAccount, "getAccount", "/api/v1/accounts/{account_id}"),
    (
        ListConversations,
        "listConversations",
        "/api/v1/accounts/{account_id}/conversations",
    ),
    (
        CreateConversation,
        "createConversation",
        "/api/v1/accounts/{account_id}/conversations",
    ),
    (
        GetConversationCounts,
        "getConversationCounts",
        "/api/v1/accounts/{account_id}/conversations/meta",
    ),
    (
        GetConversation,
        "getConversation",
        "/api/v1/accounts/{account_id}/conversations/{conversation_id}",
    ),
    (
        ToggleConversationStatus,
        "toggleConversationStatus",
        "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status",
    ),
    (
        ToggleConversationPriority,
        "toggleConversationPriority",
        "/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_priority",
    ),
    (
        AssignConversation,
        "assignConversation",
        "/api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments",
    ),
    (
        ListMessages,
        "listMessages",
        "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages",
    ),
    (
        CreateMessage,
        "createMessage",
        "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages",
    ),
    (
        ListContacts,
        "listContacts",
        "/api/v1/accounts/{account_id}/contacts",
    ),
    (
        CreateContact,
        "createContact",
        "/api/v1/accounts/{account_id}/contacts",
    ),
    (
        SearchContacts,
        "searchContacts",
        "/api/v1/accounts/{account_id}/contacts/search",
    ),
    (
        GetContact,
        "getContact",
        "/api/v1/accounts/{account_id}/contacts/{contact_id}",
    ),
];

impl Operation {
    pub const ALL: &'static [Operation] = &[
        GetServerInfo,
        ListAccounts,
        UpdateConversationStatus,
        GetProfile,
        GetAccount,
        ListConversations,
        CreateConversation,
        GetConversationCounts,
        GetConversation,
        ToggleConversationStatus,
        ToggleConversationPriority,
        AssignConversation,
        ListMessages,
        CreateMessage,
        ListContacts,
        CreateContact,
        SearchContacts,
        GetContact,
    ];

    fn facts(self) -> (&'static str, &'static str) {
        let (_, id, path) = FACTS.iter().find(|(op, ..)| *op == self).expect("facts");
        (id, path)
    }

    pub fn id(self) -> &'static str {
        self.facts().0
    }

    pub fn path(self) -> &'static str {
        self.facts().1
    }

    pub fn method(self) -> &'static str {
        match self {
            UpdateConversationStatus => "PATCH",
            CreateConversation
            | ToggleConversationStatus
            | ToggleConversationPriority
            | AssignConversation
            | CreateMessage
            | CreateContact => "POST",
            _ => "GET",
        }
    }

    pub fn from_id(id: &str) -> Option<Operation> {
        Self::ALL.iter().copied().find(|op| op.id() == id)
    }
}

impl std::fmt::Display for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// STAND-IN for `ruut_sandbox::handles` (the sandbox branch's contract).
pub fn handles(op: Operation) -> bool {
    ruut_sandbox::OPERATIONS
        .iter()
        .any(|(id, _)| *id == op.id())
}
