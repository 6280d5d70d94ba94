//! The server's catalogue of integration apps: Chatwoot v4.10.1's
//! `config/integration/apps.yml`, with each app's name and descriptions from
//! `config/locales/en.yml` (`integration_apps`), served as data
//! (`apps.json`, in the catalogue's order).
//!
//! Which apps are active depends on the installation (`Integrations::App#active?`).
//! The sandbox is an installation without Slack, Linear, Shopify or Notion
//! credentials, and its accounts have none of the integration features
//! (`crm_integration`, `linear_integration`, ...): `slack`, `linear`, `notion`,
//! `shopify` and `leadsquared` are inactive, the six others always active.

use std::sync::OnceLock;

use serde::Deserialize;
use serde_json::{Map, Value};

/// The catalogue, as `apps.json` holds it.
const CATALOGUE: &str = include_str!("apps.json");

/// The features of the sandbox's accounts (the ones `getAccount` lists):
/// none of the integration features is among them.
const ACCOUNT_FEATURES: &[&str] = &["inbound_emails", "channel_website", "agent_bots"];

/// One app of the catalogue.
#[derive(Debug, Deserialize)]
pub(crate) struct App {
    /// Its entry in `apps.yml`, as it is.
    pub params: Map<String, Value>,
    /// `integration_apps.<i18n_key>.name`.
    pub name: String,
    /// `integration_apps.<i18n_key>.description`.
    pub description: String,
    /// `integration_apps.<i18n_key>.short_description`, when en.yml has one.
    short_description: Option<String>,
}

/// Every app, in the catalogue's order.
pub(crate) fn all() -> &'static [App] {
    static APPS: OnceLock<Vec<App>> = OnceLock::new();
    APPS.get_or_init(|| serde_json::from_str(CATALOGUE).expect("apps.json is the catalogue"))
}

/// The app with this id (`Integrations::App.find`).
pub(crate) fn find(id: &str) -> Option<&'static App> {
    all().iter().find(|app| app.id() == id)
}

/// Whether the sandbox's accounts have the feature `flag`.
pub(crate) fn feature_enabled(flag: &str) -> bool {
    ACCOUNT_FEATURES.contains(&flag)
}

impl App {
    /// The app's id (`dyte`, `webhook`, ...).
    pub fn id(&self) -> &str {
        self.str("id").unwrap_or_default()
    }

    fn str(&self, key: &str) -> Option<&str> {
        self.params.get(key).and_then(Value::as_str)
    }

    /// `short_description.presence`; I18n's missing-translation text where
    /// en.yml has none (`webhook`, `dashboard_apps`), as the server renders it.
    pub fn short_description(&self) -> String {
        self.short_description.clone().unwrap_or_else(|| {
            format!(
                "Translation missing: en.integration_apps.{}.short_description",
                self.str("i18n_key").unwrap_or_default()
            )
        })
    }

    /// `hook_type` of the hooks into it: `account` or `inbox`.
    pub fn hook_type(&self) -> &str {
        self.str("hook_type").unwrap_or("account")
    }

    /// Whether an account may have several hooks into it.
    pub fn allow_multiple_hooks(&self) -> bool {
        self.params
            .get("allow_multiple_hooks")
            .and_then(Value::as_bool)
            .unwrap_or(false)
    }

    /// The feature a hook into it needs, if any.
    pub fn feature_flag(&self) -> Option<&str> {
        self.str("feature_flag")
    }

    /// The JSON schema its hooks' settings must match, if any.
    pub fn settings_schema(&self) -> Option<&Value> {
        self.params.get("settings_json_schema")
    }

    /// `Integrations::App#active?` on this installation.
    pub fn active(&self) -> bool {
        match self.id() {
            // SLACK_CLIENT_SECRET, LINEAR_CLIENT_ID, SHOPIFY_CLIENT_ID and
            // NOTION_CLIENT_ID are not configured, whatever the features.
            "slack" | "linear" | "shopify" | "notion" => false,
            "leadsquared" => feature_enabled("crm_integration"),
            _ => true,
        }
    }

    /// `Integrations::App#action`: the install URL. `FRONTEND_URL`, the
    /// Slack and Linear client ids and `LINEAR_CLIENT_SECRET` (which signs
    /// Linear's `state`) are not configured, so they are empty.
    pub fn action(&self, account_id: i64) -> Option<String> {
        let action = self.str("action")?;
        Some(match self.id() {
            "slack" => format!(
                "{action}&client_id=&redirect_uri=/app/accounts/{account_id}/settings/integrations/slack"
            ),
            "linear" => format!(
                "{action}?response_type=code&client_id=&redirect_uri=/linear/callback&state=\
                 &scope=read,write&prompt=consent&actor=app"
            ),
            _ => action.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_has_the_servers_eleven_apps() {
        let ids: Vec<&str> = all().iter().map(App::id).collect();
        assert_eq!(ids.len(), 11, "{ids:?}");
        assert_eq!(ids[0], "webhook");
        assert_eq!(find("dialogflow").map(App::hook_type), Some("inbox"));
        assert_eq!(find("dyte").map(App::allow_multiple_hooks), Some(false));
        assert!(find("webhook").is_some_and(App::allow_multiple_hooks));
        assert_eq!(
            find("leadsquared").and_then(App::feature_flag),
            Some("crm_integration")
        );
    }

    #[test]
    fn install_urls_as_the_unconfigured_server_builds_them() {
        let linear = find("linear").and_then(|a| a.action(1)).expect("linear");
        assert!(
            linear.starts_with("https://linear.app/oauth/authorize?response_type=code&client_id=&")
        );
        assert!(
            linear.ends_with("&state=&scope=read,write&prompt=consent&actor=app"),
            "{linear}"
        );
        let slack = find("slack").and_then(|a| a.action(2)).expect("slack");
        assert!(
            slack.ends_with("&client_id=&redirect_uri=/app/accounts/2/settings/integrations/slack")
        );
        assert_eq!(find("notion").and_then(|a| a.action(1)), None);
    }

    #[test]
    fn only_apps_needing_no_installation_config_are_active() {
        let active: Vec<&str> = all().iter().filter(|a| a.active()).map(App::id).collect();
        assert_eq!(
            active,
            [
                "webhook",
                "dashboard_apps",
                "openai",
                "dialogflow",
                "google_translate",
                "dyte"
            ]
        );
    }

    #[test]
    fn missing_short_descriptions_render_as_i18n_does() {
        let webhook = find("webhook").expect("webhook");
        assert_eq!(
            webhook.short_description(),
            "Translation missing: en.integration_apps.webhooks.short_description"
        );
    }
}
