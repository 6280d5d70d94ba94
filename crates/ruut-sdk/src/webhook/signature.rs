//! Checking that a delivery comes from the server: `X-Chatwoot-Signature`.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hmac::{Hmac, KeyInit, Mac};
use http::HeaderMap;
use sha2::Sha256;

use super::WebhookError;

/// The header carrying `sha256=<hex>`, the HMAC-SHA256 of `"{timestamp}.{raw body}"`.
pub const SIGNATURE_HEADER: &str = "x-chatwoot-signature";
/// The header carrying the signing time in Unix seconds.
pub const TIMESTAMP_HEADER: &str = "x-chatwoot-timestamp";
/// The header carrying the delivery's id, the same on every retry.
pub const DELIVERY_HEADER: &str = "x-chatwoot-delivery";
/// How far a delivery's timestamp may be from the receiver's clock, either way,
/// unless [`Verifier::tolerance`] says otherwise.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(5 * 60);

const PREFIX: &str = "sha256=";

/// A webhook's signing secret, as the webhooks API returns it.
///
/// Its `Debug` output never shows the bytes, so a verifier can be logged.
///
/// ```
/// use ruut_sdk::webhook::WebhookSecret;
///
/// let secret = WebhookSecret::from("whsec-from-the-dashboard");
/// assert_eq!(format!("{secret:?}"), "WebhookSecret(<redacted>)");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookSecret(Box<[u8]>);

impl WebhookSecret {
    /// A secret from its bytes (the secret string's UTF-8 bytes, not decoded).
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        WebhookSecret(bytes.into().into_boxed_slice())
    }

    fn mac(&self) -> Hmac<Sha256> {
        // HMAC accepts keys of any length; this cannot fail.
        <Hmac<Sha256> as KeyInit>::new_from_slice(&self.0).expect("HMAC takes any key length")
    }
}

impl fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookSecret(<redacted>)")
    }
}

impl From<&str> for WebhookSecret {
    fn from(secret: &str) -> Self {
        WebhookSecret::new(secret.as_bytes())
    }
}

impl From<String> for WebhookSecret {
    fn from(secret: String) -> Self {
        WebhookSecret::new(secret.into_bytes())
    }
}

/// The `X-Chatwoot-Signature` value for `body` signed at `timestamp`:
/// `sha256=` and the lowercase hex HMAC-SHA256 of `"{timestamp}.{body}"`.
///
/// Receivers use [`Verifier`]; this is for servers, test doubles and tests.
///
/// ```
/// use ruut_sdk::webhook::{sign, WebhookSecret};
///
/// let header = sign(&WebhookSecret::from("s3cret"), "1772446565", b"{}");
/// assert!(header.starts_with("sha256=") && header.len() == 7 + 64);
/// ```
pub fn sign(secret: &WebhookSecret, timestamp: &str, body: &[u8]) -> String {
    let mut mac = secret.mac();
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("{PREFIX}{}", hex::encode(mac.finalize().into_bytes()))
}

/// What verification learned about a delivery.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Delivery {
    /// `X-Chatwoot-Delivery`: the same on every retry of one delivery; feed it to a
    /// [`DeliveryDeduper`](super::DeliveryDeduper). `None` when the server sent none.
    pub id: Option<String>,
    /// `X-Chatwoot-Timestamp`, when the delivery was signed.
    pub timestamp: Option<i64>,
    /// Whether the signature was checked. `false` only for deliveries accepted through
    /// [`Verifier::allow_unsigned`].
    pub signed: bool,
}

/// Verifies webhook deliveries: the signature, the timestamp's age, and (with
/// [`verify_and_parse`](Verifier::verify_and_parse)) the body.
///
/// By default every delivery must be signed with the secret and carry a timestamp
/// within five minutes of the receiver's clock. Servers older than Chatwoot 4.11.2 do
/// not sign; accept their deliveries with [`allow_unsigned`](Verifier::allow_unsigned).
///
/// ```
/// use std::time::{Duration, SystemTime, UNIX_EPOCH};
/// use http::{HeaderMap, HeaderValue};
/// use ruut_sdk::webhook::{sign, Verifier, WebhookError, WebhookEvent, WebhookSecret};
///
/// let secret = WebhookSecret::from("s3cret");
/// let body = br#"{"event":"contact_created","id":11,"name":"Customer Name"}"#;
/// let now = UNIX_EPOCH + Duration::from_secs(1_772_446_565);
///
/// // What the server sends:
/// let mut headers = HeaderMap::new();
/// headers.insert("x-chatwoot-timestamp", HeaderValue::from_static("1772446565"));
/// let signature = sign(&secret, "1772446565", body);
/// headers.insert("x-chatwoot-signature", HeaderValue::from_str(&signature)?);
/// headers.insert("x-chatwoot-delivery", HeaderValue::from_static("9b2f7c1e"));
///
/// let verifier = Verifier::new(secret);
/// let (event, delivery) = verifier.verify_and_parse(&headers, body, now)?;
/// assert!(matches!(event, WebhookEvent::ContactCreated(_)));
/// assert_eq!(delivery.id.as_deref(), Some("9b2f7c1e"));
///
/// // One changed byte, and the delivery is rejected.
/// let tampered = br#"{"event":"contact_created","id":12,"name":"Customer Name"}"#;
/// assert_eq!(verifier.verify(&headers, tampered, now), Err(WebhookError::BadSignature));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Verifier {
    secret: Option<WebhookSecret>,
    tolerance: Duration,
    allow_unsigned: bool,
}

impl Verifier {
    /// A verifier for deliveries signed with `secret`; unsigned ones are rejected.
    pub fn new(secret: impl Into<WebhookSecret>) -> Self {
        Verifier {
            secret: Some(secret.into()),
            tolerance: DEFAULT_TOLERANCE,
            allow_unsigned: false,
        }
    }

    /// A verifier for a server that does not sign (Chatwoot before 4.11.2): it accepts
    /// every delivery without a signature check. Anyone who can reach the receiver can
    /// then forge events, so keep such a receiver on a private network or behind a
    /// secret URL.
    pub fn unsigned_only() -> Self {
        Verifier {
            secret: None,
            tolerance: DEFAULT_TOLERANCE,
            allow_unsigned: true,
        }
    }

    /// How far a delivery's timestamp may be from `now`, in the past or the future
    /// (default five minutes).
    #[must_use]
    pub fn tolerance(mut self, tolerance: Duration) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// Whether deliveries without `X-Chatwoot-Signature` are accepted (default
    /// `false`). Signed deliveries are still checked, so this suits a migration to
    /// a signing server. The accepted [`Delivery`] says `signed: false`.
    #[must_use]
    pub fn allow_unsigned(mut self, allow: bool) -> Self {
        self.allow_unsigned = allow;
        self
    }

    /// Checks the signature headers against the raw body, as received, before any
    /// parsing. `now` is the receiver's clock (`SystemTime::now()` in production).
    ///
    /// The signature is checked before the timestamp, and compared in constant time.
    pub fn verify(
        &self,
        headers: &HeaderMap,
        raw_body: &[u8],
        now: SystemTime,
    ) -> Result<Delivery, WebhookError> {
        self.verify_values(
            header(headers, SIGNATURE_HEADER)?,
            header(headers, TIMESTAMP_HEADER)?,
            header(headers, DELIVERY_HEADER)?,
            raw_body,
            now,
        )
    }

    /// [`verify`](Verifier::verify) for frameworks without `http` types: the three
    /// header values (signature, timestamp, delivery id), each `None` when absent.
    pub fn verify_values(
        &self,
        signature: Option<&str>,
        timestamp: Option<&str>,
        delivery: Option<&str>,
        raw_body: &[u8],
        now: SystemTime,
    ) -> Result<Delivery, WebhookError> {
        let id = delivery.map(str::to_owned);
        let (secret, signature) = match (&self.secret, signature) {
            (Some(secret), Some(signature)) => (secret, signature),
            // Without a secret a signature cannot be checked: the delivery is unsigned
            // as far as this receiver can tell.
            (_, None) | (None, Some(_)) if self.allow_unsigned => {
                let timestamp = timestamp.and_then(|t| t.trim().parse().ok());
                return Ok(Delivery {
                    id,
                    timestamp,
                    signed: false,
                });
            }
            (_, None) => return Err(WebhookError::MissingHeader(SIGNATURE_HEADER)),
            (None, Some(_)) => return Err(WebhookError::BadSignature),
        };
        let timestamp_text = timestamp.ok_or(WebhookError::MissingHeader(TIMESTAMP_HEADER))?;
        let timestamp: i64 = timestamp_text
            .trim()
            .parse()
            .map_err(|_| WebhookError::MalformedHeader(TIMESTAMP_HEADER))?;

        let expected = signature
            .trim()
            .strip_prefix(PREFIX)
            .and_then(|hex_digest| hex::decode(hex_digest).ok())
            .ok_or(WebhookError::BadSignature)?;
        let mut mac = secret.mac();
        mac.update(timestamp_text.as_bytes());
        mac.update(b".");
        mac.update(raw_body);
        // `verify_slice` compares in constant time.
        mac.verify_slice(&expected)
            .map_err(|_| WebhookError::BadSignature)?;

        let now = unix_seconds(now);
        if now.abs_diff(timestamp) > self.tolerance.as_secs() {
            return Err(WebhookError::StaleTimestamp {
                timestamp,
                now,
                tolerance: self.tolerance,
            });
        }
        Ok(Delivery {
            id,
            timestamp: Some(timestamp),
            signed: true,
        })
    }

    /// [`verify`](Verifier::verify), then [`WebhookEvent::parse`](super::WebhookEvent::parse).
    pub fn verify_and_parse(
        &self,
        headers: &HeaderMap,
        raw_body: &[u8],
        now: SystemTime,
    ) -> Result<(super::WebhookEvent, Delivery), WebhookError> {
        let delivery = self.verify(headers, raw_body, now)?;
        let event = super::WebhookEvent::parse(raw_body)?;
        Ok((event, delivery))
    }
}

/// A header's value; a value that is not visible ASCII is malformed.
fn header<'h>(headers: &'h HeaderMap, name: &'static str) -> Result<Option<&'h str>, WebhookError> {
    headers
        .get(name)
        .map(|value| {
            value
                .to_str()
                .map_err(|_| WebhookError::MalformedHeader(name))
        })
        .transpose()
}

/// Seconds since the Unix epoch, negative before it.
fn unix_seconds(time: SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        Err(before) => -i64::try_from(before.duration().as_secs()).unwrap_or(i64::MAX),
    }
}
