//! What an inbox has besides its name and channel type: the settings
//! `InboxesController` permits, its API channel's fields, its members and the
//! agent bot it is routed to.

use crate::state::{AssigneeRef, Attrs, Conversation, Store};

/// An inbox's settings, channel fields, members and bot.
#[derive(Clone, Debug)]
pub(crate) struct InboxSettings {
    /// The channel record's id (`channel_id`).
    pub channel_id: i64,
    /// The agent bot new conversations are handed to (`agent_bot_inbox`).
    pub agent_bot_id: Option<i64>,
    /// The agents of the inbox (`inbox_members`), in the order added.
    pub member_ids: Vec<i64>,
    pub greeting_enabled: bool,
    pub greeting_message: Option<String>,
    pub enable_email_collect: bool,
    pub csat_survey_enabled: bool,
    pub enable_auto_assignment: bool,
    pub working_hours_enabled: bool,
    pub out_of_office_message: Option<String>,
    pub timezone: String,
    pub allow_messages_after_resolved: bool,
    pub lock_to_single_conversation: bool,
    /// `friendly` or `professional`.
    pub sender_name_type: String,
    pub business_name: Option<String>,
    /// An API channel's webhook URL.
    pub webhook_url: Option<String>,
    /// An API channel's HMAC token, and whether Client API contacts must
    /// send an identifier HMAC.
    pub hmac_token: String,
    pub hmac_mandatory: bool,
    /// An API channel's public identifier (`inbox_identifier`).
    pub identifier: String,
    /// An API channel's `additional_attributes`.
    pub channel_attributes: Attrs,
}

impl InboxSettings {
    /// The model's defaults, for the channel record `channel_id`; `token`
    /// seeds the API channel's identifier and HMAC token.
    pub fn new(channel_id: i64, mut token: impl FnMut() -> String) -> Self {
        Self {
            channel_id,
            agent_bot_id: None,
            member_ids: Vec::new(),
            greeting_enabled: false,
            greeting_message: None,
            enable_email_collect: true,
            csat_survey_enabled: false,
            enable_auto_assignment: true,
            working_hours_enabled: false,
            out_of_office_message: None,
            timezone: "UTC".to_owned(),
            allow_messages_after_resolved: true,
            lock_to_single_conversation: false,
            sender_name_type: "friendly".to_owned(),
            business_name: None,
            webhook_url: None,
            hmac_token: token(),
            hmac_mandatory: false,
            identifier: token(),
            channel_attributes: Attrs::new(),
        }
    }
}

/// Unroutes every inbox routed to the bot (its `agent_bot_inboxes` go with it).
pub(crate) fn forget_bot(store: &mut Store, bot_id: i64) {
    for inbox in &mut store.inboxes {
        if inbox.settings.agent_bot_id == Some(bot_id) {
            inbox.settings.agent_bot_id = None;
        }
    }
}

/// Where a conversation's events go besides the configured URL, as
/// `AgentBotListener#agent_bots_for` finds them: the bot it is assigned to,
/// and the bot its inbox is routed to, each once, if it has an `outgoing_url`.
pub(crate) fn bot_urls(store: &Store, c: &Conversation) -> Vec<String> {
    let assigned = match c.assignee {
        Some(AssigneeRef::Bot(id)) => Some(id),
        _ => None,
    };
    let routed = store
        .inbox(c.account_id, c.inbox_id)
        .and_then(|inbox| inbox.settings.agent_bot_id);
    let mut urls: Vec<String> = Vec::new();
    for id in [assigned, routed].into_iter().flatten() {
        let url = store.bot(id).and_then(|bot| bot.outgoing_url.clone());
        if let Some(url) = url.filter(|u| !urls.contains(u)) {
            urls.push(url);
        }
    }
    urls
}
