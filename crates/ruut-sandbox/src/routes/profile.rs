//! Changing the account and the authenticated user: `updateAccount`
//! (`AccountsController#update`), `updateProfile`, `setAvailability` and
//! `setAutoOffline` (`ProfilesController`).
//!
//! The account is found among the user's own (404 otherwise), then the role
//! is checked (`AccountPolicy#update?`: administrators). Profile bodies are
//! read flat or inside `profile`. Where the server fails with a 500 (an
//! unknown locale or availability, no availability) the sandbox answers 422.

use axum::http::StatusCode;
use bytes::Bytes;
use serde_json::{Map, Value};

use super::accounts::profile_json;
use super::agents::wrapped;
use crate::errors::{ApiError, json_response};
use crate::render;
use crate::scope::{Me, OwnAccount, Reply, Scope};
use crate::validate::{Fields, body};

/// The locales the sandbox knows (the server's `LANGUAGES_CONFIG` codes).
const LOCALES: [&str; 12] = [
    "en", "ar", "de", "es", "fr", "it", "ja", "nl", "pt", "pt_BR", "ru", "zh_CN",
];
const AVAILABILITIES: [&str; 3] = ["online", "offline", "busy"];

/// A validation failure of one attribute.
fn invalid(message: String, attribute: &str) -> ApiError {
    ApiError::Invalid {
        message,
        attributes: vec![attribute.to_owned()],
    }
}

/// The settings keys and their kinds (`SETTINGS_PARAMS_SCHEMA`).
fn settings(map: &Map<String, Value>) -> Result<Map<String, Value>, ApiError> {
    let f = Fields(map);
    let mut out = Map::new();
    if map.contains_key("auto_resolve_after") {
        let minutes = match map.get("auto_resolve_after") {
            Some(Value::Null) => None,
            _ => f.int("auto_resolve_after")?,
        };
        if let Some(m) = minutes {
            let name = "Auto resolve after";
            if m < 10 {
                let text = format!("{name} must be greater than or equal to 10");
                return Err(invalid(text, "auto_resolve_after"));
            }
            if m > 1_439_856 {
                let text = format!("{name} must be less than or equal to 1439856");
                return Err(invalid(text, "auto_resolve_after"));
            }
        }
        out.insert(
            "auto_resolve_after".to_owned(),
            minutes.map_or(Value::Null, Value::from),
        );
    }
    for key in ["auto_resolve_message", "auto_resolve_label"] {
        if map.contains_key(key) {
            let value = f.string(key, true)?;
            out.insert(key.to_owned(), value.map_or(Value::Null, Value::from));
        }
    }
    for key in ["auto_resolve_ignore_waiting", "audio_transcriptions"] {
        if map.contains_key(key) {
            let value = match map.get(key) {
                Some(Value::Null) => None,
                _ => f.bool(key)?,
            };
            out.insert(key.to_owned(), value.map_or(Value::Null, Value::from));
        }
    }
    Ok(out)
}

/// `PATCH /api/v1/accounts/{account_id}`: administrators only.
pub(crate) fn update_account(mut cx: Scope<'_, OwnAccount>, bytes: Bytes) -> Reply {
    let id = cx.place.id;
    let role = cx.user_id().and_then(|u| cx.store.role(u, id));
    if role != Some("administrator") {
        return Err(ApiError::NotAuthorized);
    }
    let map = if bytes.iter().all(u8::is_ascii_whitespace) {
        Map::new()
    } else {
        body(&bytes, "account")?
    };
    let f = Fields(&map);
    let name = f.string("name", false)?;
    if name.as_deref().is_some_and(|n| n.trim().is_empty()) {
        return Err(invalid("Name can't be blank".to_owned(), "name"));
    }
    let locale = f.one_of("locale", &LOCALES, false)?;
    let domain = map
        .contains_key("domain")
        .then(|| f.string("domain", true))
        .transpose()?;
    if let Some(Some(d)) = &domain
        && d.chars().count() > 100
    {
        let text = "Domain is too long (maximum is 100 characters)".to_owned();
        return Err(invalid(text, "domain"));
    }
    let support_email = map
        .contains_key("support_email")
        .then(|| f.string("support_email", true))
        .transpose()?;
    let mut custom = Map::new();
    for key in ["industry", "company_size", "timezone"] {
        if let Some(value) = f.string(key, false)? {
            custom.insert(key.to_owned(), Value::from(value));
        }
    }
    let settings = settings(&map)?;
    let account = cx
        .store
        .accounts
        .iter_mut()
        .find(|a| a.id == id)
        .ok_or(ApiError::NotFound)?;
    if let Some(name) = name {
        account.name = name;
    }
    if let Some(locale) = locale {
        account.locale = locale;
    }
    if let Some(domain) = domain {
        account.domain = domain;
    }
    if let Some(email) = support_email {
        account.support_email = email;
    }
    account.details.custom_attributes.extend(custom);
    account.details.settings.extend(settings);
    let mut value = render::account(&cx.store, id).ok_or(ApiError::NotFound)?;
    if let Value::Object(map) = &mut value {
        map.remove("latest_chatwoot_version");
    }
    Ok(json_response(StatusCode::OK, &value))
}

/// The user as a 200.
fn me(cx: &Scope<'_, Me>) -> Reply {
    let value = profile_json(&cx.store, cx.place.user_id)?;
    Ok(json_response(StatusCode::OK, &value))
}

/// `PUT /api/v1/profile` (and `PATCH`).
pub(crate) fn update(mut cx: Scope<'_, Me>, bytes: Bytes) -> Reply {
    let map = wrapped(&bytes, "profile")?;
    let f = Fields(&map);
    // `User` has no presence validation of the name: a blank one is saved.
    let name = f.string("name", false)?;
    let display_name = map
        .contains_key("display_name")
        .then(|| f.string("display_name", true))
        .transpose()?;
    let signature = map
        .contains_key("message_signature")
        .then(|| f.string("message_signature", true))
        .transpose()?;
    // A new email waits for confirmation (Devise's reconfirmable).
    f.string("email", false)?;
    let phone = f.string("phone_number", false)?;
    let ui_settings = f.object("ui_settings")?;
    let user_id = cx.place.user_id;
    let user = cx
        .store
        .users
        .iter_mut()
        .find(|u| u.id == user_id)
        .ok_or(ApiError::InvalidToken)?;
    if let Some(name) = name {
        user.name = name;
    }
    if let Some(display_name) = display_name {
        user.details.display_name = display_name;
    }
    if let Some(signature) = signature {
        user.details.message_signature = signature;
    }
    if let Some(phone) = phone {
        let attrs = &mut user.details.custom_attributes;
        attrs.insert("phone_number".to_owned(), Value::from(phone));
    }
    if let Some(ui_settings) = ui_settings {
        user.details.ui_settings = ui_settings;
    }
    me(&cx)
}

/// The account id of an availability or auto-offline body, and the fields.
fn account_body(cx: &Scope<'_, Me>, bytes: &[u8]) -> Result<(i64, Map<String, Value>), ApiError> {
    let map = wrapped(bytes, "profile")?;
    let account_id = Fields(&map).int("account_id")?;
    let user_id = cx.place.user_id;
    let account_id = account_id
        .filter(|a| cx.store.role(user_id, *a).is_some())
        .ok_or(ApiError::NotFound)?;
    Ok((account_id, map))
}

/// `POST /api/v1/profile/availability`.
pub(crate) fn availability(mut cx: Scope<'_, Me>, bytes: Bytes) -> Reply {
    let (account_id, map) = account_body(&cx, &bytes)?;
    let value = Fields(&map).one_of("availability", &AVAILABILITIES, false)?;
    let value = value.ok_or_else(|| ApiError::missing("availability"))?;
    let known = AVAILABILITIES.iter().find(|a| **a == value).copied();
    let user_id = cx.place.user_id;
    if let Some(member) = cx
        .store
        .memberships
        .iter_mut()
        .find(|m| m.user_id == user_id && m.account_id == account_id)
    {
        member.availability = known.unwrap_or("online");
    }
    me(&cx)
}

/// `POST /api/v1/profile/auto_offline`: a missing value means false.
pub(crate) fn auto_offline(mut cx: Scope<'_, Me>, bytes: Bytes) -> Reply {
    let (account_id, map) = account_body(&cx, &bytes)?;
    let value = match map.get("auto_offline") {
        None | Some(Value::Null) => false,
        _ => Fields(&map).bool("auto_offline")?.unwrap_or(false),
    };
    let user_id = cx.place.user_id;
    if let Some(member) = cx
        .store
        .memberships
        .iter_mut()
        .find(|m| m.user_id == user_id && m.account_id == account_id)
    {
        member.auto_offline = value;
    }
    me(&cx)
}
