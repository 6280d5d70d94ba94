//! Notes about a contact: `listContactNotes`, `createContactNote`,
//! `updateContactNote`, `deleteContactNote` (Chatwoot's
//! `Contacts::NotesController`).
//!
//! The body is `{"content": ...}` (Rails wraps it into `note`) or
//! `{"note": {"content": ...}}`; without `content` it is a 422 "param is
//! missing or the value is empty: note". An empty `content` fails the
//! model's validation on create (422 `message`/`attributes`) and is not
//! saved on update (`update`, not `update!`: the note comes back unchanged).

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Map, Value};

use crate::auth::Caller;
use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::notes::{Note, note_json};
use crate::scope::{Account, ContactScope, InAccount, InContact, Path, Place, Reply, Scope};
use crate::state::Store;
use crate::validate::{Fields, body};

/// A note: `{note_id}` of the contact `{contact_id}` in `{account_id}`.
pub(crate) struct InNote {
    contact: InContact,
    index: usize,
}

impl Place for InNote {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let contact = InContact::find(store, caller, path)?;
        let (contact_id, note_id) = (path.id("contact_id")?, path.id("note_id")?);
        let index = store
            .notes
            .iter()
            .position(|n| n.id == note_id && n.contact_id == contact_id)
            .ok_or(ApiError::NotFound)?;
        Ok(InNote { contact, index })
    }
}

impl InAccount for InNote {
    fn account(&self) -> Account {
        self.contact.account()
    }
}

/// A route scoped to a note.
type NoteScope<'a> = Scope<'a, InNote>;

/// The `content` of a note body (top level, or inside `note`); `None` when
/// the body has none.
fn content(map: &Map<String, Value>) -> Result<Option<String>, ApiError> {
    let f = Fields(map);
    if let Some(content) = f.string("content", false)? {
        return Ok(Some(content));
    }
    match f.object("note")? {
        Some(note) => Fields(&note).string("content", false),
        None => Ok(None),
    }
}

/// The content of a note body, which must have one.
fn required_content(bytes: &Bytes) -> Result<String, ApiError> {
    content(&body(bytes, "note")?)?.ok_or_else(|| ApiError::missing("note"))
}

/// `GET /api/v1/accounts/{account_id}/contacts/{contact_id}/notes`: newest first.
pub(crate) fn list(cx: ContactScope<'_>) -> Reply {
    let id = cx.contact().id;
    let mut notes: Vec<&Note> = cx
        .store
        .notes
        .iter()
        .filter(|n| n.contact_id == id)
        .collect();
    notes.sort_by_key(|n| std::cmp::Reverse((n.created_at, n.id)));
    let body: Vec<Value> = notes.iter().map(|n| note_json(&cx.store, n)).collect();
    Ok(json_response(StatusCode::OK, &Value::Array(body)))
}

/// `POST /api/v1/accounts/{account_id}/contacts/{contact_id}/notes`.
pub(crate) fn create(mut cx: ContactScope<'_>, bytes: Bytes) -> Reply {
    let content = required_content(&bytes)?;
    if content.trim().is_empty() {
        return Err(ApiError::Invalid {
            message: "Content can't be blank".to_owned(),
            attributes: vec!["content".to_owned()],
        });
    }
    let (account_id, contact_id, user_id) = (cx.account_id(), cx.contact().id, cx.user_id());
    let now = clock::now();
    let store = &mut cx.store;
    let note = Note {
        id: store.next_note_id,
        account_id,
        contact_id,
        user_id,
        content,
        created_at: now,
        updated_at: now,
    };
    store.next_note_id += 1;
    let body = note_json(store, &note);
    store.notes.push(note);
    Ok(json_response(StatusCode::OK, &body))
}

/// `PATCH /api/v1/accounts/{account_id}/contacts/{contact_id}/notes/{note_id}`.
pub(crate) fn update(mut cx: NoteScope<'_>, bytes: Bytes) -> Reply {
    let content = required_content(&bytes)?;
    let index = cx.place.index;
    if !content.trim().is_empty() {
        let note = &mut cx.store.notes[index];
        note.content = content;
        note.updated_at = clock::now();
    }
    let body = note_json(&cx.store, &cx.store.notes[index]);
    Ok(json_response(StatusCode::OK, &body))
}

/// `DELETE /api/v1/accounts/{account_id}/contacts/{contact_id}/notes/{note_id}`:
/// an empty 200.
pub(crate) fn delete(mut cx: NoteScope<'_>) -> Reply {
    let index = cx.place.index;
    cx.store.notes.remove(index);
    Ok(StatusCode::OK.into_response())
}
