//! The in-memory data model: every record the sandbox serves, behind one lock.
//!
//! Records are plain structs in `Vec`s (the data set is small), identified as
//! the real server identifies them: accounts, users, inboxes, teams, contacts
//! and messages by a global id; conversations by their account-scoped display
//! id. Rendering to the wire shapes lives in [`crate::render`].

use std::sync::{Mutex, MutexGuard};

use ruut_api::enums::{ConversationPriority, ConversationStatus};
use serde_json::{Map, Value};

use crate::clock;
use crate::conversation_extra::{ConversationExtra, Transcript};
use crate::notes::Note;

/// A free-form attribute map (`additional_attributes`, `custom_attributes`).
pub(crate) type Attrs = Map<String, Value>;

/// An account.
#[derive(Clone, Debug)]
pub(crate) struct Account {
    pub id: i64,
    pub name: String,
    pub locale: String,
    pub domain: Option<String>,
    pub support_email: Option<String>,
    pub created_at: i64,
    /// The display id the next conversation of this account gets.
    pub next_display_id: i64,
    /// Its `settings` and `custom_attributes`.
    pub details: crate::account_details::AccountDetails,
}

/// A human user (agent or administrator).
#[derive(Clone, Debug)]
pub(crate) struct User {
    pub id: i64,
    pub name: String,
    pub email: String,
    /// Whether the user confirmed the email (invited users have not yet).
    pub confirmed: bool,
    /// What the user sets in the profile.
    pub details: crate::people::UserDetails,
}

/// A user's role in one account.
#[derive(Clone, Debug)]
pub(crate) struct Membership {
    pub user_id: i64,
    pub account_id: i64,
    pub role: &'static str,
    /// The availability the user set in this account: `online`, `busy`, `offline`.
    pub availability: &'static str,
    /// Whether presence turns the user offline when disconnected.
    pub auto_offline: bool,
}

/// An agent bot: an account's own, or a system bot (`account_id` `None`)
/// every account may use.
#[derive(Clone, Debug)]
pub(crate) struct Bot {
    pub id: i64,
    pub account_id: Option<i64>,
    pub name: String,
    pub description: String,
    /// Where the events of the bot's conversations are delivered.
    pub outgoing_url: Option<String>,
    pub bot_config: Attrs,
    /// The bot's API token (`AccessTokenable`).
    pub access_token: String,
    /// When the token was made (Unix seconds).
    pub token_at: i64,
}

/// A team of agents.
#[derive(Clone, Debug)]
pub(crate) struct Team {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub description: Option<String>,
    /// The members, in the order they joined.
    pub member_ids: Vec<i64>,
    /// Whether conversations of the team are assigned automatically.
    pub allow_auto_assign: bool,
}

/// An inbox (Ruut calls it a workspace).
#[derive(Clone, Debug)]
pub(crate) struct Inbox {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub channel_type: &'static str,
    /// Settings, channel fields, members and bot.
    pub settings: crate::inbox_config::InboxSettings,
}

/// A contact and its identities in inboxes.
#[derive(Clone, Debug)]
pub(crate) struct Contact {
    pub id: i64,
    pub account_id: i64,
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone_number: Option<String>,
    pub identifier: Option<String>,
    pub blocked: bool,
    pub additional_attributes: Attrs,
    pub custom_attributes: Attrs,
    pub created_at: i64,
    pub last_activity_at: Option<i64>,
    /// `(inbox_id, source_id)` pairs.
    pub inboxes: Vec<(i64, String)>,
    /// The contact's labels (Chatwoot's `acts_as_taggable_on :labels`), in the
    /// order they were set.
    pub labels: Vec<String>,
}

impl Contact {
    /// Whether the contact is "resolved" (listed): it has an email, phone or identifier.
    pub fn is_resolved(&self) -> bool {
        [&self.email, &self.phone_number, &self.identifier]
            .iter()
            .any(|v| v.as_deref().is_some_and(|s| !s.is_empty()))
    }
}

/// Who a conversation is assigned to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AssigneeRef {
    /// A human user.
    User(i64),
    /// An agent bot.
    Bot(i64),
}

/// Who sent a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SenderRef {
    Contact(i64),
    User(i64),
    Bot(i64),
}

/// A message in a conversation.
#[derive(Clone, Debug)]
pub(crate) struct Message {
    pub id: i64,
    pub content: Option<String>,
    /// 0 incoming, 1 outgoing, 2 activity, 3 template.
    pub message_type: i64,
    pub content_type: String,
    pub content_attributes: Attrs,
    pub private: bool,
    pub status: &'static str,
    pub created_at: i64,
    pub sender: Option<SenderRef>,
    pub source_id: Option<String>,
    pub echo_id: Option<String>,
}

/// One accepted status change of a conversation, kept for the audit trail.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatusChange {
    /// The new status.
    pub status: String,
    /// The `reason` sent with Ruut's status route, if any.
    pub reason: Option<String>,
    /// The `agent_id` sent with Ruut's status route, as text, if any.
    pub agent_id: Option<String>,
    /// When the change was made (Unix seconds).
    pub at: i64,
}

/// A conversation.
#[derive(Clone, Debug)]
pub(crate) struct Conversation {
    pub account_id: i64,
    pub display_id: i64,
    pub uuid: String,
    pub inbox_id: i64,
    pub contact_id: i64,
    pub source_id: String,
    pub status: ConversationStatus,
    pub priority: Option<ConversationPriority>,
    /// Unix seconds; `None` while snoozed means "until the next reply".
    pub snoozed_until: Option<i64>,
    pub created_at: i64,
    pub updated_at: f64,
    pub last_activity_at: i64,
    pub assignee: Option<AssigneeRef>,
    pub team_id: Option<i64>,
    pub labels: Vec<String>,
    /// Ruut's documented status route refuses to change a locked conversation.
    pub locked: bool,
    pub additional_attributes: Attrs,
    pub custom_attributes: Attrs,
    pub unread_count: i64,
    pub agent_last_seen_at: i64,
    pub contact_last_seen_at: i64,
    pub first_reply_created_at: i64,
    pub waiting_since: i64,
    pub messages: Vec<Message>,
    pub status_log: Vec<StatusChange>,
    /// Participants, SLA policy, the assignee's last visit.
    pub extra: ConversationExtra,
}

impl Conversation {
    /// Sets the status the way the Chatwoot model does: any status other than
    /// snoozed clears `snoozed_until`.
    pub fn set_status(&mut self, status: ConversationStatus, snoozed_until: Option<i64>) {
        self.snoozed_until = if status == ConversationStatus::Snoozed {
            snoozed_until
        } else {
            None
        };
        self.status = status;
        self.touch();
    }

    /// Marks the conversation as updated now.
    pub fn touch(&mut self) {
        let now = clock::now_f64();
        // Keep `updated_at` strictly increasing so concurrent writers stay ordered.
        self.updated_at = if now > self.updated_at {
            now
        } else {
            self.updated_at + 0.001
        };
    }

    /// Appends a message as the server takes one in at its `created_at`: an
    /// incoming message counts as unread and wakes a snoozed conversation; the
    /// first public reply sets `first_reply_created_at`.
    pub fn add_message(&mut self, message: Message) {
        let at = message.created_at;
        if message.message_type == 0 {
            self.waiting_since = at;
            self.unread_count += 1;
            // A reply from the contact always wakes a snoozed conversation.
            if self.status == ConversationStatus::Snoozed {
                self.set_status(ConversationStatus::Open, None);
            }
        } else if !message.private && self.first_reply_created_at == 0 {
            self.first_reply_created_at = at;
        }
        self.last_activity_at = at;
        self.touch();
        self.messages.push(message);
    }

    /// The last message that is not an activity message.
    pub fn last_non_activity(&self) -> Option<&Message> {
        self.messages.iter().rev().find(|m| m.message_type != 2)
    }
}

/// Every record of the sandbox.
#[derive(Clone, Debug, Default)]
pub(crate) struct Store {
    pub accounts: Vec<Account>,
    pub users: Vec<User>,
    pub memberships: Vec<Membership>,
    pub bots: Vec<Bot>,
    /// The next ids of records created through the API.
    pub ids: crate::ids::Sequences,
    pub teams: Vec<Team>,
    pub inboxes: Vec<Inbox>,
    pub contacts: Vec<Contact>,
    pub conversations: Vec<Conversation>,
    /// Notes about contacts.
    pub notes: Vec<Note>,
    pub next_message_id: i64,
    pub next_contact_id: i64,
    /// The transcripts e-mailed, oldest first.
    pub transcripts: Vec<Transcript>,
    pub next_note_id: i64,
    /// The messages' attachments.
    pub files: crate::files::Files,
    /// Inbox members and the next user and team ids.
    pub people: crate::people::People,
    /// Canned responses, labels, custom attribute definitions, custom filters.
    pub config: crate::admin_config::AdminConfig,
    /// The webhooks registered in accounts (`createWebhook`).
    pub account_webhooks: crate::account_webhooks::AccountWebhooks,
    /// The accounts' macros.
    pub macros: crate::macros::Macros,
    /// The accounts' automation rules (stored, not run).
    pub automation_rules: crate::automation_rules::AutomationRules,
    /// CSAT survey responses, oldest first.
    pub csat: Vec<crate::csat::CsatResponse>,
    /// Audit logs (Enterprise), oldest first.
    pub audit_logs: Vec<crate::audit::AuditLog>,
    /// Help center portals, categories and articles.
    pub help_center: crate::help_center::HelpCenter,
    /// The accounts' integration hooks (`createIntegrationHook`).
    pub hooks: crate::integrations::Hooks,
}

impl Store {
    /// Reopens every snoozed conversation whose `snoozed_until` has passed, as
    /// Chatwoot's reopen job does (here lazily, on every request).
    pub fn expire_snoozes(&mut self, now: i64) {
        for conversation in &mut self.conversations {
            let Some(until) = conversation.snoozed_until else {
                continue;
            };
            if conversation.status == ConversationStatus::Snoozed && until <= now {
                // Reopened when the snooze ended, not when someone looked.
                conversation.status = ConversationStatus::Open;
                conversation.snoozed_until = None;
                conversation.updated_at = conversation.updated_at.max(until as f64);
            }
        }
    }

    /// The account with this id.
    pub fn account(&self, id: i64) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    /// The user's role in the account, if a member.
    pub fn role(&self, user_id: i64, account_id: i64) -> Option<&'static str> {
        self.memberships
            .iter()
            .find(|m| m.user_id == user_id && m.account_id == account_id)
            .map(|m| m.role)
    }

    /// The user with this id.
    pub fn user(&self, id: i64) -> Option<&User> {
        self.users.iter().find(|u| u.id == id)
    }

    /// The user's membership of the account, if any.
    pub fn membership(&self, user_id: i64, account_id: i64) -> Option<&Membership> {
        self.memberships
            .iter()
            .find(|m| m.user_id == user_id && m.account_id == account_id)
    }

    /// The user with this id, if a member of the account.
    pub fn account_user(&self, account_id: i64, id: i64) -> Option<&User> {
        self.role(id, account_id).and_then(|_| self.user(id))
    }

    /// The bot with this id.
    pub fn bot(&self, id: i64) -> Option<&Bot> {
        self.bots.iter().find(|b| b.id == id)
    }

    /// The bot whose access token this is, comparing every bot's token in
    /// constant time.
    pub fn bot_with_token(&self, token: &[u8]) -> Option<i64> {
        let mut found = None;
        for bot in &self.bots {
            if crate::auth::ct_eq(token, bot.access_token.as_bytes()) {
                found = Some(bot.id);
            }
        }
        found
    }

    /// The team with this id in the account.
    pub fn team(&self, account_id: i64, id: i64) -> Option<&Team> {
        self.teams
            .iter()
            .find(|t| t.id == id && t.account_id == account_id)
    }

    /// The inbox with this id in the account.
    pub fn inbox(&self, account_id: i64, id: i64) -> Option<&Inbox> {
        self.inboxes
            .iter()
            .find(|i| i.id == id && i.account_id == account_id)
    }

    /// The contact with this id in the account.
    pub fn contact(&self, account_id: i64, id: i64) -> Option<&Contact> {
        let index = self.contact_index(account_id, id)?;
        self.contacts.get(index)
    }

    /// Where the contact with this id in the account is in `contacts`.
    pub fn contact_index(&self, account_id: i64, id: i64) -> Option<usize> {
        self.contacts
            .iter()
            .position(|c| c.id == id && c.account_id == account_id)
    }

    /// The conversation with this display id in the account.
    pub fn conversation(&self, account_id: i64, display_id: i64) -> Option<&Conversation> {
        let index = self.conversation_index(account_id, display_id)?;
        self.conversations.get(index)
    }

    /// Where the conversation with this display id in the account is in `conversations`.
    pub fn conversation_index(&self, account_id: i64, display_id: i64) -> Option<usize> {
        self.conversations
            .iter()
            .position(|c| c.account_id == account_id && c.display_id == display_id)
    }

    /// Hands out the next message id.
    pub fn take_message_id(&mut self) -> i64 {
        let id = self.next_message_id;
        self.next_message_id += 1;
        id
    }
}

/// The store behind a lock. A poisoned lock is recovered rather than
/// propagated: a panic in one request must not take the sandbox down.
#[derive(Debug)]
pub(crate) struct Shared(Mutex<Store>);

impl Shared {
    /// Wraps a store.
    pub fn new(store: Store) -> Self {
        Self(Mutex::new(store))
    }

    /// Locks the store, first reopening expired snoozes.
    pub fn lock(&self) -> MutexGuard<'_, Store> {
        let mut guard = self.0.lock().unwrap_or_else(|e| e.into_inner());
        guard.expire_snoozes(clock::now());
        guard
    }
}
