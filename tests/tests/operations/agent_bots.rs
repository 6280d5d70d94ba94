//! Agent bots: listing (the account's own and the system bots), reading,
//! creating, changing, deleting, and resetting a bot's access token, with the
//! tokens checked against the sandbox's sign-in.

use std::sync::Arc;

use ruut_api::Client;
use ruut_api::types::{AgentBot, AgentBotFields, TogglePriorityRequest};
use serde_json::json;

use crate::Operation;
use crate::table::{
    Entry, MISSING, Refused, World, call, from_json, job, message, provoke, refused, sdk,
};

const NOT_ADMIN: &str = "You are not authorized to do this action";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListAgentBots, |w| job(list(w)))
            .sdk(sdk!(|client, _ids| client.list_agent_bots()))
            .call(call!(|api, ids| api
                .list_agent_bots()
                .account_id(ids.account))),
        Entry::new(Operation::GetAgentBot, |w| job(show(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .get_agent_bot(ids.admin_bot)))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .get_agent_bot()
                    .account_id(w.seed.account_id)
                    .id(w.seed.bot_id)),
            )
            .saying("Invalid Access Token")
            .refuses(
                404,
                "a bot of another account",
                How::Provoke(|w| job(other_account(w))),
            )
            .saying("Resource could not be found"),
        Entry::new(Operation::CreateAgentBot, |w| job(create(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .create_agent_bot()
                .name("Triage")
                .send()))
            .call(call!(|api, ids| api
                .create_agent_bot()
                .account_id(ids.account)
                .body(AgentBotFields::default())))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .create_agent_bot()
                    .account_id(w.seed.account_id)
                    .body(AgentBotFields::default())),
            )
            .saying(NOT_ADMIN)
            .refuses(
                422,
                "an outgoing URL over 2048 characters",
                provoke!(|w| w
                    .api
                    .create_agent_bot()
                    .account_id(w.seed.second_account_id)
                    .body(long_url())),
            ),
        Entry::new(Operation::UpdateAgentBot, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .agent_bot(ids.admin_bot)
                .update()
                .name("Renamed")
                .send()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .update_agent_bot()
                    .account_id(w.seed.second_account_id)
                    .id(w.seed.bot_id)
                    .body(AgentBotFields::default())),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent, even for a bot that does not exist",
                provoke!(|w| w
                    .api
                    .update_agent_bot()
                    .account_id(w.seed.account_id)
                    .id(MISSING)
                    .body(AgentBotFields::default())),
            )
            .saying(NOT_ADMIN)
            .refuses(
                404,
                "a system bot",
                provoke!(|w| w
                    .api
                    .update_agent_bot()
                    .account_id(w.seed.second_account_id)
                    .id(w.seed.system_bot_id)
                    .body(AgentBotFields::default())),
            )
            .saying("Resource could not be found")
            .refuses(
                422,
                "an outgoing URL over 2048 characters",
                How::Provoke(|w| job(too_long(w))),
            ),
        Entry::new(Operation::DeleteAgentBot, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .agent_bot(ids.admin_bot)
                .delete()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .delete_agent_bot()
                    .account_id(w.seed.account_id)
                    .id(w.seed.bot_id)),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .delete_agent_bot()
                    .account_id(w.seed.account_id)
                    .id(w.seed.bot_id)),
            )
            .saying(NOT_ADMIN)
            .refuses(
                404,
                "an administrator, an unknown bot",
                provoke!(|w| w
                    .api
                    .delete_agent_bot()
                    .account_id(w.seed.second_account_id)
                    .id(MISSING)),
            )
            .saying("Resource could not be found"),
        Entry::new(Operation::ResetAgentBotAccessToken, |w| job(reset(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .agent_bot(ids.admin_bot)
                .reset_access_token()))
            .refuses(
                401,
                "a token the server does not know",
                provoke!(|w| w
                    .stranger
                    .reset_agent_bot_access_token()
                    .account_id(w.seed.account_id)
                    .id(w.seed.bot_id)),
            )
            .saying("Invalid Access Token")
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .reset_agent_bot_access_token()
                    .account_id(w.seed.account_id)
                    .id(w.seed.bot_id)),
            )
            .saying(NOT_ADMIN)
            .refuses(
                404,
                "a system bot",
                provoke!(|w| w
                    .api
                    .reset_agent_bot_access_token()
                    .account_id(w.seed.second_account_id)
                    .id(w.seed.system_bot_id)),
            )
            .saying("Resource could not be found"),
    ]
}

use crate::table::How;

fn long_url() -> AgentBotFields {
    from_json(json!({"outgoing_url": format!("https://bot.example.com/{}", "a".repeat(2048))}))
}

/// Creates a bot in the second account (where the user is an administrator).
async fn create_bot(w: &World, body: serde_json::Value) -> AgentBot {
    let request = w
        .api
        .create_agent_bot()
        .account_id(w.seed.second_account_id)
        .body(from_json::<AgentBotFields>(body));
    request.send().await.expect("created").into_inner()
}

/// Whether `token` signs in as an agent bot of the second account: a route
/// bots may call succeeds, one they may not answers the bots' 401.
async fn signs_in_as_bot(w: &World, token: &str) {
    let bot: Client = w.client(token);
    let account = w.seed.second_account_id;
    bot.toggle_conversation_priority()
        .account_id(account)
        .conversation_id(w.seed.second_account_conversation_id)
        .body(TogglePriorityRequest::default())
        .send()
        .await
        .expect("a route bots may call");
    let answer = refused(bot.get_account().account_id(account).send().await);
    assert_eq!(
        message(&answer.body),
        "Access to this endpoint is not authorized for bots"
    );
}

/// Whether the sandbox refuses `token` as unknown.
async fn refuses_token(w: &World, token: &str) {
    let answer = refused(w.client(token).get_profile().send().await);
    assert_eq!(
        (answer.status, message(&answer.body).as_str()),
        (401, "Invalid Access Token")
    );
}

async fn list(w: Arc<World>) {
    let bots = w
        .api
        .list_agent_bots()
        .account_id(w.seed.account_id)
        .send()
        .await;
    let bots = bots.expect("listed").into_inner();
    let own = bots
        .iter()
        .find(|b| b.id == w.seed.bot_id)
        .expect("the account's bot");
    assert!(!own.system_bot);
    assert_eq!(own.account_id, Some(w.seed.account_id));
    assert_eq!(
        own.access_token.as_ref().map(|t| t.expose()),
        Some(w.sandbox.bot_token())
    );
    let system = bots
        .iter()
        .find(|b| b.id == w.seed.system_bot_id)
        .expect("the system bot");
    assert!(system.system_bot);
    assert_eq!((system.account_id, &system.access_token), (None, &None));
    assert_eq!(system.outgoing_url, None);
    // The second account sees its own bot and the system bot, not the first account's.
    let other = w
        .api
        .list_agent_bots()
        .account_id(w.seed.second_account_id)
        .send()
        .await;
    let ids: Vec<i64> = other.expect("listed").iter().map(|b| b.id).collect();
    assert_eq!(
        ids,
        vec![w.seed.system_bot_id, w.seed.second_account_bot_id]
    );
}

async fn show(w: Arc<World>) {
    for id in [w.seed.bot_id, w.seed.system_bot_id] {
        let bot = w
            .api
            .get_agent_bot()
            .account_id(w.seed.account_id)
            .id(id)
            .send()
            .await;
        assert_eq!(bot.expect("an agent may read it").id, id);
    }
}

async fn other_account(w: Arc<World>) -> Refused {
    let bot = create_bot(&w, json!({"name": "Elsewhere"})).await;
    let request = w
        .api
        .get_agent_bot()
        .account_id(w.seed.account_id)
        .id(bot.id);
    refused(request.send().await)
}

async fn create(w: Arc<World>) {
    let body = json!({"name": "Triage", "description": "First line", "outgoing_url": "http://127.0.0.1:9/hook", "bot_config": {"lang": "en"}});
    let bot = create_bot(&w, body).await;
    assert_eq!(bot.name.as_deref(), Some("Triage"));
    assert_eq!(bot.outgoing_url.as_deref(), Some("http://127.0.0.1:9/hook"));
    assert_eq!(bot.account_id, Some(w.seed.second_account_id));
    assert!(!bot.system_bot);
    let token = bot.access_token.clone().expect("a token");
    signs_in_as_bot(&w, token.expose()).await;
    let listed = w
        .api
        .list_agent_bots()
        .account_id(w.seed.second_account_id)
        .send()
        .await;
    assert!(
        listed
            .expect("listed")
            .iter()
            .any(|b| b.id == bot.id && b.bot_config == bot.bot_config)
    );
}

async fn update(w: Arc<World>) {
    let bot = create_bot(&w, json!({"name": "Triage", "description": "First line"})).await;
    let request = w
        .api
        .update_agent_bot()
        .account_id(w.seed.second_account_id)
        .id(bot.id)
        .body(from_json::<AgentBotFields>(
            json!({"outgoing_url": "http://127.0.0.1:9/v2"}),
        ));
    let updated = request.send().await.expect("updated");
    assert_eq!(
        updated.outgoing_url.as_deref(),
        Some("http://127.0.0.1:9/v2")
    );
    let read = w
        .api
        .get_agent_bot()
        .account_id(w.seed.second_account_id)
        .id(bot.id)
        .send()
        .await;
    let read = read.expect("read back");
    assert_eq!(
        read.name.as_deref(),
        Some("Triage"),
        "fields not sent are kept"
    );
    assert_eq!(read.outgoing_url.as_deref(), Some("http://127.0.0.1:9/v2"));
}

async fn too_long(w: Arc<World>) -> Refused {
    let bot = create_bot(&w, json!({"name": "Triage"})).await;
    let request = w
        .api
        .update_agent_bot()
        .account_id(w.seed.second_account_id)
        .id(bot.id);
    let answer = refused(request.body(long_url()).send().await);
    assert_eq!(answer.body.attributes, vec!["outgoing_url".to_owned()]);
    answer
}

async fn delete(w: Arc<World>) {
    let bot = create_bot(&w, json!({"name": "Short-lived"})).await;
    let account = w.seed.second_account_id;
    let deleted = w
        .api
        .delete_agent_bot()
        .account_id(account)
        .id(bot.id)
        .send()
        .await;
    deleted.expect("deleted");
    let read = w
        .api
        .get_agent_bot()
        .account_id(account)
        .id(bot.id)
        .send()
        .await;
    assert_eq!(refused(read).status, 404);
    refuses_token(&w, bot.access_token.expect("a token").expose()).await;
}

async fn reset(w: Arc<World>) {
    let bot = create_bot(&w, json!({"name": "Rotated"})).await;
    let old = bot.access_token.expect("a token");
    let request = w
        .api
        .reset_agent_bot_access_token()
        .account_id(w.seed.second_account_id)
        .id(bot.id);
    let fresh = request.send().await.expect("reset").into_inner();
    let new = fresh.access_token.expect("a new token");
    assert_ne!(new, old);
    refuses_token(&w, old.expose()).await;
    signs_in_as_bot(&w, new.expose()).await;
}
