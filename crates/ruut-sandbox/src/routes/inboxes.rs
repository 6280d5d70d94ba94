//! Inboxes: `listInboxes`, `getInbox`, `createInbox`, `updateInbox` and
//! `deleteInbox`, as Chatwoot's `InboxesController` does them.
//!
//! Agents see the inboxes they are members of (`assigned_inboxes`);
//! administrators see and change every inbox of the account. The inbox is
//! looked up first (404), then its access (401). Only API channels are
//! modelled: creating any other type answers 422.

use axum::http::StatusCode;
use bytes::Bytes;
use serde_json::{Map, Value, json};

use crate::auth::Caller;
use crate::errors::{ApiError, json_response};
use crate::ids;
use crate::inbox_config::InboxSettings;
use crate::routes::agent_bots::AdminAccount;
use crate::scope::{Account, AccountScope, InAccount, Path, Place, Reply, Scope};
use crate::state::{Inbox, Store};
use crate::validate::{Fields, body};

/// The channel types the server creates (`allowed_channel_types`, with the
/// enterprise `voice`).
const CHANNEL_TYPES: [&str; 8] = [
    "web_widget",
    "api",
    "email",
    "line",
    "telegram",
    "whatsapp",
    "sms",
    "voice",
];

/// Whether the caller works in the inbox: administrators in all, agents in
/// the inboxes they are members of.
pub(crate) fn works_in(inbox: &Inbox, caller: Caller, role: Option<&str>) -> bool {
    role == Some("administrator")
        || caller
            .user_id()
            .is_some_and(|id| inbox.settings.member_ids.contains(&id))
}

/// `{inbox_id}` of `{account_id}` as `fetch_inbox` finds it: 404 when the
/// account has no such inbox, then 401 for an agent who is not a member.
#[derive(Clone, Copy)]
pub(crate) struct InInbox {
    pub account: Account,
    pub id: i64,
}

impl Place for InInbox {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        let id = path.id("inbox_id")?;
        let inbox = store.inbox(account.id, id).ok_or(ApiError::NotFound)?;
        if !works_in(inbox, caller, account.role) {
            return Err(ApiError::NotAuthorized);
        }
        Ok(InInbox { account, id })
    }
}

impl InAccount for InInbox {
    fn account(&self) -> Account {
        self.account
    }
}

/// An inbox an administrator changes: found as [`InInbox`], then the role.
pub(crate) struct AdminInbox(pub InInbox);

impl Place for AdminInbox {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let inbox = InInbox::find(store, caller, path)?;
        if inbox.account.role != Some("administrator") {
            return Err(ApiError::NotAuthorized);
        }
        Ok(AdminInbox(inbox))
    }
}

impl InAccount for AdminInbox {
    fn account(&self) -> Account {
        self.0.account
    }
}

impl<P: InAccount> Scope<'_, P> {
    /// The inbox `id` of the scope's account (found by the place).
    pub(crate) fn inbox_mut(&mut self, id: i64) -> Result<&mut Inbox, ApiError> {
        let account_id = self.account_id();
        (self.store.inboxes.iter_mut())
            .find(|i| i.id == id && i.account_id == account_id)
            .ok_or(ApiError::NotFound)
    }
}

/// The default weekly schedule every inbox gets (`create_default_working_hours`).
fn working_hours() -> Value {
    let day = |d: i64| {
        let closed = d == 0 || d == 6;
        json!({
            "day_of_week": d,
            "closed_all_day": closed,
            "open_hour": (!closed).then_some(9),
            "open_minutes": (!closed).then_some(0),
            "close_hour": (!closed).then_some(17),
            "close_minutes": (!closed).then_some(0),
            "open_all_day": false,
        })
    };
    Value::Array((0..7).map(day).collect())
}

/// An inbox as `models/_inbox.json.jbuilder` renders it; `admin` says
/// whether the caller is an administrator (who sees the HMAC token).
pub(crate) fn inbox_json(inbox: &Inbox, admin: bool) -> Value {
    let s = &inbox.settings;
    let mut value = json!({
        "id": inbox.id,
        "avatar_url": "",
        "channel_id": s.channel_id,
        "name": inbox.name,
        "channel_type": inbox.channel_type,
        "greeting_enabled": s.greeting_enabled,
        "greeting_message": s.greeting_message,
        "working_hours_enabled": s.working_hours_enabled,
        "enable_email_collect": s.enable_email_collect,
        "csat_survey_enabled": s.csat_survey_enabled,
        "csat_config": {},
        "enable_auto_assignment": s.enable_auto_assignment,
        "auto_assignment_config": {},
        "out_of_office_message": s.out_of_office_message,
        "working_hours": working_hours(),
        "timezone": s.timezone,
        "callback_webhook_url": null,
        "allow_messages_after_resolved": s.allow_messages_after_resolved,
        "lock_to_single_conversation": s.lock_to_single_conversation,
        "sender_name_type": s.sender_name_type,
        "business_name": s.business_name,
        "messaging_service_sid": null,
        "phone_number": null,
        "provider": null,
    });
    let widget = inbox.channel_type == "Channel::WebWidget";
    let api = inbox.channel_type == "Channel::Api";
    for key in [
        "allowed_domains",
        "widget_color",
        "website_url",
        "welcome_title",
        "welcome_tagline",
        "web_widget_script",
        "website_token",
        "selected_feature_flags",
        "reply_time",
    ] {
        value[key] = Value::Null;
    }
    value["hmac_mandatory"] = if widget || api {
        json!(s.hmac_mandatory)
    } else {
        Value::Null
    };
    if (widget || api) && admin {
        value["hmac_token"] = json!(s.hmac_token);
    }
    if api {
        value["webhook_url"] = json!(s.webhook_url);
        value["inbox_identifier"] = json!(s.identifier);
        value["additional_attributes"] = Value::Object(s.channel_attributes.clone());
    }
    value
}

/// Applies the inbox settings a body sends (422 for a bad value).
fn apply_settings(inbox: &mut Inbox, map: &Map<String, Value>) -> Result<(), ApiError> {
    let f = Fields(map);
    let s = &mut inbox.settings;
    if let Some(name) = f.string("name", true)? {
        inbox.name = name;
    } else if map.contains_key("name") {
        inbox.name = String::new();
    }
    for (key, flag) in [
        ("greeting_enabled", &mut s.greeting_enabled),
        ("enable_email_collect", &mut s.enable_email_collect),
        ("csat_survey_enabled", &mut s.csat_survey_enabled),
        ("enable_auto_assignment", &mut s.enable_auto_assignment),
        ("working_hours_enabled", &mut s.working_hours_enabled),
        (
            "allow_messages_after_resolved",
            &mut s.allow_messages_after_resolved,
        ),
        (
            "lock_to_single_conversation",
            &mut s.lock_to_single_conversation,
        ),
    ] {
        if let Some(value) = f.bool(key)? {
            *flag = value;
        }
    }
    for (key, text) in [
        ("greeting_message", &mut s.greeting_message),
        ("out_of_office_message", &mut s.out_of_office_message),
        ("business_name", &mut s.business_name),
    ] {
        if map.contains_key(key) {
            *text = f.string(key, true)?;
        }
    }
    if let Some(zone) = f.string("timezone", false)? {
        s.timezone = zone;
    }
    if let Some(kind) = f.one_of("sender_name_type", &["friendly", "professional"], false)? {
        s.sender_name_type = kind;
    }
    for (key, text, attribute) in [
        ("greeting_message", &s.greeting_message, "Greeting message"),
        (
            "out_of_office_message",
            &s.out_of_office_message,
            "Out of office message",
        ),
    ] {
        if text.as_ref().is_some_and(|t| t.chars().count() > 10_000) {
            return Err(invalid(
                key,
                &format!("{attribute} is too long (maximum is 10000 characters)"),
            ));
        }
    }
    if inbox.name.trim().is_empty() {
        return Err(invalid("name", "Name can't be blank"));
    }
    Ok(())
}

/// Applies an API channel's editable fields (`Channel::Api::EDITABLE_ATTRS`).
fn apply_channel(inbox: &mut Inbox, channel: &Map<String, Value>) -> Result<(), ApiError> {
    let f = Fields(channel);
    let s = &mut inbox.settings;
    if channel.contains_key("webhook_url") {
        let url = f.string("webhook_url", true)?;
        if url.as_ref().is_some_and(|u| u.chars().count() > 2048) {
            return Err(invalid(
                "webhook_url",
                "Webhook url is too long (maximum is 2048 characters)",
            ));
        }
        s.webhook_url = url.filter(|u| !u.is_empty());
    }
    if let Some(mandatory) = f.bool("hmac_mandatory")? {
        s.hmac_mandatory = mandatory;
    }
    if let Some(attributes) = f.object("additional_attributes")? {
        s.channel_attributes = attributes;
    }
    Ok(())
}

fn invalid(attribute: &str, message: &str) -> ApiError {
    ApiError::Invalid {
        message: message.to_owned(),
        attributes: vec![attribute.to_owned()],
    }
}

/// `GET /api/v1/accounts/{account_id}/inboxes`.
pub(crate) fn list(cx: AccountScope<'_>) -> Reply {
    let (account_id, role, caller) = (cx.account_id(), cx.role(), cx.caller);
    let mut inboxes: Vec<&Inbox> = (cx.store.inboxes.iter())
        .filter(|i| i.account_id == account_id && works_in(i, caller, role))
        .collect();
    inboxes.sort_by_key(|i| (i.name.to_lowercase(), i.id));
    let admin = role == Some("administrator");
    let payload: Vec<Value> = inboxes.iter().map(|i| inbox_json(i, admin)).collect();
    Ok(json_response(StatusCode::OK, &json!({"payload": payload})))
}

/// Answers the inbox as the caller sees it.
fn answer<P: InAccount>(cx: &Scope<'_, P>, id: i64) -> Reply {
    let inbox = cx
        .store
        .inbox(cx.account_id(), id)
        .ok_or(ApiError::NotFound)?;
    let admin = cx.role() == Some("administrator");
    Ok(json_response(StatusCode::OK, &inbox_json(inbox, admin)))
}

/// `GET /api/v1/accounts/{account_id}/inboxes/{inbox_id}`.
pub(crate) fn show(cx: Scope<'_, InInbox>) -> Reply {
    answer(&cx, cx.place.id)
}

/// `POST /api/v1/accounts/{account_id}/inboxes`.
pub(crate) fn create(mut cx: Scope<'_, AdminAccount>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "channel")?;
    let channel = match map.get("channel") {
        Some(Value::Object(channel)) => channel.clone(),
        None | Some(Value::Null) => return Err(ApiError::missing("channel")),
        Some(_) => return Err(ApiError::invalid("channel", "an object")),
    };
    let kind = Fields(&channel).required_string("type")?;
    if kind != "api" {
        let known = CHANNEL_TYPES.contains(&kind.as_str());
        return Err(if known {
            ApiError::Unprocessable(format!(
                "the Ruut sandbox creates API inboxes only, not {kind}"
            ))
        } else {
            invalid("channel", "Channel must exist")
        });
    }
    let account_id = cx.account_id();
    let store = &mut *cx.store;
    let id = loop {
        let id = store.ids.inbox();
        if !store.inboxes.iter().any(|i| i.id == id) {
            break id;
        }
    };
    let mut inbox = Inbox {
        id,
        account_id,
        name: String::new(),
        channel_type: "Channel::Api",
        settings: InboxSettings::new(id, ids::new_token),
    };
    apply_settings(&mut inbox, &map)?;
    apply_channel(&mut inbox, &channel)?;
    let body = inbox_json(&inbox, true);
    store.inboxes.push(inbox);
    Ok(json_response(StatusCode::OK, &body))
}

/// `PATCH /api/v1/accounts/{account_id}/inboxes/{inbox_id}`.
pub(crate) fn update(mut cx: Scope<'_, AdminInbox>, bytes: Bytes) -> Reply {
    let map = body(&bytes, "inbox")?;
    let id = cx.place.0.id;
    let mut inbox = cx.inbox_mut(id)?.clone();
    apply_settings(&mut inbox, &map)?;
    match map.get("channel") {
        Some(Value::Object(channel)) if inbox.channel_type == "Channel::Api" => {
            apply_channel(&mut inbox, channel)?;
        }
        None | Some(Value::Object(_)) => {}
        Some(_) => return Err(ApiError::invalid("channel", "an object")),
    }
    *cx.inbox_mut(id)? = inbox;
    answer(&cx, id)
}

/// `DELETE /api/v1/accounts/{account_id}/inboxes/{inbox_id}`: the inbox, its
/// conversations and its contacts' identities in it go (at once here; the
/// server's job does it shortly after answering).
pub(crate) fn delete(mut cx: Scope<'_, AdminInbox>) -> Reply {
    let (account_id, id) = (cx.account_id(), cx.place.0.id);
    let store = &mut *cx.store;
    store
        .inboxes
        .retain(|i| !(i.id == id && i.account_id == account_id));
    store
        .conversations
        .retain(|c| !(c.account_id == account_id && c.inbox_id == id));
    for contact in &mut store.contacts {
        contact.inboxes.retain(|(inbox, _)| *inbox != id);
    }
    let message = "Your inbox deletion request will be processed in some time.";
    Ok(json_response(StatusCode::OK, &json!({"message": message})))
}
