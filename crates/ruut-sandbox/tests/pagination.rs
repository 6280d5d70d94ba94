//! Pagination and counts: conversations (25 a page, data.meta counts),
//! messages (before/after cursors), contacts (15 a page).

mod common;

use std::collections::HashSet;

use common::Api;
use serde_json::{Value, json};

fn ids(list: &Value) -> Vec<i64> {
    list.as_array().map_or_else(Vec::new, |a| {
        a.iter().filter_map(|x| x["id"].as_i64()).collect()
    })
}

#[tokio::test]
async fn conversations_page_by_25_with_counts_of_the_whole_set() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let first = api.get(&api.acct("/conversations?status=all")).await.json();
    let meta = first["data"]["meta"].clone();
    assert_eq!(meta["all_count"], info.conversation_count);
    let all = meta["all_count"].as_i64().unwrap_or_default();
    let unassigned = meta["unassigned_count"].as_i64().unwrap_or_default();
    assert_eq!(meta["assigned_count"].as_i64(), Some(all - unassigned));
    assert_eq!(ids(&first["data"]["payload"]).len(), 25);
    let second = api
        .get(&api.acct("/conversations?status=all&page=2"))
        .await
        .json();
    let rest = ids(&second["data"]["payload"]);
    assert_eq!(rest.len(), info.conversation_count - 25);
    let seen: HashSet<i64> = ids(&first["data"]["payload"])
        .into_iter()
        .chain(rest)
        .collect();
    assert_eq!(seen.len(), info.conversation_count);
    let third = api
        .get(&api.acct("/conversations?status=all&page=3"))
        .await
        .json();
    assert_eq!(ids(&third["data"]["payload"]).len(), 0);
    assert_eq!(
        third["data"]["meta"], meta,
        "counts describe the set, not the page"
    );

    // Counts come before the assignee filter; bot-assigned counts as unassigned.
    let mine = api
        .get(&api.acct("/conversations?status=all&assignee_type=me"))
        .await
        .json();
    assert_eq!(mine["data"]["meta"], meta);
    assert_eq!(
        ids(&mine["data"]["payload"]).len() as i64,
        meta["mine_count"].as_i64().unwrap_or(-1)
    );
    let unassigned_list = api
        .get(&api.acct("/conversations?status=all&assignee_type=unassigned"))
        .await
        .json();
    let unassigned_ids = ids(&unassigned_list["data"]["payload"]);
    assert!(unassigned_ids.contains(&info.bot_assigned_conversation_id) || unassigned > 25);
    let counts = api
        .get(&api.acct("/conversations/meta?status=all"))
        .await
        .json();
    assert_eq!(counts, json!({"meta": meta}));
}

#[tokio::test]
async fn status_filter_defaults_to_open_and_search_ignores_it() {
    let api = Api::start().await;
    let open = api.get(&api.acct("/conversations")).await.json();
    let payload = open["data"]["payload"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(!payload.is_empty());
    assert!(payload.iter().all(|c| c["status"] == "open"));
    let snoozed = api
        .get(&api.acct("/conversations?status=snoozed"))
        .await
        .json();
    assert!(
        snoozed["data"]["payload"]
            .as_array()
            .is_some_and(|a| a.iter().all(|c| c["status"] == "snoozed"))
    );
    let search = api
        .get(&api.acct("/conversations?q=%231&status=resolved"))
        .await
        .json();
    let statuses: HashSet<String> =
        search["data"]["payload"]
            .as_array()
            .map_or_else(HashSet::new, |a| {
                a.iter()
                    .filter_map(|c| c["status"].as_str().map(str::to_owned))
                    .collect()
            });
    assert!(statuses.len() > 1, "q ignores status: {statuses:?}");
}

#[tokio::test]
async fn messages_walk_back_with_before_and_forward_with_after() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let base = api.acct(&format!(
        "/conversations/{}/messages",
        info.long_conversation_id
    ));
    let latest = api.get(&base).await.json();
    let page = ids(&latest["payload"]);
    assert_eq!(page.len(), 20);
    assert!(
        page.windows(2).all(|w| w[0] < w[1]),
        "oldest first within a page"
    );
    assert!(latest["meta"]["contact"]["id"].is_i64());
    let mut all: Vec<i64> = page.clone();
    let mut before = page[0];
    loop {
        let older = ids(&api.get(&format!("{base}?before={before}")).await.json()["payload"]);
        if older.is_empty() {
            break;
        }
        assert!(older.len() <= 20);
        before = older[0];
        all.splice(0..0, older);
    }
    assert_eq!(all.len(), info.long_conversation_message_count);
    let after = ids(&api.get(&format!("{base}?after={}", all[0])).await.json()["payload"]);
    assert_eq!(after, all[1..].to_vec());
    let between = ids(&api
        .get(&format!("{base}?after={}&before={}", all[0], all[5]))
        .await
        .json()["payload"]);
    assert_eq!(between, all[1..5].to_vec());
}

#[tokio::test]
async fn contacts_page_by_15_and_search_says_has_more() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let first = api.get(&api.acct("/contacts")).await.json();
    assert_eq!(first["meta"]["count"], info.resolved_contact_count);
    assert_eq!(first["meta"]["current_page"], 1);
    assert_eq!(ids(&first["payload"]).len(), 15);
    let second = api.get(&api.acct("/contacts?page=2")).await.json();
    assert_eq!(second["meta"]["current_page"], "2");
    assert_eq!(
        ids(&second["payload"]).len(),
        info.resolved_contact_count - 15
    );
    let search = api
        .get(&api.acct("/contacts/search?q=example.com"))
        .await
        .json();
    assert_eq!(search["meta"]["count"], 15);
    assert_eq!(search["meta"]["has_more"], true);
    let empty = api.get(&api.acct("/contacts/search")).await.json();
    assert!(empty["meta"]["count"].is_null());
}

#[tokio::test]
async fn contacts_are_created_once_per_email() {
    let api = Api::start().await;
    let info = api.sb.seed_info().clone();
    let answer = api
        .post(
            &api.acct("/contacts"),
            json!({"name": "New", "email": "new@example.com", "inbox_id": info.api_inbox_id}),
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let body = answer.json();
    let id = body["payload"]["contact"]["id"]
        .as_i64()
        .unwrap_or_default();
    assert_eq!(
        body["payload"]["contact_inbox"]["inbox"]["id"],
        info.api_inbox_id
    );
    let shown = api.get(&api.acct(&format!("/contacts/{id}"))).await.json();
    assert_eq!(shown["payload"]["email"], "new@example.com");
    let dup = api
        .post(
            &api.acct("/contacts"),
            json!({"email": info.taken_email.to_uppercase()}),
        )
        .await;
    assert_eq!(dup.status, 422);
    assert_eq!(
        dup.json(),
        json!({"message": "Email has already been taken", "attributes": ["email"]})
    );

    // And a conversation for the new contact shows up first in the list.
    let created = api
        .post(&api.acct("/conversations"), json!({"inbox_id": info.api_inbox_id, "contact_id": id, "message": {"content": "Hello"}}))
        .await;
    assert_eq!(created.status, 200, "{}", created.text);
    let conversation = created.json();
    assert_eq!(conversation["status"], "open");
    assert_eq!(conversation["messages"][0]["content"], "Hello");
    let list = api.get(&api.acct("/conversations")).await.json();
    assert_eq!(list["data"]["payload"][0]["id"], conversation["id"]);
}
