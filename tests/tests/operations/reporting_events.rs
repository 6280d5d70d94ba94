//! Reporting events and the inbox-label matrix, checked against the second
//! account's conversations (the user is an administrator there, an agent in
//! the main account) and against the reports computed from the same events.

use std::collections::BTreeMap;
use std::sync::Arc;

use ruut_api::types::{Conversation, ReportType, ReportingEvent};
use ruut_sdk::ReportRange;

use crate::Operation;
use crate::report_data::{conversations, first_responses, range};
use crate::table::{Entry, World, call, from_json, job, provoke, sdk};

/// The 401 an agent gets (Pundit's).
const NOT_ALLOWED: &str = "You are not authorized to do this action";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::GetAccountReportingEvents, |w| job(account(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .events()
                .name("first_response")
                .send()))
            .call(call!(|api, ids| api
                .get_account_reporting_events()
                .account_id(ids.account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .get_account_reporting_events()
                    .account_id(w.seed.account_id)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "a since that is not Unix seconds",
                provoke!(|w| w
                    .api
                    .get_account_reporting_events()
                    .account_id(w.seed.second_account_id)
                    .since("monday")
                    .until("1764604800")),
            ),
        Entry::new(Operation::GetConversationReportingEvents, |w| {
            job(conversation(w))
        })
        .sdk(sdk!(|client, ids| client
            .conversation(ids.conversation)
            .reporting_events()))
        .call(call!(|api, ids| api
            .get_conversation_reporting_events()
            .account_id(ids.account)
            .conversation_id(ids.conversation))),
        Entry::new(Operation::GetInboxLabelMatrix, |w| job(matrix(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .reports()
                .inbox_label_matrix(ReportRange::new(0, 4_000_000_000))
                .send()))
            .call(call!(|api, ids| api
                .get_inbox_label_matrix()
                .account_id(ids.account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w.api.get_inbox_label_matrix().account_id(w.seed.account_id)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "an until that is not Unix seconds",
                provoke!(|w| w
                    .api
                    .get_inbox_label_matrix()
                    .account_id(w.seed.second_account_id)
                    .label_ids(vec![1])
                    .since("1764000000")
                    .until("soon")),
            ),
    ]
}

/// Every event of the second account, page after page, checking the pages.
async fn all_events(w: &World) -> Vec<ReportingEvent> {
    let account = w.seed.second_account_id;
    let mut events = Vec::new();
    for page in 1.. {
        let request = w.api.get_account_reporting_events().account_id(account);
        let list = request
            .page(page)
            .send()
            .await
            .expect("listed")
            .into_inner();
        assert_eq!(list.meta.current_page, page);
        assert!(list.payload.len() <= 25);
        events.extend(list.payload);
        if page >= list.meta.total_pages {
            assert_eq!(list.meta.count as usize, events.len(), "every page");
            return events;
        }
    }
    events
}

/// The events add up with the conversations and with the reports v2
/// summary: one first response per replied conversation with the same
/// times, one resolution per resolved conversation; newest first; the
/// filters hold.
async fn account(w: Arc<World>) {
    let all = conversations(&w).await;
    let events = all_events(&w).await;
    let times: Vec<_> = events.iter().map(|e| e.created_at).collect();
    assert!(times.is_sorted_by(|a, b| a >= b), "newest first: {times:?}");
    let named =
        |name: &str| -> Vec<&ReportingEvent> { events.iter().filter(|e| e.name == name).collect() };
    let mut firsts: Vec<f64> = named("first_response").iter().map(|e| e.value).collect();
    let mut expected = first_responses(&all);
    firsts.sort_by(f64::total_cmp);
    expected.sort_by(f64::total_cmp);
    assert!(!expected.is_empty(), "the seed replies to some");
    assert_eq!(firsts, expected, "first responses");
    let resolved = all
        .iter()
        .filter(|c| c.status.as_str() == "resolved")
        .count();
    assert_eq!(named("conversation_resolved").len(), resolved);

    // The summary report counts and averages the same events.
    let (since, until) = range(&all);
    let summary = w
        .api
        .get_report_summary()
        .account_id(w.seed.second_account_id)
        .type_(ReportType::Account)
        .since(since.clone())
        .until(until.clone())
        .send()
        .await
        .expect("summary");
    assert_eq!(
        summary.resolutions_count as usize,
        named("conversation_resolved").len()
    );
    let average = firsts.iter().sum::<f64>() / firsts.len() as f64;
    assert_eq!(summary.avg_first_response_time, Some(average));

    // Filters: by name, by agent, and a range holding none.
    let request = w
        .api
        .get_account_reporting_events()
        .account_id(w.seed.second_account_id);
    let only = request.name("conversation_resolved").send().await;
    let only = only.expect("by name").into_inner();
    assert_eq!(only.meta.count as usize, resolved);
    assert!(
        only.payload
            .iter()
            .all(|e| e.name == "conversation_resolved")
    );
    let credited = named("first_response")[0].user_id.expect("a replier");
    let request = w
        .api
        .get_account_reporting_events()
        .account_id(w.seed.second_account_id);
    let by_agent = request.user_id(credited).send().await.expect("by agent");
    let mine = events
        .iter()
        .filter(|e| e.user_id == Some(credited))
        .count();
    assert_eq!(by_agent.meta.count as usize, mine);
    let request = w
        .api
        .get_account_reporting_events()
        .account_id(w.seed.second_account_id);
    let none = request.since("0").until("1").send().await.expect("empty");
    assert_eq!((none.meta.count, none.meta.total_pages), (0, 0));
    assert!(none.payload.is_empty());
}

/// A new conversation's events follow its activity: a reply is its first
/// response, a resolution adds `conversation_resolved`, oldest first, with
/// the same rows the account listing has.
async fn conversation(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let all = conversations(&w).await;
    let body = serde_json::json!({"inbox_id": all[0].inbox_id, "contact_id": w.seed.second_account_contact_id});
    let created = w
        .api
        .create_conversation()
        .account_id(account)
        .body(from_json::<ruut_api::types::NewConversation>(body))
        .send()
        .await
        .expect("created");
    let id = created.id;
    let events = || {
        w.api
            .get_conversation_reporting_events()
            .account_id(account)
            .conversation_id(id)
            .send()
    };
    assert!(events().await.expect("none yet").is_empty());
    let reply = from_json::<ruut_api::types::NewMessage>(serde_json::json!({"content": "On it"}));
    let request = w.api.create_message().account_id(account);
    let request = request.conversation_id(id).body(reply);
    request.send().await.expect("replied");
    let resolve = from_json::<ruut_api::types::ToggleStatusRequest>(
        serde_json::json!({"status": "resolved"}),
    );
    let request = w.api.toggle_conversation_status().account_id(account);
    let request = request.conversation_id(id).body(resolve);
    request.send().await.expect("resolved");
    let read: Conversation = w
        .api
        .get_conversation()
        .account_id(account)
        .conversation_id(id)
        .send()
        .await
        .expect("read back")
        .into_inner();
    let got = events().await.expect("events").into_inner();
    let names: Vec<&str> = got.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["first_response", "conversation_resolved"]);
    let first = read.first_reply_created_at.expect("a first reply") - read.created_at;
    assert_eq!(got[0].value, first as f64);
    assert!(got.iter().all(|e| e.conversation_id == Some(id)));
    assert!(got.iter().all(|e| e.inbox_id == Some(read.inbox_id)));
    let listed = all_events(&w).await;
    let mut theirs: Vec<i64> = listed
        .iter()
        .filter(|e| e.conversation_id == Some(id))
        .map(|e| e.id)
        .collect();
    theirs.reverse();
    let ids: Vec<i64> = got.iter().map(|e| e.id).collect();
    assert_eq!(ids, theirs, "the same rows, in the other order");
}

/// The counts are the conversations' labels by inbox; a label put on a
/// conversation adds one to its cell; the id filters keep rows and columns.
async fn matrix(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let fetch = |labels: Vec<i64>| {
        w.api
            .get_inbox_label_matrix()
            .account_id(account)
            .label_ids(labels)
            .send()
    };
    let before = fetch(vec![]).await.expect("matrix").into_inner();
    assert!(!before.labels.is_empty() && !before.inboxes.is_empty());
    let names: Vec<&str> = before.inboxes.iter().map(|i| i.name.as_str()).collect();
    assert!(names.is_sorted(), "inboxes by name: {names:?}");
    let all = conversations(&w).await;
    let counted = expected(&all, &before);
    assert_eq!(before.matrix, counted, "from the conversations");

    let label = &before.labels[0];
    let target = all
        .iter()
        .find(|c| !c.labels.contains(&label.title))
        .expect("an unlabelled conversation");
    let request = w.api.set_conversation_labels().account_id(account);
    let request = request.conversation_id(target.id);
    let mut labels = target.labels.clone();
    labels.push(label.title.clone());
    request
        .body_map(|b| b.labels(labels))
        .send()
        .await
        .expect("labelled");
    let after = fetch(vec![label.id]).await.expect("filtered").into_inner();
    assert_eq!(after.labels.len(), 1, "one column");
    let row = before
        .inboxes
        .iter()
        .position(|i| i.id == target.inbox_id)
        .expect("its inbox");
    assert_eq!(after.matrix[row][0], before.matrix[row][0] + 1);
}

/// `matrix[i][j]` from the conversations themselves.
fn expected(all: &[Conversation], m: &ruut_api::types::InboxLabelMatrix) -> Vec<Vec<i64>> {
    let mut counts: BTreeMap<(i64, &str), i64> = BTreeMap::new();
    for c in all {
        for label in &c.labels {
            *counts.entry((c.inbox_id, label.as_str())).or_default() += 1;
        }
    }
    m.inboxes
        .iter()
        .map(|i| {
            m.labels
                .iter()
                .map(|l| counts.get(&(i.id, l.title.as_str())).copied().unwrap_or(0))
                .collect()
        })
        .collect()
}
