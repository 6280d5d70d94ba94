//! Agent bots: `listAgentBots`, `getAgentBot`, `createAgentBot`,
//! `updateAgentBot`, `deleteAgentBot` and `resetAgentBotAccessToken`, as
//! Chatwoot's `AgentBotsController` does them.
//!
//! Members list and read the account's bots and the system bots; only
//! administrators change them, checked (as `check_authorization` does) before
//! the bot is looked up, and only the account's own bots (a system bot is a
//! 404 there). A bot's `access_token` authenticates as it; a reset replaces it.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Value, json};

use crate::auth::Caller;
use crate::errors::{ApiError, json_response};
use crate::ids;
use crate::scope::{Account, AccountScope, InAccount, Path, Place, Reply, Scope};
use crate::state::{AssigneeRef, Attrs, Bot, Store};
use crate::validate::{Fields, body};

/// The longest `outgoing_url` the model accepts (`Limits::URL_LENGTH_LIMIT`).
const URL_LENGTH_LIMIT: usize = 2048;

/// A bot as `models/_agent_bot.json.jbuilder` renders it for `account_id`
/// (through `AgentBotPresenter`: the token only for the account's own bots).
pub(crate) fn bot_json(bot: &Bot, account_id: i64) -> Value {
    let text = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let mut value = json!({
        "id": bot.id,
        "name": text(&bot.name),
        "description": text(&bot.description),
        "thumbnail": "",
        "bot_type": "webhook",
        "bot_config": bot.bot_config,
        "account_id": bot.account_id,
        "system_bot": bot.account_id.is_none(),
    });
    if bot.account_id.is_some() {
        value["outgoing_url"] = json!(bot.outgoing_url);
    }
    if bot.account_id == Some(account_id) {
        value["access_token"] = json!(bot.access_token);
    }
    value
}

/// An account where the caller is an administrator (401 for an agent).
#[derive(Clone, Copy)]
pub(crate) struct AdminAccount(Account);

impl Place for AdminAccount {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        if account.role != Some("administrator") {
            return Err(ApiError::NotAuthorized);
        }
        Ok(AdminAccount(account))
    }
}

impl InAccount for AdminAccount {
    fn account(&self) -> Account {
        self.0
    }
}

/// One of the account's own bots, for an administrator: the role first, then
/// `Current.account.agent_bots.find(id)`.
pub(crate) struct OwnBot {
    account: Account,
    id: i64,
}

impl Place for OwnBot {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let AdminAccount(account) = AdminAccount::find(store, caller, path)?;
        let id = path.id("id")?;
        match store.bot(id) {
            Some(bot) if bot.account_id == Some(account.id) => Ok(OwnBot { account, id }),
            _ => Err(ApiError::NotFound),
        }
    }
}

impl InAccount for OwnBot {
    fn account(&self) -> Account {
        self.account
    }
}

impl Scope<'_, OwnBot> {
    fn bot_mut(&mut self) -> &mut Bot {
        let id = self.place.id;
        self.store
            .bots
            .iter_mut()
            .find(|b| b.id == id)
            .expect("found while the store is locked")
    }

    fn answer(&self) -> Reply {
        let bot = self.store.bot(self.place.id).ok_or(ApiError::NotFound)?;
        Ok(json_response(
            StatusCode::OK,
            &bot_json(bot, self.account_id()),
        ))
    }
}

/// Whether the account may use the bot (its own, or a system bot).
fn usable(bot: &Bot, account_id: i64) -> bool {
    bot.account_id.is_none_or(|id| id == account_id)
}

/// `GET /api/v1/accounts/{account_id}/agent_bots`.
pub(crate) fn list(cx: AccountScope<'_>) -> Reply {
    let account_id = cx.account_id();
    let mut bots: Vec<&Bot> = (cx.store.bots.iter())
        .filter(|b| usable(b, account_id))
        .collect();
    bots.sort_by_key(|b| b.id);
    let bots: Vec<Value> = bots.into_iter().map(|b| bot_json(b, account_id)).collect();
    Ok(json_response(StatusCode::OK, &Value::Array(bots)))
}

/// `GET /api/v1/accounts/{account_id}/agent_bots/{id}`.
pub(crate) fn show(cx: Scope<'_, UsableBot>) -> Reply {
    let bot = cx.store.bot(cx.place.id).ok_or(ApiError::NotFound)?;
    Ok(json_response(
        StatusCode::OK,
        &bot_json(bot, cx.account_id()),
    ))
}

/// A bot the account may use (`AgentBot.accessible_to(Current.account).find`).
pub(crate) struct UsableBot {
    account: Account,
    id: i64,
}

impl Place for UsableBot {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        let id = path.id("id")?;
        match store.bot(id) {
            Some(bot) if usable(bot, account.id) => Ok(UsableBot { account, id }),
            _ => Err(ApiError::NotFound),
        }
    }
}

impl InAccount for UsableBot {
    fn account(&self) -> Account {
        self.account
    }
}

/// Applies the permitted fields of a body to a bot (422 for a bad value).
fn apply(bot: &mut Bot, bytes: &[u8]) -> Result<(), ApiError> {
    let map = body(bytes, "agent_bot")?;
    let f = Fields(&map);
    let name = f.string("name", true)?;
    let description = f.string("description", true)?;
    let outgoing_url = f.string("outgoing_url", true)?;
    f.one_of("bot_type", &["webhook"], false)?;
    let config = f.object("bot_config")?;
    f.string("avatar_url", false)?;
    if outgoing_url
        .as_ref()
        .is_some_and(|u| u.chars().count() > URL_LENGTH_LIMIT)
    {
        return Err(ApiError::Invalid {
            message: "Outgoing url is too long (maximum is 2048 characters)".to_owned(),
            attributes: vec!["outgoing_url".to_owned()],
        });
    }
    // A key sent as null clears the field, as Rails assigns nil.
    if map.contains_key("name") {
        bot.name = name.unwrap_or_default();
    }
    if map.contains_key("description") {
        bot.description = description.unwrap_or_default();
    }
    if map.contains_key("outgoing_url") {
        bot.outgoing_url = outgoing_url.filter(|u| !u.is_empty());
    }
    if let Some(config) = config {
        bot.bot_config = config;
    }
    Ok(())
}

/// `POST /api/v1/accounts/{account_id}/agent_bots`.
pub(crate) fn create(mut cx: Scope<'_, AdminAccount>, bytes: Bytes) -> Reply {
    let account_id = cx.account_id();
    let mut bot = Bot {
        id: 0,
        account_id: Some(account_id),
        name: String::new(),
        description: String::new(),
        outgoing_url: None,
        bot_config: Attrs::new(),
        access_token: ids::new_token(),
        token_at: crate::clock::now(),
    };
    apply(&mut bot, &bytes)?;
    bot.id = cx.store.ids.bot();
    let body = bot_json(&bot, account_id);
    cx.store.bots.push(bot);
    Ok(json_response(StatusCode::OK, &body))
}

/// `PATCH /api/v1/accounts/{account_id}/agent_bots/{id}`.
pub(crate) fn update(mut cx: Scope<'_, OwnBot>, bytes: Bytes) -> Reply {
    let mut bot = cx.bot_mut().clone();
    apply(&mut bot, &bytes)?;
    *cx.bot_mut() = bot;
    cx.answer()
}

/// `POST /api/v1/accounts/{account_id}/agent_bots/{id}/reset_access_token`.
pub(crate) fn reset_access_token(mut cx: Scope<'_, OwnBot>) -> Reply {
    let bot = cx.bot_mut();
    bot.access_token = ids::new_token();
    bot.token_at = crate::clock::now();
    cx.answer()
}

/// `DELETE /api/v1/accounts/{account_id}/agent_bots/{id}`: the bot, its
/// token and its inbox routes go; its conversations become unassigned.
pub(crate) fn delete(mut cx: Scope<'_, OwnBot>) -> Reply {
    let id = cx.place.id;
    let store = &mut *cx.store;
    store.bots.retain(|b| b.id != id);
    for conversation in &mut store.conversations {
        if conversation.assignee == Some(AssigneeRef::Bot(id)) {
            conversation.assignee = None;
        }
    }
    crate::inbox_config::forget_bot(store, id);
    Ok(StatusCode::OK.into_response())
}
