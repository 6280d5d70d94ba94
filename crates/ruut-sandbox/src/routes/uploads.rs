//! `createMessage` with files (a `multipart/form-data` body, read with axum's
//! `Multipart`), and the URLs the files are served back at: the
//! ActiveStorage-style redirect a message's `data_url` names, and the blob it
//! redirects to.
//!
//! The form is read before the store is locked (reading it is async); its
//! errors are answered only after sign-in and the conversation are checked,
//! in the server's order.

use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, FromRequest, Multipart, Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodFilter, MethodRouter, on};
use ruut_api::enums::MessageContentType;

use crate::app::App;
use crate::errors::ApiError;
use crate::files::{self, Files, StoredFile, Upload};
use crate::routes::messages::{self, NewMessage};
use crate::scope::{ConversationScope, Reply, SignedIn};

/// The `createMessage` route: a multipart body is a message with files, any
/// other body the JSON message of [`messages::create`].
pub(crate) fn create_route(method: MethodFilter) -> MethodRouter<Arc<App>> {
    // The pipeline has already applied the sandbox's body limit.
    on(method, create).layer(DefaultBodyLimit::disable())
}

async fn create(signed: SignedIn, State(app): State<Arc<App>>, request: Request) -> Reply {
    let multipart = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        let bytes = axum::body::to_bytes(request.into_body(), usize::MAX)
            .await
            .map_err(|_| ApiError::PayloadTooLarge)?;
        return signed.enter(|cx: ConversationScope<'_>| messages::create(cx, bytes));
    }
    let form = read_form(request, &app).await;
    signed.enter(|cx: ConversationScope<'_>| {
        let (message, uploads) = form?;
        check_files(&cx, &uploads)?;
        messages::insert(cx, message, uploads)
    })
}

/// The form's fields and files; a field the spec does not name is refused.
async fn read_form(
    request: Request,
    app: &Arc<App>,
) -> Result<(NewMessage, Vec<Upload>), ApiError> {
    let bad = |e: axum::extract::multipart::MultipartError| {
        ApiError::Unprocessable(format!(
            "the multipart body cannot be read: {}",
            e.body_text()
        ))
    };
    let mut form = Multipart::from_request(request, app)
        .await
        .map_err(|e| ApiError::Unprocessable(e.body_text()))?;
    let mut message = NewMessage {
        content_type: "text".to_owned(),
        ..NewMessage::default()
    };
    let mut uploads = Vec::new();
    while let Some(field) = form.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "attachments[]" {
            // A part without a file name is, to the server, the signed id of a
            // direct upload; the sandbox has none, so it cannot be found.
            let Some(file_name) = field.file_name().map(str::to_owned) else {
                return Err(ApiError::Unprocessable(
                    "attachments[] must be files (with a file name)".to_owned(),
                ));
            };
            let content_type = field
                .content_type()
                .unwrap_or("application/octet-stream")
                .to_owned();
            let bytes = field.bytes().await.map_err(bad)?;
            uploads.push(Upload {
                file_name,
                content_type,
                bytes,
            });
            continue;
        }
        let text = field.text().await.map_err(bad)?;
        match name.as_str() {
            "content" => message.content = Some(text),
            "message_type" => {
                message.incoming = one_of(&name, &text, &["outgoing", "incoming"])? == "incoming"
            }
            "private" => message.private = boolean(&name, &text)?,
            "content_type" => {
                message.content_type = one_of(&name, &text, MessageContentType::KNOWN)?.to_owned();
            }
            // MessageBuilder#content_attributes: a string that is not a JSON
            // object counts as `{}`.
            "content_attributes" => {
                message.content_attributes = serde_json::from_str(&text).unwrap_or_default();
            }
            "echo_id" => message.echo_id = Some(text),
            "source_id" => message.source_id = Some(text),
            // The spec closes the form (`additionalProperties: false`); the
            // server would ignore the field.
            other => {
                return Err(ApiError::Unprocessable(format!(
                    "{other:?} is not a field of a message"
                )));
            }
        }
    }
    Ok((message, uploads))
}

/// The model's validations: at most 15 files (`validate_attachments_limit`),
/// and, for website widget inboxes only, each at most 40 MB of an accepted
/// type (`Attachment#acceptable_file`).
fn check_files(cx: &ConversationScope<'_>, uploads: &[Upload]) -> Result<(), ApiError> {
    if uploads.len() > files::MAX_FILES_PER_MESSAGE {
        return Err(ApiError::Unprocessable(
            "Validation failed: Attachments exceeded maximum allowed".to_owned(),
        ));
    }
    let c = cx.conversation();
    let widget = cx
        .store
        .inbox(c.account_id, c.inbox_id)
        .is_some_and(|i| i.channel_type == "Channel::WebWidget");
    if widget
        && uploads
            .iter()
            .any(|u| u.bytes.len() > files::MAX_FILE_BYTES)
    {
        return Err(ApiError::Unprocessable(
            "Validation failed: Attachments is invalid".to_owned(),
        ));
    }
    Ok(())
}

fn one_of<'a>(name: &str, value: &str, allowed: &[&'a str]) -> Result<&'a str, ApiError> {
    allowed
        .iter()
        .copied()
        .find(|a| *a == value)
        .ok_or_else(|| ApiError::invalid(name, &format!("one of {}", allowed.join(", "))))
}

/// A form boolean, spelled as the spec's `boolean` (Rails would also cast
/// `1`, `0`, `t`, `f`...; the sandbox holds clients to the spec).
fn boolean(name: &str, value: &str) -> Result<bool, ApiError> {
    match value {
        "true" => Ok(true),
        "false" => Ok(false),
        _ => Err(ApiError::invalid(name, "true or false")),
    }
}

/// `GET /rails/active_storage/blobs/redirect/{id}/{name}`: a `302` to the
/// blob, as ActiveStorage answers (no token needed: the URL is the key).
pub(crate) async fn redirect(
    State(app): State<Arc<App>>,
    Path((id, _)): Path<(i64, String)>,
) -> Response {
    with_file(&app, id, |files, file| {
        (
            StatusCode::FOUND,
            [(header::LOCATION, files.blob_url(file))],
        )
            .into_response()
    })
}

/// `GET /__sandbox/blobs/{id}/{name}`: the file, with its content type.
pub(crate) async fn blob(
    State(app): State<Arc<App>>,
    Path((id, _)): Path<(i64, String)>,
) -> Response {
    with_file(&app, id, |_, file| {
        let content_type = [(header::CONTENT_TYPE, file.upload.content_type.clone())];
        (content_type, file.upload.bytes.clone()).into_response()
    })
}

/// `answer` for the stored file `id`, or a bare 404 (as storage answers).
fn with_file(app: &App, id: i64, answer: impl FnOnce(&Files, &StoredFile) -> Response) -> Response {
    let store = app.store.lock();
    match store.files.get(id) {
        Some(file) => answer(&store.files, file),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
