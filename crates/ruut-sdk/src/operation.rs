//! The operations of the API, as the SDK's errors, retries and telemetry name
//! them.
//!
//! Stand-in until `ruut_api::operations` (generated from the spec) lands: the same
//! names and methods, so that swapping it in is a one-line change.

use std::fmt;

/// One operation of `openapi/ruut.yaml`, named after its operationId.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Operation {
    /// `getServerInfo`.
    GetServerInfo,
    /// `listAccounts`.
    ListAccounts,
    /// `getProfile`.
    GetProfile,
    /// `getAccount`.
    GetAccount,
    /// `listConversations`.
    ListConversations,
    /// `createConversation`.
    CreateConversation,
    /// `getConversationCounts`.
    GetConversationCounts,
    /// `getConversation`.
    GetConversation,
    /// `updateConversationStatus`.
    UpdateConversationStatus,
    /// `toggleConversationStatus`.
    ToggleConversationStatus,
    /// `toggleConversationPriority`.
    ToggleConversationPriority,
    /// `assignConversation`.
    AssignConversation,
    /// `listMessages`.
    ListMessages,
    /// `createMessage`.
    CreateMessage,
    /// `listContacts`.
    ListContacts,
    /// `createContact`.
    CreateContact,
    /// `searchContacts`.
    SearchContacts,
    /// `getContact`.
    GetContact,
}

impl Operation {
    /// The operationId.
    pub const fn id(self) -> &'static str {
        match self {
            Self::GetServerInfo => "getServerInfo",
            Self::ListAccounts => "listAccounts",
            Self::GetProfile => "getProfile",
            Self::GetAccount => "getAccount",
            Self::ListConversations => "listConversations",
            Self::CreateConversation => "createConversation",
            Self::GetConversationCounts => "getConversationCounts",
            Self::GetConversation => "getConversation",
            Self::UpdateConversationStatus => "updateConversationStatus",
            Self::ToggleConversationStatus => "toggleConversationStatus",
            Self::ToggleConversationPriority => "toggleConversationPriority",
            Self::AssignConversation => "assignConversation",
            Self::ListMessages => "listMessages",
            Self::CreateMessage => "createMessage",
            Self::ListContacts => "listContacts",
            Self::CreateContact => "createContact",
            Self::SearchContacts => "searchContacts",
            Self::GetContact => "getContact",
        }
    }

    /// Whether sending the request twice has the same effect as sending it once.
    pub const fn idempotent(self) -> bool {
        !matches!(
            self,
            Self::CreateConversation | Self::CreateMessage | Self::CreateContact
        )
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
