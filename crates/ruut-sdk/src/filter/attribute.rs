//! The attributes conversation and contact filters know
//! (Chatwoot's lib/filters/filter_keys.yml), plus custom ones.

use super::FilterAttribute;

/// An attribute of a conversation filter; the operators each takes are listed.
///
/// ```
/// use ruut_sdk::filter::{ConversationAttribute, FilterAttribute};
/// let plan = ConversationAttribute::custom("plan").equal_to(["enterprise"]);
/// # let _ = plan;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConversationAttribute {
    /// `open`, `pending`, `resolved`, `snoozed` or `all`: `equal_to`, `not_equal_to`.
    Status,
    /// The assigned agent's id: `equal_to`, `not_equal_to`, `is_present`, `is_not_present`.
    AssigneeId,
    /// The inbox's id: as [`AssigneeId`](Self::AssigneeId).
    InboxId,
    /// The team's id: as [`AssigneeId`](Self::AssigneeId).
    TeamId,
    /// `low` … `urgent`: `equal_to`, `not_equal_to`.
    Priority,
    /// The display id: `equal_to`, `not_equal_to`, `contains`, `does_not_contain`.
    DisplayId,
    /// The campaign's id: as [`AssigneeId`](Self::AssigneeId).
    CampaignId,
    /// Labels: `equal_to` (any of), `not_equal_to` (none of), `is_present`, `is_not_present`.
    Labels,
    /// `additional_attributes.browser_language`: `equal_to`, `not_equal_to`.
    BrowserLanguage,
    /// `additional_attributes.conversation_language`: `equal_to`, `not_equal_to`.
    ConversationLanguage,
    /// `additional_attributes.referer`: `equal_to`, `not_equal_to`, `contains`, `does_not_contain`.
    Referer,
    /// When created: `is_greater_than`, `is_less_than`, `days_before`.
    CreatedAt,
    /// The last activity: `is_greater_than`, `is_less_than`, `days_before`.
    LastActivityAt,
    /// `additional_attributes.mail_subject`: as [`Referer`](Self::Referer).
    MailSubject,
    /// A custom attribute defined for conversations in the account: every operator.
    Custom(String),
}

impl ConversationAttribute {
    /// A custom attribute, by its key.
    pub fn custom(key: impl Into<String>) -> Self {
        Self::Custom(key.into())
    }
}

impl FilterAttribute for ConversationAttribute {
    fn key(&self) -> &str {
        match self {
            Self::Status => "status",
            Self::AssigneeId => "assignee_id",
            Self::InboxId => "inbox_id",
            Self::TeamId => "team_id",
            Self::Priority => "priority",
            Self::DisplayId => "display_id",
            Self::CampaignId => "campaign_id",
            Self::Labels => "labels",
            Self::BrowserLanguage => "browser_language",
            Self::ConversationLanguage => "conversation_language",
            Self::Referer => "referer",
            Self::CreatedAt => "created_at",
            Self::LastActivityAt => "last_activity_at",
            Self::MailSubject => "mail_subject",
            Self::Custom(key) => key,
        }
    }
}

/// An attribute of a contact filter; the operators each takes are listed.
/// Equality compares with the first value only.
///
/// ```
/// use ruut_sdk::filter::{ContactAttribute, FilterAttribute};
/// let gmail = ContactAttribute::Email.contains(["@gmail.com"]);
/// # let _ = gmail;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ContactAttribute {
    /// `equal_to`, `not_equal_to`, `contains`, `does_not_contain` (without case).
    Name,
    /// As [`Name`](Self::Name), case-sensitive, and `starts_with` (treated as `equal_to`).
    PhoneNumber,
    /// As [`Name`](Self::Name).
    Email,
    /// `equal_to`, `not_equal_to` (without case).
    Identifier,
    /// `additional_attributes.country_code`: `equal_to`, `not_equal_to`.
    CountryCode,
    /// `additional_attributes.city`: as [`Name`](Self::Name).
    City,
    /// `additional_attributes.company`: as [`Name`](Self::Name).
    Company,
    /// Labels: `equal_to`, `not_equal_to`, `is_present`, `is_not_present`.
    Labels,
    /// When created: `is_greater_than`, `is_less_than`, `days_before`.
    CreatedAt,
    /// The last activity: `is_greater_than`, `is_less_than`, `days_before`.
    LastActivityAt,
    /// Whether blocked: `equal_to`, `not_equal_to`.
    Blocked,
    /// A custom attribute defined for contacts in the account: every operator.
    Custom(String),
}

impl ContactAttribute {
    /// A custom attribute, by its key.
    pub fn custom(key: impl Into<String>) -> Self {
        Self::Custom(key.into())
    }
}

impl FilterAttribute for ContactAttribute {
    fn key(&self) -> &str {
        match self {
            Self::Name => "name",
            Self::PhoneNumber => "phone_number",
            Self::Email => "email",
            Self::Identifier => "identifier",
            Self::CountryCode => "country_code",
            Self::City => "city",
            Self::Company => "company",
            Self::Labels => "labels",
            Self::CreatedAt => "created_at",
            Self::LastActivityAt => "last_activity_at",
            Self::Blocked => "blocked",
            Self::Custom(key) => key,
        }
    }
}
