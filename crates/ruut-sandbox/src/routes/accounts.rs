//! Server information, the profile and accounts: `getServerInfo`,
//! `getProfile`, `getAccount` and Ruut's documented `listAccounts`.

use axum::http::StatusCode;
use axum::response::Response;
use ruut_api::enums::{AccountStatus, AvailabilityStatus, UserRole};
use ruut_api::types;
use serde_json::Value;

use crate::errors::{ApiError, json_response};
use crate::render::{self, to_json};
use crate::scope::{Me, OwnAccount, Reply, Scope};
use crate::state::Store;

/// `GET /api`: no authentication.
pub(crate) async fn server_info() -> Response {
    let info = types::ServerInfo {
        version: render::CHATWOOT_VERSION.to_owned(),
        timestamp: Some(chrono::Utc::now().format("%Y-%m-%d %H:%M:%S").to_string()),
        queue_services: Some("ok".to_owned()),
        data_services: Some("ok".to_owned()),
    };
    json_response(StatusCode::OK, &to_json(&info))
}

/// The accounts a user belongs to, in id order, with the user's role.
fn memberships(store: &Store, user_id: i64) -> Vec<(i64, String, &'static str)> {
    let mut list: Vec<_> = store
        .memberships
        .iter()
        .filter(|m| m.user_id == user_id)
        .filter_map(|m| {
            store
                .account(m.account_id)
                .map(|a| (a.id, a.name.clone(), m.role))
        })
        .collect();
    list.sort_by_key(|(id, _, _)| *id);
    list
}

/// `GET /api/v1/profile`.
pub(crate) fn profile(cx: Scope<'_, Me>) -> Reply {
    let value = profile_json(&cx.store, cx.place.user_id)?;
    Ok(json_response(StatusCode::OK, &value))
}

/// The user as the user partial (`models/_user.json.jbuilder`) renders it,
/// without its secrets (`access_token`, `pubsub_token`).
pub(crate) fn profile_json(store: &Store, user_id: i64) -> Result<Value, ApiError> {
    let user = store.user(user_id).ok_or(ApiError::InvalidToken)?;
    let accounts = memberships(store, user_id);
    let active = accounts.first().map(|(id, _, role)| (*id, *role));
    let availability = |account_id: i64| {
        let member = store.membership(user_id, account_id);
        (
            AvailabilityStatus::from(member.map_or("offline", |m| m.availability)),
            member.is_none_or(|m| m.auto_offline),
        )
    };
    let profile = types::Profile {
        id: user.id,
        name: Some(user.name.clone()),
        available_name: Some(user.available_name()),
        display_name: user.details.display_name.clone(),
        email: Some(user.email.clone()),
        avatar_url: Some(String::new()),
        account_id: active.map(|(id, _)| id),
        role: active.map(|(_, role)| UserRole::from(role)),
        confirmed: Some(user.confirmed),
        availability_status: active.map(|(id, _)| availability(id).0),
        message_signature: user.details.message_signature.clone(),
        custom_attributes: (!user.details.custom_attributes.is_empty())
            .then(|| types::Attributes(user.details.custom_attributes.clone())),
        accounts: accounts
            .iter()
            .map(|(id, name, role)| types::ProfileAccount {
                id: *id,
                name: name.clone(),
                status: Some(AccountStatus::Active),
                role: Some(UserRole::from(*role)),
                active_at: store
                    .account(*id)
                    .map(|a| crate::clock::to_datetime(a.created_at)),
                permissions: vec![(*role).to_owned()],
                availability: Some(availability(*id).0),
                availability_status: Some(availability(*id).0),
                auto_offline: Some(availability(*id).1),
            })
            .collect(),
    };
    let mut value = to_json(&profile);
    if let Value::Object(map) = &mut value {
        map.entry("message_signature").or_insert(Value::Null);
        map.entry("display_name").or_insert(Value::Null);
        let ui_settings = Value::Object(user.details.ui_settings.clone());
        map.insert("ui_settings".to_owned(), ui_settings);
    }
    Ok(value)
}

/// `GET /api/v1/accounts` (Ruut's documented route): the user's accounts.
pub(crate) fn list_accounts(cx: Scope<'_, Me>) -> Reply {
    let store = &cx.store;
    let list: Vec<Value> = memberships(store, cx.place.user_id)
        .into_iter()
        .filter_map(|(id, _, role)| {
            let a = store.account(id)?;
            let account = types::RuutAccount {
                id: types::RuutId::Int64(a.id),
                name: a.name.clone(),
                locale: Some(a.locale.clone()),
                status: Some(AccountStatus::Active),
                role: Some(UserRole::from(role)),
                domain: a.domain.clone(),
                support_email: a.support_email.clone(),
                created_at: Some(types::RuutTimestamp::DateTime(crate::clock::to_datetime(
                    a.created_at,
                ))),
            };
            Some(to_json(&account))
        })
        .collect();
    Ok(json_response(StatusCode::OK, &Value::Array(list)))
}

/// `GET /api/v1/accounts/{account_id}`: an account the user is not in is a 404.
pub(crate) fn get_account(cx: Scope<'_, OwnAccount>) -> Reply {
    let value = render::account(&cx.store, cx.place.id).ok_or(ApiError::NotFound)?;
    Ok(json_response(StatusCode::OK, &value))
}
