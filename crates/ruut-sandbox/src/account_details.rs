//! An account's `settings` and `custom_attributes`, as `updateAccount`
//! changes them and the account partial (`models/_account.json.jbuilder`)
//! renders them.

use serde_json::Value;

use crate::state::Attrs;

/// The `custom_attributes` keys the account partial always renders (null
/// when unset) once the account has any.
const ALWAYS: [&str; 4] = [
    "plan_name",
    "subscribed_quantity",
    "subscription_status",
    "subscription_ends_on",
];

/// The keys it renders only when set.
const WHEN_SET: [&str; 7] = [
    "industry",
    "company_size",
    "timezone",
    "logo",
    "onboarding_step",
    "marked_for_deletion_at",
    "marked_for_deletion_reason",
];

/// What an account keeps besides its columns.
#[derive(Clone, Debug, Default)]
pub(crate) struct AccountDetails {
    /// `auto_resolve_after`, `auto_resolve_message`, ...
    pub settings: Attrs,
    /// `industry`, `company_size`, `timezone`, ...
    pub custom_attributes: Attrs,
}

impl AccountDetails {
    /// `settings` as the partial renders it: the auto-resolve keys are
    /// always there (null when unset).
    pub fn settings_json(&self) -> Attrs {
        let mut settings = self.settings.clone();
        for key in ["auto_resolve_after", "auto_resolve_message"] {
            settings.entry(key).or_insert(Value::Null);
        }
        settings
    }

    /// `custom_attributes` as the partial renders it; `None` (absent) while
    /// the account has none.
    pub fn custom_attributes_json(&self) -> Option<Attrs> {
        if self.custom_attributes.is_empty() {
            return None;
        }
        let mut out = Attrs::new();
        for key in ALWAYS {
            let value = self.custom_attributes.get(key).cloned();
            out.insert(key.to_owned(), value.unwrap_or(Value::Null));
        }
        for key in WHEN_SET {
            match self.custom_attributes.get(key) {
                None | Some(Value::Null) => {}
                Some(Value::String(s)) if s.is_empty() => {}
                Some(value) => {
                    out.insert(key.to_owned(), value.clone());
                }
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn custom_attributes_render_as_the_partial_does() {
        let mut details = AccountDetails::default();
        assert_eq!(details.custom_attributes_json(), None);
        details
            .custom_attributes
            .insert("timezone".into(), json!("UTC"));
        details
            .custom_attributes
            .insert("industry".into(), json!(""));
        let out = details.custom_attributes_json().unwrap_or_default();
        assert_eq!(out.get("timezone"), Some(&json!("UTC")));
        assert_eq!(out.get("plan_name"), Some(&Value::Null));
        assert!(!out.contains_key("industry"), "blank values are left out");
        assert_eq!(
            details.settings_json().get("auto_resolve_after"),
            Some(&Value::Null)
        );
    }
}
