//! The account's webhooks, in the account the user administers (found by
//! the contact steps), and an agent's 401 in the main account.

use std::sync::atomic::{AtomicI64, Ordering};

use ruut_api::enums::WebhookEventName;
use ruut_api::operations::Operation::*;
use ruut_api::types::{AccountWebhookCreate, AccountWebhookUpdate};

use crate::contract::{Found, MISSING_ID, Step, send};

/// The webhook the create step registered.
static CREATED: AtomicI64 = AtomicI64::new(0);

fn admin(found: &Found) -> bool {
    found.admin_account.is_some()
}

fn new_hook(url: &str) -> AccountWebhookCreate {
    AccountWebhookCreate {
        url: url.to_owned(),
        subscriptions: vec![WebhookEventName::ConversationCreated],
        name: Some("Contract".to_owned()),
        inbox_id: None,
    }
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::status(
            ListWebhooks,
            "an agent",
            401,
            send!(|c| c.user.list_webhooks().account_id(c.found().account)),
        ),
        Step::ok(
            CreateWebhook,
            "an administrator",
            send!(
                |c| c
                    .user
                    .create_webhook()
                    .account_id(c.found().admin_account.unwrap_or_default())
                    .body(new_hook("https://contract.example.com/hooks")),
                |created| CREATED.store(created.payload.webhook.id, Ordering::SeqCst)
            ),
        )
        .when(admin),
        Step::status(
            CreateWebhook,
            "a url that is not http(s)",
            422,
            send!(|c| c
                .user
                .create_webhook()
                .account_id(c.found().admin_account.unwrap_or_default())
                .body(new_hook("not a url"))),
        )
        .when(admin),
        Step::ok(
            ListWebhooks,
            "an administrator",
            send!(|c| c
                .user
                .list_webhooks()
                .account_id(c.found().admin_account.unwrap_or_default())),
        )
        .when(admin),
        Step::ok(
            UpdateWebhook,
            "new subscriptions",
            send!(|c| c
                .user
                .update_webhook()
                .account_id(c.found().admin_account.unwrap_or_default())
                .webhook_id(CREATED.load(Ordering::SeqCst))
                .body(AccountWebhookUpdate {
                    subscriptions: vec![WebhookEventName::MessageCreated],
                    ..AccountWebhookUpdate::default()
                })),
        )
        .when(admin),
        Step::status(
            UpdateWebhook,
            "an unknown webhook",
            404,
            send!(|c| c
                .user
                .update_webhook()
                .account_id(c.found().admin_account.unwrap_or_default())
                .webhook_id(MISSING_ID)
                .body(AccountWebhookUpdate::default())),
        )
        .when(admin),
        Step::ok(
            DeleteWebhook,
            "an administrator",
            send!(|c| c
                .user
                .delete_webhook()
                .account_id(c.found().admin_account.unwrap_or_default())
                .webhook_id(CREATED.load(Ordering::SeqCst))),
        )
        .when(admin),
        Step::status(
            DeleteWebhook,
            "an unknown webhook",
            404,
            send!(|c| c
                .user
                .delete_webhook()
                .account_id(c.found().admin_account.unwrap_or_default())
                .webhook_id(MISSING_ID)),
        )
        .when(admin),
    ]
}
