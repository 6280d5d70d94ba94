//! Sending the queued deliveries: one background task POSTs them in order,
//! each with a 5 second timeout and a single attempt whatever the answer (no
//! retry storm), signed with its target's secret when it has one.

use std::hash::{BuildHasher, Hasher};
use std::sync::Arc;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use tokio::sync::mpsc;

use super::WEBHOOK_TIMEOUT;
use crate::clock;
use crate::delivery_progress::Progress;

/// One event's body on its way to one URL.
#[derive(Debug)]
pub(super) struct Delivery {
    /// Where it goes.
    pub url: String,
    /// The key it is signed with; `None` sends it unsigned.
    pub secret: Option<String>,
    /// The JSON body, shared by every target of the event.
    pub body: Arc<Vec<u8>>,
}

/// POSTs every queued delivery in order, once each.
pub(super) async fn deliver_all(mut queue: mpsc::Receiver<Delivery>, progress: Arc<Progress>) {
    // Built at the first delivery: most sandboxes deliver nothing, and building
    // an HTTP client (its TLS roots) at every start slows tests that start many.
    let mut client = None;
    let ids = std::collections::hash_map::RandomState::new();
    let mut sequence = 0_u64;
    while let Some(delivery) = queue.recv().await {
        sequence += 1;
        if client.is_none() {
            client = reqwest::Client::builder()
                .timeout(WEBHOOK_TIMEOUT)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .ok();
        }
        let Some(client) = &client else {
            progress.end_one();
            continue;
        };
        let body = delivery.body.as_ref().clone();
        let mut request = client
            .post(&delivery.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json");
        if let Some(secret) = &delivery.secret {
            let timestamp = clock::now().to_string();
            request = request
                .header("X-Chatwoot-Signature", signature(secret, &timestamp, &body))
                .header("X-Chatwoot-Timestamp", timestamp)
                .header("X-Chatwoot-Delivery", delivery_id(&ids, sequence));
        }
        // One attempt; the answer, a timeout or a refused connection are all final.
        let _ = request.body(body).send().await;
        progress.end_one();
    }
}

/// `sha256=` and the hex HMAC-SHA256 of `"{timestamp}.{body}"`.
fn signature(secret: &str, timestamp: &str, body: &[u8]) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes())
        .expect("HMAC takes any key length");
    mac.update(format!("{timestamp}.").as_bytes());
    mac.update(body);
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// A random version-4 UUID for one delivery.
fn delivery_id(keys: &std::collections::hash_map::RandomState, sequence: u64) -> String {
    let half = |salt: u64| {
        let mut hasher = keys.build_hasher();
        hasher.write_u64(sequence);
        hasher.write_u64(salt);
        hasher.finish()
    };
    let (high, low) = (half(1), half(2));
    let high = (high & !0xF000) | 0x4000; // version 4
    let low = (low & !(0b11 << 62)) | (0b10 << 62); // RFC 4122 variant
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        high >> 32,
        (high >> 16) & 0xFFFF,
        high & 0xFFFF,
        low >> 48,
        low & 0xFFFF_FFFF_FFFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_match_python_hmac() {
        // python3 -c 'import hmac,hashlib; print(hmac.new(b"s3cret", b"1772446565.{}", hashlib.sha256).hexdigest())'
        assert_eq!(
            signature("s3cret", "1772446565", b"{}"),
            "sha256=43c48789347d8028183f7378d87cd4c270ea28baee2fc37419445a6ce6e69913"
        );
    }

    #[test]
    fn delivery_ids_are_distinct_version_4_uuids() {
        let keys = std::collections::hash_map::RandomState::new();
        let (a, b) = (delivery_id(&keys, 1), delivery_id(&keys, 2));
        assert_ne!(a, b);
        for id in [a, b] {
            assert_eq!(id.len(), 36, "{id}");
            assert_eq!(&id[14..15], "4", "{id}");
            assert!(matches!(&id[19..20], "8" | "9" | "a" | "b"), "{id}");
        }
    }
}
