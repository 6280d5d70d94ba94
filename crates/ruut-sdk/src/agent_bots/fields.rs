//! The setters of an agent bot's fields, shared by
//! [`CreateAgentBotRequest`](crate::CreateAgentBotRequest) and
//! [`UpdateAgentBotRequest`](crate::UpdateAgentBotRequest): both send the
//! same optional fields.

/// Implements the field setters on a builder whose `body` is an `AgentBotFields`.
macro_rules! bot_setters {
    ($builder:ty) => {
        impl $builder {
            /// The bot's name.
            pub fn name(mut self, name: impl Into<String>) -> Self {
                self.body.name = Some(name.into());
                self
            }

            /// The bot's description.
            pub fn description(mut self, description: impl Into<String>) -> Self {
                self.body.description = Some(description.into());
                self
            }

            /// Where the server POSTs the events of the bot's conversations (at
            /// most 2048 characters).
            pub fn outgoing_url(mut self, url: impl Into<String>) -> Self {
                self.body.outgoing_url = Some(url.into());
                self
            }

            /// Sets one key of the bot's free-form configuration.
            pub fn config(
                mut self,
                key: impl Into<String>,
                value: impl Into<serde_json::Value>,
            ) -> Self {
                self.body.bot_config.insert(key.into(), value.into());
                self
            }

            /// An image URL the server fetches, later, as the bot's avatar.
            pub fn avatar_url(mut self, url: impl Into<String>) -> Self {
                self.body.avatar_url = Some(url.into());
                self
            }
        }
    };
}

pub(crate) use bot_setters;
