//! Downloading an attachment: [`Client::download_attachment`].
//!
//! A `data_url` is an ActiveStorage redirect (`/rails/active_storage/...` on
//! the API host) to the storage service, usually another host (S3, GCS...).
//! Neither needs the access token: the URL is signed. So the download never
//! sends it, to any host: it goes through its own HTTP client, without the
//! default headers of the API client, and follows redirects itself (at most
//! [`MAX_REDIRECTS`]), each hop a fresh request with no credentials at all.

use futures::{Stream, TryStreamExt};
use ruut_api::hooks::cap_response;

use crate::client::Client;
use crate::conversations::conversation::upload::MAX_ATTACHMENT_BYTES;
use crate::error::{Error, ErrorKind, convert};

/// The most redirects a download follows.
pub const MAX_REDIRECTS: usize = 5;

impl Client {
    /// Downloads an attachment from its `data_url` (a message's
    /// `attachments[].data_url`, or one from
    /// [`ConversationHandle::attachments`](crate::ConversationHandle::attachments)),
    /// following the redirect to the storage service. The access token is never
    /// sent: not to the storage host, not to the API host (the URL is signed).
    ///
    /// ```no_run
    /// # async fn demo(client: ruut_sdk::Client) -> Result<(), ruut_sdk::Error> {
    /// let message = client.conversation(42).messages().send().await?.messages.remove(0);
    /// for file in &message.attachments {
    ///     if let Some(url) = &file.data_url {
    ///         let download = client.download_attachment(url).await?;
    ///         let content_type = download.content_type().map(str::to_owned);
    ///         println!("{content_type:?}: {} bytes", download.bytes().await?.len());
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidRequest`](ErrorKind::InvalidRequest) for a URL that is not
    /// http(s); [`Redirect`](ErrorKind::Redirect) after more than
    /// [`MAX_REDIRECTS`] redirects or one without a `Location`; the kind of the
    /// status for an error answer ([`NotFound`](ErrorKind::NotFound), ...);
    /// [`Timeout`](ErrorKind::Timeout) and [`Connection`](ErrorKind::Connection).
    pub async fn download_attachment(&self, data_url: &str) -> Result<AttachmentDownload, Error> {
        let settings = &self.inner.settings;
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(settings.timeout)
            .connect_timeout(settings.connect_timeout)
            .user_agent(settings.user_agent.clone())
            .build()
            .map_err(|e| convert::from_reqwest(&e))?;
        let base = reqwest::Url::parse(&settings.base_url).ok();
        let mut url = reqwest::Url::options()
            .base_url(base.as_ref())
            .parse(data_url)
            .map_err(|e| Error::invalid_request(format!("not an attachment URL: {e}")))?;
        for _ in 0..=MAX_REDIRECTS {
            if !matches!(url.scheme(), "http" | "https") {
                return Err(Error::invalid_request(format!(
                    "attachments download over http(s) only, not {}",
                    url.scheme()
                )));
            }
            let response = http
                .get(url.clone())
                .send()
                .await
                .map_err(|e| convert::from_reqwest(&e))?;
            let status = response.status();
            if status.is_redirection() {
                let location = response
                    .headers()
                    .get(reqwest::header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| {
                        Error::new(ErrorKind::Redirect, "a redirect without a Location")
                    })?;
                url = url
                    .join(location)
                    .map_err(|e| Error::new(ErrorKind::Redirect, format!("a bad redirect: {e}")))?;
                continue;
            }
            if !status.is_success() {
                let code = status.as_u16();
                let body = response.bytes().await.unwrap_or_default();
                return Err(Error::from_body(Some(code), &body));
            }
            let limit = settings
                .max_response_body
                .max(usize::try_from(MAX_ATTACHMENT_BYTES).unwrap_or(usize::MAX));
            return Ok(AttachmentDownload {
                response: cap_response(response, limit),
            });
        }
        Err(Error::new(
            ErrorKind::Redirect,
            format!("more than {MAX_REDIRECTS} redirects"),
        ))
    }
}

/// An attachment being downloaded: its headers have arrived, its body is read
/// with [`bytes`](Self::bytes) or [`stream`](Self::stream). Bodies over the
/// larger of the client's response limit and
/// [`MAX_ATTACHMENT_BYTES`](crate::MAX_ATTACHMENT_BYTES) fail with
/// [`ResponseTooLarge`](ErrorKind::ResponseTooLarge).
#[derive(Debug)]
pub struct AttachmentDownload {
    response: reqwest::Response,
}

impl AttachmentDownload {
    /// The file's content type, as the storage service sent it.
    pub fn content_type(&self) -> Option<&str> {
        self.response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
    }

    /// The file's size, when the storage service declared it.
    pub fn content_length(&self) -> Option<u64> {
        self.response.content_length()
    }

    /// The whole file, in memory.
    ///
    /// # Errors
    ///
    /// [`ResponseTooLarge`](ErrorKind::ResponseTooLarge) over the limit;
    /// [`Connection`](ErrorKind::Connection) when the body is cut short.
    pub async fn bytes(self) -> Result<bytes::Bytes, Error> {
        self.response
            .bytes()
            .await
            .map_err(|e| convert::from_reqwest(&e))
    }

    /// The file, chunk by chunk as it arrives (to write it to disk, say).
    pub fn stream(self) -> impl Stream<Item = Result<bytes::Bytes, Error>> + Send {
        self.response
            .bytes_stream()
            .map_err(|e| convert::from_reqwest(&e))
    }
}
