//! Running the accounts' automation rules on the sandbox's own events, as
//! Chatwoot's `AutomationRuleListener` runs them.
//!
//! The events that may start a rule are queued as [`Trigger`]s where the
//! webhooks are made (a new conversation or message, a conversation's
//! changes), and only when the account has an active rule for that event, so
//! an account without rules pays nothing. [`run`] takes them after each
//! request and each driven event ([`crate::Sandbox::customer_message`], ...),
//! before the answer is sent: the server runs the rules in a background job
//! after answering, the sandbox before, so a test sees their effect at once.
//!
//! For each trigger, the account's active rules for its event whose
//! conditions hold ([`conditions`]) apply their actions in order
//! ([`crate::actions`], with the rule as actor), with the usual webhooks.
//! What a rule changes starts no rule (the server's `performed_by_automation?`).

mod conditions;

use std::sync::Mutex;

use serde_json::{Map, Value};

use crate::actions::{Actor, Target, apply};
use crate::app::App;
use crate::automation_rules::AutomationRule;
use crate::state::Store;
use crate::webhooks::Watch;

/// An event that may start automation rules (`AutomationRule#event_name`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Event {
    ConversationCreated,
    ConversationUpdated,
    ConversationOpened,
    ConversationResolved,
    MessageCreated,
}

impl Event {
    /// The rule's `event_name` for it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Event::ConversationCreated => "conversation_created",
            Event::ConversationUpdated => "conversation_updated",
            Event::ConversationOpened => "conversation_opened",
            Event::ConversationResolved => "conversation_resolved",
            Event::MessageCreated => "message_created",
        }
    }
}

/// One event that happened to a conversation, waiting for [`run`].
#[derive(Clone, Debug)]
pub(crate) struct Trigger {
    pub event: Event,
    pub account_id: i64,
    /// The conversation's display id.
    pub conversation_id: i64,
    /// The new message, for `message_created`.
    pub message_id: Option<i64>,
    /// What changed, for `conversation_updated`: `{attribute: [before, after]}`
    /// as Rails' `previous_changes`.
    pub changed: Map<String, Value>,
}

/// The triggers queued since the last [`run`].
#[derive(Debug, Default)]
pub(crate) struct Triggers(Mutex<Vec<Trigger>>);

impl Triggers {
    /// Queues `trigger` if the account has an active rule for its event.
    pub(crate) fn push(&self, store: &Store, trigger: Trigger) {
        if armed(store, trigger.account_id, trigger.event) {
            self.lock().push(trigger);
        }
    }

    fn take(&self) -> Vec<Trigger> {
        std::mem::take(&mut *self.lock())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Trigger>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Whether the account has an active rule for `event`.
pub(crate) fn armed(store: &Store, account_id: i64, event: Event) -> bool {
    rules_for(store, account_id, event).next().is_some()
}

/// Whether the account has an active rule for a conversation's changes
/// (so a [`Watch`] must remember the conversation even without webhooks).
pub(crate) fn watches_changes(store: &Store, account_id: i64) -> bool {
    [
        Event::ConversationUpdated,
        Event::ConversationOpened,
        Event::ConversationResolved,
    ]
    .into_iter()
    .any(|event| armed(store, account_id, event))
}

fn rules_for(
    store: &Store,
    account_id: i64,
    event: Event,
) -> impl Iterator<Item = &AutomationRule> {
    store
        .automation_rules
        .in_account(account_id)
        .filter(move |r| r.active && r.event_name == event.name())
}

/// Runs the rules of every queued trigger (the store must not be locked).
pub(crate) fn run(app: &App) {
    let pending = app.webhooks.triggers.take();
    if pending.is_empty() {
        return;
    }
    let mut store = app.store.lock();
    for trigger in pending {
        let rules: Vec<AutomationRule> = rules_for(&store, trigger.account_id, trigger.event)
            .cloned()
            .collect();
        for rule in rules {
            let Some(index) = store.conversation_index(trigger.account_id, trigger.conversation_id)
            else {
                break;
            };
            if !conditions::hold(&store, &rule, &store.conversations[index], &trigger) {
                continue;
            }
            let watch = Watch::conversation(
                &app.webhooks,
                &store,
                trigger.account_id,
                trigger.conversation_id,
            );
            for action in &rule.actions {
                let target = Target {
                    index,
                    account_id: trigger.account_id,
                    actor: Actor::Rule(rule.id),
                };
                apply(&mut store, app, target, action);
            }
            watch.finish(&app.webhooks, &store);
        }
    }
    // What the rules did starts no rule.
    drop(app.webhooks.triggers.take());
}
