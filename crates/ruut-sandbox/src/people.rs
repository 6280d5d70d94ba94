//! The people of an account beyond the [`crate::state`] records: which users
//! are members of which inboxes, the ids the next user and team get, and the
//! agent partial (`models/_agent.json.jbuilder`) they are rendered with.

use ruut_api::enums::{AvailabilityStatus, UserRole};
use ruut_api::types;
use serde_json::Value;

use crate::render::to_json;
use crate::state::{AssigneeRef, Attrs, Store, User};

/// What a user sets in the profile (`ProfilesController#update`).
#[derive(Clone, Debug, Default)]
pub(crate) struct UserDetails {
    pub display_name: Option<String>,
    pub message_signature: Option<String>,
    /// `phone_number` goes here.
    pub custom_attributes: Attrs,
    pub ui_settings: Attrs,
}

impl User {
    /// The display name when set, the name otherwise (`available_name`).
    pub fn available_name(&self) -> String {
        match &self.details.display_name {
            Some(name) if !name.trim().is_empty() => name.clone(),
            _ => self.name.clone(),
        }
    }
}

/// Id counters for users and teams (an inbox's members are in its
/// settings: [`crate::inbox_config::InboxSettings::member_ids`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct People {
    /// The lowest id a new user may get (ids are never reused).
    next_user_id: i64,
    /// The lowest id a new team may get.
    next_team_id: i64,
}

impl Store {
    /// A new user id, above every id ever handed out.
    pub fn take_user_id(&mut self) -> i64 {
        let highest = self.users.iter().map(|u| u.id).max().unwrap_or(0);
        let id = self.people.next_user_id.max(highest + 1);
        self.people.next_user_id = id + 1;
        id
    }

    /// A new team id, above every id ever handed out.
    pub fn take_team_id(&mut self) -> i64 {
        let highest = self.teams.iter().map(|t| t.id).max().unwrap_or(0);
        let id = self.people.next_team_id.max(highest + 1);
        self.people.next_team_id = id + 1;
        id
    }

    /// Whether the user is a member of the inbox.
    pub fn inbox_member(&self, inbox_id: i64, user_id: i64) -> bool {
        let inbox = self.inboxes.iter().find(|i| i.id == inbox_id);
        inbox.is_some_and(|i| i.settings.member_ids.contains(&user_id))
    }

    /// Takes the user out of the account as `Agents::DestroyJob` does: off
    /// its teams and inboxes, its conversations there unassigned; the user
    /// goes too when it belongs to no other account.
    pub fn remove_from_account(&mut self, account_id: i64, user_id: i64) {
        self.memberships
            .retain(|m| !(m.account_id == account_id && m.user_id == user_id));
        for team in self.teams.iter_mut().filter(|t| t.account_id == account_id) {
            team.member_ids.retain(|id| *id != user_id);
        }
        for inbox in self
            .inboxes
            .iter_mut()
            .filter(|i| i.account_id == account_id)
        {
            inbox.settings.member_ids.retain(|id| *id != user_id);
        }
        for conversation in self
            .conversations
            .iter_mut()
            .filter(|c| c.account_id == account_id)
        {
            if conversation.assignee == Some(AssigneeRef::User(user_id)) {
                conversation.assignee = None;
            }
        }
        if !self.memberships.iter().any(|m| m.user_id == user_id) {
            self.users.retain(|u| u.id != user_id);
        }
    }
}

/// The user as the agent partial renders it in the account; `None` when the
/// user is not a member.
pub(crate) fn agent(store: &Store, account_id: i64, user_id: i64) -> Option<types::AccountAgent> {
    let member = store.membership(user_id, account_id)?;
    let user = store.user(user_id)?;
    Some(types::AccountAgent {
        id: user.id,
        account_id: Some(account_id),
        availability_status: Some(AvailabilityStatus::from(member.availability)),
        auto_offline: Some(member.auto_offline),
        confirmed: Some(user.confirmed),
        email: user.email.clone(),
        provider: Some("email".to_owned()),
        available_name: Some(user.available_name()),
        custom_attributes: (!user.details.custom_attributes.is_empty())
            .then(|| types::Attributes(user.details.custom_attributes.clone())),
        name: user.name.clone(),
        role: Some(UserRole::from(member.role)),
        thumbnail: Some(String::new()),
        custom_role_id: None,
    })
}

/// The users `ids` names that are members of the account, as a JSON array
/// of agents, in the order given.
pub(crate) fn agents_json(store: &Store, account_id: i64, ids: &[i64]) -> Value {
    Value::Array(
        ids.iter()
            .filter_map(|id| agent(store, account_id, *id))
            .map(|a| to_json(&a))
            .collect(),
    )
}
