//! The metrics of `getReportTimeseries` and `getReportSummary`: what each
//! counts or averages for the account or one agent, inbox or team
//! (`ReportHelper`, `V2::Reports::Timeseries::*ReportBuilder`).

use ruut_api::enums::ReportMetric;

use super::{EventName, replay};
use crate::errors::ApiError;
use crate::state::{AssigneeRef, Conversation, Message, SenderRef, Store};
use crate::validate::Query;

/// Whose metrics (`type` and `id`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Subject {
    Account,
    /// A user: the conversations assigned to them, the messages they sent,
    /// the events credited to them.
    Agent(i64),
    Inbox(i64),
    /// A team has conversations only (no messages, no reporting events).
    Team(i64),
}

impl Subject {
    /// Reads `type` and `id`, finding the record in the account (404 when it
    /// is not there; the sandbox has no label records, so a label is a 404).
    pub fn read(store: &Store, account_id: i64, query: &Query) -> Result<Self, ApiError> {
        let kinds = ["account", "agent", "inbox", "team", "label"];
        let kind = query
            .one_of("type", &kinds)?
            .ok_or_else(|| ApiError::missing("type"))?;
        if kind == "account" {
            return Ok(Self::Account);
        }
        let id = query.int("id")?.ok_or(ApiError::NotFound)?;
        let found = match kind {
            "agent" => store.account_user(account_id, id).is_some(),
            "inbox" => store.inbox(account_id, id).is_some(),
            "team" => store.team(account_id, id).is_some(),
            _ => false,
        };
        if !found {
            return Err(ApiError::NotFound);
        }
        Ok(match kind {
            "agent" => Self::Agent(id),
            "inbox" => Self::Inbox(id),
            _ => Self::Team(id),
        })
    }

    /// Whether the conversation is one of the subject's.
    fn has_conversation(self, c: &Conversation) -> bool {
        match self {
            Self::Account => true,
            Self::Agent(id) => c.assignee == Some(AssigneeRef::User(id)),
            Self::Inbox(id) => c.inbox_id == id,
            Self::Team(id) => c.team_id == Some(id),
        }
    }

    /// Whether the message (of conversation `c`) is one of the subject's.
    fn has_message(self, c: &Conversation, m: &Message) -> bool {
        match self {
            Self::Agent(id) => m.sender == Some(SenderRef::User(id)),
            _ => self.has_conversation(c),
        }
    }
}

/// What a metric is made of: the times of what it counts, or the times and
/// values (seconds) of what it averages.
pub(crate) enum Samples {
    Count(Vec<i64>),
    Average(Vec<(i64, f64)>),
}

/// The event an average metric is over, or the event a count counts.
fn event_of(metric: &ReportMetric) -> Option<EventName> {
    Some(match metric {
        ReportMetric::AvgFirstResponseTime => EventName::FirstResponse,
        ReportMetric::AvgResolutionTime | ReportMetric::ResolutionsCount => EventName::Resolved,
        ReportMetric::ReplyTime => EventName::ReplyTime,
        ReportMetric::BotResolutionsCount => EventName::BotResolved,
        ReportMetric::BotHandoffsCount => EventName::BotHandoff,
        _ => return None,
    })
}

/// Whether the metric is an average.
fn is_average(metric: &ReportMetric) -> bool {
    matches!(
        metric,
        ReportMetric::AvgFirstResponseTime
            | ReportMetric::AvgResolutionTime
            | ReportMetric::ReplyTime
    )
}

/// The samples of `metric` for `subject` in the account; `business_hours`
/// averages the time within working hours, which is 0 for every sandbox inbox
/// (none has working hours, and the server answers 0 for those).
pub(crate) fn samples(
    store: &Store,
    account_id: i64,
    subject: Subject,
    metric: &ReportMetric,
    business_hours: bool,
) -> Result<Samples, ApiError> {
    let conversations = store
        .conversations
        .iter()
        .filter(|c| c.account_id == account_id);
    let message_type = match metric {
        ReportMetric::IncomingMessagesCount => Some(0),
        ReportMetric::OutgoingMessagesCount => Some(1),
        _ => None,
    };
    if matches!(subject, Subject::Team(_)) && *metric != ReportMetric::ConversationsCount {
        return Err(ApiError::Unprocessable(
            "a team has no messages or reporting events: only conversations_count".to_owned(),
        ));
    }
    if *metric == ReportMetric::ConversationsCount {
        let times = conversations.filter(|c| subject.has_conversation(c));
        return Ok(Samples::Count(times.map(|c| c.created_at).collect()));
    }
    if let Some(kind) = message_type {
        let times = conversations.flat_map(|c| {
            c.messages
                .iter()
                .filter(move |m| m.message_type == kind && subject.has_message(c, m))
                .map(|m| m.created_at)
        });
        return Ok(Samples::Count(times.collect()));
    }
    let name = event_of(metric).ok_or_else(|| ApiError::invalid("metric", "a known metric"))?;
    let events = conversations.flat_map(|c| replay(c).events).filter(|e| {
        e.name == name
            && match subject {
                Subject::Account => true,
                Subject::Agent(id) => e.user_id == Some(id),
                Subject::Inbox(id) => e.inbox_id == id,
                Subject::Team(id) => e.team_id == Some(id),
            }
    });
    Ok(if is_average(metric) {
        let value = |v: f64| if business_hours { 0.0 } else { v };
        Samples::Average(events.map(|e| (e.at, value(e.value))).collect())
    } else {
        Samples::Count(events.map(|e| e.at).collect())
    })
}
