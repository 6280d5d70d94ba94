//! Every public call of the SDK against the sandbox: what it returns, and how many
//! requests it took.

mod sdk_support;

use std::collections::HashSet;

use futures::TryStreamExt;
use ruut_sandbox::Sandbox;
use ruut_sdk::types::{AssigneeTypeFilter, ConversationStatusFilter, RuutId, ToggleableStatus};
use ruut_sdk::{ConversationPriority, ConversationStatus, ErrorKind, Operation};
use sdk_support::{client, requests_for};

async fn sandbox() -> Sandbox {
    Sandbox::start().await.expect("the sandbox starts")
}

#[tokio::test]
async fn accounts_profile_account_and_server_info() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);

    let accounts = client.list_accounts().await.unwrap();
    let ids: Vec<&RuutId> = accounts.iter().map(|a| &a.id).collect();
    assert!(ids.contains(&&RuutId::Int64(seed.account_id)), "{ids:?}");
    assert!(
        ids.contains(&&RuutId::Int64(seed.second_account_id)),
        "{ids:?}"
    );

    let profile = client.get_profile().await.unwrap();
    assert_eq!(profile.id, seed.user_id);
    let member_of: HashSet<i64> = profile.accounts.iter().map(|a| a.id).collect();
    assert!(member_of.contains(&seed.account_id) && member_of.contains(&seed.second_account_id));

    assert_eq!(client.get_account().await.unwrap().id, seed.account_id);
    let second = client.with_account_id(seed.second_account_id);
    assert_eq!(second.account_id(), Some(seed.second_account_id));
    assert_eq!(
        second.get_account().await.unwrap().id,
        seed.second_account_id
    );
    assert_eq!(
        client.account_id(),
        Some(seed.account_id),
        "the original is unchanged"
    );

    let server = client.get_server_info().await.unwrap();
    assert_eq!(server.version, ruut_sandbox::CHATWOOT_VERSION);
}

#[tokio::test]
async fn conversations_stream_every_page_lazily_and_stop_at_the_short_one() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);

    let all: Vec<_> = client
        .conversations()
        .status(ConversationStatusFilter::All)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), seed.conversation_count);
    let ids: HashSet<i64> = all.iter().map(|c| c.id).collect();
    assert_eq!(ids.len(), all.len(), "no conversation twice");
    let pages = seed.conversation_count.div_ceil(25);
    assert_eq!(
        requests_for(&sandbox, "listConversations").len(),
        pages + usize::from(seed.conversation_count % 25 == 0),
        "one request per page, plus an empty one only after a full last page"
    );

    // Nothing is fetched until the stream is polled, and only the first page then.
    sandbox.clear_requests();
    let mut stream = client
        .conversations()
        .status(ConversationStatusFilter::All)
        .stream();
    assert!(sandbox.requests().is_empty());
    stream.try_next().await.unwrap().unwrap();
    assert_eq!(requests_for(&sandbox, "listConversations").len(), 1);
}

#[tokio::test]
async fn conversation_filters_pages_and_counts() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);

    let open: Vec<_> = client
        .conversations()
        .status(ConversationStatusFilter::Open)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert!(!open.is_empty());
    assert!(open.iter().all(|c| c.status == ConversationStatus::Open));
    let counts = client
        .conversations()
        .status(ConversationStatusFilter::Open)
        .counts()
        .await
        .unwrap();
    assert_eq!(counts.all_count, open.len() as i64);

    let unassigned: Vec<_> = client
        .conversations()
        .status(ConversationStatusFilter::All)
        .assignee(AssigneeTypeFilter::Unassigned)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert!(
        unassigned
            .iter()
            .any(|c| c.id == seed.pending_conversation_id)
    );
    assert!(unassigned.iter().all(|c| c.id != seed.open_conversation_id));

    let inbox = seed.inbox_ids[0];
    let in_inbox: Vec<_> = client
        .conversations()
        .status(ConversationStatusFilter::All)
        .inbox(inbox)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert!(in_inbox.iter().all(|c| c.inbox_id == inbox));

    let labelled: Vec<_> = client
        .conversations()
        .status(ConversationStatusFilter::All)
        .labels(["vip"])
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert!(!labelled.is_empty());
    assert!(labelled.iter().all(|c| c.labels.iter().any(|l| l == "vip")));

    let of_team = client
        .conversations()
        .status(ConversationStatusFilter::All)
        .team(seed.team_id)
        .send()
        .await
        .unwrap();
    assert!(
        of_team
            .conversations
            .iter()
            .all(|c| c.meta.team.as_ref().map(|t| t.id) == Some(seed.team_id))
    );

    let found = client
        .conversations()
        .query("invoice")
        .send()
        .await
        .unwrap();
    assert!(!found.conversations.is_empty());
    let query = requests_for(&sandbox, "listConversations")
        .pop()
        .unwrap()
        .query;
    assert!(query.unwrap().contains("q=invoice"));

    let second_page = client
        .conversations()
        .status(ConversationStatusFilter::All)
        .page(2)
        .send()
        .await
        .unwrap();
    assert_eq!(
        second_page.conversations.len(),
        seed.conversation_count - 25
    );
    assert_eq!(second_page.next_page, None);
    assert_eq!(second_page.counts.all_count, seed.conversation_count as i64);
}

#[tokio::test]
async fn get_and_create_conversations() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);

    let conversation = client
        .get_conversation(seed.open_conversation_id)
        .await
        .unwrap();
    assert_eq!(conversation.id, seed.open_conversation_id);
    assert!(conversation.status.is_active());

    let created = client
        .create_conversation(seed.api_inbox_id)
        .contact(seed.contact_ids[0])
        .message("Hello from the SDK")
        .send()
        .await
        .unwrap();
    assert_eq!(created.inbox_id, seed.api_inbox_id);
    assert_eq!(sandbox.message_count(seed.account_id, created.id), 1);
    assert_eq!(
        client.get_conversation(created.id).await.unwrap().id,
        created.id
    );
}

#[tokio::test]
async fn create_a_conversation_with_a_status_and_a_team() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    let created = client
        .create_conversation(seed.api_inbox_id)
        .contact(seed.contact_ids[1])
        .status(ToggleableStatus::Pending)
        .team(seed.team_id)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status, ConversationStatus::Pending);
    assert_eq!(created.meta.team.map(|t| t.id), Some(seed.team_id));
    assert_eq!(sandbox.message_count(seed.account_id, created.id), 0);

    // A contact inbox (by its source id) instead of a contact.
    let contact = client.get_contact(seed.contact_ids[1]).await.unwrap();
    let contact_inbox = contact
        .contact_inboxes
        .first()
        .expect("a seeded contact inbox");
    let inbox_id = contact_inbox.inbox.as_ref().expect("its inbox").id;
    let by_source = client
        .create_conversation(inbox_id)
        .source_id(contact_inbox.source_id.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(by_source.inbox_id, inbox_id);
    assert_eq!(by_source.meta.sender.map(|s| s.id), Some(contact.id));
}

#[tokio::test]
async fn priority_assignment_replies_and_notes() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    let id = seed.pending_conversation_id;
    let conversation = client.conversation(id);
    assert_eq!(conversation.id(), id);

    conversation
        .set_priority(Some(ConversationPriority::Urgent))
        .await
        .unwrap();
    let read = client.get_conversation(id).await.unwrap();
    assert_eq!(read.priority, Some(ConversationPriority::Urgent));
    conversation.set_priority(None).await.unwrap();
    assert_eq!(client.get_conversation(id).await.unwrap().priority, None);

    let agent = seed.agent_ids[0];
    let assignee = conversation
        .assign(agent)
        .await
        .unwrap()
        .expect("an assignee");
    assert_eq!(assignee.id, agent);
    let read = client.get_conversation(id).await.unwrap();
    assert_eq!(read.meta.assignee.map(|a| a.id), Some(agent));
    conversation.assign_team(seed.team_id).await.unwrap();
    let read = client.get_conversation(id).await.unwrap();
    assert_eq!(read.meta.team.map(|t| t.id), Some(seed.team_id));

    let before = sandbox.message_count(seed.account_id, id);
    let reply = conversation
        .reply("We are looking into it.")
        .send()
        .await
        .unwrap();
    assert_eq!(reply.content.as_deref(), Some("We are looking into it."));
    assert_ne!(reply.private, Some(true));
    let note = conversation
        .note("Customer is on the Pro plan")
        .send()
        .await
        .unwrap();
    assert_eq!(note.private, Some(true));
    assert_eq!(sandbox.message_count(seed.account_id, id), before + 2);
}

#[tokio::test]
async fn messages_stream_back_to_the_first_one_newest_first() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    let messages = client.conversation(seed.long_conversation_id).messages();

    let latest = messages.clone().send().await.unwrap().messages;
    assert_eq!(latest.len(), 20);
    let oldest_shown = latest.iter().map(|m| m.id).min().unwrap();
    let older = messages
        .clone()
        .before(oldest_shown)
        .send()
        .await
        .unwrap()
        .messages;
    assert!(older.iter().all(|m| m.id < oldest_shown));

    sandbox.clear_requests();
    let all: Vec<_> = messages.stream().try_collect().await.unwrap();
    assert_eq!(all.len(), seed.long_conversation_message_count);
    assert!(
        all.windows(2).all(|w| w[0].id > w[1].id),
        "newest first, no repeats"
    );
    let requests = requests_for(&sandbox, "listMessages");
    assert_eq!(
        requests.len(),
        seed.long_conversation_message_count.div_ceil(20) + 1
    );
    assert_eq!(requests[0].query, None, "the first page has no cursor");
    assert!(requests[1].query.as_deref().unwrap().starts_with("before="));

    let public: Vec<_> = client
        .conversation(seed.long_conversation_id)
        .messages()
        .filter_internal(true)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert!(public.iter().all(|m| m.private != Some(true)));
    let last = requests_for(&sandbox, "listMessages").pop().unwrap();
    assert!(
        last.query
            .unwrap()
            .contains("filter_internal_messages=true")
    );
}

#[tokio::test]
async fn contacts_list_search_get_and_create() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);

    let everyone: Vec<_> = client.contacts().stream().try_collect().await.unwrap();
    assert_eq!(everyone.len(), seed.resolved_contact_count);
    assert_eq!(
        requests_for(&sandbox, "listContacts").len(),
        seed.resolved_contact_count.div_ceil(15)
    );
    let first_page = client.contacts().send().await.unwrap();
    assert_eq!(first_page.contacts.len(), 15);
    assert_eq!(first_page.total, Some(seed.resolved_contact_count as i64));
    assert_eq!(first_page.next_page, Some(2));

    let found = client
        .search_contacts(&seed.taken_email)
        .send()
        .await
        .unwrap();
    assert_eq!(found.contacts.len(), 1);
    assert_eq!(found.total, None, "a search's count is its page's");
    assert_eq!(found.next_page, None);
    assert_eq!(
        found.contacts[0].email.as_deref(),
        Some(seed.taken_email.as_str())
    );
    let many: Vec<_> = client
        .search_contacts("example.com")
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert!(many.len() > 1);

    let contact = client.get_contact(seed.contact_ids[0]).await.unwrap();
    assert_eq!(contact.id, seed.contact_ids[0]);

    let created = client
        .create_contact()
        .name("Ada Lovelace")
        .email("ada@example.org")
        .phone_number("+15550100999")
        .identifier("ada-1815")
        .inbox(seed.api_inbox_id)
        .blocked(false)
        .send()
        .await
        .unwrap();
    assert_eq!(created.contact.email.as_deref(), Some("ada@example.org"));
    assert!(created.contact_inbox.is_some());
    assert_eq!(
        client
            .get_contact(created.contact.id)
            .await
            .unwrap()
            .name
            .as_deref(),
        Some("Ada Lovelace")
    );
}

#[tokio::test]
async fn the_raw_client_is_authenticated_and_configured() {
    let sandbox = sandbox().await;
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    let answer = client
        .raw()
        .get_conversation()
        .account_id(seed.account_id)
        .conversation_id(seed.open_conversation_id)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status().as_u16(), 200);
    let request = sandbox.requests().pop().unwrap();
    assert_eq!(request.header("api_access_token"), Some("[redacted]"));
    assert_eq!(request.header("user-agent"), Some(sdk_support::USER_AGENT));
}

#[tokio::test]
async fn account_scoped_calls_need_an_account_id() {
    let sandbox = sandbox().await;
    let client = ruut_sdk::Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .build()
        .unwrap();
    // Calls that are not account-scoped work without one.
    assert!(!client.get_profile().await.unwrap().accounts.is_empty());

    let error = client.get_conversation(1).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert_eq!(error.operation(), Some(Operation::GetConversation));
    assert!(error.message().contains(".account_id("), "{error}");
    assert_eq!(error.attempts(), 0);
    assert_eq!(
        sandbox.requests().len(),
        1,
        "only the profile request was sent"
    );
}

#[tokio::test]
async fn clients_and_streams_cross_tasks() {
    let sandbox = sandbox().await;
    let client = client(&sandbox);
    let stream = client
        .conversations()
        .status(ConversationStatusFilter::All)
        .stream();
    let count = tokio::spawn(async move { stream.try_collect::<Vec<_>>().await.map(|v| v.len()) })
        .await
        .unwrap()
        .unwrap();
    assert_eq!(count, sandbox.seed_info().conversation_count);
}

/// A token to look for in what the client sends and prints.
const SECRET: &str = "rt_live_7Hq2mZ9xVb4Kc8Wn3Lp6";

#[tokio::test]
async fn the_token_header_is_marked_sensitive_and_spelled_as_configured() {
    let sandbox = ruut_sandbox::Sandbox::builder()
        .user_token(SECRET)
        .start()
        .await
        .unwrap();
    let client = sdk_support::builder(&sandbox)
        .auth_header(ruut_sdk::AuthHeader::Hyphenated)
        .build()
        .unwrap();
    client.get_profile().await.unwrap();
    let request = sandbox.requests().pop().unwrap();
    assert_eq!(request.header("api-access-token"), Some("[redacted]"));
    assert_eq!(request.header("api_access_token"), None);
    assert!(request.query.is_none(), "never in the query string");

    let default = ruut_sdk::Client::builder()
        .api_token(SECRET)
        .build()
        .unwrap();
    assert!(!format!("{default:?}").contains(SECRET));
}
