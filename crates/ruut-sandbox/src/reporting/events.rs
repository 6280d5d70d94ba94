//! The reporting events as rows (`getAccountReportingEvents`,
//! `getConversationReportingEvents`): the events [`super::replay`] derives
//! from a conversation, numbered and rendered as
//! `models/_reporting_event.json.jbuilder` does.
//!
//! The sandbox stores no events, so it numbers them: a conversation's events
//! in time order are `display_id * 1000 + 1, + 2, ...`. Events only ever
//! come after the ones already there (the clock moves forward), so an event
//! keeps its id; ids are unique within an account.

use serde_json::{Value, json};

use super::{EventName, ReportingEvent, replay};
use crate::clock::iso_millis;
use crate::state::{Conversation, Store};

/// Ids a conversation's events may take (`display_id * EVENTS_PER_CONVERSATION + n`).
const EVENTS_PER_CONVERSATION: i64 = 1_000;

/// One reporting event with what the row adds: its id, account and
/// conversation.
#[derive(Clone, Debug)]
pub(crate) struct EventRow {
    pub id: i64,
    pub account_id: i64,
    /// The conversation's display id.
    pub conversation_id: i64,
    pub event: ReportingEvent,
}

impl EventName {
    /// The event's `name` as the server writes it.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::FirstResponse => "first_response",
            Self::ReplyTime => "reply_time",
            Self::Resolved => "conversation_resolved",
            Self::BotResolved => "conversation_bot_resolved",
            Self::BotHandoff => "conversation_bot_handoff",
        }
    }
}

/// A conversation's events, oldest first (a bot resolution before the
/// resolution it copies, as the listener saves them).
pub(crate) fn of_conversation(c: &Conversation) -> Vec<EventRow> {
    let mut events = replay(c).events;
    events.sort_by_key(|e| e.at);
    events
        .into_iter()
        .zip(1..)
        .map(|(event, n)| EventRow {
            id: c.display_id * EVENTS_PER_CONVERSATION + n,
            account_id: c.account_id,
            conversation_id: c.display_id,
            event,
        })
        .collect()
}

/// Every event of the account's conversations, in no particular order.
pub(crate) fn of_account(store: &Store, account_id: i64) -> Vec<EventRow> {
    store
        .conversations
        .iter()
        .filter(|c| c.account_id == account_id)
        .flat_map(of_conversation)
        .collect()
}

impl EventRow {
    /// When the measured wait began: the end less the value (every sandbox
    /// event ends when it is written).
    pub fn started_at(&self) -> i64 {
        self.event.at - self.event.value as i64
    }

    /// The row as `models/_reporting_event.json.jbuilder` renders it; no
    /// sandbox inbox has working hours, so `value_in_business_hours` is 0.
    pub fn to_json(&self) -> Value {
        let e = &self.event;
        json!({
            "id": self.id,
            "name": e.name.as_str(),
            "value": e.value,
            "value_in_business_hours": 0.0,
            "event_start_time": iso_millis(self.started_at()),
            "event_end_time": iso_millis(e.at),
            "account_id": self.account_id,
            "inbox_id": e.inbox_id,
            "user_id": e.user_id,
            "conversation_id": self.conversation_id,
            "created_at": iso_millis(e.at),
            "updated_at": iso_millis(e.at),
        })
    }
}
