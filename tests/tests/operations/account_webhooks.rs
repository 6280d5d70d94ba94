//! The account's webhooks (administrators only: the seeded user administers
//! the second account and is an agent of the main one).

use std::sync::Arc;

use ruut_api::enums::WebhookEventName;
use ruut_api::types::{AccountWebhook, AccountWebhookCreate, AccountWebhookUpdate};

use crate::Operation;
use crate::table::{Entry, How, MISSING, World, job, provoke, sdk};

const NOT_ALLOWED: &str = "You are not authorized to do this action";

fn new_hook(url: &str, events: &[&str]) -> AccountWebhookCreate {
    AccountWebhookCreate {
        url: url.to_owned(),
        subscriptions: events.iter().map(|e| WebhookEventName::from(*e)).collect(),
        name: Some("Ops".to_owned()),
        inbox_id: None,
    }
}

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListWebhooks, |w| job(list(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .list_webhooks()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .list_webhooks()
                    .account_id(w.seed.second_account_id)),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w.api.list_webhooks().account_id(w.seed.account_id)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an unknown account",
                provoke!(|w| w.api.list_webhooks().account_id(MISSING)),
            )
            .saying("Resource could not be found"),
        Entry::new(Operation::CreateWebhook, |w| job(create(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .create_webhook("https://sdk.example.com/hooks")
                .subscribe(WebhookEventName::MessageCreated)
                .send()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .create_webhook()
                    .account_id(w.seed.second_account_id)
                    .body(new_hook("https://a.example.com", &["message_created"]))),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .create_webhook()
                    .account_id(w.seed.account_id)
                    .body(new_hook("https://a.example.com", &["message_created"]))),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an unknown account",
                provoke!(|w| w
                    .api
                    .create_webhook()
                    .account_id(MISSING)
                    .body(new_hook("https://a.example.com", &["message_created"]))),
            )
            .refuses(
                422,
                "a url that is not http(s) and an unknown event",
                provoke!(|w| w
                    .api
                    .create_webhook()
                    .account_id(w.seed.second_account_id)
                    .body(new_hook(
                        "ftp://a.example.com",
                        &["message_created", "no_such_event"]
                    ))),
            )
            .saying("Url is invalid, Subscriptions Invalid events")
            .refuses(
                422,
                "a url the account already has",
                How::Provoke(|w| {
                    job(async move {
                        let body = new_hook("https://twice.example.com", &["contact_created"]);
                        let send = || {
                            w.api
                                .create_webhook()
                                .account_id(w.seed.second_account_id)
                                .body(body.clone())
                                .send()
                        };
                        send().await.expect("the first registration");
                        crate::table::refused(send().await)
                    })
                }),
            )
            .saying("Url has already been taken"),
        Entry::new(Operation::UpdateWebhook, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .webhook(ids.webhook)
                .update()
                .name("Renamed")
                .send()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .update_webhook()
                    .account_id(w.seed.second_account_id)
                    .webhook_id(w.seed.webhook_id)
                    .body(AccountWebhookUpdate::default())),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent, even for a webhook that does not exist",
                provoke!(|w| w
                    .api
                    .update_webhook()
                    .account_id(w.seed.account_id)
                    .webhook_id(MISSING)
                    .body(AccountWebhookUpdate::default())),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an administrator, an unknown webhook",
                provoke!(|w| w
                    .api
                    .update_webhook()
                    .account_id(w.seed.second_account_id)
                    .webhook_id(MISSING)
                    .body(AccountWebhookUpdate::default())),
            )
            .saying("Resource could not be found")
            .refuses(
                422,
                "an event the server does not know",
                provoke!(|w| w
                    .api
                    .update_webhook()
                    .account_id(w.seed.second_account_id)
                    .webhook_id(w.seed.webhook_id)
                    .body(AccountWebhookUpdate {
                        subscriptions: vec![WebhookEventName::from("no_such_event")],
                        ..AccountWebhookUpdate::default()
                    })),
            )
            .saying("Subscriptions Invalid events"),
        Entry::new(Operation::DeleteWebhook, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .webhook(ids.webhook)
                .delete()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .delete_webhook()
                    .account_id(w.seed.second_account_id)
                    .webhook_id(w.seed.webhook_id)),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent, even for a webhook that does not exist",
                provoke!(|w| w
                    .api
                    .delete_webhook()
                    .account_id(w.seed.account_id)
                    .webhook_id(MISSING)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an administrator, an unknown webhook",
                provoke!(|w| w
                    .api
                    .delete_webhook()
                    .account_id(w.seed.second_account_id)
                    .webhook_id(MISSING)),
            )
            .saying("Resource could not be found"),
    ]
}

async fn listed(w: &World) -> Vec<AccountWebhook> {
    w.api
        .list_webhooks()
        .account_id(w.seed.second_account_id)
        .send()
        .await
        .expect("the webhooks")
        .into_inner()
        .payload
        .webhooks
}

async fn list(w: Arc<World>) {
    let hooks = listed(&w).await;
    let [seeded] = &hooks[..] else {
        panic!("one seeded webhook, got {hooks:?}");
    };
    assert_eq!(seeded.id, w.seed.webhook_id);
    assert_eq!(seeded.account_id, w.seed.second_account_id);
    assert_eq!(seeded.subscriptions, [WebhookEventName::WebwidgetTriggered]);
    assert!(
        seeded
            .secret
            .as_ref()
            .is_some_and(|s| s.expose().len() >= 16),
        "a secret"
    );
}

async fn create(w: Arc<World>) {
    let mut body = new_hook(
        "https://crm.example.com/hooks",
        &["conversation_created", "message_created"],
    );
    body.inbox_id = Some(w.seed.api_inbox_id);
    let created = w
        .api
        .create_webhook()
        .account_id(w.seed.second_account_id)
        .body(body)
        .send()
        .await
        .expect("created")
        .into_inner()
        .payload
        .webhook;
    assert_eq!(created.url, "https://crm.example.com/hooks");
    assert_eq!(created.name.as_deref(), Some("Ops"));
    assert_eq!(
        created.subscriptions,
        [
            WebhookEventName::ConversationCreated,
            WebhookEventName::MessageCreated
        ]
    );
    assert!(
        created.inbox.is_none(),
        "the inbox is the main account's, not this one's"
    );
    let hooks = listed(&w).await;
    let found = hooks.iter().find(|h| h.id == created.id).expect("listed");
    assert_eq!(found, &created, "listed as created, with the same secret");
    assert_ne!(
        found.secret, hooks[0].secret,
        "each webhook has its own secret"
    );
}

async fn update(w: Arc<World>) {
    let before = listed(&w).await.remove(0);
    let updated = w
        .api
        .update_webhook()
        .account_id(w.seed.second_account_id)
        .webhook_id(w.seed.webhook_id)
        .body(AccountWebhookUpdate {
            url: Some("https://new.example.com/hooks".to_owned()),
            subscriptions: vec![WebhookEventName::ContactCreated],
            ..AccountWebhookUpdate::default()
        })
        .send()
        .await
        .expect("updated")
        .into_inner()
        .payload
        .webhook;
    assert_eq!(updated.url, "https://new.example.com/hooks");
    assert_eq!(updated.subscriptions, [WebhookEventName::ContactCreated]);
    assert_eq!(updated.name, before.name, "the name is kept");
    assert_eq!(updated.secret, before.secret, "the secret is kept");
    assert_eq!(listed(&w).await, [updated], "the change persists");
}

async fn delete(w: Arc<World>) {
    w.api
        .delete_webhook()
        .account_id(w.seed.second_account_id)
        .webhook_id(w.seed.webhook_id)
        .send()
        .await
        .expect("deleted");
    assert!(listed(&w).await.is_empty(), "gone from the list");
}
