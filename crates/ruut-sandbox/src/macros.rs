//! Macros: named lists of actions agents run on conversations (Chatwoot's
//! `Macro`). Records, who may do what with them (`MacroPolicy`), their JSON.

use serde_json::{Value, json};

use crate::records::{AccountRecords, account_record};
use crate::render;
use crate::state::{AssigneeRef, Store};

/// The action names a macro may have (`Macro::ACTIONS_ATTRS`).
pub(crate) const ACTIONS: &[&str] = &[
    "send_message",
    "add_label",
    "assign_team",
    "assign_agent",
    "mute_conversation",
    "change_status",
    "remove_label",
    "remove_assigned_team",
    "resolve_conversation",
    "snooze_conversation",
    "change_priority",
    "send_email_transcript",
    "send_attachment",
    "add_private_note",
    "send_webhook_event",
];

/// One macro.
#[derive(Clone, Debug)]
pub(crate) struct Macro {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    /// `personal` or `global`; `None` when an administrator saved it without one.
    pub visibility: Option<&'static str>,
    pub created_by: Option<i64>,
    pub updated_by: Option<i64>,
    /// `{action_name, action_params}` objects, as sent.
    pub actions: Vec<Value>,
}

impl Macro {
    fn global(&self) -> bool {
        self.visibility == Some("global")
    }

    fn author(&self, user_id: Option<i64>) -> bool {
        user_id.is_some() && self.created_by == user_id
    }

    /// `MacroPolicy#show?` and `#execute?`: global, or the caller's own.
    pub fn usable_by(&self, user_id: Option<i64>) -> bool {
        self.global() || self.author(user_id)
    }

    /// `MacroPolicy#update?`: the author, or an administrator for a global macro.
    pub fn editable_by(&self, user_id: Option<i64>, admin: bool) -> bool {
        self.author(user_id) || (admin && self.global())
    }

    /// `MacroPolicy#destroy?`: the author, or an administrator for a global
    /// macro whose author is gone.
    pub fn deletable_by(&self, store: &Store, user_id: Option<i64>, admin: bool) -> bool {
        let orphan = self.created_by.and_then(|id| store.user(id)).is_none();
        self.author(user_id) || (admin && self.global() && orphan)
    }

    /// Listed for the user (`Macro.with_visibility`): global, or personal and theirs.
    pub fn listed_for(&self, user_id: Option<i64>) -> bool {
        self.global() || (self.visibility == Some("personal") && self.author(user_id))
    }
}

/// Every account's macros, and the next id.
pub(crate) type Macros = AccountRecords<Macro>;

account_record!(Macro);

/// A macro as `models/_macro.json.jbuilder` renders it (never with `files`:
/// the sandbox keeps no attachments for macros).
pub(crate) fn macro_json(store: &Store, m: &Macro) -> Value {
    let mut value = json!({
        "id": m.id,
        "name": m.name,
        "visibility": m.visibility,
        "account_id": m.account_id,
        "actions": m.actions,
    });
    let agent = |id: Option<i64>| {
        id.and_then(|id| render::assignee(store, m.account_id, AssigneeRef::User(id)))
            .map(|a| render::to_json(&a))
    };
    if let Value::Object(map) = &mut value {
        for (key, who) in [("created_by", m.created_by), ("updated_by", m.updated_by)] {
            if let Some(agent) = agent(who) {
                map.insert(key.into(), agent);
            }
        }
    }
    value
}

/// The seeded macros of `account_id`: a global one by `author` (labels and
/// priority) and a personal one by `other` (so `author` may not see it).
/// Returns their ids.
pub(crate) fn seed(store: &mut Store, account_id: i64, author: i64, other: i64) -> (i64, i64) {
    let mut add = |name: &str, visibility, by, actions: Vec<Value>| {
        let id = store.macros.take_id();
        store.macros.list.push(Macro {
            id,
            account_id,
            name: name.to_owned(),
            visibility: Some(visibility),
            created_by: Some(by),
            updated_by: Some(by),
            actions,
        });
        id
    };
    let global = add(
        "Escalate",
        "global",
        author,
        vec![
            json!({"action_name": "add_label", "action_params": ["escalated"]}),
            json!({"action_name": "change_priority", "action_params": ["urgent"]}),
        ],
    );
    let personal = add(
        "My wrap-up",
        "personal",
        other,
        vec![json!({"action_name": "resolve_conversation", "action_params": []})],
    );
    (global, personal)
}
