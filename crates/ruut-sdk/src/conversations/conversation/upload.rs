//! Files sent with a message: [`FileAttachment`], the server's limits on
//! them, and the `multipart/form-data` request that carries them.
//!
//! Progenitor generates JSON bodies only, so this request is built here; it
//! is sent through the generated client's own hooks (`pre`, `exec`, `post`),
//! so that it has the same token header, response-size cap and answer
//! observer as every other call, and through [`Client::call_with`], so that it
//! has the same rate limit, timeout and error conversion. It is never retried
//! (`createMessage` is not idempotent).

use std::path::{Path, PathBuf};

use bytes::Bytes;
use progenitor_client::{ClientHooks, ClientInfo, Error as ApiError, OperationInfo, ResponseValue};
use reqwest::multipart::{Form, Part};
use ruut_api::operations::Operation;
use ruut_api::types::{ErrorBody, Message, NewMessage};

use crate::error::{Error, ErrorKind};

/// The largest file the server takes: 40 MB (`MAXIMUM_FILE_UPLOAD_SIZE`,
/// default 40, in megabytes of 1024 × 1024 bytes; `app/models/attachment.rb`).
/// A larger file is refused with
/// [`AttachmentTooLarge`](crate::ErrorKind::AttachmentTooLarge) before
/// anything is sent.
pub const MAX_ATTACHMENT_BYTES: u64 = 40 * 1024 * 1024;

/// The most files one message takes (`Message::NUMBER_OF_PERMITTED_ATTACHMENTS`).
pub const MAX_ATTACHMENTS: usize = 15;

/// A file to send with a message: read from disk, or held in memory; see
/// [`MessageRequest::attach`](crate::MessageRequest::attach).
///
/// Neither kind is copied into the request: a file on disk is streamed from
/// it (opened when the message is sent), bytes in memory are shared.
///
/// ```no_run
/// use ruut_sdk::FileAttachment;
///
/// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
/// let message = client
///     .conversation(42)
///     .reply("Here is your invoice.")
///     .attach(FileAttachment::from_path("invoices/2026-11.pdf"))
///     .attach(FileAttachment::from_bytes("notes.txt", "text/plain", "Paid in full."))
///     .send()
///     .await?;
/// println!("{} files attached", message.attachments.len());
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct FileAttachment {
    file_name: String,
    content_type: Option<String>,
    source: Source,
}

#[derive(Clone, Debug)]
enum Source {
    Path(PathBuf),
    Bytes(Bytes),
}

impl FileAttachment {
    /// The file at `path`, under its own name; the content type is guessed
    /// from the extension (`application/octet-stream` when unknown) unless
    /// [`content_type`](Self::content_type) sets it.
    pub fn from_path(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        let file_name = path
            .file_name()
            .map_or_else(|| "file".to_owned(), |n| n.to_string_lossy().into_owned());
        Self {
            file_name,
            content_type: None,
            source: Source::Path(path),
        }
    }

    /// `bytes` as a file named `file_name` of type `content_type` (e.g.
    /// `image/png`). `Bytes`, `Vec<u8>`, `String` and `&'static [u8]` all
    /// convert without a copy.
    pub fn from_bytes(
        file_name: impl Into<String>,
        content_type: impl Into<String>,
        bytes: impl Into<Bytes>,
    ) -> Self {
        Self {
            file_name: file_name.into(),
            content_type: Some(content_type.into()),
            source: Source::Bytes(bytes.into()),
        }
    }

    /// Sets the content type. The server files the common image types
    /// (`image/png`, `image/jpeg`, ...) as images, the common video types as
    /// videos, `audio/*` as audio and anything else as a file.
    pub fn content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// Renames the file as the server will show it.
    pub fn file_name(mut self, file_name: impl Into<String>) -> Self {
        self.file_name = file_name.into();
        self
    }

    /// The name the server will show.
    pub fn name(&self) -> &str {
        &self.file_name
    }

    /// The file's size, read from disk for a path.
    async fn size(&self, op: Operation) -> Result<u64, Error> {
        match &self.source {
            Source::Bytes(bytes) => Ok(bytes.len() as u64),
            Source::Path(path) => tokio::fs::metadata(path)
                .await
                .map(|m| m.len())
                .map_err(|e| unreadable(path, &e).with_operation(op)),
        }
    }

    /// The form part: the file streamed from disk, or the shared bytes.
    async fn part(&self) -> std::io::Result<Part> {
        let part = match &self.source {
            Source::Path(path) => Part::file(path).await?,
            Source::Bytes(bytes) => {
                Part::stream_with_length(reqwest::Body::from(bytes.clone()), bytes.len() as u64)
            }
        };
        let part = part.file_name(self.file_name.clone());
        match &self.content_type {
            Some(ct) => part
                .mime_str(ct)
                .map_err(|_| std::io::Error::other(format!("`{ct}` is not a content type"))),
            None => Ok(part),
        }
    }
}

fn unreadable(path: &Path, e: &std::io::Error) -> Error {
    Error::invalid_request(format!(
        "cannot read the attachment {}: {e}",
        path.display()
    ))
}

/// Refuses, before anything is sent, files the server would refuse: too many,
/// or one too large.
pub(crate) async fn check(files: &[FileAttachment], op: Operation) -> Result<(), Error> {
    if files.len() > MAX_ATTACHMENTS {
        let message = format!(
            "a message takes at most {MAX_ATTACHMENTS} files, and this one has {}",
            files.len()
        );
        return Err(Error::new(ErrorKind::AttachmentTooLarge, message).with_operation(op));
    }
    for file in files {
        let size = file.size(op).await?;
        if size > MAX_ATTACHMENT_BYTES {
            let message = format!(
                "the attachment {} is {size} bytes, over the server's limit of {MAX_ATTACHMENT_BYTES} bytes (40 MB)",
                file.file_name
            );
            return Err(Error::new(ErrorKind::AttachmentTooLarge, message).with_operation(op));
        }
    }
    Ok(())
}

/// The message's fields as form fields, then one `attachments[]` part per file.
async fn form(body: &NewMessage, files: &[FileAttachment]) -> std::io::Result<Form> {
    let fields = [
        ("private", body.private.map(|p| p.to_string())),
        ("message_type", body.message_type.map(|t| t.to_string())),
        (
            "content_type",
            body.content_type.as_ref().map(|t| t.to_string()),
        ),
        (
            "content_attributes",
            body.content_attributes
                .as_ref()
                .map(|a| serde_json::Value::Object(a.0.clone()).to_string()),
        ),
        ("echo_id", body.echo_id.clone()),
        ("source_id", body.source_id.clone()),
    ];
    let mut form = Form::new().text("content", body.content.clone());
    for (name, value) in fields {
        if let Some(value) = value {
            form = form.text(name, value);
        }
    }
    for file in files {
        form = form.part("attachments[]", file.part().await?);
    }
    Ok(form)
}

/// Sends `createMessage` with a multipart body, as the generated builder
/// sends the JSON one.
pub(crate) async fn send(
    raw: &ruut_api::Client,
    account_id: i64,
    conversation_id: i64,
    body: &NewMessage,
    files: &[FileAttachment],
) -> Result<ResponseValue<Message>, ApiError<ErrorBody>> {
    let form = form(body, files)
        .await
        .map_err(|e| ApiError::InvalidRequest(e.to_string()))?;
    let url = format!(
        "{}/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages",
        raw.baseurl()
    );
    let mut request = raw
        .client()
        .post(url)
        .header(reqwest::header::ACCEPT, "application/json")
        .header("api-version", ruut_api::Client::api_version())
        .multipart(form)
        .build()?;
    let info = OperationInfo {
        operation_id: Operation::CreateMessage.client_method(),
    };
    raw.pre(&mut request, &info).await?;
    let result = raw.exec(request, &info).await;
    raw.post(&result, &info).await?;
    let response = result?;
    match response.status().as_u16() {
        200 => ResponseValue::from_response(response).await,
        401 | 404 | 422 => Err(ApiError::ErrorResponse(
            ResponseValue::from_response(response).await?,
        )),
        _ => Err(ApiError::UnexpectedResponse(response)),
    }
}
