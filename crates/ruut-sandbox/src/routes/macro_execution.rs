//! `executeMacro`: runs a macro's actions on conversations, as Chatwoot's
//! `MacrosExecutionJob` and `Macros::ExecutionService` (with
//! `ActionService`) do, but before answering: the server answers first and
//! runs the job later. Which actions apply is in [`crate::actions`]. The
//! conversation and message webhooks go out as for any other change.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::Value;

use super::macros::MacroScope;
use crate::actions::{Actor, Target, apply};
use crate::errors::ApiError;
use crate::scope::Reply;
use crate::validate::body;
use crate::webhooks::Watch;

/// `POST /api/v1/accounts/{account_id}/macros/{macro_id}/execute`: an empty 200.
pub(crate) fn execute(mut cx: MacroScope<'_>, bytes: Bytes) -> Reply {
    if !cx.found().usable_by(cx.user_id()) {
        return Err(ApiError::NotAuthorized);
    }
    let map = body(&bytes, "conversation_ids")?;
    let ids = match map.get("conversation_ids") {
        Some(Value::Array(items)) => items
            .iter()
            .map(Value::as_i64)
            .collect::<Option<Vec<i64>>>()
            .ok_or_else(|| ApiError::invalid("conversation_ids", "a list of integers"))?,
        Some(_) => return Err(ApiError::invalid("conversation_ids", "a list of integers")),
        None => return Err(ApiError::missing("conversation_ids")),
    };
    let (account_id, actions) = (cx.account_id(), cx.found().actions.clone());
    let user_id = cx.user_id().unwrap_or_default();
    let app = cx.app;
    let store = &mut *cx.store;
    for display_id in ids {
        let Some(index) = store.conversation_index(account_id, display_id) else {
            continue;
        };
        let watch = Watch::conversation(&app.webhooks, store, account_id, display_id);
        for action in &actions {
            apply(
                store,
                app,
                Target {
                    index,
                    account_id,
                    actor: Actor::User(user_id),
                },
                action,
            );
        }
        watch.finish(&app.webhooks, store);
    }
    Ok(StatusCode::OK.into_response())
}
