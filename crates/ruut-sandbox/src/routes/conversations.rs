//! Conversations: `listConversations`, `getConversationCounts`,
//! `getConversation` and `createConversation`.
//!
//! Listing follows Chatwoot's `ConversationFinder`: filter (status, inbox,
//! team, labels, search, ...), count by assignment *before* the
//! `assignee_type` filter (bot-assigned counts as unassigned), then filter by
//! assignee, sort, and cut a page of 25.

use axum::http::StatusCode;
use bytes::Bytes;
use ruut_api::enums::ConversationStatus;
use serde_json::{Value, json};

use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::render;
use crate::scope::{AccountScope, ConversationScope, Reply};
use crate::state::{AssigneeRef, Attrs, Conversation, Message, SenderRef, Store};
use crate::validate::{Fields, Query, body};
use crate::visibility::Viewer;

/// Conversations per page.
pub(crate) const PAGE_SIZE: usize = 25;

const STATUS_FILTERS: [&str; 5] = ["open", "pending", "resolved", "snoozed", "all"];
const ASSIGNEE_TYPES: [&str; 4] = ["me", "unassigned", "assigned", "all"];
const SORTS: [&str; 8] = [
    "last_activity_at_desc",
    "last_activity_at_asc",
    "created_at_asc",
    "created_at_desc",
    "priority_asc",
    "priority_desc",
    "waiting_since_asc",
    "waiting_since_desc",
];
/// The statuses `createConversation` and `toggleConversationStatus` accept.
pub(crate) const TOGGLEABLE: [&str; 4] = ["open", "pending", "resolved", "snoozed"];

/// The finder's filters, read and checked from the query string.
pub(crate) struct Filter {
    status: Option<String>,
    pub(crate) assignee_type: String,
    inbox_id: Option<i64>,
    team_id: Option<i64>,
    labels: Vec<String>,
    q: Option<String>,
    conversation_type: Option<String>,
    source_id: Option<String>,
    updated_within: Option<i64>,
}

impl Filter {
    pub(crate) fn parse(query: &Query) -> Result<Self, ApiError> {
        let q = query
            .get("q")
            .filter(|q| !q.is_empty())
            .map(str::to_lowercase);
        let status = query.one_of("status", &STATUS_FILTERS)?.unwrap_or("open");
        Ok(Self {
            // `all` lifts the filter, and a search ignores it.
            status: (status != "all" && q.is_none()).then(|| status.to_owned()),
            assignee_type: query
                .one_of("assignee_type", &ASSIGNEE_TYPES)?
                .unwrap_or("all")
                .to_owned(),
            inbox_id: query.int("inbox_id")?,
            team_id: query.int("team_id")?,
            labels: query
                .all("labels[]")
                .into_iter()
                .map(str::to_owned)
                .collect(),
            q,
            conversation_type: query
                .one_of(
                    "conversation_type",
                    &["mention", "participating", "unattended"],
                )?
                .map(str::to_owned),
            source_id: query.get("source_id").map(str::to_owned),
            updated_within: query.int("updated_within")?,
        })
    }

    fn matches(&self, c: &Conversation, user_id: Option<i64>, now: i64) -> bool {
        let participating = || {
            user_id.is_some_and(|u| {
                c.assignee == Some(AssigneeRef::User(u))
                    || c.messages
                        .iter()
                        .any(|m| m.sender == Some(SenderRef::User(u)))
            })
        };
        self.status
            .as_deref()
            .is_none_or(|s| c.status.as_str() == s)
            && self.inbox_id.is_none_or(|i| c.inbox_id == i)
            && self.team_id.is_none_or(|t| c.team_id == Some(t))
            && (self.labels.is_empty() || self.labels.iter().any(|l| c.labels.contains(l)))
            && self.q.as_deref().is_none_or(|q| {
                c.messages.iter().any(|m| {
                    m.message_type < 2
                        && m.content
                            .as_deref()
                            .is_some_and(|t| t.to_lowercase().contains(q))
                })
            })
            && self.source_id.as_deref().is_none_or(|s| c.source_id == s)
            && self
                .updated_within
                .is_none_or(|secs| c.updated_at >= now.saturating_sub(secs) as f64)
            && match self.conversation_type.as_deref() {
                Some("mention") => false,
                Some("participating") => participating(),
                Some("unattended") => c.first_reply_created_at == 0,
                _ => true,
            }
    }
}

/// `mine`, `assigned`, `unassigned`, `all` of a filtered set.
pub(crate) fn tally(list: &[&Conversation], user_id: Option<i64>) -> Value {
    let all = list.len();
    let unassigned = list
        .iter()
        .filter(|c| !matches!(c.assignee, Some(AssigneeRef::User(_))))
        .count();
    let mine = list
        .iter()
        .filter(|c| user_id.is_some_and(|u| c.assignee == Some(AssigneeRef::User(u))))
        .count();
    json!({
        "mine_count": mine,
        "assigned_count": all - unassigned,
        "unassigned_count": unassigned,
        "all_count": all,
    })
}

pub(crate) fn assignee_filter(kind: &str, c: &Conversation, user_id: Option<i64>) -> bool {
    match kind {
        "me" => user_id.is_some_and(|u| c.assignee == Some(AssigneeRef::User(u))),
        "assigned" => matches!(c.assignee, Some(AssigneeRef::User(_))),
        "unassigned" => !matches!(c.assignee, Some(AssigneeRef::User(_))),
        _ => true,
    }
}

fn priority_rank(c: &Conversation) -> u8 {
    c.priority.as_ref().map_or(0, |p| match p.as_str() {
        "low" => 1,
        "medium" => 2,
        "high" => 3,
        "urgent" => 4,
        _ => 0,
    })
}

pub(crate) fn sort(list: &mut [&Conversation], sort_by: &str) {
    list.sort_by(|a, b| {
        let key = match sort_by {
            "last_activity_at_asc" => a.last_activity_at.cmp(&b.last_activity_at),
            "created_at_asc" => a.created_at.cmp(&b.created_at),
            "created_at_desc" => b.created_at.cmp(&a.created_at),
            "priority_asc" => priority_rank(a).cmp(&priority_rank(b)),
            "priority_desc" => priority_rank(b).cmp(&priority_rank(a)),
            "waiting_since_asc" => a.waiting_since.cmp(&b.waiting_since),
            "waiting_since_desc" => b.waiting_since.cmp(&a.waiting_since),
            _ => b.last_activity_at.cmp(&a.last_activity_at),
        };
        key.then(b.display_id.cmp(&a.display_id))
    });
}

/// Filters the account's conversations the viewer lists
/// ([`Viewer::lists`]); a `team_id` that does not exist is a 404.
pub(crate) fn filtered<'s>(
    store: &'s Store,
    account_id: i64,
    filter: &Filter,
    viewer: Viewer,
) -> Result<Vec<&'s Conversation>, ApiError> {
    if let Some(team_id) = filter.team_id {
        store.team(account_id, team_id).ok_or(ApiError::NotFound)?;
    }
    let now = clock::now();
    let user_id = viewer.caller.user_id();
    Ok(store
        .conversations
        .iter()
        .filter(|c| c.account_id == account_id && viewer.lists(store, c))
        .filter(|c| filter.matches(c, user_id, now))
        .collect())
}

/// `GET /api/v1/accounts/{account_id}/conversations`.
pub(crate) fn list(cx: AccountScope<'_>, query: Query) -> Reply {
    let filter = Filter::parse(&query)?;
    let page = query.int("page")?.unwrap_or(1).max(1);
    let sort_by = query
        .one_of("sort_by", &SORTS)?
        .unwrap_or("last_activity_at_desc");
    let (store, user_id) = (&cx.store, cx.user_id());
    let all = filtered(store, cx.account_id(), &filter, cx.viewer())?;
    let meta = tally(&all, user_id);
    let mut list: Vec<&Conversation> = all
        .into_iter()
        .filter(|c| assignee_filter(&filter.assignee_type, c, user_id))
        .collect();
    sort(&mut list, sort_by);
    let page_items: Vec<Value> = if filter.updated_within.is_some() {
        list.iter()
            .map(|c| render::conversation(store, c, user_id))
            .collect()
    } else {
        let skip = usize::try_from(page - 1)
            .unwrap_or(usize::MAX)
            .saturating_mul(PAGE_SIZE);
        list.iter()
            .skip(skip)
            .take(PAGE_SIZE)
            .map(|c| render::conversation(store, c, user_id))
            .collect()
    };
    let body = json!({"data": {"meta": meta, "payload": page_items}});
    Ok(json_response(StatusCode::OK, &body))
}

/// `GET /api/v1/accounts/{account_id}/conversations/meta`.
pub(crate) fn counts(cx: AccountScope<'_>, query: Query) -> Reply {
    let filter = Filter::parse(&query)?;
    let user_id = cx.user_id();
    let all = filtered(&cx.store, cx.account_id(), &filter, cx.viewer())?;
    Ok(json_response(
        StatusCode::OK,
        &json!({"meta": tally(&all, user_id)}),
    ))
}

/// `GET /api/v1/accounts/{account_id}/conversations/{conversation_id}`.
pub(crate) fn show(cx: ConversationScope<'_>) -> Reply {
    let body = render::conversation(&cx.store, cx.conversation(), cx.user_id());
    Ok(json_response(StatusCode::OK, &body))
}

/// `POST /api/v1/accounts/{account_id}/conversations`.
pub(crate) fn create(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    let (account_id, caller) = (cx.account_id(), cx.caller);
    let store = &mut cx.store;
    let map = body(&bytes, "inbox_id")?;
    let f = Fields(&map);
    let inbox_id = f.required_int("inbox_id")?;
    let contact_id = f.int("contact_id")?;
    let source_id = f.string("source_id", false)?;
    let status = f.one_of("status", &TOGGLEABLE, false)?;
    let assignee_id = f.int("assignee_id")?;
    let team_id = f.int("team_id")?;
    let snoozed_until = f.int("snoozed_until")?;
    let additional = f.object("additional_attributes")?.unwrap_or_default();
    let custom = f.object("custom_attributes")?.unwrap_or_default();
    let first_message = match map.get("message") {
        None => None,
        Some(Value::Object(m)) => Some(Fields(m).required_string("content")?),
        Some(_) => return Err(ApiError::invalid("message", "an object")),
    };

    store
        .inbox(account_id, inbox_id)
        .ok_or(ApiError::NotFound)?;
    let contact = match (contact_id, &source_id) {
        (Some(id), _) => store.contact(account_id, id),
        (None, Some(source)) => store.contacts.iter().find(|c| {
            c.account_id == account_id
                && c.inboxes.iter().any(|(i, s)| *i == inbox_id && s == source)
        }),
        (None, None) => None,
    };
    let contact_id = contact.ok_or(ApiError::NotFound)?.id;
    let assignee = assignee_id
        .filter(|id| store.account_user(account_id, *id).is_some())
        .map(AssigneeRef::User);
    let team_id = team_id.filter(|id| store.team(account_id, *id).is_some());

    let now = clock::now();
    let source_id = {
        let contact = store
            .contacts
            .iter_mut()
            .find(|c| c.id == contact_id)
            .ok_or(ApiError::NotFound)?;
        match contact.inboxes.iter().find(|(i, _)| *i == inbox_id) {
            Some((_, s)) => s.clone(),
            None => {
                let s =
                    source_id.unwrap_or_else(|| format!("sandbox-{contact_id}-{inbox_id}-{now}"));
                contact.inboxes.push((inbox_id, s.clone()));
                s
            }
        }
    };
    let account = store
        .accounts
        .iter_mut()
        .find(|a| a.id == account_id)
        .ok_or(ApiError::NotFound)?;
    let display_id = account.next_display_id;
    account.next_display_id += 1;
    let status = ConversationStatus::from(status.as_deref().unwrap_or("open"));
    // An inbox routed to an agent bot hands the conversation to it: pending,
    // whatever was asked (`Conversation#determine_conversation_status`).
    let routed = (store.inbox(account_id, inbox_id))
        .and_then(|inbox| inbox.settings.agent_bot_id)
        .is_some_and(|bot| store.bot(bot).is_some());
    let status = if routed {
        ConversationStatus::Pending
    } else {
        status
    };
    let mut conversation = Conversation {
        account_id,
        display_id,
        uuid: format!(
            "00000000-0000-4000-8000-{:012x}",
            (account_id << 24) | display_id
        ),
        inbox_id,
        contact_id,
        source_id,
        status: status.clone(),
        priority: None,
        snoozed_until: None,
        created_at: now,
        updated_at: clock::now_f64(),
        last_activity_at: now,
        assignee,
        team_id,
        labels: Vec::new(),
        locked: false,
        additional_attributes: additional,
        custom_attributes: custom,
        unread_count: 0,
        agent_last_seen_at: 0,
        contact_last_seen_at: 0,
        first_reply_created_at: 0,
        waiting_since: now,
        messages: Vec::new(),
        status_log: Vec::new(),
        extra: Default::default(),
    };
    conversation.set_status(status, snoozed_until.map(clock::clamp_unix));
    if let Some(content) = first_message {
        let id = store.take_message_id();
        conversation.messages.push(Message {
            id,
            content: Some(content),
            message_type: 1,
            content_type: "text".to_owned(),
            content_attributes: Attrs::new(),
            private: false,
            status: "sent",
            created_at: now,
            sender: Some(SenderRef::from(caller)),
            source_id: None,
            echo_id: None,
        });
        conversation.first_reply_created_at = now;
    }
    let body = render::conversation(store, &conversation, caller.user_id());
    store.conversations.push(conversation);
    if let Some(created) = cx.store.conversations.last() {
        cx.app.webhooks.conversation_created(&cx.store, created);
    }
    Ok(json_response(StatusCode::OK, &body))
}
