//! What the generated client does around every request: a cap on the size of
//! response bodies, and, inside [`observe()`], a note of the status each answer
//! came with.
//!
//! The generated code reads each answer itself (`ResponseValue::from_response`
//! collects the whole body before parsing it), so a server, a proxy or an
//! attacker in between that sends a body of gigabytes would have it all read
//! into memory. No real Ruut answer comes near a megabyte: a page of 25
//! conversations is tens of kilobytes.
//!
//! The cap lives in progenitor's `exec` hook, which every operation goes
//! through: the hook sends the request and hands back the response with its
//! body wrapped in [`CappedBody`], which counts the bytes as they are read and
//! fails with [`ResponseTooLarge`] once there are more than the limit. A
//! `Content-Length` over the limit fails at the first read, before any of the
//! body is taken off the connection; one within it needs no wrapper, since the
//! HTTP layer reads no more than it declares ([`cap_response`]). The failure reaches the caller the way a
//! body cut short does, as [`Error::ResponseBodyError`](crate::Error), with the
//! [`ResponseTooLarge`] in its chain of sources
//! ([`ResponseTooLarge::find`] picks it out), so that nothing else in the
//! generated code changes and the body is never held twice.
//!
//! reqwest decodes a compressed answer (the `gzip`, `brotli` and `zstd`
//! features) inside `execute`, before the hook wraps the body, so the cap
//! counts decoded bytes: a tiny compressed body that expands to gigabytes fails
//! once the limit is decoded (reqwest also drops the `Content-Length` of a body
//! it decodes, so the early check only ever sees a plain body's length).
//!
//! The limit is the client's [`ClientState`], given to
//! [`Client::new_with_client`](crate::Client::new_with_client) (progenitor's
//! "inner type", set in `xtask/src/codegen/settings.rs`).

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use http_body::{Body, Frame, SizeHint};
use progenitor_client::{ClientHooks, ClientInfo, OperationInfo};

use crate::Client;
use crate::operations::Operation;

mod observe;

pub use observe::{Observed, observe};

/// The default cap on a response body: 8 MiB, hundreds of times the largest
/// real answer.
pub const DEFAULT_MAX_RESPONSE_BODY: usize = 8 * 1024 * 1024;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// The settings the generated [`Client`] applies to every request.
///
/// ```
/// use ruut_api::{Client, ClientState};
///
/// let http = reqwest::Client::new();
/// let client = Client::new_with_client(
///     "https://app.ruut.chat",
///     http,
///     ClientState::default().with_max_response_body(1024 * 1024),
/// );
/// # let _ = client;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClientState {
    /// The most bytes of a response body read before the call fails with
    /// [`ResponseTooLarge`]. Default [`DEFAULT_MAX_RESPONSE_BODY`].
    pub max_response_body: usize,
}

impl Default for ClientState {
    fn default() -> Self {
        Self {
            max_response_body: DEFAULT_MAX_RESPONSE_BODY,
        }
    }
}

impl ClientState {
    /// Sets [`max_response_body`](Self::max_response_body).
    pub fn with_max_response_body(mut self, bytes: usize) -> Self {
        self.max_response_body = bytes;
        self
    }
}

/// A response body was larger than the client's limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseTooLarge {
    /// The limit, in bytes.
    pub limit: usize,
    /// The size the server declared in `Content-Length`, when it declared one
    /// over the limit.
    pub declared: Option<u64>,
}

impl ResponseTooLarge {
    /// The `ResponseTooLarge` somewhere in `error`'s chain of sources (the
    /// error itself included), if there is one.
    pub fn find<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a Self> {
        let mut current = Some(error);
        while let Some(e) = current {
            if let Some(found) = e.downcast_ref::<Self>() {
                return Some(found);
            }
            current = e.source();
        }
        None
    }
}

impl fmt::Display for ResponseTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.declared {
            Some(declared) => write!(
                f,
                "the response body is {declared} bytes, over the limit of {} bytes",
                self.limit
            ),
            None => write!(
                f,
                "the response body is larger than the limit of {} bytes",
                self.limit
            ),
        }
    }
}

impl std::error::Error for ResponseTooLarge {}

/// A response body that fails once more than `limit` bytes have been read.
#[derive(Debug)]
pub struct CappedBody<B> {
    inner: B,
    limit: usize,
    read: usize,
    /// `Content-Length` over the limit: fail at the first read.
    declared: Option<u64>,
    failed: bool,
}

impl<B> CappedBody<B> {
    /// Caps `inner` at `limit` bytes; `content_length` is the size the server
    /// declared, if it did.
    pub fn new(inner: B, limit: usize, content_length: Option<u64>) -> Self {
        let declared = content_length.filter(|len| *len > limit as u64);
        Self {
            inner,
            limit,
            read: 0,
            declared,
            failed: false,
        }
    }

    fn too_large(&mut self) -> BoxError {
        self.failed = true;
        Box::new(ResponseTooLarge {
            limit: self.limit,
            declared: self.declared,
        })
    }
}

impl<B> Body for CappedBody<B>
where
    B: Body<Data = Bytes> + Unpin,
    B::Error: Into<BoxError>,
{
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        if self.failed {
            return Poll::Ready(None);
        }
        if self.declared.is_some() {
            return Poll::Ready(Some(Err(self.too_large())));
        }
        match Pin::new(&mut self.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    self.read = self.read.saturating_add(data.len());
                    if self.read > self.limit {
                        return Poll::Ready(Some(Err(self.too_large())));
                    }
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(e.into()))),
            Poll::Ready(None) => Poll::Ready(None),
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.failed || (self.declared.is_none() && self.inner.is_end_stream())
    }

    fn size_hint(&self) -> SizeHint {
        if self.declared.is_some() || self.failed {
            SizeHint::default()
        } else {
            self.inner.size_hint()
        }
    }
}

/// `response` with its body capped at `limit` bytes.
///
/// An answer that declares a `Content-Length` within the limit comes back as
/// it is: hyper never reads more than the declared length of an HTTP/1.1 body
/// and h2 rejects DATA frames past it, so the body is already bounded, and
/// rebuilding the response around [`CappedBody`] would cost about eight
/// allocations a call for nothing (the URL copied, the body boxed twice, the
/// extensions map). Every other answer, one without a length (chunked, or
/// decompressed: reqwest drops the length of a body it decodes) or with one
/// over the limit, gets the wrapper.
pub fn cap_response(response: reqwest::Response, limit: usize) -> reqwest::Response {
    use reqwest::ResponseBuilderExt as _;

    let content_length = response
        .headers()
        .get(reqwest::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if content_length.is_some_and(|len| len <= limit as u64) {
        return response;
    }
    let url = response.url().clone();
    let (mut parts, body) = http::Response::<reqwest::Body>::from(response).into_parts();
    // Keep the URL the response came from, which `reqwest::Response` keeps
    // outside the `http` parts.
    if let Ok(marker) = http::Response::builder().url(url).body(()) {
        parts.extensions.extend(marker.into_parts().0.extensions);
    }
    let body = reqwest::Body::wrap(CappedBody::new(body, limit, content_length));
    reqwest::Response::from(http::Response::from_parts(parts, body))
}

impl ClientHooks<ClientState> for Client {
    async fn exec(
        &self,
        request: reqwest::Request,
        info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        // Until an answer comes, this request has none.
        observe::record(|| None);
        let response = self.client().execute(request).await?;
        observe::record(|| {
            Some(Observed {
                operation: Operation::from_client_method(info.operation_id),
                status: response.status().as_u16(),
            })
        });
        Ok(cap_response(response, self.inner().max_response_body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_of(chunks: &[&'static [u8]]) -> reqwest::Body {
        let chunks: Vec<Result<Bytes, std::io::Error>> =
            chunks.iter().map(|c| Ok(Bytes::from_static(c))).collect();
        reqwest::Body::wrap_stream(futures::stream::iter(chunks))
    }

    /// Reads a capped body the way the generated code does: through a
    /// `reqwest::Response`.
    async fn read(body: CappedBody<reqwest::Body>) -> reqwest::Result<Bytes> {
        let response = http::Response::new(reqwest::Body::wrap(body));
        reqwest::Response::from(response).bytes().await
    }

    #[tokio::test]
    async fn bodies_up_to_the_limit_pass_whole() {
        let body = CappedBody::new(body_of(&[b"abc", b"def"]), 6, Some(6));
        assert_eq!(read(body).await.unwrap(), "abcdef");
    }

    #[tokio::test]
    async fn one_byte_over_the_limit_fails_and_names_it() {
        let body = CappedBody::new(body_of(&[b"abc", b"defg"]), 6, None);
        let error = read(body).await.unwrap_err();
        let found = ResponseTooLarge::find(&error).expect("a ResponseTooLarge");
        assert_eq!(found.limit, 6);
        assert_eq!(found.declared, None);
        assert!(found.to_string().contains("limit of 6 bytes"), "{found}");
    }

    #[tokio::test]
    async fn a_declared_length_over_the_limit_fails_before_reading() {
        let body = CappedBody::new(body_of(&[b"never read"]), 6, Some(10));
        let error = read(body).await.unwrap_err();
        let found = ResponseTooLarge::find(&error).unwrap();
        assert_eq!(found.declared, Some(10));
        assert!(
            found.to_string().contains("10 bytes, over the limit"),
            "{found}"
        );
    }

    /// A response as reqwest hands it over, with `length` declared if given.
    fn response(body: &'static [u8], length: Option<usize>) -> reqwest::Response {
        let mut builder = http::Response::builder();
        if let Some(length) = length {
            builder = builder.header(reqwest::header::CONTENT_LENGTH, length);
        }
        reqwest::Response::from(builder.body(body_of(&[body])).unwrap())
    }

    #[tokio::test]
    async fn cap_response_wraps_only_what_is_not_already_bounded() {
        // A declared length within the limit: passed through whole.
        let within = cap_response(response(b"abc", Some(3)), 3);
        assert_eq!(within.bytes().await.unwrap(), "abc");
        // No length (chunked, or decompressed): counted as it is read.
        let error = cap_response(response(b"abcd", None), 3)
            .bytes()
            .await
            .unwrap_err();
        assert_eq!(ResponseTooLarge::find(&error).unwrap().declared, None);
        // A declared length over the limit: refused at the first read.
        let error = cap_response(response(b"abcd", Some(4)), 3)
            .bytes()
            .await
            .unwrap_err();
        assert_eq!(ResponseTooLarge::find(&error).unwrap().declared, Some(4));
    }

    #[test]
    fn other_errors_are_not_mistaken_for_it() {
        let error = std::io::Error::other("reset");
        assert_eq!(ResponseTooLarge::find(&error), None);
    }
}
