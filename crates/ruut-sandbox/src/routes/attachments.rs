//! `listConversationAttachments`: the files of a conversation's messages,
//! newest first, 100 a page, as `conversations/attachments.json.jbuilder`
//! renders them.

use axum::http::StatusCode;
use serde_json::{Value, json};

use crate::errors::json_response;
use crate::files::PAGE_SIZE;
use crate::render;
use crate::scope::{ConversationScope, Reply};
use crate::validate::Query;

/// `GET .../conversations/{conversation_id}/attachments`.
pub(crate) fn list(cx: ConversationScope<'_>, query: Query) -> Reply {
    let page = query.int("page")?.unwrap_or(1).max(1);
    let (store, c) = (&cx.store, cx.conversation());
    let mut files: Vec<_> = c
        .messages
        .iter()
        .flat_map(|m| {
            store
                .files
                .of_message(c.account_id, m.id)
                .into_iter()
                .map(move |f| (m, f))
        })
        .collect();
    // `order(created_at: :desc)`; the id breaks ties within a second.
    files.sort_by_key(|(_, f)| std::cmp::Reverse((f.created_at, f.id)));
    let total = files.len();
    let skip = usize::try_from(page - 1)
        .unwrap_or(usize::MAX)
        .saturating_mul(PAGE_SIZE);
    let payload: Vec<Value> = files
        .into_iter()
        .skip(skip)
        .take(PAGE_SIZE)
        .map(|(m, f)| {
            let file = store.files.render(f);
            let message = render::message(store, c, m);
            let mut item = json!({
                "message_id": m.id,
                "thumb_url": file.thumb_url,
                "data_url": file.data_url,
                "file_size": file.file_size,
                "file_type": file.file_type,
                "extension": file.extension,
                "width": file.width,
                "height": file.height,
                "created_at": m.created_at,
            });
            if let (Some(sender), Value::Object(map)) = (message.get("sender"), &mut item) {
                map.insert("sender".to_owned(), sender.clone());
            }
            item
        })
        .collect();
    let body = json!({"meta": {"total_count": total}, "payload": payload});
    Ok(json_response(StatusCode::OK, &body))
}
