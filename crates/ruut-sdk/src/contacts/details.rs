//! The setters of a contact's details, shared by the builders that send them
//! ([`CreateContactRequest`](crate::CreateContactRequest) and
//! [`UpdateContactRequest`](crate::UpdateContactRequest)): both bodies have
//! the same optional `name`, `email`, `phone_number`, `identifier` and
//! `blocked` fields.

/// Implements the detail setters on a builder whose `body` has those fields.
macro_rules! detail_setters {
    ($builder:ty) => {
        impl $builder {
            /// The contact's name.
            pub fn name(mut self, name: impl Into<String>) -> Self {
                self.body.name = Some(name.into());
                self
            }

            /// The contact's email address (unique in the account).
            pub fn email(mut self, email: impl Into<String>) -> Self {
                self.body.email = Some(email.into());
                self
            }

            /// The contact's phone number, in E.164 form (`+15550100`).
            pub fn phone_number(mut self, phone_number: impl Into<String>) -> Self {
                self.body.phone_number = Some(phone_number.into());
                self
            }

            /// An identifier of the caller's choosing (unique in the account).
            pub fn identifier(mut self, identifier: impl Into<String>) -> Self {
                self.body.identifier = Some(identifier.into());
                self
            }

            /// Whether the contact is blocked.
            pub fn blocked(mut self, blocked: bool) -> Self {
                self.body.blocked = Some(blocked);
                self
            }
        }
    };
}

pub(crate) use detail_setters;
