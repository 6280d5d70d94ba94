//! Integrations: the apps an agent and an administrator see, and a hook's
//! life in the account the user administers (found by the contact steps).

use std::sync::atomic::{AtomicI64, Ordering};

use ruut_api::operations::Operation::*;
use ruut_api::types::{IntegrationHookCreate, IntegrationHookStatus, IntegrationHookUpdate};
use serde_json::{Map, Value, json};

use crate::contract::{Found, MISSING_ID, Step, send};

/// The hook the create step made.
static CREATED: AtomicI64 = AtomicI64::new(0);

fn admin(found: &Found) -> bool {
    found.admin_account.is_some()
}

fn object(value: Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap_or_default()
}

fn google_translate(settings: Value) -> IntegrationHookCreate {
    IntegrationHookCreate {
        app_id: "google_translate".to_owned(),
        inbox_id: None,
        settings: object(settings),
        status: None,
    }
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            ListIntegrationApps,
            "an agent",
            send!(|c| c.user.list_integration_apps().account_id(c.found().account)),
        ),
        Step::ok(
            GetIntegrationApp,
            "an inactive app",
            send!(|c| c
                .user
                .get_integration_app()
                .account_id(c.found().account)
                .app_id("slack")),
        ),
        Step::status(
            GetIntegrationApp,
            "an app the catalogue does not have",
            404,
            send!(|c| c
                .user
                .get_integration_app()
                .account_id(c.found().account)
                .app_id("no_such_app")),
        ),
        Step::status(
            CreateIntegrationHook,
            "an agent",
            401,
            send!(|c| c
                .user
                .create_integration_hook()
                .account_id(c.found().account)
                .body(google_translate(
                    json!({"project_id": "p", "credentials": {}})
                ))),
        ),
        Step::ok(
            CreateIntegrationHook,
            "an administrator",
            send!(
                |c| c
                    .user
                    .create_integration_hook()
                    .account_id(c.found().admin_account.unwrap_or_default())
                    .body(google_translate(
                        json!({"project_id": "p", "credentials": {"k": "v"}})
                    )),
                |created| CREATED.store(created.id, Ordering::SeqCst)
            ),
        )
        .when(admin),
        Step::status(
            CreateIntegrationHook,
            "settings without the required keys",
            422,
            send!(|c| c
                .user
                .create_integration_hook()
                .account_id(c.found().admin_account.unwrap_or_default())
                .body(IntegrationHookCreate {
                    app_id: "openai".to_owned(),
                    ..google_translate(json!({"other": 1}))
                })),
        )
        .when(admin),
        Step::ok(
            ListIntegrationApps,
            "an administrator",
            send!(|c| c
                .user
                .list_integration_apps()
                .account_id(c.found().admin_account.unwrap_or_default())),
        )
        .when(admin),
        Step::ok(
            UpdateIntegrationHook,
            "disabled",
            send!(|c| c
                .user
                .update_integration_hook()
                .account_id(c.found().admin_account.unwrap_or_default())
                .hook_id(CREATED.load(Ordering::SeqCst))
                .body(IntegrationHookUpdate {
                    status: Some(IntegrationHookStatus::Disabled),
                    ..IntegrationHookUpdate::default()
                })),
        )
        .when(admin),
        Step::status(
            UpdateIntegrationHook,
            "an unknown hook",
            404,
            send!(|c| c
                .user
                .update_integration_hook()
                .account_id(c.found().admin_account.unwrap_or_default())
                .hook_id(MISSING_ID)
                .body(IntegrationHookUpdate::default())),
        )
        .when(admin),
        Step::ok(
            DeleteIntegrationHook,
            "an administrator",
            send!(|c| c
                .user
                .delete_integration_hook()
                .account_id(c.found().admin_account.unwrap_or_default())
                .hook_id(CREATED.load(Ordering::SeqCst))),
        )
        .when(admin),
        Step::status(
            DeleteIntegrationHook,
            "an unknown hook",
            404,
            send!(|c| c
                .user
                .delete_integration_hook()
                .account_id(c.found().admin_account.unwrap_or_default())
                .hook_id(MISSING_ID)),
        )
        .when(admin),
    ]
}
