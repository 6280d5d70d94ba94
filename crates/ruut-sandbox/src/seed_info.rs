//! [`SeedInfo`]: the well-known ids of the seeded data, which tests and
//! examples rely on (the data itself is made in `seed.rs`).

/// Well-known ids of the seeded data, for tests and examples.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SeedInfo {
    /// The seed the data was made from.
    pub seed: u64,
    /// The main account (the token user is an `agent` there).
    pub account_id: i64,
    /// A second account the user belongs to (as `administrator`).
    pub second_account_id: i64,
    /// An account that exists but the user is not a member of (401 for the user).
    pub foreign_account_id: i64,
    /// The token user's id.
    pub user_id: i64,
    /// The other agents of the main account.
    pub agent_ids: Vec<i64>,
    /// The agent bot behind the bot token (usable in the main account).
    pub bot_id: i64,
    /// A system bot (of no account), listed by every account.
    pub system_bot_id: i64,
    /// An agent bot of the second account (where the user is an administrator).
    pub second_account_bot_id: i64,
    /// The second account's inbox (its conversations are in it).
    pub second_account_inbox_id: i64,
    /// A team of the main account (the user is a member).
    pub team_id: i64,
    /// The inboxes of the main account (website, API, email; the token user
    /// and the other agents are members of all three).
    pub inbox_ids: Vec<i64>,
    /// The main account's API-channel inbox.
    pub api_inbox_id: i64,
    /// Every contact of the main account, resolved ones first.
    pub contact_ids: Vec<i64>,
    /// How many of `contact_ids` are resolved (listed by `listContacts`).
    pub resolved_contact_count: usize,
    /// An email that a seeded contact of the main account already has.
    pub taken_email: String,
    /// How many conversations the main account has.
    pub conversation_count: usize,
    /// An open conversation, assigned to the token user.
    pub open_conversation_id: i64,
    /// A pending, unassigned conversation.
    pub pending_conversation_id: i64,
    /// A resolved conversation.
    pub resolved_conversation_id: i64,
    /// A conversation snoozed until [`SeedInfo::snoozed_until`].
    pub snoozed_with_time_conversation_id: i64,
    /// A conversation snoozed until the contact's next reply (`snoozed_until` null).
    pub snoozed_without_time_conversation_id: i64,
    /// A conversation whose snooze time has passed: it reads back as open.
    pub expired_snooze_conversation_id: i64,
    /// A locked conversation: Ruut's status route answers 403 `STATUS_CHANGE_FORBIDDEN`.
    pub locked_conversation_id: i64,
    /// An open conversation assigned to the agent bot (counted as unassigned).
    pub bot_assigned_conversation_id: i64,
    /// The conversation with many messages (for `before`/`after` cursors).
    pub long_conversation_id: i64,
    /// How many messages the long conversation has.
    pub long_conversation_message_count: usize,
    /// The Unix time the timed snooze ends (2100-01-01).
    pub snoozed_until: i64,
    /// A conversation of the second account.
    pub second_account_conversation_id: i64,
    /// A note about the main account's first contact, by the token user.
    pub note_id: i64,
    /// A contact of the second account (where the user is an administrator).
    pub second_account_contact_id: i64,
    /// A canned response of the main account.
    pub canned_response_id: i64,
    /// A label of the main account (`billing`; its labels are the ones the
    /// seeded conversations carry).
    pub label_id: i64,
    /// A label of the second account (where the user is an administrator).
    pub second_account_label_id: i64,
    /// A custom attribute definition of the main account (contacts' `plan`).
    pub attribute_definition_id: i64,
    /// A conversation filter the token user saved in the main account.
    pub custom_filter_id: i64,
    /// A filter another user saved in the main account (a 404 for the token user).
    pub other_user_custom_filter_id: i64,
    /// A webhook of the second account, subscribed only to
    /// `webwidget_triggered` (which the sandbox never sends).
    pub webhook_id: i64,
    /// A global macro of the main account by the token user (adds the
    /// label `escalated`, sets the priority `urgent`).
    pub macro_id: i64,
    /// A personal macro of the main account by another agent (the token
    /// user may not see or run it).
    pub other_agent_macro_id: i64,
    /// An automation rule of the second account.
    pub automation_rule_id: i64,
    /// The slug of the main account's help center portal.
    pub portal_slug: String,
    /// The slug of the second account's portal (the user administers it).
    pub admin_portal_slug: String,
    /// A category of the second account's portal.
    pub admin_category_id: i64,
    /// A published article of that category, by the token user.
    pub admin_article_id: i64,
    /// An integration hook (`dyte`) of the second account.
    pub hook_id: i64,
    /// An integration hook (`dyte`) of the main account (where the token
    /// user is an agent).
    pub main_account_hook_id: i64,
}
