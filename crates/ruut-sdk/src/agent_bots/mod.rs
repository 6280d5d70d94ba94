//! Agent bots: [`Client::list_agent_bots`], [`Client::get_agent_bot`],
//! [`Client::create_agent_bot`], and [`Client::agent_bot`] for the
//! [`AgentBotHandle`] that updates, deletes and resets one.
//!
//! A bot's access token is an [`AccessToken`], which never shows itself in
//! `Debug` output.
//!
//! [`Client::list_agent_bots`]: crate::Client::list_agent_bots
//! [`Client::get_agent_bot`]: crate::Client::get_agent_bot
//! [`Client::create_agent_bot`]: crate::Client::create_agent_bot
//! [`Client::agent_bot`]: crate::Client::agent_bot

pub(crate) mod create;
pub(crate) mod fields;
pub(crate) mod handle;
pub(crate) mod info;
pub(crate) mod list;
