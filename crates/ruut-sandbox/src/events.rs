//! Driving what the server would do on its own: a customer writes, a snooze
//! ends, an agent changes a conversation's status in the dashboard. Each
//! changes the data as the real server does and sends the webhooks it would
//! send (with [`SandboxBuilder::webhook`](crate::SandboxBuilder::webhook), signed
//! as every other delivery), so a bot under test sees them arrive. None of
//! them is an API request: they are not journaled and faults do not apply.

use std::time::Duration;

use ruut_api::enums::ConversationStatus;

use crate::app::App;
use crate::clock;
use crate::fixtures::{MessageKind, new_message, sender_of};
use crate::sandbox::Sandbox;
use crate::setup_error::{SetupError, conversation_at};
use crate::state::{StatusChange, Store};
use crate::webhooks::Watch;

impl Sandbox {
    /// The conversation's contact writes `content`: an incoming message is
    /// added (it wakes a snoozed conversation), and the webhooks
    /// `message_created` (and `conversation_status_changed` if it woke) are
    /// queued. Returns the new message's id.
    pub fn customer_message(
        &self,
        account_id: i64,
        conversation_id: i64,
        content: impl Into<String>,
    ) -> Result<i64, SetupError> {
        let content = content.into();
        change(
            self.app(),
            account_id,
            conversation_id,
            |store, index, app| {
                let kind = MessageKind::Incoming;
                let sender = sender_of(&store.conversations[index], app, kind);
                let message = new_message(store, Some(sender), kind, content);
                let id = message.id;
                store.conversations[index].add_message(message);
                app.webhooks
                    .message_created(store, &store.conversations[index]);
                Ok(id)
            },
        )
    }

    /// A timed or until-reply snooze ends now, as the server's reopen job
    /// ends it when the time comes (the time need not have passed): the
    /// conversation is open again, and `conversation_status_changed` is queued.
    ///
    /// Fails with [`SetupError::NotSnoozed`] if the conversation is not
    /// snoozed (a snooze whose time has already passed has ended by itself,
    /// silently, when the sandbox next looked).
    pub fn expire_snooze(&self, account_id: i64, conversation_id: i64) -> Result<(), SetupError> {
        change(
            self.app(),
            account_id,
            conversation_id,
            |store, index, _| {
                let c = &mut store.conversations[index];
                if c.status != ConversationStatus::Snoozed {
                    return Err(SetupError::NotSnoozed { conversation_id });
                }
                c.set_status(ConversationStatus::Open, None);
                Ok(())
            },
        )
    }

    /// An agent of the account resolves the conversation in the dashboard:
    /// see [`agent_sets_status`](Self::agent_sets_status).
    pub fn agent_resolves(
        &self,
        account_id: i64,
        conversation_id: i64,
        agent_id: i64,
    ) -> Result<(), SetupError> {
        let resolved = ConversationStatus::Resolved;
        self.agent_sets_status(account_id, conversation_id, agent_id, resolved)
    }

    /// An agent of the account sets the conversation's status in the
    /// dashboard: the status changes (logged in
    /// [`status_changes`](Self::status_changes) with the agent's id), and
    /// `conversation_status_changed` is queued if it differs. `snoozed` here is
    /// "until the next reply".
    pub fn agent_sets_status(
        &self,
        account_id: i64,
        conversation_id: i64,
        agent_id: i64,
        status: ConversationStatus,
    ) -> Result<(), SetupError> {
        if status.is_unknown() || status == ConversationStatus::Scheduling {
            return Err(SetupError::Invalid(format!(
                "agents cannot set the status {:?} in the dashboard",
                status.as_str()
            )));
        }
        change(
            self.app(),
            account_id,
            conversation_id,
            |store, index, _| {
                if store.account_user(account_id, agent_id).is_none() {
                    return Err(SetupError::NotFound {
                        record: "agent",
                        id: agent_id,
                    });
                }
                let c = &mut store.conversations[index];
                c.set_status(status.clone(), None);
                c.status_log.push(StatusChange {
                    status: status.as_str().to_owned(),
                    reason: None,
                    agent_id: Some(agent_id.to_string()),
                    at: clock::now(),
                });
                Ok(())
            },
        )
    }
}

impl Sandbox {
    /// Waits until every webhook queued so far has been delivered, and those
    /// queued meanwhile too: when it returns, a bot that acts before
    /// answering its deliveries has done everything the events called for.
    /// Deliveries are one at a time, in order, so this is also a fence between
    /// what a test drove and what it asserts.
    ///
    /// `timeout` bounds a wait that would otherwise not end (a bot whose own
    /// requests keep causing events, or one that does not answer): then
    /// [`SetupError::WebhooksPending`]. Without webhooks configured it returns at once.
    pub async fn webhooks_delivered(&self, timeout: Duration) -> Result<(), SetupError> {
        let settled = self.app().webhooks.settled(timeout).await;
        settled.map_err(|pending| SetupError::WebhooksPending { pending })
    }
}

/// Runs `work` on the conversation (found by index) with the store locked,
/// then queues the status and update webhooks the change calls for. A refusal
/// changes nothing and sends nothing.
fn change<R>(
    app: &App,
    account_id: i64,
    conversation_id: i64,
    work: impl FnOnce(&mut Store, usize, &App) -> Result<R, SetupError>,
) -> Result<R, SetupError> {
    let mut store = app.store.lock();
    let index = conversation_at(&store, account_id, conversation_id)?;
    let watch = Watch::conversation(&app.webhooks, &store, account_id, conversation_id);
    let result = work(&mut store, index, app)?;
    watch.finish(&app.webhooks, &store);
    drop(store);
    crate::automation::run(app);
    Ok(result)
}
