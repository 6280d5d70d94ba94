//! The webhooks registered in accounts (`createWebhook`): where each
//! account's events are delivered, which events, and the secret each
//! delivery to it is signed with.
//!
//! Chatwoot v4.10.1 has no secret and does not sign; 4.11.2 and later
//! (PR #13573) give every webhook a secret, return it in the webhooks API and
//! sign deliveries with it. The sandbox behaves as the newer servers do.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};

use serde_json::{Value, json};

use crate::records::{AccountRecords, account_record};
use crate::state::Store;

/// The events a webhook may subscribe to (`Webhook::ALLOWED_WEBHOOK_EVENTS`).
pub(crate) const ALLOWED_EVENTS: &[&str] = &[
    "conversation_status_changed",
    "conversation_updated",
    "conversation_created",
    "contact_created",
    "contact_updated",
    "message_created",
    "message_updated",
    "webwidget_triggered",
    "inbox_created",
    "inbox_updated",
    "conversation_typing_on",
    "conversation_typing_off",
];

/// One registered webhook.
#[derive(Clone)]
pub(crate) struct AccountWebhook {
    pub id: i64,
    pub account_id: i64,
    pub name: Option<String>,
    pub url: String,
    /// Event names, as sent (validated against [`ALLOWED_EVENTS`]).
    pub subscriptions: Vec<String>,
    pub inbox_id: Option<i64>,
    /// The signing key, made when the webhook is registered.
    pub secret: String,
}

impl std::fmt::Debug for AccountWebhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AccountWebhook")
            .field("id", &self.id)
            .field("url", &self.url)
            .field("subscriptions", &self.subscriptions)
            .field("secret", &"<redacted>")
            .finish_non_exhaustive()
    }
}

/// Every account's webhooks, and the next id.
pub(crate) type AccountWebhooks = AccountRecords<AccountWebhook>;

account_record!(AccountWebhook);

impl AccountWebhooks {
    /// The account's webhooks subscribed to `event`, as Chatwoot's
    /// `WebhookListener#deliver_account_webhooks` picks them (whatever their
    /// `inbox_id`).
    pub fn subscribed(
        &self,
        account_id: i64,
        event: &str,
    ) -> impl Iterator<Item = &AccountWebhook> {
        self.in_account(account_id)
            .filter(move |w| w.subscriptions.iter().any(|s| s == event))
    }
}

/// The seeded webhook: in `account_id`, subscribed only to
/// `webwidget_triggered`, which the sandbox never sends, so nothing is ever
/// delivered to its (unreachable) URL. Returns its id.
pub(crate) fn seed(store: &mut Store, account_id: i64) -> i64 {
    let id = store.account_webhooks.take_id();
    store.account_webhooks.list.push(AccountWebhook {
        id,
        account_id,
        name: Some("Widget opened".to_owned()),
        url: "https://hooks.example.com/ruut-sandbox/widget".to_owned(),
        subscriptions: vec!["webwidget_triggered".to_owned()],
        inbox_id: None,
        secret: new_secret(),
    });
    id
}

/// A new random secret: 24 characters of `[A-Za-z0-9]`.
pub(crate) fn new_secret() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let keys = RandomState::new();
    (0..24_u64)
        .map(|i| {
            let mut hasher = keys.build_hasher();
            hasher.write_u64(i);
            let pick = usize::try_from(hasher.finish() % ALPHABET.len() as u64).unwrap_or(0);
            char::from(ALPHABET[pick])
        })
        .collect()
}

/// A webhook as `webhooks/_webhook.json.jbuilder` renders it, plus the
/// `secret` newer servers add.
pub(crate) fn webhook_json(store: &Store, w: &AccountWebhook) -> Value {
    let mut value = json!({
        "id": w.id,
        "name": w.name,
        "url": w.url,
        "account_id": w.account_id,
        "subscriptions": w.subscriptions,
        "secret": w.secret,
    });
    let inbox = w.inbox_id.and_then(|id| store.inbox(w.account_id, id));
    if let (Some(inbox), Value::Object(map)) = (inbox, &mut value) {
        map.insert("inbox".into(), json!({"id": inbox.id, "name": inbox.name}));
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_long_distinct_and_alphanumeric() {
        let (a, b) = (new_secret(), new_secret());
        assert_ne!(a, b);
        assert_eq!(a.len(), 24);
        assert!(a.chars().all(|c| c.is_ascii_alphanumeric()), "{a}");
    }

    #[test]
    fn only_subscribed_webhooks_of_the_account_are_picked() {
        let mut hooks = AccountWebhooks::default();
        for (account_id, events) in [
            (1, vec!["message_created"]),
            (1, vec!["contact_created"]),
            (2, vec!["message_created"]),
        ] {
            let id = hooks.take_id();
            hooks.list.push(AccountWebhook {
                id,
                account_id,
                name: None,
                url: format!("http://127.0.0.1/{id}"),
                subscriptions: events.into_iter().map(str::to_owned).collect(),
                inbox_id: None,
                secret: new_secret(),
            });
        }
        let picked: Vec<i64> = hooks
            .subscribed(1, "message_created")
            .map(|w| w.id)
            .collect();
        assert_eq!(picked, [1]);
        assert!(hooks.any_in(2));
        assert!(!hooks.any_in(3));
    }
}
