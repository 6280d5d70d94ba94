//! Inboxes: [`Client::list_inboxes`], [`Client::get_inbox`],
//! [`Client::create_inbox`] (an API inbox), and [`Client::inbox`] for the
//! [`InboxHandle`] that changes, deletes and routes one.
//!
//! [`Client::list_inboxes`]: crate::Client::list_inboxes
//! [`Client::get_inbox`]: crate::Client::get_inbox
//! [`Client::create_inbox`]: crate::Client::create_inbox
//! [`Client::inbox`]: crate::Client::inbox

pub(crate) mod bot;
pub(crate) mod create;
pub(crate) mod handle;
pub(crate) mod list;
pub(crate) mod members;
pub(crate) mod settings;
