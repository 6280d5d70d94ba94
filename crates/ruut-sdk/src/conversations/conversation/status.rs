//! Changing a conversation's status, on either route.
//!
//! `client.conversation(42).resolve().reason("Customer confirmed the fix").send()`:
//! the intent-named methods of [`ConversationHandle`] (`resolve`, `reopen`,
//! `mark_pending`, `snooze_until`, `snooze_until_reply`, `schedule`, `set_status`)
//! make a [`StatusRequest`], whose `send` changes the status.
//! The route is the client's [`StatusRoute`]; the call and its answer are the same
//! on both. On the account-scoped route the SDK does what that route cannot do by
//! itself, in this order: the status change, then the assignment to the agent (if
//! any), then the reason as a private note (if any). If a later step fails, the
//! error says that the status did change.

use chrono::{DateTime, Utc};
use ruut_api::enums::ConversationStatus;
use ruut_api::types;

use crate::client::Client;
use crate::client::config::StatusRoute;
use crate::conversations::conversation::ConversationHandle;
use crate::error::{Error, ErrorKind};
use crate::transport::options::{CallOptions, call_options};
use ruut_api::operations::Operation;

impl ConversationHandle {
    /// Marks the conversation resolved.
    pub fn resolve(&self) -> StatusRequest {
        self.set_status(ConversationStatus::Resolved)
    }

    /// Reopens the conversation (status `open`).
    pub fn reopen(&self) -> StatusRequest {
        self.set_status(ConversationStatus::Open)
    }

    /// Marks the conversation pending.
    pub fn mark_pending(&self) -> StatusRequest {
        self.set_status(ConversationStatus::Pending)
    }

    /// Snoozes the conversation until `until` (or until the customer replies, if
    /// sooner).
    pub fn snooze_until(&self, until: DateTime<Utc>) -> StatusRequest {
        StatusRequest::new(
            self.client().clone(),
            self.id(),
            ConversationStatus::Snoozed,
            Some(until),
        )
    }

    /// Snoozes the conversation until the customer replies.
    pub fn snooze_until_reply(&self) -> StatusRequest {
        self.set_status(ConversationStatus::Snoozed)
    }

    /// Marks the conversation for a follow-up (`scheduling`). Only Ruut's documented
    /// route knows this status; on the account-scoped route, sending it is an
    /// [`InvalidRequest`](ErrorKind::InvalidRequest) error before any request.
    pub fn schedule(&self) -> StatusRequest {
        self.set_status(ConversationStatus::Scheduling)
    }

    /// Sets any status, named by value (a snooze without a time lasts until the
    /// customer replies).
    pub fn set_status(&self, status: ConversationStatus) -> StatusRequest {
        StatusRequest::new(self.client().clone(), self.id(), status, None)
    }
}

/// A conversation's status after a change: the answer of every status call, on
/// either route.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct StatusChange {
    /// The conversation's display id.
    pub conversation_id: i64,
    /// The status the server now reports.
    pub status: ConversationStatus,
    /// Until when the conversation sleeps; `None` unless it is snoozed until a time.
    pub snoozed_until: Option<DateTime<Utc>>,
}

/// A status change being prepared; send it with [`send`](Self::send).
///
/// Made by the intent-named methods of [`ConversationHandle`]
/// ([`resolve`](ConversationHandle::resolve), [`reopen`](ConversationHandle::reopen),
/// [`mark_pending`](ConversationHandle::mark_pending),
/// [`snooze_until`](ConversationHandle::snooze_until),
/// [`snooze_until_reply`](ConversationHandle::snooze_until_reply),
/// [`schedule`](ConversationHandle::schedule),
/// [`set_status`](ConversationHandle::set_status)).
///
/// ```no_run
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let change = client
///     .conversation(42)
///     .resolve()
///     .reason("Customer confirmed the fix")
///     .agent(7)
///     .send()
///     .await?;
/// assert!(change.status.is_closed());
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use = "a status change is not sent until `.send().await`"]
pub struct StatusRequest {
    client: Client,
    options: CallOptions,
    conversation_id: i64,
    status: ConversationStatus,
    snooze_until: Option<DateTime<Utc>>,
    reason: Option<String>,
    agent_id: Option<i64>,
}

/// What the account-scoped route says when a documented-route status is not
/// a Chatwoot one.
const NOT_ON_ACCOUNT_SCOPED_ROUTE: &str = "only Ruut's documented status route can set it \
     (StatusRoute::Documented, or the default StatusRoute::Auto on a server that has it); \
     this client uses the account-scoped route, as built or because the server lacks the \
     documented one";

const DOCUMENTED_ROUTE_MISSING: &str = "this server lacks Ruut's documented status route \
     (PATCH /api/v1/conversations/{id}/status), as a stock Chatwoot server does; build the \
     client with .status_route(StatusRoute::AccountScoped) to use its toggle_status route, \
     or leave the default StatusRoute::Auto, which finds it by itself";

call_options!(StatusRequest);

impl StatusRequest {
    pub(crate) fn new(
        client: Client,
        conversation_id: i64,
        status: ConversationStatus,
        snooze_until: Option<DateTime<Utc>>,
    ) -> Self {
        Self {
            client,
            options: CallOptions::default(),
            conversation_id,
            status,
            snooze_until,
            reason: None,
            agent_id: None,
        }
    }

    /// Why the status changes, for the audit trail. Sent with the change on the
    /// documented route; kept as a private note (`Status changed to resolved:
    /// {reason}`) on the account-scoped route.
    pub fn reason(mut self, reason: impl Into<String>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    /// The agent responsible. Sent with the change on the documented route; an
    /// assignment of the conversation to that agent on the account-scoped route.
    pub fn agent(mut self, agent_id: i64) -> Self {
        self.agent_id = Some(agent_id);
        self
    }

    /// Sends the change over the client's [`StatusRoute`]. With
    /// [`StatusRoute::Auto`], a server that answers the documented route with a
    /// routing 404 gets the change over the account-scoped route at once, and
    /// this client and its clones use that route from then on.
    ///
    /// # Errors
    ///
    /// * [`StatusChangeForbidden`](ErrorKind::StatusChangeForbidden) when Ruut
    ///   refuses the change because of the conversation's state;
    /// * [`RouteNotFound`](ErrorKind::RouteNotFound) with
    ///   [`StatusRoute::Documented`], when the server has no documented route (the
    ///   hint names the setting to change);
    /// * [`InvalidRequest`](ErrorKind::InvalidRequest), before any request, for
    ///   `scheduling` (or a status this SDK does not know) on the account-scoped
    ///   route, or an account-scoped call on a client without an account id;
    /// * any other kind a request can fail with. On the account-scoped route, an
    ///   error from the assignment or the note says that the status did change.
    pub async fn send(self) -> Result<StatusChange, Error> {
        match self.client.status_route() {
            StatusRoute::Documented => self.send_documented().await,
            StatusRoute::AccountScoped => self.send_account_scoped().await,
            _ => {
                let client = self.client.clone();
                let fallback = self.clone();
                client
                    .documented_or(
                        &client.learned().status_route,
                        (
                            Operation::UpdateConversationStatus,
                            Operation::ToggleConversationStatus,
                        ),
                        self.send_documented(),
                        || fallback.send_account_scoped(),
                    )
                    .await
            }
        }
    }

    async fn send_documented(self) -> Result<StatusChange, Error> {
        let op = Operation::UpdateConversationStatus;
        let answer = self
            .client
            .call_with(&self.options, op, |raw| {
                raw.update_conversation_status()
                    .conversation_id(self.conversation_id)
                    .body_map(|body| {
                        let mut body = body.status(self.status.clone());
                        if let Some(reason) = &self.reason {
                            body = body.reason(reason.clone());
                        }
                        if let Some(agent_id) = self.agent_id {
                            body = body.agent_id(types::RuutId::from(agent_id));
                        }
                        if let Some(until) = self.snooze_until {
                            body = body.snooze_time(until);
                        }
                        body
                    })
                    .send()
            })
            .await
            .map_err(|e| match e.kind() {
                ErrorKind::RouteNotFound => e.with_hint(DOCUMENTED_ROUTE_MISSING),
                _ => e,
            })?;
        let conversation_id = match &answer.id {
            types::RuutId::Int64(id) => *id,
            types::RuutId::String(id) => id.parse().unwrap_or(self.conversation_id),
        };
        Ok(StatusChange {
            conversation_id,
            status: answer.status,
            snoozed_until: answer.snooze_time,
        })
    }

    async fn send_account_scoped(self) -> Result<StatusChange, Error> {
        let op = Operation::ToggleConversationStatus;
        let toggleable = match self.status.as_str().parse::<types::ToggleableStatus>() {
            Ok(status) if self.status.is_chatwoot_status() => status,
            _ => {
                return Err(Error::invalid_request(format!(
                    "the account-scoped status route cannot set the status {:?}",
                    self.status.as_str()
                ))
                .with_hint(NOT_ON_ACCOUNT_SCOPED_ROUTE)
                .with_operation(op));
            }
        };
        let account_id = self.client.require_account(op)?;
        let answer = self
            .client
            .call_with(&self.options, op, |raw| {
                raw.toggle_conversation_status()
                    .account_id(account_id)
                    .conversation_id(self.conversation_id)
                    .body_map(|body| {
                        let body = body.status(toggleable);
                        match self.snooze_until {
                            // Chatwoot reads this one as Unix seconds.
                            Some(until) => body.snoozed_until(until.timestamp()),
                            None => body,
                        }
                    })
                    .send()
            })
            .await?
            .payload;
        if answer.success == Some(false) {
            return Err(Error::new(
                ErrorKind::Validation,
                format!(
                    "the server did not save the change to {} (success: false)",
                    self.status
                ),
            )
            .with_status(200)
            .with_operation(op));
        }
        let change = StatusChange {
            conversation_id: answer.conversation_id,
            status: answer.current_status,
            snoozed_until: answer.snoozed_until,
        };

        let conversation = self.client.conversation(self.conversation_id);
        if let Some(agent_id) = self.agent_id {
            conversation
                .assign(agent_id)
                .await
                .map_err(|e| after_change(e, &change, &format!("assigning agent {agent_id}")))?;
        }
        if let Some(reason) = &self.reason {
            let note = format!("Status changed to {}: {reason}", change.status);
            conversation
                .note(note)
                .send()
                .await
                .map_err(|e| after_change(e, &change, "keeping the reason as a private note"))?;
        }
        Ok(change)
    }
}

/// An error from a step after the status changed, saying that it did.
fn after_change(error: Error, change: &StatusChange, step: &str) -> Error {
    let message = format!(
        "the status is now {}, but {step} failed: {}",
        change.status,
        error.message()
    );
    error.with_message(message)
}
