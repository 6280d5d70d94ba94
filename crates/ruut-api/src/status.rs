//! Questions people ask of a [`ConversationStatus`], answered in one place.
//!
//! These are inherent methods on the same type the generated structs carry, so a
//! status read from a [`Conversation`](crate::types::Conversation) can be asked
//! directly: `conversation.status.is_active()`.

use crate::enums::ConversationStatus;

impl ConversationStatus {
    /// Whether the conversation is in the active queue: `open` or `pending`.
    ///
    /// ```
    /// use ruut_api::enums::ConversationStatus;
    ///
    /// assert!(ConversationStatus::Pending.is_active());
    /// assert!(!ConversationStatus::Snoozed.is_active());
    /// ```
    pub fn is_active(&self) -> bool {
        matches!(self, Self::Open | Self::Pending)
    }

    /// Whether the conversation is finished: `resolved`.
    ///
    /// A resolved conversation reopens when the customer writes again.
    pub fn is_closed(&self) -> bool {
        matches!(self, Self::Resolved)
    }

    /// Whether the conversation is put off until later: `snoozed` or `scheduling`.
    pub fn is_deferred(&self) -> bool {
        matches!(self, Self::Snoozed | Self::Scheduling)
    }

    /// Whether a stock Chatwoot server knows this status, and so whether the
    /// account-scoped `toggleConversationStatus` route can set it.
    ///
    /// `scheduling` exists only in Ruut's documented API, and values this
    /// version of the client does not know are assumed to be unknown to Chatwoot too.
    ///
    /// ```
    /// use ruut_api::enums::ConversationStatus;
    ///
    /// assert!(ConversationStatus::Snoozed.is_chatwoot_status());
    /// assert!(!ConversationStatus::Scheduling.is_chatwoot_status());
    /// ```
    pub fn is_chatwoot_status(&self) -> bool {
        matches!(
            self,
            Self::Open | Self::Pending | Self::Resolved | Self::Snoozed
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_status_falls_in_exactly_one_group() {
        for value in ConversationStatus::KNOWN {
            let status = ConversationStatus::from(*value);
            let groups = [status.is_active(), status.is_closed(), status.is_deferred()];
            assert_eq!(groups.iter().filter(|g| **g).count(), 1, "{status}");
        }
    }

    #[test]
    fn unknown_statuses_are_in_no_group() {
        let status = ConversationStatus::from("archived");
        assert!(!status.is_active() && !status.is_closed() && !status.is_deferred());
        assert!(!status.is_chatwoot_status());
    }
}
