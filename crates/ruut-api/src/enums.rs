//! Forward-compatible enums for values the server owns.
//!
//! The server may add a conversation status, a priority or a content type at any
//! time. A closed Rust enum would make every response that carries the new value
//! fail to parse, so each schema marked `x-ruut-open-enum: true` in
//! `openapi/ruut.yaml` is generated as one of these types instead (through
//! progenitor's `with_replacement`): the values known when the spec was written,
//! plus [`Unknown`](ConversationStatus::Unknown) holding anything else verbatim.
//!
//! Every type here serialises as its wire string, parses from any string
//! (`"archived".parse::<ConversationStatus>()` is `Ok(Unknown("archived"))`), and
//! round-trips: `T::from(x.as_str()) == x`. Build values with `From`/`parse`
//! rather than by writing `Unknown("open")`, which would not equal `Open`.

use std::borrow::Cow;
use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

/// Defines an open enum: known variants with their wire strings, plus `Unknown(String)`.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $value:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the client does not know, kept verbatim.
            Unknown(String),
        }

        impl $name {
            /// The wire strings of the known variants, in the spec's order.
            pub const KNOWN: &'static [&'static str] = &[$($value),+];

            /// The value as it goes on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $value, )+
                    Self::Unknown(other) => other,
                }
            }

            /// Whether this value is one the client does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, Self::Unknown(_))
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                match value {
                    $( $value => Self::$variant, )+
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                match Self::from(value.as_str()) {
                    Self::Unknown(_) => Self::Unknown(value),
                    known => known,
                }
            }
        }

        impl FromStr for $name {
            type Err = Infallible;
            fn from_str(value: &str) -> Result<Self, Infallible> {
                Ok(Self::from(value))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value: Cow<'de, str> = serde::Deserialize::deserialize(deserializer)?;
                Ok(Self::from(value.into_owned()))
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> String {
                stringify!($name).to_owned()
            }

            fn json_schema(_: &mut schemars::r#gen::SchemaGenerator) -> schemars::schema::Schema {
                schemars::schema::SchemaObject {
                    instance_type: Some(schemars::schema::InstanceType::String.into()),
                    enum_values: Some(Self::KNOWN.iter().map(|v| serde_json::Value::from(*v)).collect()),
                    ..Default::default()
                }
                .into()
            }
        }
    };
}

open_enum! {
    /// A conversation's status.
    ///
    /// Chatwoot sends `open`, `pending`, `resolved` and `snoozed`; Ruut's
    /// documentation adds `scheduling`, which only the documented status route
    /// accepts.
    ConversationStatus {
        /// Active and unresolved; the default for new conversations.
        Open = "open",
        /// Awaiting an agent (or a bot hand-over).
        Pending = "pending",
        /// Completed; reopens when the customer writes again.
        Resolved = "resolved",
        /// Paused until a time or until the customer replies.
        Snoozed = "snoozed",
        /// Marked for a follow-up at a later date (Ruut only).
        Scheduling = "scheduling",
    }
}

open_enum! {
    /// A conversation's priority.
    ConversationPriority {
        /// Low.
        Low = "low",
        /// Medium.
        Medium = "medium",
        /// High.
        High = "high",
        /// Urgent.
        Urgent = "urgent",
    }
}

open_enum! {
    /// A message's delivery status.
    MessageStatus {
        /// Sent by the server.
        Sent = "sent",
        /// Delivered to the recipient's device.
        Delivered = "delivered",
        /// Read by the recipient.
        Read = "read",
        /// Delivery failed.
        Failed = "failed",
    }
}

open_enum! {
    /// What a message's content is.
    MessageContentType {
        /// Plain text.
        Text = "text",
        /// A text input prompt.
        InputText = "input_text",
        /// A multi-line text input prompt.
        InputTextarea = "input_textarea",
        /// An email input prompt.
        InputEmail = "input_email",
        /// A choice prompt.
        InputSelect = "input_select",
        /// Cards.
        Cards = "cards",
        /// A form.
        Form = "form",
        /// A help-centre article.
        Article = "article",
        /// An incoming email.
        IncomingEmail = "incoming_email",
        /// A satisfaction survey.
        InputCsat = "input_csat",
        /// An integration's message.
        Integrations = "integrations",
        /// A sticker.
        Sticker = "sticker",
        /// A voice call.
        VoiceCall = "voice_call",
    }
}

open_enum! {
    /// Whether an account is usable.
    AccountStatus {
        /// In use.
        Active = "active",
        /// Suspended; its API calls answer 401.
        Suspended = "suspended",
    }
}

open_enum! {
    /// A user's role in an account.
    UserRole {
        /// An agent.
        Agent = "agent",
        /// An administrator.
        Administrator = "administrator",
    }
}

open_enum! {
    /// Whether an agent or contact is reachable.
    AvailabilityStatus {
        /// Online.
        Online = "online",
        /// Offline.
        Offline = "offline",
        /// Busy.
        Busy = "busy",
    }
}

open_enum! {
    /// Who a conversation is assigned to.
    AssigneeKind {
        /// A human agent.
        User = "User",
        /// An agent bot.
        AgentBot = "AgentBot",
    }
}

open_enum! {
    /// Who sent a message.
    SenderKind {
        /// The contact (customer).
        Contact = "contact",
        /// A human agent.
        User = "user",
        /// An agent bot.
        AgentBot = "agent_bot",
    }
}

open_enum! {
    /// A message's direction as webhooks send it: a string, where the REST API
    /// sends an integer (0 incoming, 1 outgoing, 2 activity, 3 template).
    WebhookMessageType {
        /// From the contact.
        Incoming = "incoming",
        /// From an agent or a bot.
        Outgoing = "outgoing",
        /// A system note such as "Conversation was marked resolved".
        Activity = "activity",
        /// A template message (for example on WhatsApp).
        Template = "template",
    }
}

open_enum! {
    /// How a custom attribute's value is shown and entered.
    CustomAttributeDisplayType {
        /// Free text.
        Text = "text",
        /// A number.
        Number = "number",
        /// An amount of money.
        Currency = "currency",
        /// A percentage.
        Percent = "percent",
        /// A URL.
        Link = "link",
        /// A date.
        Date = "date",
        /// One of the definition's `attribute_values`.
        List = "list",
        /// True or false.
        Checkbox = "checkbox",
    }
}

open_enum! {
    /// A help center article's state (a Rails enum sent as its string).
    ArticleStatus {
        /// Not shown in the portal yet.
        Draft = "draft",
        /// Shown in the portal.
        Published = "published",
        /// Withdrawn from the portal.
        Archived = "archived",
    }
}

open_enum! {
    /// What a custom attribute belongs to.
    CustomAttributeModel {
        /// Conversations.
        ConversationAttribute = "conversation_attribute",
        /// Contacts.
        ContactAttribute = "contact_attribute",
    }
}

open_enum! {
    /// What a saved filter lists.
    CustomFilterType {
        /// Conversations.
        Conversation = "conversation",
        /// Contacts.
        Contact = "contact",
        /// Reports.
        Report = "report",
    }
}

open_enum! {
    /// An event an account webhook may subscribe to (`subscriptions`): the
    /// names of Chatwoot's `Webhook::ALLOWED_WEBHOOK_EVENTS`, which are also
    /// the `event` of each delivery's body.
    WebhookEventName {
        /// A conversation's status changed.
        ConversationStatusChanged = "conversation_status_changed",
        /// A conversation's assignee, team, priority, labels or attributes changed.
        ConversationUpdated = "conversation_updated",
        /// A conversation was started.
        ConversationCreated = "conversation_created",
        /// A contact was created.
        ContactCreated = "contact_created",
        /// A contact's details changed.
        ContactUpdated = "contact_updated",
        /// A message was added.
        MessageCreated = "message_created",
        /// A message was edited, deleted or changed delivery status.
        MessageUpdated = "message_updated",
        /// The website widget was opened.
        WebwidgetTriggered = "webwidget_triggered",
        /// An inbox was created.
        InboxCreated = "inbox_created",
        /// An inbox was changed.
        InboxUpdated = "inbox_updated",
        /// Someone started typing.
        ConversationTypingOn = "conversation_typing_on",
        /// Someone stopped typing.
        ConversationTypingOff = "conversation_typing_off",
    }
}

open_enum! {
    /// Who may see and run a macro.
    MacroVisibility {
        /// Only its author.
        Personal = "personal",
        /// Everyone in the account.
        Global = "global",
    }
}

open_enum! {
    /// A report metric: a count, or an average in seconds.
    ReportMetric {
        /// Conversations created.
        ConversationsCount = "conversations_count",
        /// Messages received from contacts.
        IncomingMessagesCount = "incoming_messages_count",
        /// Replies and private notes sent.
        OutgoingMessagesCount = "outgoing_messages_count",
        /// The average time to a human agent's first reply.
        AvgFirstResponseTime = "avg_first_response_time",
        /// The average time from creation to resolution.
        AvgResolutionTime = "avg_resolution_time",
        /// The average time an agent took to answer a waiting customer.
        ReplyTime = "reply_time",
        /// Resolutions.
        ResolutionsCount = "resolutions_count",
        /// Resolutions by a bot without a human reply.
        BotResolutionsCount = "bot_resolutions_count",
        /// Conversations a bot handed over to humans.
        BotHandoffsCount = "bot_handoffs_count",
    }
}

open_enum! {
    /// Whether an integration hook belongs to the account or to one inbox
    /// (the app's `hook_type` in Chatwoot's `config/integration/apps.yml`).
    IntegrationHookType {
        /// The whole account.
        Account = "account",
        /// One inbox (`dialogflow`).
        Inbox = "inbox",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_round_trip_through_serde_and_display() {
        for value in ConversationStatus::KNOWN {
            let parsed: ConversationStatus =
                serde_json::from_value(serde_json::Value::from(*value)).expect("parses");
            assert!(!parsed.is_unknown(), "{value} should be known");
            assert_eq!(parsed.to_string(), *value);
            assert_eq!(serde_json::to_value(&parsed).expect("serialises"), *value);
        }
    }

    #[test]
    fn unknown_values_are_kept_verbatim() {
        let parsed: ConversationStatus = serde_json::from_str("\"archived\"").expect("parses");
        assert_eq!(parsed, ConversationStatus::Unknown("archived".into()));
        assert_eq!(
            serde_json::to_string(&parsed).expect("serialises"),
            "\"archived\""
        );
        assert_eq!("archived".parse::<ConversationStatus>(), Ok(parsed));
    }

    #[test]
    fn non_strings_are_rejected() {
        assert!(serde_json::from_str::<ConversationStatus>("3").is_err());
        assert!(serde_json::from_str::<ConversationStatus>("null").is_err());
    }
}
