//! Contract check: every operation of `openapi/ruut.yaml`, sent by the
//! generated `ruut-api` client through `prism proxy --errors` in front of
//! the sandbox, with valid requests and the documented 401 and 404 errors.
//!
//! Prism validates each request and each response against the spec, a check
//! by a tool we did not write. A violation comes back as a `500` (bad
//! response) or `422` (bad request) `application/problem+json` with a
//! `validation` list, or as an `sl-violations` header; the test collects
//! every one, with the operation it happened in, and fails listing them all.
//! It also fails if an operation of the spec was not called, so new
//! operations must be added here.
//!
//! `cargo xtask ci` runs it (step "contract: Prism proxy") with
//! `RUUT_CONTRACT_URL` (the proxy) and `RUUT_CONTRACT_TOKEN` set. Without
//! them it is ignored; to run it by hand, start the sandbox and
//! `tools/node_modules/.bin/prism proxy --errors -h 127.0.0.1 -p 4010
//! openapi/ruut.yaml <sandbox url>`, then `RUUT_CONTRACT_URL=http://127.0.0.1:4010
//! RUUT_CONTRACT_TOKEN=sandbox-user-token cargo test -p ruut-tests --test
//! contract_prism -- --ignored --nocapture`.

use std::collections::BTreeSet;
use std::fmt::Debug;
use std::time::Duration;

use ruut_api::types::{
    AssigneeTypeFilter, ContactSort, ConversationSortBy, ConversationStatusFilter, RuutId,
    ToggleableStatus,
};
use ruut_api::{Client, Error, ResponseValue};

const MISSING_ID: i64 = 999_999;

fn client(url: &str, token: Option<&str>) -> Client {
    let mut headers = reqwest::header::HeaderMap::new();
    if let Some(token) = token {
        let mut value = reqwest::header::HeaderValue::from_str(token).expect("token header");
        value.set_sensitive(true);
        headers.insert("api_access_token", value);
    }
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("reqwest client");
    Client::new_with_client(url, http, Default::default())
}

/// Every `operationId` under `paths` in the spec, read from its text (the
/// webhooks under `x-webhooks` are not requests a client sends).
fn spec_operations() -> BTreeSet<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/ruut.yaml");
    let text = std::fs::read_to_string(path).expect("read openapi/ruut.yaml");
    let mut section = "";
    let mut ids = BTreeSet::new();
    for line in text.lines() {
        if !line.starts_with([' ', '#']) && !line.trim().is_empty() {
            section = line.split(':').next().unwrap_or("");
        }
        if section == "paths"
            && let Some(id) = line.trim().strip_prefix("operationId:")
        {
            ids.insert(id.trim().trim_matches(['\'', '"']).to_string());
        }
    }
    ids
}

#[derive(Default)]
struct Contract {
    problems: Vec<String>,
    called: BTreeSet<String>,
    calls: usize,
}

impl Contract {
    /// Expects a success; returns the body.
    async fn ok<T, E: Debug>(
        &mut self,
        operation: &str,
        what: &str,
        call: impl Future<Output = Result<ResponseValue<T>, Error<E>>>,
    ) -> Option<T> {
        self.calls += 1;
        self.called.insert(operation.to_string());
        match call.await {
            Ok(response) => {
                self.header_violations(operation, what, response.headers());
                Some(response.into_inner())
            }
            Err(e) => {
                let detail = describe(e).await;
                self.problems.push(format!(
                    "{operation} ({what}): expected success, got {detail}"
                ));
                None
            }
        }
    }

    /// Expects the documented error `status`.
    async fn status<T: Debug, E: Debug>(
        &mut self,
        operation: &str,
        what: &str,
        status: u16,
        call: impl Future<Output = Result<ResponseValue<T>, Error<E>>>,
    ) {
        self.calls += 1;
        self.called.insert(operation.to_string());
        match call.await {
            Err(Error::ErrorResponse(response)) if response.status().as_u16() == status => {
                self.header_violations(operation, what, response.headers());
                // Prism's own answers (no route, missing token) are problem+json:
                // those requests never reached the sandbox.
                let content_type = response
                    .headers()
                    .get(reqwest::header::CONTENT_TYPE)
                    .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                    .unwrap_or_default();
                if content_type.contains("problem+json") {
                    self.problems.push(format!(
                        "{operation} ({what}): the {status} came from Prism, not the sandbox \
                         ({content_type}: {:?})",
                        response.into_inner()
                    ));
                }
            }
            Ok(response) => self.problems.push(format!(
                "{operation} ({what}): expected {status}, got {} {:?}",
                response.status(),
                response.into_inner()
            )),
            Err(e) => {
                let detail = describe(e).await;
                self.problems.push(format!(
                    "{operation} ({what}): expected {status}, got {detail}"
                ));
            }
        }
    }

    fn header_violations(
        &mut self,
        operation: &str,
        what: &str,
        headers: &reqwest::header::HeaderMap,
    ) {
        if let Some(violations) = headers.get("sl-violations") {
            self.problems.push(format!(
                "{operation} ({what}): sl-violations: {}",
                String::from_utf8_lossy(violations.as_bytes())
            ));
        }
    }
}

/// What went wrong, with Prism's `validation` list when there is one.
async fn describe<E: Debug>(error: Error<E>) -> String {
    match error {
        Error::UnexpectedResponse(response) => {
            let status = response.status();
            let header = response
                .headers()
                .get("sl-violations")
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
            let body = response.text().await.unwrap_or_default();
            let mut out = format!("{status}");
            match serde_json::from_str::<serde_json::Value>(&body) {
                Ok(problem) if problem.get("validation").is_some() => {
                    if let Some(title) = problem.get("title").and_then(|t| t.as_str()) {
                        out.push_str(&format!(" {title}"));
                    }
                    const SHOWN: usize = 8;
                    let list = problem["validation"]
                        .as_array()
                        .cloned()
                        .unwrap_or_default();
                    for v in list.iter().take(SHOWN) {
                        let location = v["location"]
                            .as_array()
                            .map(|l| {
                                l.iter()
                                    .map(|s| {
                                        s.as_str().map_or_else(|| s.to_string(), str::to_string)
                                    })
                                    .collect::<Vec<_>>()
                                    .join(".")
                            })
                            .unwrap_or_default();
                        out.push_str(&format!(
                            "\n      - {} [{}] {}: {}",
                            v["severity"].as_str().unwrap_or("?"),
                            v["code"].as_str().unwrap_or("?"),
                            location,
                            v["message"].as_str().unwrap_or("?")
                        ));
                    }
                    if list.len() > SHOWN {
                        out.push_str(&format!("\n      - ... and {} more", list.len() - SHOWN));
                    }
                }
                _ => out.push_str(&format!(
                    " body: {}",
                    body.chars().take(600).collect::<String>()
                )),
            }
            if let Some(header) = header {
                out.push_str(&format!("\n      sl-violations: {header}"));
            }
            out
        }
        Error::ErrorResponse(response) => {
            let from_prism = response
                .headers()
                .get(reqwest::header::CONTENT_TYPE)
                .is_some_and(|v| v.as_bytes().ends_with(b"problem+json"));
            if from_prism {
                // Prism's own 4xx (no matching route, or a request that breaks
                // the spec) parses as ErrorBody too, but never reached the sandbox.
                format!(
                    "{} from Prism itself (application/problem+json): the request breaks \
                     openapi/ruut.yaml or its route is not in it",
                    response.status()
                )
            } else {
                format!(
                    "documented error {} {:?}",
                    response.status(),
                    response.into_inner()
                )
            }
        }
        Error::InvalidResponsePayload(bytes, e) => format!(
            "a body the Rust types cannot parse ({e}): {}",
            String::from_utf8_lossy(&bytes)
                .chars()
                .take(600)
                .collect::<String>()
        ),
        other => other.to_string(),
    }
}

fn id_of(id: &RuutId) -> i64 {
    match id {
        RuutId::Int64(n) => *n,
        RuutId::String(s) => s.parse().expect("a numeric account id"),
    }
}

#[tokio::test]
#[ignore = "needs RUUT_CONTRACT_URL (Prism in front of the sandbox); run by `cargo xtask ci`"]
async fn every_operation_conforms_through_prism() {
    let url = std::env::var("RUUT_CONTRACT_URL").expect("RUUT_CONTRACT_URL");
    let token =
        std::env::var("RUUT_CONTRACT_TOKEN").unwrap_or_else(|_| "sandbox-user-token".into());
    let user = client(&url, Some(&token));
    let stranger = client(&url, Some("not-a-valid-token"));
    let anonymous = client(&url, None);
    let mut c = Contract::default();

    // Server.
    c.ok(
        "getServerInfo",
        "no token",
        anonymous.get_server_info().send(),
    )
    .await;

    // Accounts and profile.
    let accounts = c
        .ok("listAccounts", "valid", user.list_accounts().send())
        .await
        .unwrap_or_default();
    c.status(
        "listAccounts",
        "bad token",
        401,
        stranger.list_accounts().send(),
    )
    .await;
    let account = accounts.first().map_or(1, |a| id_of(&a.id));
    let profile = c.ok("getProfile", "valid", user.get_profile().send()).await;
    c.status(
        "getProfile",
        "bad token",
        401,
        stranger.get_profile().send(),
    )
    .await;
    c.ok(
        "getAccount",
        "valid",
        user.get_account().account_id(account).send(),
    )
    .await;
    c.status(
        "getAccount",
        "unknown account",
        404,
        user.get_account().account_id(MISSING_ID).send(),
    )
    .await;

    // Conversations.
    let list = c
        .ok(
            "listConversations",
            "every status",
            user.list_conversations()
                .account_id(account)
                .status(ConversationStatusFilter::All)
                .assignee_type(AssigneeTypeFilter::All)
                .sort_by(ConversationSortBy::LastActivityAtDesc)
                .page(1)
                .send(),
        )
        .await;
    c.ok(
        "listConversations",
        "labels and search",
        user.list_conversations()
            .account_id(account)
            .labels(vec!["billing".to_string(), "bug".to_string()])
            .q("plan")
            .send(),
    )
    .await;
    c.status(
        "listConversations",
        "bad token",
        401,
        stranger.list_conversations().account_id(account).send(),
    )
    .await;
    c.status(
        "listConversations",
        "unknown account",
        404,
        user.list_conversations().account_id(MISSING_ID).send(),
    )
    .await;
    c.ok(
        "getConversationCounts",
        "every status",
        user.get_conversation_counts()
            .account_id(account)
            .status(ConversationStatusFilter::All)
            .send(),
    )
    .await;

    let first = list.as_ref().and_then(|l| l.data.payload.first());
    let conversation = first.map_or(1, |c| c.id);
    let inbox = first.map_or(1, |c| c.inbox_id);
    let contact = first
        .and_then(|c| c.meta.sender.as_ref())
        .map_or(1, |s| s.id);

    c.ok(
        "createConversation",
        "with a first message",
        user.create_conversation()
            .account_id(account)
            .body_map(|b| {
                b.inbox_id(inbox)
                    .contact_id(Some(contact))
                    .status(Some(ToggleableStatus::Open))
                    .message(Some(ruut_api::types::NewConversationMessage {
                        content: "Hello from the contract test".to_string(),
                    }))
            })
            .send(),
    )
    .await;
    c.ok(
        "getConversation",
        "valid",
        user.get_conversation()
            .account_id(account)
            .conversation_id(conversation)
            .send(),
    )
    .await;
    c.status(
        "getConversation",
        "unknown conversation",
        404,
        user.get_conversation()
            .account_id(account)
            .conversation_id(MISSING_ID)
            .send(),
    )
    .await;

    // Status, Chatwoot route.
    let tomorrow = chrono::Utc::now().timestamp() + 86_400;
    c.ok(
        "toggleConversationStatus",
        "snooze until a time",
        user.toggle_conversation_status()
            .account_id(account)
            .conversation_id(conversation)
            .body_map(|b| {
                b.status(Some(ToggleableStatus::Snoozed))
                    .snoozed_until(Some(tomorrow))
            })
            .send(),
    )
    .await;
    c.ok(
        "toggleConversationStatus",
        "resolve",
        user.toggle_conversation_status()
            .account_id(account)
            .conversation_id(conversation)
            .body_map(|b| b.status(Some(ToggleableStatus::Resolved)))
            .send(),
    )
    .await;
    c.ok(
        "toggleConversationStatus",
        "legacy toggle",
        user.toggle_conversation_status()
            .account_id(account)
            .conversation_id(conversation)
            .body_map(|b| b)
            .send(),
    )
    .await;
    c.status(
        "toggleConversationStatus",
        "unknown conversation",
        404,
        user.toggle_conversation_status()
            .account_id(account)
            .conversation_id(MISSING_ID)
            .body_map(|b| b.status(Some(ToggleableStatus::Open)))
            .send(),
    )
    .await;

    // Status, Ruut's documented route.
    for (what, status, snooze) in [
        ("resolve with a reason", "resolved", None),
        (
            "snooze until a time",
            "snoozed",
            Some(chrono::Utc::now() + chrono::Duration::days(1)),
        ),
        ("schedule a follow-up", "scheduling", None),
        ("reopen", "open", None),
    ] {
        c.ok(
            "updateConversationStatus",
            what,
            user.update_conversation_status()
                .conversation_id(conversation)
                .body_map(|b| {
                    b.status(ruut_api::enums::ConversationStatus::from(status))
                        .reason(Some(format!("contract test: {what}")))
                        .snooze_time(snooze)
                })
                .send(),
        )
        .await;
    }
    c.status(
        "updateConversationStatus",
        "unknown conversation",
        404,
        user.update_conversation_status()
            .conversation_id(MISSING_ID)
            .body_map(|b| b.status(ruut_api::enums::ConversationStatus::Resolved))
            .send(),
    )
    .await;
    c.status(
        "updateConversationStatus",
        "bad token",
        401,
        stranger
            .update_conversation_status()
            .conversation_id(conversation)
            .body_map(|b| b.status(ruut_api::enums::ConversationStatus::Resolved))
            .send(),
    )
    .await;

    // Priority and assignment.
    c.ok(
        "toggleConversationPriority",
        "urgent",
        user.toggle_conversation_priority()
            .account_id(account)
            .conversation_id(conversation)
            .body_map(|b| b.priority(Some(ruut_api::enums::ConversationPriority::Urgent)))
            .send(),
    )
    .await;
    c.ok(
        "toggleConversationPriority",
        "clear",
        user.toggle_conversation_priority()
            .account_id(account)
            .conversation_id(conversation)
            .body_map(|b| b.priority(None))
            .send(),
    )
    .await;
    c.status(
        "toggleConversationPriority",
        "unknown conversation",
        404,
        user.toggle_conversation_priority()
            .account_id(account)
            .conversation_id(MISSING_ID)
            .body_map(|b| b.priority(None))
            .send(),
    )
    .await;
    let me = profile.as_ref().map_or(1, |p| p.id);
    c.ok(
        "assignConversation",
        "to me",
        user.assign_conversation()
            .account_id(account)
            .conversation_id(conversation)
            .body_map(|b| b.assignee_id(Some(me)))
            .send(),
    )
    .await;
    c.status(
        "assignConversation",
        "unknown conversation",
        404,
        user.assign_conversation()
            .account_id(account)
            .conversation_id(MISSING_ID)
            .body_map(|b| b.assignee_id(Some(me)))
            .send(),
    )
    .await;

    // Messages.
    let messages = c
        .ok(
            "listMessages",
            "latest",
            user.list_messages()
                .account_id(account)
                .conversation_id(conversation)
                .send(),
        )
        .await;
    if let Some(oldest) = messages
        .as_ref()
        .and_then(|m| m.payload.iter().map(|m| m.id).min())
    {
        c.ok(
            "listMessages",
            "before a cursor",
            user.list_messages()
                .account_id(account)
                .conversation_id(conversation)
                .before(oldest)
                .send(),
        )
        .await;
    }
    c.status(
        "listMessages",
        "unknown conversation",
        404,
        user.list_messages()
            .account_id(account)
            .conversation_id(MISSING_ID)
            .send(),
    )
    .await;
    c.ok(
        "createMessage",
        "reply",
        user.create_message()
            .account_id(account)
            .conversation_id(conversation)
            .body_map(|b| b.content("Thanks, we are on it.".to_string()))
            .send(),
    )
    .await;
    c.ok(
        "createMessage",
        "private note",
        user.create_message()
            .account_id(account)
            .conversation_id(conversation)
            .body_map(|b| {
                b.content("Resolved after a call".to_string())
                    .private(Some(true))
            })
            .send(),
    )
    .await;
    c.status(
        "createMessage",
        "unknown conversation",
        404,
        user.create_message()
            .account_id(account)
            .conversation_id(MISSING_ID)
            .body_map(|b| b.content("nobody reads this".to_string()))
            .send(),
    )
    .await;

    // Contacts.
    c.ok(
        "listContacts",
        "sorted by name",
        user.list_contacts()
            .account_id(account)
            .page(1)
            .sort(ContactSort::Name)
            .send(),
    )
    .await;
    let unique = chrono::Utc::now().timestamp_micros();
    let created = c
        .ok(
            "createContact",
            "with an inbox",
            user.create_contact()
                .account_id(account)
                .body_map(|b| {
                    b.name(Some("Contract Test".to_string()))
                        .email(Some(format!("contract-{unique}@example.com")))
                        .inbox_id(Some(inbox))
                })
                .send(),
        )
        .await;
    c.ok(
        "searchContacts",
        "with q",
        user.search_contacts().account_id(account).q("a").send(),
    )
    .await;
    c.ok(
        "searchContacts",
        "without q",
        user.search_contacts().account_id(account).send(),
    )
    .await;
    let contact_id = created.as_ref().map_or(contact, |c| c.payload.contact.id);
    c.ok(
        "getContact",
        "valid",
        user.get_contact()
            .account_id(account)
            .contact_id(contact_id)
            .send(),
    )
    .await;
    c.status(
        "getContact",
        "unknown contact",
        404,
        user.get_contact()
            .account_id(account)
            .contact_id(MISSING_ID)
            .send(),
    )
    .await;

    let uncalled: Vec<String> = spec_operations().difference(&c.called).cloned().collect();
    if !uncalled.is_empty() {
        c.problems.push(format!(
            "operations of openapi/ruut.yaml this test does not call (add them): {}",
            uncalled.join(", ")
        ));
    }
    println!(
        "contract: {} calls through Prism covering {} operations; {} problems",
        c.calls,
        c.called.len(),
        c.problems.len()
    );
    assert!(
        c.problems.is_empty(),
        "{} contract problems (requests or responses that break openapi/ruut.yaml, or wrong statuses):\n  - {}",
        c.problems.len(),
        c.problems.join("\n  - ")
    );
}
