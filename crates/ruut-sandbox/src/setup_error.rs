//! [`SetupError`]: why seeding a record or driving a server event was refused.

use std::fmt;

use crate::state::Store;

/// Why [`Sandbox::seed`](crate::Sandbox::seed) or one of the server events
/// ([`Sandbox::customer_message`](crate::Sandbox::customer_message), ...) refused
/// to do what the test asked. Nothing is changed when one is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SetupError {
    /// A record the request names does not exist (`record` is e.g. `"inbox"`).
    NotFound {
        /// The kind of record.
        record: &'static str,
        /// The id that was looked for.
        id: i64,
    },
    /// The id chosen for a new record is already in use.
    IdTaken {
        /// The kind of record.
        record: &'static str,
        /// The id that is taken.
        id: i64,
    },
    /// The conversation is not snoozed, so there is no snooze to expire.
    NotSnoozed {
        /// The conversation's display id.
        conversation_id: i64,
    },
    /// [`Sandbox::webhooks_delivered`](crate::Sandbox::webhooks_delivered) gave up
    /// with deliveries still queued or in flight (a receiver that keeps
    /// causing new events, or one that does not answer).
    WebhooksPending {
        /// How many deliveries had not ended.
        pending: u64,
    },
    /// A value the sandbox cannot store (an id below 1, an unknown status, ...).
    Invalid(String),
}

impl fmt::Display for SetupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetupError::NotFound { record, id } => write!(f, "no {record} with id {id}"),
            SetupError::IdTaken { record, id } => write!(f, "{record} id {id} is already taken"),
            SetupError::NotSnoozed { conversation_id } => {
                write!(f, "conversation {conversation_id} is not snoozed")
            }
            SetupError::WebhooksPending { pending } => {
                write!(f, "{pending} webhook deliveries had not ended in time")
            }
            SetupError::Invalid(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for SetupError {}

/// `Ok(id)` if `id` is usable for a new record (positive, not `taken`).
pub(crate) fn fresh(record: &'static str, id: i64, taken: bool) -> Result<i64, SetupError> {
    if id < 1 {
        Err(SetupError::Invalid(format!(
            "{record} ids start at 1, not {id}"
        )))
    } else if taken {
        Err(SetupError::IdTaken { record, id })
    } else {
        Ok(id)
    }
}

/// `Ok(())` if the record exists.
pub(crate) fn exists(record: &'static str, id: i64, found: bool) -> Result<(), SetupError> {
    if found {
        Ok(())
    } else {
        Err(SetupError::NotFound { record, id })
    }
}

/// Where the conversation with this display id in the account is in the store.
pub(crate) fn conversation_at(
    store: &Store,
    account_id: i64,
    conversation_id: i64,
) -> Result<usize, SetupError> {
    store
        .conversation_index(account_id, conversation_id)
        .ok_or(SetupError::NotFound {
            record: "conversation",
            id: conversation_id,
        })
}
