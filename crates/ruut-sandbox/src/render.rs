//! Rendering records in the wire shapes of the spec.
//!
//! Bodies are built as `ruut_api::types` values, so the server and the
//! generated client read the same schemas, then turned into JSON. Where the
//! real server sends an explicit `null` that the generated types would omit
//! (`priority`, `snoozed_until`, ...), the JSON gets the `null` back, and
//! ISO times get Rails' millisecond format.

use ruut_api::enums::{
    AccountStatus, AssigneeKind, AvailabilityStatus, MessageContentType, MessageStatus, SenderKind,
    UserRole,
};
use ruut_api::types;
use serde::Serialize;
use serde_json::Value;

use crate::clock::{iso_millis, to_datetime};
use crate::state::{AssigneeRef, Attrs, Contact, Conversation, Message, SenderRef, Store};

/// The Chatwoot version the sandbox claims to be (`GET /api`, `latest_chatwoot_version`).
pub const CHATWOOT_VERSION: &str = "4.10.1";

/// Any serialisable value as JSON (`null` if it cannot be, which the types here never do).
pub(crate) fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn attrs(map: &Attrs) -> Option<types::Attributes> {
    Some(types::Attributes(map.clone()))
}

fn thumbnail() -> Option<String> {
    Some(String::new())
}

/// A contact (with its contact inboxes when `with_inboxes`).
pub(crate) fn contact(store: &Store, c: &Contact, with_inboxes: bool) -> types::Contact {
    let contact_inboxes = if with_inboxes {
        c.inboxes
            .iter()
            .map(|(inbox_id, source_id)| types::ContactInbox {
                source_id: source_id.clone(),
                inbox: store.inboxes.iter().find(|i| i.id == *inbox_id).map(|i| {
                    types::InboxSummary {
                        id: i.id,
                        name: Some(i.name.clone()),
                        channel_type: Some(i.channel_type.to_owned()),
                    }
                }),
            })
            .collect()
    } else {
        Vec::new()
    };
    types::Contact {
        id: c.id,
        name: c.name.clone(),
        email: c.email.clone(),
        phone_number: c.phone_number.clone(),
        identifier: c.identifier.clone(),
        thumbnail: thumbnail(),
        blocked: Some(c.blocked),
        availability_status: Some(AvailabilityStatus::Offline),
        additional_attributes: attrs(&c.additional_attributes),
        custom_attributes: attrs(&c.custom_attributes),
        last_activity_at: c.last_activity_at,
        created_at: Some(c.created_at),
        contact_inboxes,
    }
}

/// A contact as JSON, with the nullable keys the server always sends.
pub(crate) fn contact_json(store: &Store, c: &Contact, with_inboxes: bool) -> Value {
    let mut value = to_json(&contact(store, c, with_inboxes));
    if let Value::Object(map) = &mut value {
        for key in [
            "name",
            "email",
            "phone_number",
            "identifier",
            "last_activity_at",
        ] {
            map.entry(key).or_insert(Value::Null);
        }
    }
    value
}

/// An agent, an agent bot, or nothing if the reference is dangling.
pub(crate) fn assignee(
    store: &Store,
    account_id: i64,
    who: AssigneeRef,
) -> Option<types::Assignee> {
    match who {
        AssigneeRef::User(id) => {
            let user = store.user(id)?;
            let member = store.membership(id, account_id);
            let role = member.map_or("agent", |m| m.role);
            let availability = member.map_or("offline", |m| m.availability);
            Some(types::Assignee {
                id,
                account_id: Some(account_id),
                availability_status: Some(AvailabilityStatus::from(availability)),
                auto_offline: Some(member.is_none_or(|m| m.auto_offline)),
                confirmed: Some(user.confirmed),
                email: Some(user.email.clone()),
                provider: Some("email".to_owned()),
                available_name: Some(user.available_name()),
                name: Some(user.name.clone()),
                role: Some(UserRole::from(role)),
                thumbnail: thumbnail(),
                description: None,
                bot_type: None,
                outgoing_url: None,
            })
        }
        AssigneeRef::Bot(id) => {
            let bot = store.bot(id)?;
            Some(types::Assignee {
                id,
                name: Some(bot.name.clone()),
                description: Some(bot.description.clone()),
                thumbnail: thumbnail(),
                bot_type: Some("webhook".to_owned()),
                outgoing_url: None,
                account_id: None,
                availability_status: None,
                auto_offline: None,
                confirmed: None,
                email: None,
                provider: None,
                available_name: None,
                role: None,
            })
        }
    }
}

/// A team, as the caller sees it.
pub(crate) fn team(
    store: &Store,
    account_id: i64,
    id: i64,
    user_id: Option<i64>,
) -> Option<types::Team> {
    let t = store.team(account_id, id)?;
    Some(types::Team {
        id: t.id,
        name: t.name.clone(),
        description: t.description.clone(),
        allow_auto_assign: Some(t.allow_auto_assign),
        account_id: Some(t.account_id),
        is_member: Some(user_id.is_some_and(|u| t.member_ids.contains(&u))),
    })
}

fn sender_parts(sender: Option<SenderRef>) -> (Option<i64>, Option<String>) {
    match sender {
        Some(SenderRef::Contact(id)) => (Some(id), Some("Contact".to_owned())),
        Some(SenderRef::User(id)) => (Some(id), Some("User".to_owned())),
        Some(SenderRef::Bot(id)) => (Some(id), Some("AgentBot".to_owned())),
        None => (None, None),
    }
}

fn message_summary(conversation: &Conversation, m: &Message) -> Value {
    let (sender_id, sender_type) = sender_parts(m.sender);
    let summary = types::MessageSummary {
        id: m.id,
        content: m.content.clone(),
        message_type: Some(m.message_type),
        content_type: Some(MessageContentType::from(m.content_type.as_str())),
        created_at: Some(m.created_at),
        updated_at: Some(iso_millis(m.created_at)),
        private: Some(m.private),
        conversation_id: Some(conversation.display_id),
        sender_id,
        sender_type,
    };
    let mut value = to_json(&summary);
    if let Value::Object(map) = &mut value {
        map.entry("content").or_insert(Value::Null);
    }
    value
}

/// Whether the conversation's contact is blocked (the conversation is muted).
fn contact_record_blocked(store: &Store, c: &Conversation) -> bool {
    store
        .contact(c.account_id, c.contact_id)
        .is_some_and(|contact| contact.blocked)
}

/// A conversation, as a list item and `getConversation` send it.
pub(crate) fn conversation(store: &Store, c: &Conversation, user_id: Option<i64>) -> Value {
    let assignee = c.assignee.and_then(|a| assignee(store, c.account_id, a));
    let assignee_type = assignee.as_ref().and(c.assignee).map(|a| match a {
        AssigneeRef::User(_) => AssigneeKind::User,
        AssigneeRef::Bot(_) => AssigneeKind::AgentBot,
    });
    let sender = store
        .contact(c.account_id, c.contact_id)
        .map(|contact_record| contact(store, contact_record, false));
    let channel = store
        .inbox(c.account_id, c.inbox_id)
        .map(|i| i.channel_type.to_owned());
    let typed = types::Conversation {
        id: c.display_id,
        account_id: c.account_id,
        inbox_id: c.inbox_id,
        uuid: Some(c.uuid.clone()),
        status: c.status.clone(),
        priority: c.priority.clone(),
        snoozed_until: c.snoozed_until.map(to_datetime),
        created_at: c.created_at,
        updated_at: Some(c.updated_at),
        timestamp: Some(c.last_activity_at),
        last_activity_at: Some(c.last_activity_at),
        agent_last_seen_at: Some(c.agent_last_seen_at),
        assignee_last_seen_at: Some(c.extra.assignee_last_seen_at),
        contact_last_seen_at: Some(c.contact_last_seen_at),
        first_reply_created_at: Some(c.first_reply_created_at),
        waiting_since: Some(c.waiting_since),
        can_reply: Some(true),
        // Chatwoot's `muted?` is the contact's `blocked`.
        muted: Some(contact_record_blocked(store, c)),
        unread_count: c.unread_count,
        labels: c.labels.clone(),
        additional_attributes: attrs(&c.additional_attributes),
        custom_attributes: attrs(&c.custom_attributes),
        sla_policy_id: c.extra.sla_policy_id,
        messages: Vec::new(),
        last_non_activity_message: None,
        meta: types::ConversationMeta {
            sender,
            channel,
            assignee,
            assignee_type,
            team: c
                .team_id
                .and_then(|t| team(store, c.account_id, t, user_id)),
            hmac_verified: Some(false),
        },
    };
    let mut value = to_json(&typed);
    if let Value::Object(map) = &mut value {
        let last = c.messages.last().map(|m| message_summary(c, m));
        map.insert(
            "messages".to_owned(),
            Value::Array(last.into_iter().collect()),
        );
        map.insert(
            "last_non_activity_message".to_owned(),
            c.last_non_activity()
                .map_or(Value::Null, |m| message_summary(c, m)),
        );
        map.insert(
            "snoozed_until".to_owned(),
            c.snoozed_until
                .map_or(Value::Null, |t| Value::from(iso_millis(t))),
        );
        map.entry("priority").or_insert(Value::Null);
        map.entry("sla_policy_id").or_insert(Value::Null);
    }
    value
}

/// A message, as `listMessages` and `createMessage` send it.
pub(crate) fn message(store: &Store, c: &Conversation, m: &Message) -> Value {
    let sender = m.sender.and_then(|s| match s {
        SenderRef::Contact(id) => store
            .contact(c.account_id, id)
            .map(|ct| types::MessageSender {
                id,
                name: ct.name.clone(),
                email: ct.email.clone(),
                thumbnail: thumbnail(),
                available_name: None,
                type_: Some(SenderKind::Contact),
            }),
        SenderRef::User(id) => store.user(id).map(|u| types::MessageSender {
            id,
            name: Some(u.name.clone()),
            email: Some(u.email.clone()),
            thumbnail: thumbnail(),
            available_name: Some(u.name.clone()),
            type_: Some(SenderKind::User),
        }),
        SenderRef::Bot(id) => store.bot(id).map(|b| types::MessageSender {
            id,
            name: Some(b.name.clone()),
            email: None,
            thumbnail: thumbnail(),
            available_name: None,
            type_: Some(SenderKind::AgentBot),
        }),
    });
    let typed = types::Message {
        id: m.id,
        content: m.content.clone(),
        inbox_id: Some(c.inbox_id),
        conversation_id: c.display_id,
        message_type: m.message_type,
        content_type: Some(MessageContentType::from(m.content_type.as_str())),
        status: Some(MessageStatus::from(m.status)),
        content_attributes: attrs(&m.content_attributes),
        created_at: m.created_at,
        private: Some(m.private),
        source_id: m.source_id.clone(),
        echo_id: m.echo_id.clone(),
        sender,
        attachments: store
            .files
            .of_message(c.account_id, m.id)
            .into_iter()
            .map(|f| store.files.render(f))
            .collect(),
    };
    let mut value = to_json(&typed);
    if let Value::Object(map) = &mut value {
        map.entry("source_id").or_insert(Value::Null);
        map.entry("content").or_insert(Value::Null);
    }
    value
}

/// Ruut's channel names for Chatwoot channel types.
fn ruut_channel(channel_type: &str) -> String {
    match channel_type {
        "Channel::WebWidget" => "web".to_owned(),
        other => other
            .strip_prefix("Channel::")
            .unwrap_or(other)
            .to_lowercase(),
    }
}

/// A conversation in the shape of Ruut's documentation (`RuutConversation`).
pub(crate) fn ruut_conversation(store: &Store, c: &Conversation) -> Value {
    let contact = store.contact(c.account_id, c.contact_id);
    let assignee = match c.assignee {
        Some(AssigneeRef::User(id)) => store.user(id).map(|u| (id, u.name.clone())),
        Some(AssigneeRef::Bot(id)) => store.bot(id).map(|b| (id, b.name.clone())),
        None => None,
    };
    let typed = types::RuutConversation {
        id: types::RuutId::Int64(c.display_id),
        status: c.status.clone(),
        channel: store
            .inbox(c.account_id, c.inbox_id)
            .map(|i| ruut_channel(i.channel_type)),
        inbox_id: Some(types::RuutId::Int64(c.inbox_id)),
        contact: contact.map(|ct| types::RuutContact {
            id: types::RuutId::Int64(ct.id),
            name: ct.name.clone(),
            email: ct.email.clone(),
        }),
        assignee: assignee.map(|(id, name)| types::RuutAgent {
            id: types::RuutId::Int64(id),
            name: Some(name),
        }),
        snooze_time: c.snoozed_until.map(to_datetime),
        created_at: Some(types::RuutTimestamp::DateTime(to_datetime(c.created_at))),
        updated_at: Some(types::RuutTimestamp::DateTime(to_datetime(
            c.updated_at as i64,
        ))),
    };
    let mut value = to_json(&typed);
    if let Value::Object(map) = &mut value {
        map.entry("assignee").or_insert(Value::Null);
        map.insert(
            "snooze_time".to_owned(),
            c.snoozed_until
                .map_or(Value::Null, |t| Value::from(iso_millis(t))),
        );
    }
    value
}

/// An account's details (`getAccount`).
pub(crate) fn account(store: &Store, id: i64) -> Option<Value> {
    let a = store.account(id)?;
    let typed = types::Account {
        id: a.id,
        name: a.name.clone(),
        locale: Some(a.locale.clone()),
        domain: a.domain.clone(),
        support_email: a.support_email.clone(),
        status: Some(AccountStatus::Active),
        created_at: Some(to_datetime(a.created_at)),
        cache_keys: Some(types::Attributes(Attrs::new())),
        features: [
            ("inbound_emails", true),
            ("channel_website", true),
            ("agent_bots", true),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect(),
        settings: Some(types::Attributes(a.details.settings_json())),
        custom_attributes: a.details.custom_attributes_json().map(types::Attributes),
        latest_chatwoot_version: Some(CHATWOOT_VERSION.to_owned()),
    };
    let mut value = to_json(&typed);
    if let Value::Object(map) = &mut value {
        map.insert(
            "created_at".to_owned(),
            Value::from(iso_millis(a.created_at)),
        );
    }
    Some(value)
}
