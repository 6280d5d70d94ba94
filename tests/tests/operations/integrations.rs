//! Integrations: the app catalogue (any member: listed, or one app) and the account's hooks
//! (administrators only: the seeded user administers the second account and
//! is an agent of the main one; each account has a seeded `dyte` hook).

use std::sync::Arc;

use ruut_api::enums::IntegrationHookType;
use ruut_api::types::{
    IntegrationApp, IntegrationHook, IntegrationHookCreate, IntegrationHookStatus,
    IntegrationHookUpdate,
};
use serde_json::{Map, Value, json};

use crate::Operation;
use crate::table::{Entry, MISSING, World, job, provoke, sdk};

const NOT_ALLOWED: &str = "You are not authorized to do this action";

fn settings(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("settings are an object, not {other}"),
    }
}

fn new_hook(app_id: &str, with: Value) -> IntegrationHookCreate {
    IntegrationHookCreate {
        app_id: app_id.to_owned(),
        inbox_id: None,
        settings: settings(with),
        status: None,
    }
}

fn disable() -> IntegrationHookUpdate {
    IntegrationHookUpdate {
        status: Some(IntegrationHookStatus::Disabled),
        ..IntegrationHookUpdate::default()
    }
}

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListIntegrationApps, |w| job(list(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .integrations()
                .list_apps()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .list_integration_apps()
                    .account_id(w.seed.account_id)),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an account the user is not a member of",
                provoke!(|w| w
                    .api
                    .list_integration_apps()
                    .account_id(w.seed.foreign_account_id)),
            )
            .refuses(
                404,
                "an unknown account",
                provoke!(|w| w.api.list_integration_apps().account_id(MISSING)),
            )
            .saying("Resource could not be found"),
        Entry::new(Operation::GetIntegrationApp, |w| job(show(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .integrations()
                .get_app("dyte")))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .get_integration_app()
                    .account_id(w.seed.account_id)
                    .app_id("dyte")),
            )
            .saying("Invalid Access Token")
            .refuses(
                404,
                "an app the catalogue does not have (the server answers 500)",
                provoke!(|w| w
                    .api
                    .get_integration_app()
                    .account_id(w.seed.account_id)
                    .app_id("no_such_app")),
            )
            .saying("Resource could not be found")
            .refuses(
                404,
                "an unknown account",
                provoke!(|w| w
                    .api
                    .get_integration_app()
                    .account_id(MISSING)
                    .app_id("dyte")),
            ),
        Entry::new(Operation::CreateIntegrationHook, |w| job(create(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .integrations()
                .create_hook("openai")
                .setting("api_key", json!("sk-sdk"))
                .send()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .create_integration_hook()
                    .account_id(w.seed.second_account_id)
                    .body(new_hook("openai", json!({"api_key": "k"})))),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .create_integration_hook()
                    .account_id(w.seed.account_id)
                    .body(new_hook("openai", json!({"api_key": "k"})))),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an unknown account",
                provoke!(|w| w
                    .api
                    .create_integration_hook()
                    .account_id(MISSING)
                    .body(new_hook("openai", json!({"api_key": "k"})))),
            )
            .refuses(
                422,
                "a second hook into an app that allows one",
                provoke!(|w| w
                    .api
                    .create_integration_hook()
                    .account_id(w.seed.second_account_id)
                    .body(new_hook(
                        "dyte",
                        json!({"api_key": "k", "organization_id": "o"})
                    ))),
            )
            .saying("App has already been taken")
            .refuses(
                422,
                "an inbox app without an inbox, settings without a required key",
                provoke!(|w| w
                    .api
                    .create_integration_hook()
                    .account_id(w.seed.second_account_id)
                    .body(new_hook("dialogflow", json!({"project_id": "p"})))),
            )
            .saying("Inbox can't be blank, Settings : Invalid settings data")
            .refuses(
                422,
                "an app whose feature the account lacks",
                provoke!(|w| w
                    .api
                    .create_integration_hook()
                    .account_id(w.seed.second_account_id)
                    .body(new_hook(
                        "leadsquared",
                        json!({"access_key": "a", "secret_key": "s"})
                    ))),
            )
            .saying("Feature flag Feature not enabled"),
        Entry::new(Operation::UpdateIntegrationHook, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .integration_hook(ids.hook)
                .update()
                .enabled(false)
                .send()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .update_integration_hook()
                    .account_id(w.seed.second_account_id)
                    .hook_id(w.seed.hook_id)
                    .body(disable())),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent, for a hook of the account",
                provoke!(|w| w
                    .api
                    .update_integration_hook()
                    .account_id(w.seed.account_id)
                    .hook_id(w.seed.main_account_hook_id)
                    .body(disable())),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an agent, a hook that does not exist (looked up first)",
                provoke!(|w| w
                    .api
                    .update_integration_hook()
                    .account_id(w.seed.account_id)
                    .hook_id(MISSING)
                    .body(disable())),
            )
            .saying("Resource could not be found")
            .refuses(
                422,
                "settings the app's schema refuses",
                provoke!(|w| w
                    .api
                    .update_integration_hook()
                    .account_id(w.seed.second_account_id)
                    .hook_id(w.seed.hook_id)
                    .body(IntegrationHookUpdate {
                        settings: settings(json!({"api_key": "k"})),
                        ..IntegrationHookUpdate::default()
                    })),
            )
            .saying("Settings : Invalid settings data"),
        Entry::new(Operation::DeleteIntegrationHook, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .integration_hook(ids.hook)
                .delete()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .delete_integration_hook()
                    .account_id(w.seed.second_account_id)
                    .hook_id(w.seed.hook_id)),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent, for a hook of the account",
                provoke!(|w| w
                    .api
                    .delete_integration_hook()
                    .account_id(w.seed.account_id)
                    .hook_id(w.seed.main_account_hook_id)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an administrator, an unknown hook",
                provoke!(|w| w
                    .api
                    .delete_integration_hook()
                    .account_id(w.seed.second_account_id)
                    .hook_id(MISSING)),
            )
            .saying("Resource could not be found"),
    ]
}

async fn apps(w: &World, account_id: i64) -> Vec<IntegrationApp> {
    w.api
        .list_integration_apps()
        .account_id(account_id)
        .send()
        .await
        .expect("the apps")
        .into_inner()
        .payload
}

fn app<'a>(apps: &'a [IntegrationApp], id: &str) -> &'a IntegrationApp {
    apps.iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("{id} listed"))
}

async fn list(w: Arc<World>) {
    let admin = apps(&w, w.seed.second_account_id).await;
    let ids: Vec<&str> = admin.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "webhook",
            "dashboard_apps",
            "openai",
            "dialogflow",
            "google_translate",
            "dyte"
        ],
        "the always-active apps, in the catalogue's order"
    );
    let dyte = app(&admin, "dyte");
    assert!(dyte.enabled, "the seeded hook enables it");
    assert_eq!(dyte.hook_type, Some(IntegrationHookType::Account));
    assert_eq!(dyte.allow_multiple_hooks, Some(false));
    let [hook] = &dyte.hooks[..] else {
        panic!("one seeded hook: {:?}", dyte.hooks);
    };
    assert_eq!(hook.id, w.seed.hook_id);
    assert!(hook.status);
    assert!(
        hook.settings
            .as_ref()
            .is_some_and(|s| s.contains_key("api_key"))
    );
    assert!(app(&admin, "webhook").enabled, "the seeded webhook");
    assert!(!app(&admin, "openai").enabled);
    assert!(!app(&admin, "openai").settings_json_schema.is_empty());
    assert_eq!(
        app(&admin, "webhook").short_description.as_deref(),
        Some("Translation missing: en.integration_apps.webhooks.short_description")
    );

    let agent = apps(&w, w.seed.account_id).await;
    let dyte = app(&agent, "dyte");
    assert_eq!(dyte.hooks.len(), 1);
    assert_eq!(dyte.hooks[0].id, w.seed.main_account_hook_id);
    assert!(
        dyte.hooks[0].settings.is_none(),
        "settings: administrators only"
    );
    assert!(
        dyte.logo.is_none() && dyte.hook_type.is_none(),
        "no catalogue entry"
    );
}

async fn show(w: Arc<World>) {
    let get = |account_id: i64, id: &'static str| {
        let w = w.clone();
        async move {
            w.api
                .get_integration_app()
                .account_id(account_id)
                .app_id(id)
                .send()
                .await
                .expect("the app")
                .into_inner()
        }
    };
    let dyte = get(w.seed.second_account_id, "dyte").await;
    assert!(dyte.enabled);
    assert_eq!(dyte.hooks.len(), 1);
    assert_eq!(dyte.hooks[0].id, w.seed.hook_id);
    let slack = get(w.seed.second_account_id, "slack").await;
    assert!(!slack.enabled, "inactive, but shown");
    assert!(
        slack
            .action
            .as_deref()
            .is_some_and(|a| a.ends_with("/app/accounts/2/settings/integrations/slack")),
        "{:?}",
        slack.action
    );
    assert_eq!(slack.button, slack.action);
    let notion = get(w.seed.second_account_id, "notion").await;
    assert_eq!(notion.action, None, "no install URL in its entry");
    let agent = get(w.seed.account_id, "slack").await;
    assert!(
        agent.action.is_none() && agent.logo.is_none(),
        "administrators only"
    );
}

async fn create(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let mut body = new_hook(
        "dialogflow",
        json!({"project_id": "p", "credentials": {"k": 1}}),
    );
    body.inbox_id = Some(w.seed.second_account_inbox_id);
    body.status = Some(IntegrationHookStatus::Disabled);
    let created: IntegrationHook = w
        .api
        .create_integration_hook()
        .account_id(account)
        .body(body)
        .send()
        .await
        .expect("created")
        .into_inner();
    assert_eq!(created.app_id, "dialogflow");
    assert_eq!(created.hook_type, IntegrationHookType::Inbox);
    assert!(!created.status, "created disabled");
    assert_eq!(created.account_id, account);
    assert_eq!(
        created.inbox.as_ref().map(|i| i.id),
        Some(w.seed.second_account_inbox_id)
    );
    let listed = apps(&w, account).await;
    let dialogflow = app(&listed, "dialogflow");
    assert!(dialogflow.enabled, "a hook enables the app");
    assert_eq!(dialogflow.hooks, [created], "listed as created");
}

async fn update(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let updated = w
        .api
        .update_integration_hook()
        .account_id(account)
        .hook_id(w.seed.hook_id)
        .body(IntegrationHookUpdate {
            status: Some(IntegrationHookStatus::Disabled),
            settings: settings(json!({"api_key": "new", "organization_id": "org2"})),
        })
        .send()
        .await
        .expect("updated")
        .into_inner();
    assert!(!updated.status);
    assert_eq!(
        updated.settings.as_ref().and_then(|s| s.get("api_key")),
        Some(&json!("new"))
    );
    let listed = apps(&w, account).await;
    assert_eq!(app(&listed, "dyte").hooks, [updated], "the change persists");
}

async fn delete(w: Arc<World>) {
    let account = w.seed.second_account_id;
    w.api
        .delete_integration_hook()
        .account_id(account)
        .hook_id(w.seed.hook_id)
        .send()
        .await
        .expect("deleted");
    let listed = apps(&w, account).await;
    let dyte = app(&listed, "dyte");
    assert!(dyte.hooks.is_empty(), "gone from the app");
    assert!(!dyte.enabled, "no hook left");
}
