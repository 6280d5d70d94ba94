//! Attachments: the files uploaded with messages (`createMessage` with a
//! `multipart/form-data` body), kept in memory with what the server records
//! about them, and the URLs they are served back at.
//!
//! As on the server, a message's `data_url` is an ActiveStorage-style
//! redirect (`/rails/active_storage/blobs/redirect/{id}/{name}`) to where the
//! bytes are (here the sandbox's own `/__sandbox/blobs/{id}/{name}`).

use bytes::Bytes;
use ruut_api::types;

use crate::clock;

/// The server's limit on one file: `MAXIMUM_FILE_UPLOAD_SIZE` (40 MB by
/// default, `limit_mb.megabytes`), `app/models/attachment.rb`.
pub(crate) const MAX_FILE_BYTES: usize = 40 * 1024 * 1024;

/// The most files one message takes (`Message::NUMBER_OF_PERMITTED_ATTACHMENTS`).
pub(crate) const MAX_FILES_PER_MESSAGE: usize = 15;

/// Attachments per page of `listConversationAttachments` (`ATTACHMENT_RESULTS_PER_PAGE`).
pub(crate) const PAGE_SIZE: usize = 100;

/// Where the redirect route lives (ActiveStorage's path).
pub(crate) const REDIRECT_PREFIX: &str = "/rails/active_storage/blobs/redirect";

/// Where the bytes are served (the sandbox's "storage service").
pub(crate) const BLOB_PREFIX: &str = "/__sandbox/blobs";

/// One uploaded file, before it is stored.
#[derive(Clone, Debug)]
pub(crate) struct Upload {
    /// The part's file name.
    pub file_name: String,
    /// The part's content type.
    pub content_type: String,
    /// The file.
    pub bytes: Bytes,
}

/// One stored attachment.
#[derive(Clone, Debug)]
pub(crate) struct StoredFile {
    pub id: i64,
    pub account_id: i64,
    pub message_id: i64,
    pub file_type: &'static str,
    pub created_at: i64,
    pub upload: Upload,
}

/// Every attachment, and the origin their URLs start with.
#[derive(Clone, Debug, Default)]
pub(crate) struct Files {
    /// `http://127.0.0.1:<port>`, set when the server starts.
    pub origin: String,
    next_id: i64,
    items: Vec<StoredFile>,
}

impl Files {
    /// Stores `upload` as an attachment of the message.
    pub fn add(&mut self, account_id: i64, message_id: i64, upload: Upload) {
        self.next_id += 1;
        self.items.push(StoredFile {
            id: self.next_id,
            account_id,
            message_id,
            file_type: file_type(&upload.content_type),
            created_at: clock::now(),
            upload,
        });
    }

    /// The message's attachments, in upload order.
    pub fn of_message(&self, account_id: i64, message_id: i64) -> Vec<&StoredFile> {
        self.items
            .iter()
            .filter(|f| f.account_id == account_id && f.message_id == message_id)
            .collect()
    }

    /// Removes the message's attachments (`message.attachments.destroy_all`).
    pub fn remove_message(&mut self, account_id: i64, message_id: i64) {
        self.items
            .retain(|f| !(f.account_id == account_id && f.message_id == message_id));
    }

    /// The attachment with this id, if it is still there.
    pub fn get(&self, id: i64) -> Option<&StoredFile> {
        self.items.iter().find(|f| f.id == id)
    }

    /// The attachment's `data_url`: the redirect to its bytes.
    pub fn data_url(&self, file: &StoredFile) -> String {
        format!(
            "{}{REDIRECT_PREFIX}/{}/{}",
            self.origin,
            file.id,
            url_segment(&file.upload.file_name)
        )
    }

    /// Where the redirect sends the client.
    pub fn blob_url(&self, file: &StoredFile) -> String {
        format!(
            "{}{BLOB_PREFIX}/{}/{}",
            self.origin,
            file.id,
            url_segment(&file.upload.file_name)
        )
    }

    /// The attachment as a message payload shows it (`Attachment#push_event_data`).
    pub fn render(&self, file: &StoredFile) -> types::Attachment {
        types::Attachment {
            id: file.id,
            message_id: Some(file.message_id),
            file_type: Some(file.file_type.to_owned()),
            account_id: Some(file.account_id),
            // Set by some channels only; never for API uploads.
            extension: None,
            data_url: Some(self.data_url(file)),
            // Thumbnails are rendered for images only.
            thumb_url: Some(if file.file_type == "image" {
                self.data_url(file)
            } else {
                String::new()
            }),
            file_size: Some(i64::try_from(file.upload.bytes.len()).unwrap_or(i64::MAX)),
            width: None,
            height: None,
        }
    }
}

/// `FileTypeHelper#file_type`: what the server files an upload as, by its
/// content type.
pub(crate) fn file_type(content_type: &str) -> &'static str {
    const IMAGES: [&str; 6] = [
        "image/jpeg",
        "image/png",
        "image/gif",
        "image/bmp",
        "image/webp",
        "image",
    ];
    const VIDEOS: [&str; 5] = [
        "video/ogg",
        "video/mp4",
        "video/webm",
        "video/quicktime",
        "video",
    ];
    if IMAGES.contains(&content_type) {
        "image"
    } else if VIDEOS.contains(&content_type) {
        "video"
    } else if content_type.contains("audio/") {
        "audio"
    } else {
        "file"
    }
}

/// A file name as one URL path segment (percent-encoded).
fn url_segment(name: &str) -> String {
    form_urlencoded::byte_serialize(name.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_types_follow_the_servers_helper() {
        assert_eq!(file_type("image/png"), "image");
        assert_eq!(file_type("image/svg+xml"), "file");
        assert_eq!(file_type("video/mp4"), "video");
        assert_eq!(file_type("audio/ogg"), "audio");
        assert_eq!(file_type("application/pdf"), "file");
    }

    #[test]
    fn data_urls_redirect_and_encode_the_name() {
        let mut files = Files {
            origin: "http://127.0.0.1:9".to_owned(),
            ..Files::default()
        };
        let upload = Upload {
            file_name: "my invoice.pdf".to_owned(),
            content_type: "application/pdf".to_owned(),
            bytes: Bytes::from_static(b"%PDF"),
        };
        files.add(1, 7, upload);
        let file = files.of_message(1, 7)[0];
        assert_eq!(
            files.data_url(file),
            "http://127.0.0.1:9/rails/active_storage/blobs/redirect/1/my%20invoice.pdf"
        );
        assert_eq!(files.render(file).file_size, Some(4));
        files.remove_message(1, 7);
        assert!(files.get(1).is_none());
    }
}
