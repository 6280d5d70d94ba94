//! What the reports (`/api/v2/accounts/{account_id}/reports…`) are computed
//! from: Chatwoot's reporting events, derived here from each conversation's
//! own record, so every report adds up with the conversations and messages
//! the other routes serve.
//!
//! Chatwoot writes a `reporting_events` row when a conversation is resolved
//! (`conversation_resolved`, from creation to that moment), when a human
//! agent first replies (`first_response`, from creation) and when an agent
//! answers a waiting customer (`reply_time`, from the customer's message;
//! `ReportingEventListener`, `Message#dispatch_create_events`). The sandbox
//! replays the same rules over a conversation's messages (in the order they
//! were created) and its status log:
//!
//! - the conversation waits from its creation, and again from each incoming
//!   message after an answer;
//! - the first public reply sent by a user is the first response; a later one
//!   answering a waiting customer is a reply time; a bot's public reply ends
//!   the wait without an event;
//! - each `resolved` entry of the status log is a resolution at that time; a
//!   conversation seeded resolved (with no log) was resolved at its last
//!   update.
//!
//! Nothing here is stored: the events are read from the store on demand.

pub(crate) mod bots;
pub(crate) mod csv;
pub(crate) mod events;
pub(crate) mod label_matrix;
pub(crate) mod label_summary;
pub(crate) mod metrics;
pub(crate) mod periods;
pub(crate) mod query;

use ruut_api::enums::ConversationStatus;

use crate::state::{AssigneeRef, Conversation, SenderRef, Store};

/// Which reporting event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EventName {
    /// `first_response`.
    FirstResponse,
    /// `reply_time`.
    ReplyTime,
    /// `conversation_resolved`.
    Resolved,
    /// `conversation_bot_resolved`: resolved while with a bot, no human replied.
    BotResolved,
    /// `conversation_bot_handoff`: a pending conversation opened for humans.
    BotHandoff,
}

/// One reporting event of a conversation.
#[derive(Clone, Debug)]
pub(crate) struct ReportingEvent {
    pub name: EventName,
    /// Seconds (the event's `value`).
    pub value: f64,
    /// When it happened (its `created_at`), Unix seconds.
    pub at: i64,
    pub inbox_id: i64,
    /// The agent it is credited to (`user_id`).
    pub user_id: Option<i64>,
    /// The conversation's team now (team reports join the conversation).
    pub team_id: Option<i64>,
}

/// What replaying a conversation gives: its events, and whether it is
/// unattended now (no first reply yet, or a customer waiting).
#[derive(Clone, Debug, Default)]
pub(crate) struct Replay {
    pub events: Vec<ReportingEvent>,
    pub unattended: bool,
}

/// The assignee, when a user.
fn assigned_user(c: &Conversation) -> Option<i64> {
    match c.assignee {
        Some(AssigneeRef::User(id)) => Some(id),
        _ => None,
    }
}

/// Replays one conversation (see the module's rules).
pub(crate) fn replay(c: &Conversation) -> Replay {
    let event = |name, value: i64, at, user_id| ReportingEvent {
        name,
        value: value as f64,
        at,
        inbox_id: c.inbox_id,
        user_id,
        team_id: c.team_id,
    };
    let mut events = Vec::new();
    let mut waiting = Some(c.created_at);
    let mut first_reply = None;
    let mut messages: Vec<_> = c.messages.iter().collect();
    messages.sort_by_key(|m| (m.created_at, m.id));
    let mut human_replied = false;
    for m in messages {
        match (m.message_type, m.private, m.sender) {
            (0, _, _) => {
                waiting.get_or_insert(m.created_at);
            }
            (1, false, Some(SenderRef::User(user))) => {
                human_replied = true;
                if first_reply.is_none() {
                    first_reply = Some(m.created_at);
                    waiting = None;
                    let value = m.created_at - c.created_at;
                    events.push(event(
                        EventName::FirstResponse,
                        value,
                        m.created_at,
                        Some(user),
                    ));
                } else if let Some(since) = waiting.take() {
                    let value = m.created_at - since;
                    events.push(event(
                        EventName::ReplyTime,
                        value,
                        m.created_at,
                        assigned_user(c),
                    ));
                }
            }
            (1, false, Some(SenderRef::Bot(_))) => waiting = None,
            _ => {}
        }
    }
    let mut resolutions: Vec<i64> = c
        .status_log
        .iter()
        .filter(|s| s.status == "resolved")
        .map(|s| s.at)
        .collect();
    if resolutions.is_empty() && c.status == ConversationStatus::Resolved {
        resolutions.push(c.updated_at as i64);
    }
    let with_bot = matches!(c.assignee, Some(AssigneeRef::Bot(_)));
    for at in resolutions {
        let resolved = event(EventName::Resolved, at - c.created_at, at, assigned_user(c));
        if with_bot && !human_replied {
            let mut bot = resolved.clone();
            bot.name = EventName::BotResolved;
            events.push(bot);
        }
        events.push(resolved);
    }
    let handoff = c
        .status_log
        .windows(2)
        .find(|w| w[0].status == "pending" && w[1].status == "open");
    if let Some(w) = handoff {
        let at = w[1].at;
        events.push(event(
            EventName::BotHandoff,
            at - c.created_at,
            at,
            assigned_user(c),
        ));
    }
    Replay {
        events,
        unattended: first_reply.is_none() || waiting.is_some(),
    }
}

/// Every reporting event of the account's conversations.
pub(crate) fn account_events(store: &Store, account_id: i64) -> Vec<ReportingEvent> {
    store
        .conversations
        .iter()
        .filter(|c| c.account_id == account_id)
        .flat_map(|c| replay(c).events)
        .collect()
}

/// The average of `values`, `None` when there are none (SQL's `AVG`).
pub(crate) fn average(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .fold((0.0, 0_u32), |(sum, n), v| (sum + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}
