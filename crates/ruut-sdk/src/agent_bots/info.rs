//! What the server tells about an agent bot: [`AgentBotInfo`], and its
//! [`AccessToken`].

use std::fmt;

use ruut_api::types;
use serde_json::{Map, Value};

/// An agent bot's API token: a secret. `Debug` prints `AccessToken([redacted])`;
/// [`expose`](Self::expose) gives the token itself, to hand to the bot (for
/// example to [`ClientBuilder::api_token`](crate::ClientBuilder::api_token)).
///
/// ```
/// # use ruut_sdk::AccessToken;
/// let token = AccessToken::from("bot-token");
/// assert_eq!(format!("{token:?}"), "AccessToken([redacted])");
/// assert_eq!(token.expose(), "bot-token");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken(String);

impl AccessToken {
    /// The token itself. Keep it out of logs.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl From<String> for AccessToken {
    fn from(token: String) -> Self {
        AccessToken(token)
    }
}

impl From<ruut_api::secret::Secret> for AccessToken {
    fn from(token: ruut_api::secret::Secret) -> Self {
        AccessToken(token.into_inner())
    }
}

impl From<&str> for AccessToken {
    fn from(token: &str) -> Self {
        AccessToken(token.to_owned())
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken([redacted])")
    }
}

/// An agent bot as the server renders it: one of the account's own, or a
/// system bot (`system_bot`, of no account) every account may use.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct AgentBotInfo {
    /// The bot's id.
    pub id: i64,
    /// Its name.
    pub name: Option<String>,
    /// Its description.
    pub description: Option<String>,
    /// Its avatar's URL (empty when it has none).
    pub thumbnail: Option<String>,
    /// Where the server POSTs the events of the bot's conversations (never
    /// given for a system bot).
    pub outgoing_url: Option<String>,
    /// The bot's type: `webhook`.
    pub bot_type: String,
    /// Free-form configuration.
    pub bot_config: Map<String, Value>,
    /// The bot's account; `None` for a system bot.
    pub account_id: Option<i64>,
    /// Whether it is a system bot.
    pub system_bot: bool,
    /// The bot's token: given for the account's own bots only.
    pub access_token: Option<AccessToken>,
}

impl From<types::AgentBot> for AgentBotInfo {
    fn from(bot: types::AgentBot) -> Self {
        AgentBotInfo {
            id: bot.id,
            name: bot.name,
            description: bot.description,
            thumbnail: bot.thumbnail,
            outgoing_url: bot.outgoing_url,
            bot_type: bot.bot_type,
            bot_config: bot.bot_config.unwrap_or_default(),
            account_id: bot.account_id,
            system_bot: bot.system_bot,
            access_token: bot.access_token.map(AccessToken::from),
        }
    }
}
