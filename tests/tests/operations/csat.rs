//! CSAT survey responses and their totals, checked against the second
//! account's resolved conversations and their survey messages.

use std::sync::Arc;

use ruut_api::enums::MessageContentType;
use ruut_api::types::ListCsatSurveyResponsesSort as Sort;

use crate::Operation;
use crate::report_data::conversations;
use crate::table::{Entry, World, call, job, provoke, sdk};

/// The 401 an agent gets.
const NOT_ALLOWED: &str = "You are not authorized to do this action";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListCsatSurveyResponses, |w| job(list(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .csat_responses()
                .rating(5)
                .send()))
            .call(call!(|api, ids| api
                .list_csat_survey_responses()
                .account_id(ids.account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w
                    .api
                    .list_csat_survey_responses()
                    .account_id(w.seed.account_id)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "a since that is not Unix seconds",
                provoke!(|w| w
                    .api
                    .list_csat_survey_responses()
                    .account_id(w.seed.second_account_id)
                    .since("monday")
                    .until("1764604800")),
            ),
        Entry::new(Operation::GetCsatMetrics, |w| job(metrics(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .csat_responses()
                .metrics()))
            .call(call!(|api, ids| api
                .get_csat_metrics()
                .account_id(ids.account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w.api.get_csat_metrics().account_id(w.seed.account_id)),
            )
            .saying(NOT_ALLOWED)
            .refuses(
                422,
                "an until that is not Unix seconds",
                provoke!(|w| w
                    .api
                    .get_csat_metrics()
                    .account_id(w.seed.second_account_id)
                    .since("1764000000")
                    .until("friday")),
            ),
    ]
}

/// One response per resolved conversation; the rating filter and the
/// newest-first order hold.
async fn list(w: Arc<World>) {
    let all = conversations(&w).await;
    let mut resolved: Vec<i64> = all
        .iter()
        .filter(|c| c.status.as_str() == "resolved")
        .map(|c| c.id)
        .collect();
    assert!(!resolved.is_empty(), "the seed resolves some");
    let account = w.seed.second_account_id;
    let listed = w.api.list_csat_survey_responses().account_id(account);
    let listed = listed.send().await.expect("listed").into_inner();
    let mut rated: Vec<i64> = listed.iter().map(|r| r.conversation_id).collect();
    rated.sort_unstable();
    resolved.sort_unstable();
    assert_eq!(rated, resolved, "one answer per resolved conversation");
    assert!(
        listed.iter().all(|r| r.contact.is_some()),
        "with the contact"
    );
    let rating = listed[0].rating;
    let request = w.api.list_csat_survey_responses().account_id(account);
    let same = request.rating(rating).send().await.expect("filtered");
    assert!(!same.is_empty() && same.iter().all(|r| r.rating == rating));
    let request = w.api.list_csat_survey_responses().account_id(account);
    let newest = request
        .sort(Sort::XcreatedXat)
        .send()
        .await
        .expect("sorted");
    let times: Vec<i64> = newest.iter().map(|r| r.created_at).collect();
    assert!(times.is_sorted_by(|a, b| a >= b), "newest first: {times:?}");
}

/// The totals match the listing, and the surveys sent are the survey
/// messages of the conversations.
async fn metrics(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let listed = w.api.list_csat_survey_responses().account_id(account);
    let listed = listed.send().await.expect("listed").into_inner();
    let totals = w.api.get_csat_metrics().account_id(account);
    let totals = totals.send().await.expect("metrics").into_inner();
    assert_eq!(totals.total_count as usize, listed.len());
    let by_rating: i64 = totals.ratings_count.values().sum();
    assert_eq!(by_rating, totals.total_count, "{totals:?}");
    let mut surveys = 0;
    for c in conversations(&w).await {
        let request = w
            .api
            .list_messages()
            .account_id(account)
            .conversation_id(c.id);
        let messages = request.send().await.expect("messages").into_inner().payload;
        surveys += messages
            .iter()
            .filter(|m| m.content_type == Some(MessageContentType::InputCsat))
            .count();
    }
    assert_eq!(totals.total_sent_messages_count as usize, surveys);
}
