//! The action setters shared by [`CreateMacroRequest`](crate::CreateMacroRequest)
//! and [`UpdateMacroRequest`](crate::UpdateMacroRequest): each appends one
//! action, in the order the macro runs them.

use ruut_api::types::MacroAction;
use serde_json::Value;

/// One action with its parameters.
pub(crate) fn action(name: &str, params: Vec<Value>) -> MacroAction {
    MacroAction {
        action_name: name.to_owned(),
        action_params: params,
    }
}

/// Gives a builder with a `push_action(MacroAction)` method the intent-named
/// action setters.
macro_rules! action_setters {
    ($builder:ty) => {
        impl $builder {
            /// Assigns the conversation to this agent (an inbox member or an administrator).
            pub fn assign_agent(self, agent_id: i64) -> Self {
                self.push_action(crate::macros::actions::action(
                    "assign_agent",
                    vec![agent_id.into()],
                ))
            }

            /// Assigns the conversation to whoever runs the macro.
            pub fn assign_to_self(self) -> Self {
                self.push_action(crate::macros::actions::action(
                    "assign_agent",
                    vec!["self".into()],
                ))
            }

            /// Assigns the conversation to this team.
            pub fn assign_team(self, team_id: i64) -> Self {
                self.push_action(crate::macros::actions::action(
                    "assign_team",
                    vec![team_id.into()],
                ))
            }

            /// Removes the conversation's team.
            pub fn remove_team(self) -> Self {
                self.push_action(crate::macros::actions::action(
                    "remove_assigned_team",
                    Vec::new(),
                ))
            }

            /// Adds a label to the conversation.
            pub fn add_label(self, label: impl Into<String>) -> Self {
                let label: String = label.into();
                self.push_action(crate::macros::actions::action(
                    "add_label",
                    vec![label.into()],
                ))
            }

            /// Removes a label from the conversation.
            pub fn remove_label(self, label: impl Into<String>) -> Self {
                let label: String = label.into();
                self.push_action(crate::macros::actions::action(
                    "remove_label",
                    vec![label.into()],
                ))
            }

            /// Sets the conversation's status.
            pub fn set_status(self, status: crate::ConversationStatus) -> Self {
                let status = status.as_str().to_owned();
                self.push_action(crate::macros::actions::action(
                    "change_status",
                    vec![status.into()],
                ))
            }

            /// Resolves the conversation.
            pub fn resolve(self) -> Self {
                self.push_action(crate::macros::actions::action(
                    "resolve_conversation",
                    Vec::new(),
                ))
            }

            /// Snoozes the conversation until the contact's next reply.
            pub fn snooze(self) -> Self {
                self.push_action(crate::macros::actions::action(
                    "snooze_conversation",
                    Vec::new(),
                ))
            }

            /// Sets the conversation's priority.
            pub fn set_priority(self, priority: crate::ConversationPriority) -> Self {
                let priority = priority.as_str().to_owned();
                self.push_action(crate::macros::actions::action(
                    "change_priority",
                    vec![priority.into()],
                ))
            }

            /// Clears the conversation's priority.
            pub fn clear_priority(self) -> Self {
                self.push_action(crate::macros::actions::action(
                    "change_priority",
                    vec!["nil".into()],
                ))
            }

            /// Mutes the conversation (resolves it and blocks the contact).
            pub fn mute(self) -> Self {
                self.push_action(crate::macros::actions::action(
                    "mute_conversation",
                    Vec::new(),
                ))
            }

            /// Replies to the contact with `text`, as whoever runs the macro.
            pub fn send_message(self, text: impl Into<String>) -> Self {
                let text: String = text.into();
                self.push_action(crate::macros::actions::action(
                    "send_message",
                    vec![text.into()],
                ))
            }

            /// Adds a private note with `text`, as whoever runs the macro.
            pub fn add_private_note(self, text: impl Into<String>) -> Self {
                let text: String = text.into();
                self.push_action(crate::macros::actions::action(
                    "add_private_note",
                    vec![text.into()],
                ))
            }

            /// Any action by its `action_name`, with its parameters (for the
            /// ones without a setter: `send_email_transcript`, `send_webhook_event`...).
            pub fn action(self, name: &str, params: Vec<serde_json::Value>) -> Self {
                self.push_action(crate::macros::actions::action(name, params))
            }
        }
    };
}

pub(crate) use action_setters;
