//! Integrations: the server's app catalogue ([`catalogue`]) and the hooks
//! accounts create into its apps (`createIntegrationHook`), with the model's
//! validations (`Integrations::Hook`) and how both render
//! (`models/_app.json.jbuilder`, `models/_hook.json.jbuilder`).

pub(crate) mod catalogue;
mod settings;

use serde_json::{Map, Value, json};

use crate::errors::ApiError;
use crate::records::{AccountRecords, account_record};
use crate::state::Store;
use catalogue::App;

/// One hook of an account into an app.
#[derive(Clone, Debug)]
pub(crate) struct Hook {
    pub id: i64,
    pub account_id: i64,
    /// The app's id, as sent (the server does not check it names an app).
    pub app_id: String,
    /// As sent; not checked against the account's inboxes.
    pub inbox_id: Option<i64>,
    /// `status` is `enabled` (the default) rather than `disabled`.
    pub enabled: bool,
    /// `account` or `inbox`: the app's `hook_type` (`account` for an unknown app).
    pub hook_type: String,
    /// The settings, a JSON object (`{}` when none were sent).
    pub settings: Value,
}

/// Every account's hooks, and the next id.
pub(crate) type Hooks = AccountRecords<Hook>;

account_record!(Hook);

impl Hook {
    /// The hook's validations, in the model's order, as one 422 listing every
    /// failure (`message` joined with ", ", each attribute once).
    pub fn validate(&self, store: &Store) -> Result<(), ApiError> {
        let app = catalogue::find(&self.app_id);
        let mut failures: Vec<(&str, &str)> = Vec::new();
        if self.app_id.trim().is_empty() {
            failures.push(("app_id", "App can't be blank"));
        }
        if self.hook_type == "inbox" && self.inbox_id.is_none() {
            failures.push(("inbox_id", "Inbox can't be blank"));
        }
        if let Some(schema) = app.and_then(App::settings_schema)
            && !settings::valid(schema, &self.settings)
        {
            failures.push(("settings", "Settings : Invalid settings data"));
        }
        if let Some(flag) = app.and_then(App::feature_flag)
            && !catalogue::feature_enabled(flag)
        {
            failures.push(("feature_flag", "Feature flag Feature not enabled"));
        }
        let unique = app.is_none_or(|a| !a.allow_multiple_hooks());
        let taken =
            store.hooks.list.iter().any(|h| {
                h.account_id == self.account_id && h.id != self.id && h.app_id == self.app_id
            });
        if unique && taken {
            failures.push(("app_id", "App has already been taken"));
        }
        if failures.is_empty() {
            return Ok(());
        }
        let mut attributes: Vec<String> = Vec::new();
        for (attribute, _) in &failures {
            if !attributes.iter().any(|a| a == attribute) {
                attributes.push((*attribute).to_owned());
            }
        }
        Err(ApiError::Invalid {
            message: failures.iter().map(|f| f.1).collect::<Vec<_>>().join(", "),
            attributes,
        })
    }
}

/// A hook as `models/_hook.json.jbuilder` renders it; `settings` and
/// `reference_id` for administrators only.
pub(crate) fn hook_json(store: &Store, hook: &Hook, admin: bool) -> Value {
    // `resource.inbox`: any inbox with that id (the column has no foreign key).
    let inbox = hook
        .inbox_id
        .and_then(|id| store.inboxes.iter().find(|i| i.id == id))
        .map(|i| json!({"id": i.id, "name": i.name}));
    let mut out = json!({
        "id": hook.id,
        "app_id": hook.app_id,
        "status": hook.enabled,
        "inbox": inbox,
        "account_id": hook.account_id,
        "hook_type": hook.hook_type,
    });
    if admin && let Value::Object(map) = &mut out {
        map.insert("settings".to_owned(), hook.settings.clone());
        map.insert("reference_id".to_owned(), Value::Null);
    }
    out
}

/// An app as `models/_app.json.jbuilder` renders it for the account; an
/// administrator also gets the catalogue entry, `action` and `button`.
pub(crate) fn app_json(store: &Store, app: &App, account_id: i64, admin: bool) -> Value {
    let enabled = match app.id() {
        "webhook" => store
            .account_webhooks
            .list
            .iter()
            .any(|w| w.account_id == account_id),
        // The sandbox has no dashboard apps.
        "dashboard_apps" => false,
        id => store
            .hooks
            .list
            .iter()
            .any(|h| h.account_id == account_id && h.app_id == id),
    };
    let mut map = Map::new();
    map.insert("id".to_owned(), Value::from(app.id()));
    map.insert("name".to_owned(), Value::from(app.name.clone()));
    map.insert(
        "description".to_owned(),
        Value::from(app.description.clone()),
    );
    map.insert(
        "short_description".to_owned(),
        Value::from(app.short_description()),
    );
    map.insert("enabled".to_owned(), Value::from(enabled));
    if admin {
        map.extend(app.params.clone());
        let action = app.action(account_id).map_or(Value::Null, Value::from);
        map.insert("action".to_owned(), action.clone());
        map.insert("button".to_owned(), action);
    }
    let hooks: Vec<Value> = store
        .hooks
        .list
        .iter()
        .filter(|h| h.account_id == account_id && h.app_id == app.id())
        .map(|h| hook_json(store, h, admin))
        .collect();
    map.insert("hooks".to_owned(), Value::from(hooks));
    Value::Object(map)
}

/// The seeded hooks: a `dyte` hook (enabled, with settings) in each of
/// `account_ids`. Returns their ids, in that order.
pub(crate) fn seed(store: &mut Store, account_ids: [i64; 2]) -> [i64; 2] {
    account_ids.map(|account_id| {
        let id = store.hooks.take_id();
        store.hooks.list.push(Hook {
            id,
            account_id,
            app_id: "dyte".to_owned(),
            inbox_id: None,
            enabled: true,
            hook_type: "account".to_owned(),
            settings: json!({"api_key": "sandbox-dyte-key", "organization_id": "sandbox-org"}),
        });
        id
    })
}
