//! Inboxes: listing (by membership), reading, creating an API inbox,
//! changing, deleting, their assignable agents, and routing one to an agent
//! bot, which then gets its new conversations.

use std::sync::Arc;

use ruut_api::types::{
    AgentBotFields, InboxAgentBotChoice, InboxCreate, InboxUpdate, NewConversation,
};
use ruut_tests::{Behaviour, RawServer};
use serde_json::json;

use crate::Operation;
use crate::table::{
    Entry, How, MISSING, Refused, World, call, from_json, job, provoke, refused, sdk,
};

const NOT_ALLOWED: &str = "You are not authorized to do this action";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListInboxes, |w| job(list(w)))
            .sdk(sdk!(|client, _ids| client.list_inboxes()))
            .call(call!(|api, ids| api.list_inboxes().account_id(ids.account))),
        Entry::new(Operation::GetInbox, |w| job(show(w)))
            .sdk(sdk!(|client, ids| client.get_inbox(ids.inbox)))
            .call(call!(|api, ids| api
                .get_inbox()
                .account_id(ids.account)
                .inbox_id(ids.inbox)))
            .refuses(
                401,
                "an agent who is not a member",
                How::Provoke(|w| job(not_member(w))),
            )
            .saying(NOT_ALLOWED),
        Entry::new(Operation::CreateInbox, |w| job(create(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .create_inbox("SDK inbox")
                .send()))
            .call(call!(|api, ids| api
                .create_inbox()
                .account_id(ids.account)
                .body(api_inbox("Refused"))))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .create_inbox()
                    .account_id(w.seed.account_id)
                    .body(api_inbox("Refused"))),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "a blank name",
                provoke!(|w| w
                    .api
                    .create_inbox()
                    .account_id(w.seed.second_account_id)
                    .body(api_inbox(" "))),
            )
            .saying("Name can't be blank")
            .refuses(
                422,
                "a channel type the sandbox does not model",
                provoke!(|w| w
                    .api
                    .create_inbox()
                    .account_id(w.seed.second_account_id)
                    .body(from_json::<InboxCreate>(
                        json!({"name": "Site", "channel": {"type": "web_widget"}})
                    ))),
            ),
        Entry::new(Operation::UpdateInbox, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .inbox(ids.admin_inbox)
                .update()
                .name("Renamed")
                .send()))
            .call(call!(|api, ids| api
                .update_inbox()
                .account_id(ids.account)
                .inbox_id(ids.inbox)
                .body(InboxUpdate::default())))
            .refuses(
                401,
                "an agent, a member of the inbox",
                provoke!(|w| w
                    .api
                    .update_inbox()
                    .account_id(w.seed.account_id)
                    .inbox_id(w.seed.api_inbox_id)
                    .body(InboxUpdate::default())),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "a blank name",
                provoke!(|w| w
                    .api
                    .update_inbox()
                    .account_id(w.seed.second_account_id)
                    .inbox_id(w.ids().admin_inbox)
                    .body(from_json::<InboxUpdate>(json!({"name": ""})))),
            )
            .saying("Name can't be blank"),
        Entry::new(Operation::DeleteInbox, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .inbox(ids.admin_inbox)
                .delete()))
            .call(call!(|api, ids| api
                .delete_inbox()
                .account_id(ids.account)
                .inbox_id(ids.inbox)))
            .refuses(
                401,
                "an agent, a member of the inbox",
                provoke!(|w| w
                    .api
                    .delete_inbox()
                    .account_id(w.seed.account_id)
                    .inbox_id(w.seed.api_inbox_id)),
            )
            .saying(NOT_ALLOWED),
        Entry::new(Operation::ListInboxAssignableAgents, |w| job(assignable(w)))
            .sdk(sdk!(|client, ids| client
                .inbox(ids.inbox)
                .assignable_agents()))
            .call(call!(|api, ids| api
                .list_inbox_assignable_agents()
                .account_id(ids.account)
                .inbox_id(ids.inbox))),
        Entry::new(Operation::GetInboxAgentBot, |w| job(agent_bot(w)))
            .sdk(sdk!(|client, ids| client.inbox(ids.inbox).agent_bot()))
            .call(call!(|api, ids| api
                .get_inbox_agent_bot()
                .account_id(ids.account)
                .inbox_id(ids.inbox))),
        Entry::new(Operation::SetInboxAgentBot, |w| job(route(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .inbox(ids.admin_inbox)
                .set_agent_bot(Some(ids.admin_bot))))
            .call(call!(|api, ids| api
                .set_inbox_agent_bot()
                .account_id(ids.account)
                .inbox_id(ids.inbox)
                .body(InboxAgentBotChoice::default())))
            .refuses(
                401,
                "an agent, a member of the inbox",
                provoke!(|w| w
                    .api
                    .set_inbox_agent_bot()
                    .account_id(w.seed.account_id)
                    .inbox_id(w.seed.api_inbox_id)
                    .body(choice(Some(w.seed.bot_id)))),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                404,
                "an unknown bot, looked up before the role",
                provoke!(|w| w
                    .api
                    .set_inbox_agent_bot()
                    .account_id(w.seed.account_id)
                    .inbox_id(w.seed.api_inbox_id)
                    .body(choice(Some(MISSING)))),
            )
            .saying("Resource could not be found")
            .rejects("a bot id that is not a number", r#"{"agent_bot": "three"}"#),
    ]
}

fn api_inbox(name: &str) -> InboxCreate {
    from_json(json!({"name": name, "channel": {"type": "api"}}))
}

fn choice(bot: Option<i64>) -> InboxAgentBotChoice {
    InboxAgentBotChoice { agent_bot: bot }
}

async fn list(w: Arc<World>) {
    let list = w
        .api
        .list_inboxes()
        .account_id(w.seed.account_id)
        .send()
        .await;
    let inboxes = list.expect("listed").into_inner().payload;
    let names: Vec<&str> = inboxes.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(
        names,
        ["API", "Email", "Website"],
        "the member's inboxes, by name"
    );
    assert!(
        inboxes.iter().all(|i| i.hmac_token.is_none()),
        "no secrets for an agent"
    );
    // An inbox the agent is not a member of is not listed.
    let other = w
        .sandbox
        .seed()
        .inbox(w.seed.account_id)
        .members([])
        .name("Hidden")
        .create();
    let other = other.expect("seeded");
    let list = w
        .api
        .list_inboxes()
        .account_id(w.seed.account_id)
        .send()
        .await;
    assert!(list.expect("listed").payload.iter().all(|i| i.id != other));
    // An administrator sees every inbox, with its secrets.
    let list = w
        .api
        .list_inboxes()
        .account_id(w.seed.second_account_id)
        .send()
        .await;
    let admin = list.expect("listed").into_inner().payload;
    assert!(!admin.is_empty() && admin.iter().all(|i| i.hmac_token.is_some()));
}

async fn show(w: Arc<World>) {
    let read = w
        .api
        .get_inbox()
        .account_id(w.seed.account_id)
        .inbox_id(w.seed.api_inbox_id);
    let inbox = read.send().await.expect("read").into_inner();
    assert_eq!(
        (inbox.id, inbox.channel_type.as_str()),
        (w.seed.api_inbox_id, "Channel::Api")
    );
    assert!(inbox.inbox_identifier.is_some_and(|id| !id.is_empty()));
    assert_eq!(inbox.working_hours.len(), 7);
}

async fn not_member(w: Arc<World>) -> Refused {
    let hidden = w
        .sandbox
        .seed()
        .inbox(w.seed.account_id)
        .members([])
        .create()
        .expect("seeded");
    let read = w
        .api
        .get_inbox()
        .account_id(w.seed.account_id)
        .inbox_id(hidden);
    refused(read.send().await)
}

async fn create(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let body = json!({"name": "Support API", "greeting_enabled": true, "greeting_message": "Hi!",
        "channel": {"type": "api", "webhook_url": "http://127.0.0.1:9/hook", "hmac_mandatory": true, "additional_attributes": {"team": "a"}}});
    let created = w
        .api
        .create_inbox()
        .account_id(account)
        .body(from_json::<InboxCreate>(body));
    let inbox = created.send().await.expect("created").into_inner();
    assert_eq!(inbox.channel_type, "Channel::Api");
    assert_eq!(
        inbox.webhook_url.as_deref(),
        Some("http://127.0.0.1:9/hook")
    );
    assert!(
        inbox.hmac_token.is_some(),
        "an administrator sees the HMAC token"
    );
    let read = w
        .api
        .get_inbox()
        .account_id(account)
        .inbox_id(inbox.id)
        .send()
        .await;
    let read = read.expect("read back");
    assert_eq!(read.hmac_mandatory, Some(true));
    assert_eq!(
        (read.name.as_str(), read.greeting_message.as_deref()),
        ("Support API", Some("Hi!"))
    );
    let listed = w
        .api
        .list_inboxes()
        .account_id(account)
        .send()
        .await
        .expect("listed");
    assert!(listed.payload.iter().any(|i| i.id == inbox.id));
}

async fn update(w: Arc<World>) {
    let (account, id) = (w.seed.second_account_id, w.ids().admin_inbox);
    let body = json!({"enable_auto_assignment": false, "timezone": "Europe/Berlin"});
    let request = w.api.update_inbox().account_id(account).inbox_id(id);
    let updated = request
        .body(from_json::<InboxUpdate>(body))
        .send()
        .await
        .expect("updated");
    assert_eq!(updated.enable_auto_assignment, Some(false));
    let read = w
        .api
        .get_inbox()
        .account_id(account)
        .inbox_id(id)
        .send()
        .await
        .expect("read");
    assert_eq!(read.timezone.as_deref(), Some("Europe/Berlin"));
    assert_eq!(read.name, updated.name, "fields not sent are kept");
}

async fn delete(w: Arc<World>) {
    let (account, id) = (w.seed.second_account_id, w.ids().admin_inbox);
    let answer = w
        .api
        .delete_inbox()
        .account_id(account)
        .inbox_id(id)
        .send()
        .await;
    let message = answer.expect("deleted").into_inner().message;
    assert_eq!(
        message,
        "Your inbox deletion request will be processed in some time."
    );
    let read = w
        .api
        .get_inbox()
        .account_id(account)
        .inbox_id(id)
        .send()
        .await;
    assert_eq!(refused(read).status, 404);
    let conversation = w.api.get_conversation().account_id(account);
    let conversation = conversation.conversation_id(w.seed.second_account_conversation_id);
    assert_eq!(
        refused(conversation.send().await).status,
        404,
        "its conversations go too"
    );
}

async fn assignable(w: Arc<World>) {
    let request = w
        .api
        .list_inbox_assignable_agents()
        .account_id(w.seed.account_id);
    let agents = request
        .inbox_id(w.seed.api_inbox_id)
        .send()
        .await
        .expect("listed");
    let ids: Vec<i64> = agents.payload.iter().map(|a| a.id).collect();
    // The members (the token user and the main account's other agents),
    // then the account's administrator.
    let mut expected = vec![w.seed.user_id];
    expected.extend(&w.seed.agent_ids[1..]);
    expected.push(w.seed.agent_ids[0]);
    assert_eq!(ids, expected);
}

async fn agent_bot(w: Arc<World>) {
    let request = w.api.get_inbox_agent_bot().account_id(w.seed.account_id);
    let none = request
        .inbox_id(w.seed.api_inbox_id)
        .send()
        .await
        .expect("read");
    assert_eq!(none.agent_bot.id, None, "an empty object");
    let (account, inbox, bot) = (
        w.seed.second_account_id,
        w.ids().admin_inbox,
        w.ids().admin_bot,
    );
    let set = w
        .api
        .set_inbox_agent_bot()
        .account_id(account)
        .inbox_id(inbox);
    set.body(choice(Some(bot))).send().await.expect("routed");
    let read = w
        .api
        .get_inbox_agent_bot()
        .account_id(account)
        .inbox_id(inbox)
        .send()
        .await;
    let read = read.expect("read").into_inner().agent_bot;
    assert_eq!(read.id, Some(bot));
    assert!(
        read.access_token.and_then(|t| t.token).is_some(),
        "the token record"
    );
}

/// A conversation of `inbox` in the second account, for its first contact.
async fn converse(w: &World, inbox: i64) -> ruut_api::types::Conversation {
    let body = json!({"inbox_id": inbox, "contact_id": w.seed.second_account_contact_id,
        "status": "open", "message": {"content": "Hello?"}});
    let request = w
        .api
        .create_conversation()
        .account_id(w.seed.second_account_id);
    let created = request
        .body(from_json::<NewConversation>(body))
        .send()
        .await;
    created.expect("created").into_inner()
}

async fn route(w: Arc<World>) {
    let hook = RawServer::start("127.0.0.1", Behaviour::Record).await;
    let (account, inbox) = (w.seed.second_account_id, w.ids().admin_inbox);
    let fields = json!({"name": "Router", "outgoing_url": format!("{}/bot-hook", hook.url())});
    let bot = w
        .api
        .create_agent_bot()
        .account_id(account)
        .body(from_json::<AgentBotFields>(fields));
    let bot = bot.send().await.expect("a bot").into_inner();
    let set = |bot| {
        w.api
            .set_inbox_agent_bot()
            .account_id(account)
            .inbox_id(inbox)
            .body(choice(bot))
    };
    set(Some(bot.id)).send().await.expect("routed");
    let handed = converse(&w, inbox).await;
    assert_eq!(handed.status.as_str(), "pending", "handed to the bot");
    w.sandbox
        .webhooks_delivered(std::time::Duration::from_secs(20))
        .await
        .expect("delivered");
    let heads = hook.received();
    assert!(
        heads.iter().any(|h| h.starts_with("POST /bot-hook ")),
        "{heads:?}"
    );
    set(None).send().await.expect("unrouted");
    assert_eq!(
        converse(&w, inbox).await.status.as_str(),
        "open",
        "humans again"
    );
    let read = w
        .api
        .get_inbox_agent_bot()
        .account_id(account)
        .inbox_id(inbox)
        .send()
        .await;
    assert_eq!(read.expect("read").agent_bot.id, None);
}
