//! Notes about contacts: the record and its wire shape (Chatwoot's `Note`
//! model and `models/_note.json.jbuilder`).

use serde_json::{Value, json};

use crate::render;
use crate::state::{AssigneeRef, Store};

/// A note an agent wrote about a contact.
#[derive(Clone, Debug)]
pub(crate) struct Note {
    pub id: i64,
    pub account_id: i64,
    pub contact_id: i64,
    /// Who wrote it (`None` once the user is gone).
    pub user_id: Option<i64>,
    pub content: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// A note as the server renders it: `account_id` and `contact_id` are null
/// (the partial writes `json.account_id json.account_id`), `user` only when
/// the author still exists.
pub(crate) fn note_json(store: &Store, note: &Note) -> Value {
    let mut value = json!({
        "id": note.id,
        "content": note.content,
        "account_id": null,
        "contact_id": null,
        "created_at": note.created_at,
        "updated_at": note.updated_at,
    });
    let user = note
        .user_id
        .and_then(|id| render::assignee(store, note.account_id, AssigneeRef::User(id)));
    if let (Some(user), Value::Object(map)) = (user, &mut value) {
        map.insert("user".into(), render::to_json(&user));
    }
    value
}
