//! What the report checks compare against: the second account's
//! conversations as the conversation routes list them (the user is an
//! administrator there), and a range holding all of them.

use std::sync::Arc;

use ruut_api::types::{AssigneeTypeFilter, Conversation, ConversationStatusFilter};

use crate::table::{Refused, World};

/// Every conversation of the second account, all statuses and assignees.
pub async fn conversations(w: &World) -> Vec<Conversation> {
    let mut all = Vec::new();
    for page in 1.. {
        let request = w
            .api
            .list_conversations()
            .account_id(w.seed.second_account_id);
        let list = request
            .status(ConversationStatusFilter::All)
            .assignee_type(AssigneeTypeFilter::All)
            .page(page)
            .send()
            .await
            .expect("listed")
            .into_inner();
        let got = list.data.payload.len();
        all.extend(list.data.payload);
        if got < 25 {
            return all;
        }
    }
    all
}

/// `(since, until)` as the reports take them: from the start of the day of
/// the earliest conversation to a day after the last.
pub fn range(conversations: &[Conversation]) -> (String, String) {
    let first = conversations
        .iter()
        .map(|c| c.created_at)
        .min()
        .expect("some");
    let last = conversations
        .iter()
        .map(|c| c.created_at)
        .max()
        .expect("some");
    let since = first - first.rem_euclid(86_400);
    (since.to_string(), (last + 86_400).to_string())
}

/// The time from creation to the first public reply, of each replied conversation.
pub fn first_responses(conversations: &[Conversation]) -> Vec<f64> {
    conversations
        .iter()
        .filter_map(|c| {
            c.first_reply_created_at
                .map(|at| (at - c.created_at) as f64)
        })
        .collect()
}

/// A raw GET of a path of the second account (`v1/…` or `v2/…`) with
/// `query`: the status and the body (an empty body is an empty `ErrorBody`).
pub async fn raw(w: Arc<World>, path: &str, query: &str) -> (Refused, String) {
    let url = format!(
        "{}/api/{}?{query}",
        w.sandbox.base_url(),
        path.replace("{account}", &w.seed.second_account_id.to_string())
    );
    let answer = reqwest::Client::new()
        .get(url)
        .header("api_access_token", w.sandbox.user_token())
        .send()
        .await
        .expect("sent");
    let status = answer.status().as_u16();
    let text = answer.text().await.expect("a body");
    let body = serde_json::from_str(&text).unwrap_or_default();
    (Refused { status, body }, text)
}
