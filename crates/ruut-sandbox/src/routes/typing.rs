//! `toggleTypingStatus`: nothing is stored; the server announces the typing
//! indicator with the `conversation_typing_on` / `conversation_typing_off`
//! webhook (`app/services/conversations/typing_status_manager.rb`,
//! `app/listeners/webhook_listener.rb#handle_typing_status`). The server
//! ignores a `typing_status` other than `on` and `off`; the sandbox, following
//! the spec's enum, answers it with a 422.

use bytes::Bytes;
use serde_json::{Value, json};

use super::conversation_actions::ok_empty;
use crate::auth::Caller;
use crate::scope::{ConversationScope, Reply};
use crate::validate::{Fields, body};
use crate::webhooks::push_data;

/// `POST .../conversations/{conversation_id}/toggle_typing_status`.
pub(crate) fn toggle(cx: ConversationScope<'_>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "typing_status")?;
    let f = Fields(&map);
    let status = f
        .one_of("typing_status", &["on", "off"], false)?
        .ok_or_else(|| crate::errors::ApiError::missing("typing_status"))?;
    let is_private = f.bool("is_private")?.unwrap_or(false);
    if cx.app.webhooks.active(&cx.store, cx.account_id()) {
        let user = match cx.caller {
            Caller::User(id) => cx.store.user(id).map_or(Value::Null, |u| {
                json!({"id": u.id, "name": u.name, "email": u.email, "thumbnail": "", "type": "user"})
            }),
            Caller::Bot(id) => cx.store.bot(id).map_or(Value::Null, |b| {
                json!({"id": b.id, "name": b.name, "thumbnail": "", "type": "agent_bot"})
            }),
        };
        let event = json!({
            "event": format!("conversation_typing_{status}"),
            "user": user,
            "conversation": push_data(&cx.store, cx.conversation()),
            "is_private": is_private,
        });
        cx.app.webhooks.send(&cx.store, cx.account_id(), event);
    }
    ok_empty()
}
