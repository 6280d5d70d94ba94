//! Turning a delivery's body into a typed event.

use ruut_api::enums::ConversationStatus;
use ruut_api::types::{
    WebhookAttributeChange, WebhookChangedAttributes, WebhookContactEvent,
    WebhookConversationEvent, WebhookMessageEvent, WebhookTypingEvent,
};
use serde::de::DeserializeOwned;
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::WebhookError;

/// One webhook delivery's body, by its `event` name.
///
/// Events this version does not know (`webwidget_triggered`, `inbox_created`, or
/// anything the server adds later) are kept as [`Unknown`](WebhookEvent::Unknown)
/// rather than rejected, so a receiver keeps working when the server grows.
///
/// ```
/// use ruut_sdk::webhook::WebhookEvent;
/// use ruut_api::enums::ConversationStatus;
///
/// let body = br#"{
///     "event": "conversation_status_changed",
///     "id": 42, "inbox_id": 1, "status": "open",
///     "changed_attributes": [{"status": {"previous_value": "pending", "current_value": "open"}}]
/// }"#;
/// let event = WebhookEvent::parse(body)?;
/// assert_eq!(event.name(), "conversation_status_changed");
/// assert_eq!(event.conversation_id(), Some(42));
///
/// let change = event.status_transition().expect("a status change");
/// assert_eq!(change.previous, Some(ConversationStatus::Pending));
/// assert_eq!(change.current, ConversationStatus::Open);
///
/// let other = WebhookEvent::parse(br#"{"event": "inbox_created", "id": 3}"#)?;
/// assert!(matches!(other, WebhookEvent::Unknown { .. }));
/// # Ok::<(), ruut_sdk::webhook::WebhookError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum WebhookEvent {
    /// `conversation_created`: a conversation was started.
    ConversationCreated(Box<WebhookConversationEvent>),
    /// `conversation_status_changed`: see [`status_transition`](WebhookEvent::status_transition).
    ConversationStatusChanged(Box<WebhookConversationEvent>),
    /// `conversation_updated`: the assignee, team, priority, labels or attributes changed.
    ConversationUpdated(Box<WebhookConversationEvent>),
    /// `message_created`: a message, private note or activity message was added.
    MessageCreated(Box<WebhookMessageEvent>),
    /// `message_updated`: a message was edited, deleted or changed delivery status.
    MessageUpdated(Box<WebhookMessageEvent>),
    /// `contact_created`: a contact was created.
    ContactCreated(Box<WebhookContactEvent>),
    /// `contact_updated`: a contact's details changed.
    ContactUpdated(Box<WebhookContactEvent>),
    /// `conversation_typing_on`: an agent or the contact started typing.
    ConversationTypingOn(Box<WebhookTypingEvent>),
    /// `conversation_typing_off`: an agent or the contact stopped typing.
    ConversationTypingOff(Box<WebhookTypingEvent>),
    /// An event this version does not know, kept whole.
    Unknown {
        /// The `event` name.
        event: String,
        /// The whole body.
        payload: Value,
    },
}

/// A conversation's status change, from a webhook's `changed_attributes`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatusTransition {
    /// The status before; `None` when the server did not say.
    pub previous: Option<ConversationStatus>,
    /// The status now.
    pub current: ConversationStatus,
}

impl WebhookEvent {
    /// Parses a delivery's raw body. A known event whose body does not have the
    /// event's shape, a body that is not a JSON object, or one without a string
    /// `event` is [`WebhookError::BadBody`].
    pub fn parse(raw_body: &[u8]) -> Result<Self, WebhookError> {
        let value: Value = serde_json::from_slice(raw_body)
            .map_err(|e| WebhookError::BadBody(format!("not JSON: {e}")))?;
        Self::from_value(value)
    }

    /// [`parse`](WebhookEvent::parse) for a body already read as JSON.
    pub fn from_value(value: Value) -> Result<Self, WebhookError> {
        let Some(event) = value.get("event").and_then(Value::as_str) else {
            return Err(WebhookError::BadBody(
                "the body is not a JSON object with a string `event`".into(),
            ));
        };
        let event = event.to_owned();
        Ok(match event.as_str() {
            "conversation_created" => Self::ConversationCreated(typed(&event, value)?),
            "conversation_status_changed" => Self::ConversationStatusChanged(typed(&event, value)?),
            "conversation_updated" => Self::ConversationUpdated(typed(&event, value)?),
            "message_created" => Self::MessageCreated(typed(&event, value)?),
            "message_updated" => Self::MessageUpdated(typed(&event, value)?),
            "contact_created" => Self::ContactCreated(typed(&event, value)?),
            "contact_updated" => Self::ContactUpdated(typed(&event, value)?),
            "conversation_typing_on" => Self::ConversationTypingOn(typed(&event, value)?),
            "conversation_typing_off" => Self::ConversationTypingOff(typed(&event, value)?),
            _ => Self::Unknown {
                event,
                payload: value,
            },
        })
    }

    /// The `event` name, for example `message_created`.
    pub fn name(&self) -> &str {
        match self {
            Self::ConversationCreated(e)
            | Self::ConversationStatusChanged(e)
            | Self::ConversationUpdated(e) => &e.event,
            Self::MessageCreated(e) | Self::MessageUpdated(e) => &e.event,
            Self::ContactCreated(e) | Self::ContactUpdated(e) => &e.event,
            Self::ConversationTypingOn(e) | Self::ConversationTypingOff(e) => &e.event,
            Self::Unknown { event, .. } => event,
        }
    }

    /// The display id of the conversation the event is about, if it is about one.
    pub fn conversation_id(&self) -> Option<i64> {
        match self {
            Self::ConversationCreated(e)
            | Self::ConversationStatusChanged(e)
            | Self::ConversationUpdated(e) => Some(e.id),
            Self::MessageCreated(e) | Self::MessageUpdated(e) => {
                e.conversation.as_ref().map(|c| c.id)
            }
            Self::ConversationTypingOn(e) | Self::ConversationTypingOff(e) => {
                Some(e.conversation.id)
            }
            Self::ContactCreated(_) | Self::ContactUpdated(_) | Self::Unknown { .. } => None,
        }
    }

    /// The `changed_attributes` of an `*_updated` or status-change event (empty for
    /// other events).
    pub fn changed_attributes(&self) -> &[WebhookChangedAttributes] {
        let changed = match self {
            Self::ConversationCreated(e)
            | Self::ConversationStatusChanged(e)
            | Self::ConversationUpdated(e) => &e.changed_attributes,
            Self::MessageCreated(e) | Self::MessageUpdated(e) => &e.changed_attributes,
            Self::ContactCreated(e) | Self::ContactUpdated(e) => &e.changed_attributes,
            _ => return &[],
        };
        changed.as_deref().unwrap_or_default()
    }

    /// How the conversation's status changed: for `conversation_status_changed`
    /// always (the previous status is `None` if `changed_attributes` does not name
    /// it), and for `conversation_updated` when `changed_attributes` has `status`.
    pub fn status_transition(&self) -> Option<StatusTransition> {
        let (conversation, required) = match self {
            Self::ConversationStatusChanged(e) => (e, true),
            Self::ConversationUpdated(e) => (e, false),
            _ => return None,
        };
        let change = changed_attribute(self.changed_attributes(), "status");
        if change.is_none() && !required {
            return None;
        }
        let status =
            |value: Option<&Value>| value.and_then(Value::as_str).map(ConversationStatus::from);
        Some(StatusTransition {
            previous: change.and_then(|c| status(c.previous_value.as_ref())),
            current: change
                .and_then(|c| status(c.current_value.as_ref()))
                .unwrap_or_else(|| conversation.status.clone()),
        })
    }
}

/// Serialises as the body it was parsed from (for an [`Unknown`](WebhookEvent::Unknown)
/// event, exactly; for the others, as their typed fields, so fields the schema does
/// not declare are left out).
impl Serialize for WebhookEvent {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::ConversationCreated(e)
            | Self::ConversationStatusChanged(e)
            | Self::ConversationUpdated(e) => e.serialize(serializer),
            Self::MessageCreated(e) | Self::MessageUpdated(e) => e.serialize(serializer),
            Self::ContactCreated(e) | Self::ContactUpdated(e) => e.serialize(serializer),
            Self::ConversationTypingOn(e) | Self::ConversationTypingOff(e) => {
                e.serialize(serializer)
            }
            Self::Unknown { payload, .. } => payload.serialize(serializer),
        }
    }
}

/// The change of attribute `name` in a webhook's `changed_attributes`, if listed.
///
/// ```
/// use ruut_sdk::webhook::{changed_attribute, WebhookEvent};
///
/// let event = WebhookEvent::parse(br#"{"event": "conversation_updated", "id": 42,
///     "inbox_id": 1, "status": "open",
///     "changed_attributes": [{"assignee_id": {"previous_value": null, "current_value": 7}}]}"#)?;
/// let assignee = changed_attribute(event.changed_attributes(), "assignee_id").unwrap();
/// assert_eq!(assignee.current_value, Some(serde_json::json!(7)));
/// # Ok::<(), ruut_sdk::webhook::WebhookError>(())
/// ```
pub fn changed_attribute<'a>(
    changed: &'a [WebhookChangedAttributes],
    name: &str,
) -> Option<&'a WebhookAttributeChange> {
    changed.iter().find_map(|entry| entry.get(name))
}

fn typed<T: DeserializeOwned>(event: &str, value: Value) -> Result<Box<T>, WebhookError> {
    serde_json::from_value(value)
        .map(Box::new)
        .map_err(|e| WebhookError::BadBody(format!("`{event}` body: {e}")))
}
