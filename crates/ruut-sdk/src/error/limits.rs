//! The cap on the size of an answer.
//!
//! The generated client reads a success body whole before parsing it. Without a
//! cap, a server or a proxy that sends gigabytes (by mistake or on purpose) would
//! have all of it read into memory, bounded only by the request timeout. No real
//! answer of the Ruut API comes near a megabyte, so the client refuses bodies over
//! [`ClientBuilder::max_response_body`](crate::ClientBuilder::max_response_body)
//! (8 MiB by default) with an error of kind
//! [`ResponseTooLarge`](crate::ErrorKind::ResponseTooLarge) that names the limit and
//! the setting.
//!
//! The cap itself lives in the generated client's `exec` hook
//! (`ruut_api::hooks`), which every request of [`Client::raw`](crate::Client::raw)
//! goes through too: it counts the body's bytes as they are read and fails the
//! read past the limit, or at once when `Content-Length` declares more. Error
//! answers are read up to 64 KiB whatever the limit.

use ruut_api::ResponseTooLarge;

use crate::error::{Error, ErrorKind};

/// The default of [`ClientBuilder::max_response_body`](crate::ClientBuilder::max_response_body):
/// 8 MiB.
pub const DEFAULT_MAX_RESPONSE_BODY: usize = ruut_api::DEFAULT_MAX_RESPONSE_BODY;

/// The error for an answer over the limit, if `e` is one.
pub(crate) fn too_large(e: &(dyn std::error::Error + 'static)) -> Option<Error> {
    let found = ResponseTooLarge::find(e)?;
    let size = match found.declared {
        Some(declared) => format!("declared as {declared} bytes"),
        None => "still going when it was stopped".to_owned(),
    };
    let message = format!(
        "the answer's body is larger than the client's limit of {} ({size}); \
         it was not read",
        human(found.limit)
    );
    Some(Error::new(ErrorKind::ResponseTooLarge, message).with_hint(
        "the limit is ClientBuilder::max_response_body (default 8 MiB); raise it only if \
         this server really sends answers that large, otherwise the server or a proxy \
         in between is misbehaving",
    ))
}

/// `8 MiB (8388608 bytes)`, `1000 bytes`.
fn human(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    const KIB: usize = 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) {
        format!("{} MiB ({bytes} bytes)", bytes / MIB)
    } else if bytes >= KIB && bytes.is_multiple_of(KIB) {
        format!("{} KiB ({bytes} bytes)", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_names_the_limit_and_the_setting() {
        let cause = ResponseTooLarge {
            limit: DEFAULT_MAX_RESPONSE_BODY,
            declared: Some(20_000_000),
        };
        let error = too_large(&cause).unwrap();
        assert_eq!(error.kind(), ErrorKind::ResponseTooLarge);
        assert!(!error.is_retryable());
        assert!(error.message().contains("8 MiB (8388608 bytes)"), "{error}");
        assert!(error.message().contains("20000000"), "{error}");
        assert!(error.to_string().contains("max_response_body"), "{error}");
    }

    #[test]
    fn other_errors_are_left_alone() {
        assert!(too_large(&std::io::Error::other("reset")).is_none());
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human(1000), "1000 bytes");
        assert_eq!(human(64 * 1024), "64 KiB (65536 bytes)");
        assert_eq!(human(3 * 1024 * 1024), "3 MiB (3145728 bytes)");
    }
}
