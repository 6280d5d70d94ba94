//! Rails' HTML 404 page, on every call of the SDK.
//!
//! Rails answers a route it lacks with its `public/404.html` page to any client
//! whose `Accept` is not JSON-only. Where the spec documents a 404 for an
//! operation, the generated client tries to read that page as JSON, fails, and
//! drops the status; the SDK's call path observes every answer, so that the
//! error still says 404, and reads the page as the routing miss it is.

use std::collections::BTreeSet;
use std::future::Future;
use std::pin::Pin;

use axum::Router;
use axum::http::{StatusCode, header};
use futures::TryStreamExt;
use ruut_sdk::filter::{ContactAttribute, ConversationAttribute, Filter, FilterAttribute};
use ruut_sdk::{Client, Error, ErrorKind, Operation, StatusRoute};

/// Rails' `public/404.html`, shortened.
const RAILS_404: &str = "<!DOCTYPE html>\n<html>\n<head>\n  <title>The page you were looking for doesn't exist (404)</title>\n</head>\n<body>\n  <div class=\"dialog\"><h1>The page you were looking for doesn't exist.</h1></div>\n</body>\n</html>\n";

/// A server on 127.0.0.1 that answers everything with Rails' 404 page; its base URL.
async fn rails_404_server() -> String {
    let app = Router::new().fallback(|| async {
        (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            RAILS_404,
        )
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{address}")
}

fn client_of(base_url: &str, route: StatusRoute) -> Client {
    Client::builder()
        .base_url(base_url)
        .api_token("tok_html_404_test")
        .account_id(1)
        .status_route(route)
        .build()
        .unwrap()
}

type Call<'a> = Pin<Box<dyn Future<Output = Result<(), Error>> + 'a>>;

mod html_404_calls;

/// Every call of the SDK, each with the operation it sends.
fn every_call<'a>(
    client: &'a Client,
    account_scoped: &'a Client,
) -> Vec<(&'static str, Operation, Call<'a>)> {
    fn call<'a, T>(f: impl Future<Output = Result<T, Error>> + 'a) -> Call<'a> {
        Box::pin(async move { f.await.map(drop) })
    }
    let conversation = client.conversation(1);
    let toggled = account_scoped.conversation(1);
    vec![
        (
            "get_server_info",
            Operation::GetServerInfo,
            call(client.get_server_info()),
        ),
        (
            "list_accounts",
            Operation::ListAccounts,
            call(client.list_accounts()),
        ),
        (
            "get_profile",
            Operation::GetProfile,
            call(client.get_profile()),
        ),
        (
            "get_account",
            Operation::GetAccount,
            call(client.get_account()),
        ),
        (
            "conversations().send",
            Operation::ListConversations,
            call(client.conversations().send()),
        ),
        (
            "conversations().stream",
            Operation::ListConversations,
            call(async move { client.conversations().stream().try_next().await }),
        ),
        (
            "conversations().counts",
            Operation::GetConversationCounts,
            call(client.conversations().counts()),
        ),
        (
            "get_conversation",
            Operation::GetConversation,
            call(client.get_conversation(1)),
        ),
        (
            "create_conversation",
            Operation::CreateConversation,
            call(client.create_conversation(1).contact(1).send()),
        ),
        (
            "resolve (documented)",
            Operation::UpdateConversationStatus,
            call(conversation.resolve().send()),
        ),
        (
            "resolve (account-scoped)",
            Operation::ToggleConversationStatus,
            call(toggled.resolve().send()),
        ),
        (
            "set_priority",
            Operation::ToggleConversationPriority,
            call(async move { client.conversation(1).set_priority(None).await }),
        ),
        (
            "assign",
            Operation::AssignConversation,
            call(async move { client.conversation(1).assign(7).await }),
        ),
        (
            "assign_team",
            Operation::AssignConversation,
            call(async move { client.conversation(1).assign_team(3).await }),
        ),
        (
            "messages().send",
            Operation::ListMessages,
            call(conversation.messages().send()),
        ),
        (
            "messages().stream",
            Operation::ListMessages,
            call(async move { client.conversation(1).messages().stream().try_next().await }),
        ),
        (
            "reply",
            Operation::CreateMessage,
            call(conversation.reply("Hi").send()),
        ),
        (
            "note",
            Operation::CreateMessage,
            call(conversation.note("Internal").send()),
        ),
        (
            "reply with a file (multipart)",
            Operation::CreateMessage,
            call(
                conversation
                    .reply("See attached")
                    .attach(ruut_sdk::FileAttachment::from_bytes(
                        "a.txt",
                        "text/plain",
                        "hi",
                    ))
                    .send(),
            ),
        ),
        (
            "message().delete",
            Operation::DeleteMessage,
            call(async move { client.conversation(1).message(1).delete().await }),
        ),
        (
            "message().update",
            Operation::UpdateMessage,
            call(async move {
                let status = ruut_sdk::enums::MessageStatus::Read;
                client
                    .conversation(1)
                    .message(1)
                    .update()
                    .status(status)
                    .send()
                    .await
            }),
        ),
        (
            "attachments().send",
            Operation::ListConversationAttachments,
            call(conversation.attachments().send()),
        ),
        (
            "attachments().stream",
            Operation::ListConversationAttachments,
            call(async move {
                client
                    .conversation(1)
                    .attachments()
                    .stream()
                    .try_next()
                    .await
            }),
        ),
        (
            "contacts().send",
            Operation::ListContacts,
            call(client.contacts().send()),
        ),
        (
            "contacts().stream",
            Operation::ListContacts,
            call(async move { client.contacts().stream().try_next().await }),
        ),
        (
            "search_contacts().send",
            Operation::SearchContacts,
            call(client.search_contacts("ada").send()),
        ),
        (
            "search_contacts().stream",
            Operation::SearchContacts,
            call(async move { client.search_contacts("ada").stream().try_next().await }),
        ),
        (
            "get_contact",
            Operation::GetContact,
            call(client.get_contact(1)),
        ),
        (
            "create_contact",
            Operation::CreateContact,
            call(client.create_contact().name("Ada").send()),
        ),
        (
            "filter_conversations().send",
            Operation::FilterConversations,
            call(client.filter_conversations(open()).send()),
        ),
        (
            "filter_conversations().stream",
            Operation::FilterConversations,
            call(async move {
                client
                    .filter_conversations(open())
                    .stream()
                    .try_next()
                    .await
            }),
        ),
        (
            "filter_contacts().send",
            Operation::FilterContacts,
            call(
                client
                    .filter_contacts(Filter::new(ContactAttribute::Blocked.equal_to([true])))
                    .send(),
            ),
        ),
        (
            "search_conversations().send",
            Operation::SearchConversations,
            call(client.search_conversations("refund").send()),
        ),
        (
            "bulk_update",
            Operation::BulkUpdateConversations,
            call(client.bulk_update([1]).add_labels(["x"]).send()),
        ),
    ]
    .into_iter()
    .chain(contact_calls(client))
    .chain(html_404_calls::people::people_calls(client))
    .chain(conversation_actions(client))
    .chain(html_404_calls::admin_automation::calls(client))
    .chain(html_404_calls::reports::calls(client))
    .chain(html_404_calls::label_bot_reports::calls(client))
    .chain(html_404_calls::integrations::calls(client))
    .collect()
}

/// Every call of a [`ContactHandle`](ruut_sdk::ContactHandle), and merging.
fn contact_calls(client: &Client) -> Vec<(&'static str, Operation, Call<'_>)> {
    fn call<'a, T>(f: impl Future<Output = Result<T, Error>> + 'a) -> Call<'a> {
        Box::pin(async move { f.await.map(drop) })
    }
    vec![
        (
            "contact().update",
            Operation::UpdateContact,
            call(async move { client.contact(1).update().name("Ada").send().await }),
        ),
        (
            "contact().delete",
            Operation::DeleteContact,
            call(async move { client.contact(1).delete().await }),
        ),
        (
            "contact().conversations",
            Operation::ListContactConversations,
            call(async move { client.contact(1).conversations().await }),
        ),
        (
            "contact().contactable_inboxes",
            Operation::ListContactableInboxes,
            call(async move { client.contact(1).contactable_inboxes().await }),
        ),
        (
            "contact().add_inbox",
            Operation::CreateContactInbox,
            call(async move { client.contact(1).add_inbox(2).send().await }),
        ),
        (
            "contact().labels",
            Operation::ListContactLabels,
            call(async move { client.contact(1).labels().await }),
        ),
        (
            "contact().set_labels",
            Operation::SetContactLabels,
            call(async move { client.contact(1).set_labels(["vip"]).await }),
        ),
        (
            "contact().notes",
            Operation::ListContactNotes,
            call(async move { client.contact(1).notes().await }),
        ),
        (
            "contact().add_note",
            Operation::CreateContactNote,
            call(async move { client.contact(1).add_note("Hi").await }),
        ),
        (
            "contact().update_note",
            Operation::UpdateContactNote,
            call(async move { client.contact(1).update_note(1, "Hi").await }),
        ),
        (
            "contact().delete_note",
            Operation::DeleteContactNote,
            call(async move { client.contact(1).delete_note(1).await }),
        ),
        (
            "contact().remove_custom_attributes",
            Operation::RemoveContactCustomAttributes,
            call(async move { client.contact(1).remove_custom_attributes(["plan"]).await }),
        ),
        (
            "merge_contacts",
            Operation::MergeContacts,
            call(client.merge_contacts(1, 2)),
        ),
    ]
    .into_iter()
    .chain(html_404_calls::admin_inboxes::calls(client))
    .collect()
}

/// The conversation actions of issue 12, `unassign` and `update` (their
/// bodies sent as JSON through `call_json`) among them.
fn conversation_actions(client: &Client) -> Vec<(&'static str, Operation, Call<'_>)> {
    fn call<'a, T>(f: impl Future<Output = Result<T, Error>> + 'a) -> Call<'a> {
        Box::pin(async move { f.await.map(drop) })
    }
    let c = move || client.conversation(1);
    vec![
        (
            "unassign",
            Operation::AssignConversation,
            call(async move { c().unassign().await }),
        ),
        (
            "update",
            Operation::UpdateConversation,
            call(async move { c().update().priority(None).send().await }),
        ),
        (
            "delete",
            Operation::DeleteConversation,
            call(async move { c().delete().await }),
        ),
        (
            "labels",
            Operation::ListConversationLabels,
            call(async move { c().labels().await }),
        ),
        (
            "set_labels",
            Operation::SetConversationLabels,
            call(async move { c().set_labels(["vip"]).await }),
        ),
        (
            "set_custom_attributes",
            Operation::SetConversationCustomAttributes,
            call(async move { c().set_custom_attributes(serde_json::Map::new()).await }),
        ),
        (
            "typing_on",
            Operation::ToggleTypingStatus,
            call(async move { c().typing_on().send().await }),
        ),
        (
            "typing_off",
            Operation::ToggleTypingStatus,
            call(async move { c().typing_off().send().await }),
        ),
        (
            "mute",
            Operation::MuteConversation,
            call(async move { c().mute().await }),
        ),
        (
            "unmute",
            Operation::UnmuteConversation,
            call(async move { c().unmute().await }),
        ),
        (
            "mark_unread",
            Operation::MarkConversationUnread,
            call(async move { c().mark_unread().await }),
        ),
        (
            "mark_read",
            Operation::UpdateConversationLastSeen,
            call(async move { c().mark_read().await }),
        ),
        (
            "send_transcript",
            Operation::SendConversationTranscript,
            call(async move { c().send_transcript("a@example.com").await }),
        ),
        (
            "participants",
            Operation::ListConversationParticipants,
            call(async move { c().participants().await }),
        ),
        (
            "add_participants",
            Operation::AddConversationParticipants,
            call(async move { c().add_participants(&[2]).await }),
        ),
        (
            "set_participants",
            Operation::UpdateConversationParticipants,
            call(async move { c().set_participants(&[2]).await }),
        ),
        (
            "remove_participants",
            Operation::RemoveConversationParticipants,
            call(async move { c().remove_participants(&[2]).await }),
        ),
    ]
}

/// A conversation filter: the open conversations.
fn open() -> Filter<ConversationAttribute> {
    Filter::new(ConversationAttribute::Status.equal_to(["open"]))
}

/// Every call of the SDK (each listing by `send` and by `stream`, both status
/// routes) against a server that answers Rails' HTML 404 page to everything: an
/// error with `status() == Some(404)`, kind `RouteNotFound` and the call's
/// operation, for every one. Together the calls send every operation the SDK
/// wraps.
#[tokio::test]
async fn rails_html_404_keeps_its_status_on_every_call() {
    let base_url = rails_404_server().await;
    let client = client_of(&base_url, StatusRoute::Documented);
    let account_scoped = client_of(&base_url, StatusRoute::AccountScoped);

    let mut covered = BTreeSet::new();
    let mut wrong = Vec::new();
    let calls = every_call(&client, &account_scoped)
        .into_iter()
        .chain(html_404_calls::admin_config::calls(&client))
        .chain(html_404_calls::help_center::calls(&client));
    for (name, operation, call) in calls {
        covered.insert(operation);
        let Err(error) = call.await else {
            wrong.push(format!("{name}: succeeded"));
            continue;
        };
        let seen = (error.status(), error.kind(), error.operation());
        if seen != (Some(404), ErrorKind::RouteNotFound, Some(operation)) {
            wrong.push(format!("{name}: {seen:?}: {error}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "expected 404 RouteNotFound from:\n{}",
        wrong.join("\n")
    );

    let wrapped: BTreeSet<Operation> = Operation::ALL
        .iter()
        .copied()
        .filter(|operation| operation.sdk().is_some())
        .collect();
    let missing: Vec<_> = wrapped.difference(&covered).collect();
    assert!(missing.is_empty(), "no call above sends {missing:?}");
}
