//! The setters of an inbox's own settings, shared by
//! [`CreateInboxRequest`](crate::CreateInboxRequest) and
//! [`UpdateInboxRequest`](crate::UpdateInboxRequest): both bodies have the
//! same optional settings fields.

/// Implements the settings setters on a builder whose `body` has those fields.
macro_rules! settings_setters {
    ($builder:ty) => {
        impl $builder {
            /// Greets new conversations with `message` (and turns greeting on).
            pub fn greeting(mut self, message: impl Into<String>) -> Self {
                self.body.greeting_enabled = Some(true);
                self.body.greeting_message = Some(message.into());
                self
            }

            /// Whether new conversations are assigned to the inbox's agents in turn.
            pub fn auto_assignment(mut self, enabled: bool) -> Self {
                self.body.enable_auto_assignment = Some(enabled);
                self
            }

            /// Whether a contact keeps one conversation at a time.
            pub fn lock_to_single_conversation(mut self, lock: bool) -> Self {
                self.body.lock_to_single_conversation = Some(lock);
                self
            }

            /// Whether contacts may write to a resolved conversation.
            pub fn allow_messages_after_resolved(mut self, allow: bool) -> Self {
                self.body.allow_messages_after_resolved = Some(allow);
                self
            }

            /// The inbox's time zone: a tz database name (`Europe/Berlin`).
            pub fn timezone(mut self, timezone: impl Into<String>) -> Self {
                self.body.timezone = Some(timezone.into());
                self
            }

            /// The business name shown to contacts.
            pub fn business_name(mut self, name: impl Into<String>) -> Self {
                self.body.business_name = Some(name.into());
                self
            }
        }
    };
}

pub(crate) use settings_setters;
