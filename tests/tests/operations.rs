//! Every operation of `openapi/ruut.yaml`, called through the generated
//! `ruut-api` client against the sandbox: the success case with its data
//! checked, and each error the spec documents for it (401, 403, 404, 422).
//! Where the typed client cannot even express an invalid request (a closed
//! query enum, say), the 422 is provoked with a raw request and its body is
//! parsed as the spec's `ErrorBody`.

use std::collections::BTreeSet;

use ruut_api::enums::{ConversationPriority, ConversationStatus};
use ruut_api::types::{
    AssignmentRequest, ConversationStatusChange, ConversationStatusFilter, ErrorBody, ErrorField,
    NewContact, NewConversation, NewConversationMessage, NewMessage, RuutId, TogglePriorityRequest,
    ToggleStatusRequest, ToggleableStatus,
};
use ruut_api::{Client, Error};
use ruut_sandbox::Sandbox;

const MISSING: i64 = 987_654;

fn client(sandbox: &Sandbox, token: &str) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    let mut value = reqwest::header::HeaderValue::from_str(token).expect("token");
    value.set_sensitive(true);
    headers.insert("api_access_token", value);
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("reqwest");
    Client::new_with_client(sandbox.base_url(), http, Default::default())
}

/// The typed error body of a documented error status, or a panic saying what came instead.
fn documented<T: std::fmt::Debug>(result: Result<T, Error<ErrorBody>>, status: u16) -> ErrorBody {
    match result {
        Err(Error::ErrorResponse(response)) => {
            assert_eq!(
                response.status().as_u16(),
                status,
                "body: {:?}",
                response.as_ref()
            );
            response.into_inner()
        }
        other => panic!("expected a documented {status}, got {other:?}"),
    }
}

fn message(body: &ErrorBody) -> String {
    match &body.error {
        Some(ErrorField::String(text)) => text.clone(),
        Some(ErrorField::ErrorDetail(detail)) => detail.code.clone(),
        None => body
            .message
            .clone()
            .or_else(|| body.errors.first().map(ToString::to_string))
            .unwrap_or_default(),
    }
}

/// A request body from JSON: shorter than a struct literal with every optional field.
fn from_json<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).expect("a valid body")
}

/// Sends a raw request (for invalid input the typed client cannot express) and
/// returns the status with the body parsed as the spec's `ErrorBody`.
async fn raw(
    sandbox: &Sandbox,
    method: reqwest::Method,
    path: &str,
    body: Option<&str>,
) -> (u16, ErrorBody) {
    let mut request = reqwest::Client::new()
        .request(method, format!("{}{path}", sandbox.base_url()))
        .header("api_access_token", sandbox.user_token())
        .header("accept", "application/json");
    if let Some(body) = body {
        request = request
            .header("content-type", "application/json")
            .body(body.to_owned());
    }
    let response = request.send().await.expect("raw request");
    let status = response.status().as_u16();
    let body = response.json::<ErrorBody>().await.expect("an ErrorBody");
    (status, body)
}

/// The operations each test below covers, checked against the spec at the end.
const COVERED: &[&str] = &[
    "getServerInfo",
    "listAccounts",
    "updateConversationStatus",
    "getProfile",
    "getAccount",
    "listConversations",
    "createConversation",
    "getConversationCounts",
    "getConversation",
    "toggleConversationStatus",
    "toggleConversationPriority",
    "assignConversation",
    "listMessages",
    "createMessage",
    "listContacts",
    "createContact",
    "searchContacts",
    "getContact",
];

#[test]
fn every_operation_of_the_spec_is_covered() {
    let spec = include_str!("../../openapi/ruut.yaml");
    let paths = spec.split("\npaths:\n").nth(1).expect("a paths section");
    let paths = paths
        .split("\n")
        .take_while(|l| l.is_empty() || l.starts_with(' '))
        .collect::<Vec<_>>()
        .join("\n");
    let in_spec: BTreeSet<&str> = paths
        .lines()
        .filter_map(|l| l.trim().strip_prefix("operationId: "))
        .collect();
    let covered: BTreeSet<&str> = COVERED.iter().copied().collect();
    assert_eq!(in_spec, covered);
    assert_eq!(
        in_spec.len(),
        ruut_sandbox::OPERATIONS.len(),
        "the sandbox serves every operation"
    );
}

#[tokio::test]
async fn server_profile_and_accounts() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let seed = sandbox.seed_info().clone();
    let api = client(&sandbox, sandbox.user_token());
    let stranger = client(&sandbox, "not-a-token");

    let info = client(&sandbox, "")
        .get_server_info()
        .send()
        .await
        .expect("no auth needed");
    assert_eq!(info.version, ruut_sandbox::CHATWOOT_VERSION);

    let profile = api.get_profile().send().await.expect("profile");
    assert_eq!(profile.id, seed.user_id);
    let ids: BTreeSet<i64> = profile.accounts.iter().map(|a| a.id).collect();
    assert_eq!(
        ids,
        BTreeSet::from([seed.account_id, seed.second_account_id])
    );
    assert_eq!(
        message(&documented(stranger.get_profile().send().await, 401)),
        "Invalid Access Token"
    );

    let accounts = api
        .list_accounts()
        .send()
        .await
        .expect("documented listAccounts");
    let ids: BTreeSet<String> = accounts.iter().map(|a| a.id.to_string()).collect();
    assert_eq!(
        ids,
        BTreeSet::from([
            seed.account_id.to_string(),
            seed.second_account_id.to_string()
        ])
    );
    documented(stranger.list_accounts().send().await, 401);
    let stock = Sandbox::builder()
        .chatwoot_only(true)
        .start()
        .await
        .expect("chatwoot-only sandbox");
    let body = documented(
        client(&stock, stock.user_token())
            .list_accounts()
            .send()
            .await,
        404,
    );
    assert_eq!(body.status, Some(404), "Rails' routing 404: {body:?}");

    let account = api
        .get_account()
        .account_id(seed.account_id)
        .send()
        .await
        .expect("account");
    assert_eq!(account.id, seed.account_id);
    documented(
        stranger
            .get_account()
            .account_id(seed.account_id)
            .send()
            .await,
        401,
    );
    // accounts#show looks the account up among the user's own: a stranger's is a 404.
    documented(
        api.get_account()
            .account_id(seed.foreign_account_id)
            .send()
            .await,
        404,
    );
    documented(api.get_account().account_id(MISSING).send().await, 404);
}

#[tokio::test]
async fn conversation_reads() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let seed = sandbox.seed_info().clone();
    let api = client(&sandbox, sandbox.user_token());
    let account = seed.account_id;

    let all = api
        .list_conversations()
        .account_id(account)
        .status(ConversationStatusFilter::All)
        .send()
        .await
        .expect("page 1");
    assert_eq!(all.data.payload.len(), 25, "25 a page");
    assert_eq!(all.data.meta.all_count as usize, seed.conversation_count);
    let page2 = api
        .list_conversations()
        .account_id(account)
        .status(ConversationStatusFilter::All)
        .page(2)
        .send()
        .await
        .expect("page 2");
    assert_eq!(page2.data.payload.len(), seed.conversation_count - 25);
    let open = api
        .list_conversations()
        .account_id(account)
        .send()
        .await
        .expect("open by default");
    assert!(
        open.data
            .payload
            .iter()
            .all(|c| c.status == ConversationStatus::Open)
    );
    documented(
        client(&sandbox, "nope")
            .list_conversations()
            .account_id(account)
            .send()
            .await,
        401,
    );
    documented(
        api.list_conversations().account_id(MISSING).send().await,
        404,
    );
    let body = documented(
        api.list_conversations()
            .account_id(seed.foreign_account_id)
            .send()
            .await,
        401,
    );
    assert_eq!(
        message(&body),
        "You are not authorized to access this account"
    );
    let (status, body) = raw(
        &sandbox,
        reqwest::Method::GET,
        &format!("/api/v1/accounts/{account}/conversations?status=bogus"),
        None,
    )
    .await;
    assert_eq!((status, body.error.is_some()), (422, true), "{body:?}");

    let counts = api
        .get_conversation_counts()
        .account_id(account)
        .status(ConversationStatusFilter::All)
        .send()
        .await
        .expect("counts");
    assert_eq!(counts.meta.all_count as usize, seed.conversation_count);
    assert_eq!(
        counts.meta.assigned_count,
        Some(counts.meta.all_count - counts.meta.unassigned_count)
    );
    documented(
        client(&sandbox, "nope")
            .get_conversation_counts()
            .account_id(account)
            .send()
            .await,
        401,
    );
    documented(
        api.get_conversation_counts()
            .account_id(MISSING)
            .send()
            .await,
        404,
    );
    let (status, _) = raw(
        &sandbox,
        reqwest::Method::GET,
        &format!("/api/v1/accounts/{account}/conversations/meta?assignee_type=everyone"),
        None,
    )
    .await;
    assert_eq!(status, 422);

    let snoozed = api
        .get_conversation()
        .account_id(account)
        .conversation_id(seed.snoozed_with_time_conversation_id)
        .send()
        .await
        .expect("snoozed");
    assert_eq!(snoozed.status, ConversationStatus::Snoozed);
    assert_eq!(
        snoozed.snoozed_until.map(|t| t.timestamp()),
        Some(seed.snoozed_until)
    );
    let expired = api
        .get_conversation()
        .account_id(account)
        .conversation_id(seed.expired_snooze_conversation_id)
        .send()
        .await
        .expect("expired");
    assert_eq!(
        expired.status,
        ConversationStatus::Open,
        "an expired snooze reads back as open"
    );
    documented(
        client(&sandbox, "nope")
            .get_conversation()
            .account_id(account)
            .conversation_id(1)
            .send()
            .await,
        401,
    );
    let body = documented(
        api.get_conversation()
            .account_id(account)
            .conversation_id(MISSING)
            .send()
            .await,
        404,
    );
    assert_eq!(message(&body), "Resource could not be found");
}

#[tokio::test]
async fn conversation_writes() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let seed = sandbox.seed_info().clone();
    let api = client(&sandbox, sandbox.user_token());
    let bot = client(&sandbox, sandbox.bot_token());
    let (account, id) = (seed.account_id, seed.pending_conversation_id);

    let new: NewConversation = from_json(serde_json::json!({
        "inbox_id": seed.api_inbox_id,
        "contact_id": seed.contact_ids[0],
        "message": NewConversationMessage { content: "Hello from the test".into() },
    }));
    let created = api
        .create_conversation()
        .account_id(account)
        .body(new.clone())
        .send()
        .await
        .expect("created");
    assert_eq!(created.inbox_id, seed.api_inbox_id);
    assert_eq!(
        created.meta.sender.as_ref().map(|s| s.id),
        Some(seed.contact_ids[0])
    );
    documented(
        client(&sandbox, "nope")
            .create_conversation()
            .account_id(account)
            .body(new.clone())
            .send()
            .await,
        401,
    );
    documented(
        api.create_conversation()
            .account_id(MISSING)
            .body(new.clone())
            .send()
            .await,
        404,
    );
    // Without contact_id or source_id, Chatwoot's contacts.find(nil) is a 404.
    let orphan: NewConversation = from_json(serde_json::json!({ "inbox_id": seed.api_inbox_id }));
    documented(
        api.create_conversation()
            .account_id(account)
            .body(orphan)
            .send()
            .await,
        404,
    );
    let (status, _) = raw(
        &sandbox,
        reqwest::Method::POST,
        &format!("/api/v1/accounts/{account}/conversations"),
        Some(r#"{"inbox_id":"one"}"#),
    )
    .await;
    assert_eq!(status, 422);

    // The bot may toggle status; the answer has no meta and the new status.
    let snooze = ToggleStatusRequest {
        status: Some(ToggleableStatus::Snoozed),
        snoozed_until: Some(4_102_444_800),
    };
    let toggled = bot
        .toggle_conversation_status()
        .account_id(account)
        .conversation_id(id)
        .body(snooze)
        .send()
        .await
        .expect("toggled");
    assert_eq!(toggled.payload.current_status, ConversationStatus::Snoozed);
    assert_eq!(
        toggled.payload.snoozed_until.map(|t| t.timestamp()),
        Some(4_102_444_800)
    );
    let legacy = api
        .toggle_conversation_status()
        .account_id(account)
        .conversation_id(id)
        .body(ToggleStatusRequest::default())
        .send()
        .await
        .expect("legacy toggle");
    assert_eq!(
        legacy.payload.current_status,
        ConversationStatus::Open,
        "snoozed toggles to open"
    );
    documented(
        client(&sandbox, "nope")
            .toggle_conversation_status()
            .account_id(account)
            .conversation_id(id)
            .body(ToggleStatusRequest::default())
            .send()
            .await,
        401,
    );
    documented(
        api.toggle_conversation_status()
            .account_id(account)
            .conversation_id(MISSING)
            .body(ToggleStatusRequest::default())
            .send()
            .await,
        404,
    );
    let (status, _) = raw(
        &sandbox,
        reqwest::Method::POST,
        &format!("/api/v1/accounts/{account}/conversations/{id}/toggle_status"),
        Some(r#"{"status":"scheduling"}"#),
    )
    .await;
    assert_eq!(status, 422, "scheduling does not exist on this route");

    let urgent = TogglePriorityRequest {
        priority: Some(ConversationPriority::Urgent),
    };
    api.toggle_conversation_priority()
        .account_id(account)
        .conversation_id(id)
        .body(urgent.clone())
        .send()
        .await
        .expect("priority");
    let read = api
        .get_conversation()
        .account_id(account)
        .conversation_id(id)
        .send()
        .await
        .expect("read back");
    assert_eq!(read.priority, Some(ConversationPriority::Urgent));
    api.toggle_conversation_priority()
        .account_id(account)
        .conversation_id(id)
        .body(TogglePriorityRequest::default())
        .send()
        .await
        .expect("cleared");
    assert_eq!(
        api.get_conversation()
            .account_id(account)
            .conversation_id(id)
            .send()
            .await
            .expect("read")
            .priority,
        None
    );
    documented(
        client(&sandbox, "nope")
            .toggle_conversation_priority()
            .account_id(account)
            .conversation_id(id)
            .body(urgent.clone())
            .send()
            .await,
        401,
    );
    documented(
        api.toggle_conversation_priority()
            .account_id(account)
            .conversation_id(MISSING)
            .body(urgent)
            .send()
            .await,
        404,
    );
    let bogus = TogglePriorityRequest {
        priority: Some(ConversationPriority::from("none")),
    };
    documented(
        api.toggle_conversation_priority()
            .account_id(account)
            .conversation_id(id)
            .body(bogus)
            .send()
            .await,
        422,
    );

    let agent = seed.agent_ids[0];
    let assigned = api
        .assign_conversation()
        .account_id(account)
        .conversation_id(id)
        .body(AssignmentRequest {
            assignee_id: Some(agent),
            ..Default::default()
        })
        .send()
        .await
        .expect("assigned");
    assert_eq!(assigned.as_ref().as_ref().map(|a| a.id), Some(agent));
    let read = api
        .get_conversation()
        .account_id(account)
        .conversation_id(id)
        .send()
        .await
        .expect("read");
    assert_eq!(read.meta.assignee.as_ref().map(|a| a.id), Some(agent));
    documented(
        client(&sandbox, "nope")
            .assign_conversation()
            .account_id(account)
            .conversation_id(id)
            .body(AssignmentRequest::default())
            .send()
            .await,
        401,
    );
    documented(
        api.assign_conversation()
            .account_id(account)
            .conversation_id(MISSING)
            .body(AssignmentRequest::default())
            .send()
            .await,
        404,
    );
    let (status, _) = raw(
        &sandbox,
        reqwest::Method::POST,
        &format!("/api/v1/accounts/{account}/conversations/{id}/assignments"),
        Some(r#"{"assignee_id":"seven"}"#),
    )
    .await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn ruuts_documented_status_route() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let seed = sandbox.seed_info().clone();
    let api = client(&sandbox, sandbox.user_token());
    let id = seed.open_conversation_id;

    let change = |status: ConversationStatus| ConversationStatusChange {
        status,
        reason: None,
        agent_id: None,
        snooze_time: None,
    };
    let resolved = api
        .update_conversation_status()
        .conversation_id(id)
        .body(ConversationStatusChange {
            reason: Some("Customer issue addressed".into()),
            agent_id: Some(RuutId::Int64(seed.user_id)),
            ..change(ConversationStatus::Resolved)
        })
        .send()
        .await
        .expect("resolved");
    assert_eq!(
        (resolved.status.clone(), resolved.id.to_string()),
        (ConversationStatus::Resolved, id.to_string())
    );
    let until = chrono::DateTime::parse_from_rfc3339("2099-04-15T14:30:00Z")
        .expect("time")
        .to_utc();
    let snoozed = api
        .update_conversation_status()
        .conversation_id(id)
        .body(ConversationStatusChange {
            snooze_time: Some(until),
            ..change(ConversationStatus::Snoozed)
        })
        .send()
        .await
        .expect("snoozed");
    assert_eq!(
        (snoozed.status.clone(), snoozed.snooze_time),
        (ConversationStatus::Snoozed, Some(until))
    );
    let scheduled = api
        .update_conversation_status()
        .conversation_id(id)
        .body(change(ConversationStatus::Scheduling))
        .send()
        .await
        .expect("scheduling");
    assert_eq!(scheduled.status, ConversationStatus::Scheduling);

    documented(
        client(&sandbox, "nope")
            .update_conversation_status()
            .conversation_id(id)
            .body(change(ConversationStatus::Open))
            .send()
            .await,
        401,
    );
    let body = documented(
        api.update_conversation_status()
            .conversation_id(seed.locked_conversation_id)
            .body(change(ConversationStatus::Resolved))
            .send()
            .await,
        403,
    );
    assert_eq!(message(&body), "STATUS_CHANGE_FORBIDDEN");
    documented(
        api.update_conversation_status()
            .conversation_id(MISSING)
            .body(change(ConversationStatus::Open))
            .send()
            .await,
        404,
    );
    documented(
        api.update_conversation_status()
            .conversation_id(id)
            .body(change(ConversationStatus::from("archived")))
            .send()
            .await,
        422,
    );
}

#[tokio::test]
async fn messages() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let seed = sandbox.seed_info().clone();
    let api = client(&sandbox, sandbox.user_token());
    let (account, long) = (seed.account_id, seed.long_conversation_id);

    let latest = api
        .list_messages()
        .account_id(account)
        .conversation_id(long)
        .send()
        .await
        .expect("latest");
    assert_eq!(latest.payload.len(), 20, "the latest 20");
    let oldest_seen = latest.payload.iter().map(|m| m.id).min().expect("messages");
    let older = api
        .list_messages()
        .account_id(account)
        .conversation_id(long)
        .before(oldest_seen)
        .send()
        .await
        .expect("older");
    assert!(older.payload.iter().all(|m| m.id < oldest_seen));
    assert_eq!(
        latest.payload.len() + older.payload.len(),
        seed.long_conversation_message_count.min(40)
    );
    documented(
        client(&sandbox, "nope")
            .list_messages()
            .account_id(account)
            .conversation_id(long)
            .send()
            .await,
        401,
    );
    documented(
        api.list_messages()
            .account_id(account)
            .conversation_id(MISSING)
            .send()
            .await,
        404,
    );
    let (status, _) = raw(
        &sandbox,
        reqwest::Method::GET,
        &format!("/api/v1/accounts/{account}/conversations/{long}/messages?before=latest"),
        None,
    )
    .await;
    assert_eq!(status, 422);

    let before = sandbox.message_count(account, long);
    let note: NewMessage = from_json(
        serde_json::json!({ "content": "Resolved: customer confirmed", "private": true }),
    );
    let sent = client(&sandbox, sandbox.bot_token())
        .create_message()
        .account_id(account)
        .conversation_id(long)
        .body(note.clone())
        .send()
        .await
        .expect("bots may send");
    assert_eq!(
        (sent.private, sent.message_type, sent.conversation_id),
        (Some(true), 1, long)
    );
    assert_eq!(sandbox.message_count(account, long), before + 1);
    documented(
        client(&sandbox, "nope")
            .create_message()
            .account_id(account)
            .conversation_id(long)
            .body(note.clone())
            .send()
            .await,
        401,
    );
    documented(
        api.create_message()
            .account_id(account)
            .conversation_id(MISSING)
            .body(note)
            .send()
            .await,
        404,
    );
    let (status, _) = raw(
        &sandbox,
        reqwest::Method::POST,
        &format!("/api/v1/accounts/{account}/conversations/{long}/messages"),
        Some(r#"{"private":"yes"}"#),
    )
    .await;
    assert_eq!(status, 422);
}

#[tokio::test]
async fn contacts() {
    let sandbox = Sandbox::start().await.expect("sandbox");
    let seed = sandbox.seed_info().clone();
    let api = client(&sandbox, sandbox.user_token());
    let account = seed.account_id;

    let page = api
        .list_contacts()
        .account_id(account)
        .send()
        .await
        .expect("contacts");
    assert_eq!(
        page.payload.len(),
        15.min(seed.resolved_contact_count),
        "15 a page"
    );
    assert_eq!(page.meta.count, Some(seed.resolved_contact_count as i64));
    documented(
        client(&sandbox, "nope")
            .list_contacts()
            .account_id(account)
            .send()
            .await,
        401,
    );
    documented(api.list_contacts().account_id(MISSING).send().await, 404);
    let (status, _) = raw(
        &sandbox,
        reqwest::Method::GET,
        &format!("/api/v1/accounts/{account}/contacts?sort=shoe_size"),
        None,
    )
    .await;
    assert_eq!(status, 422);

    let first = &page.payload[0];
    let found = api
        .search_contacts()
        .account_id(account)
        .q(first.email.clone().unwrap_or_default())
        .send()
        .await
        .expect("search");
    assert!(found.payload.iter().any(|c| c.id == first.id), "{found:?}");
    assert_eq!(found.meta.has_more, Some(false));
    let no_q = api
        .search_contacts()
        .account_id(account)
        .send()
        .await
        .expect("no q is a 200");
    assert_eq!(no_q.meta.count, None, "null counts without q");
    documented(
        client(&sandbox, "nope")
            .search_contacts()
            .account_id(account)
            .q("x")
            .send()
            .await,
        401,
    );
    documented(
        api.search_contacts()
            .account_id(MISSING)
            .q("x")
            .send()
            .await,
        404,
    );
    let (status, _) = raw(
        &sandbox,
        reqwest::Method::GET,
        &format!("/api/v1/accounts/{account}/contacts/search?q=x&page=first"),
        None,
    )
    .await;
    assert_eq!(status, 422);

    let contact = api
        .get_contact()
        .account_id(account)
        .contact_id(first.id)
        .send()
        .await
        .expect("contact");
    assert_eq!(contact.payload.id, first.id);
    documented(
        client(&sandbox, "nope")
            .get_contact()
            .account_id(account)
            .contact_id(first.id)
            .send()
            .await,
        401,
    );
    documented(
        api.get_contact()
            .account_id(account)
            .contact_id(MISSING)
            .send()
            .await,
        404,
    );

    let new = NewContact {
        name: Some("Ada".into()),
        email: Some("ada@example.com".into()),
        inbox_id: Some(seed.api_inbox_id),
        ..Default::default()
    };
    let created = api
        .create_contact()
        .account_id(account)
        .body(new.clone())
        .send()
        .await
        .expect("created");
    assert_eq!(
        created.payload.contact.email.as_deref(),
        Some("ada@example.com")
    );
    assert!(
        created.payload.contact_inbox.is_some(),
        "an inbox was given"
    );
    documented(
        client(&sandbox, "nope")
            .create_contact()
            .account_id(account)
            .body(new.clone())
            .send()
            .await,
        401,
    );
    documented(
        api.create_contact()
            .account_id(MISSING)
            .body(new)
            .send()
            .await,
        404,
    );
    let taken = NewContact {
        email: Some(seed.taken_email.clone()),
        ..Default::default()
    };
    let body = documented(
        api.create_contact()
            .account_id(account)
            .body(taken)
            .send()
            .await,
        422,
    );
    assert_eq!(body.attributes, vec!["email".to_owned()], "{body:?}");
}
