//! Canned responses: listing (and searching), creating, changing, deleting.

use std::sync::Arc;

use ruut_api::types::{CannedResponse, CannedResponseCreate, CannedResponseUpdate};

use crate::Operation;
use crate::table::{Entry, How, Refused, World, call, job, message, provoke, refused, sdk};

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListCannedResponses, |w| job(list(w)))
            .sdk(sdk!(|client, _ids| client.list_canned_responses()))
            .call(call!(|api, ids| api
                .list_canned_responses()
                .account_id(ids.account))),
        Entry::new(Operation::CreateCannedResponse, |w| job(create(w)))
            .sdk(sdk!(
                |client, _ids| client.create_canned_response("sdk-reply", "Sent by the SDK")
            ))
            .call(call!(|api, ids| api
                .create_canned_response()
                .account_id(ids.account)
                .body(new("table-reply", "From the table"))))
            .refuses(
                422,
                "blank content",
                provoke!(|w| w
                    .api
                    .create_canned_response()
                    .account_id(w.seed.account_id)
                    .body(new("blank", " "))),
            )
            .saying("Content can't be blank")
            .refuses(
                422,
                "a short code the account has",
                provoke!(|w| w
                    .api
                    .create_canned_response()
                    .account_id(w.seed.account_id)
                    .body(new("refund", "Again"))),
            )
            .saying("Short code has already been taken")
            .rejects("neither field", "{}")
            .saying("param is missing or the value is empty: canned_response"),
        Entry::new(Operation::UpdateCannedResponse, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .canned_response(ids.canned_response)
                .update()
                .content("Changed by the SDK")
                .send()))
            .call(call!(|api, ids| api
                .update_canned_response()
                .account_id(ids.account)
                .canned_response_id(ids.canned_response)
                .body(change(None, Some("Changed")))))
            .refuses(
                422,
                "a short code another canned response has",
                How::Provoke(|w| job(taken_on_update(w))),
            )
            .saying("Short code has already been taken")
            .rejects("nothing to change", r#"{"unknown": 1}"#),
        Entry::new(Operation::DeleteCannedResponse, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .canned_response(ids.canned_response)
                .delete()))
            .call(call!(|api, ids| api
                .delete_canned_response()
                .account_id(ids.account)
                .canned_response_id(ids.canned_response))),
    ]
}

fn new(short_code: &str, content: &str) -> CannedResponseCreate {
    CannedResponseCreate {
        short_code: short_code.to_owned(),
        content: content.to_owned(),
    }
}

fn change(short_code: Option<&str>, content: Option<&str>) -> CannedResponseUpdate {
    CannedResponseUpdate {
        short_code: short_code.map(str::to_owned),
        content: content.map(str::to_owned),
    }
}

async fn all(w: &World, search: Option<&str>) -> Vec<CannedResponse> {
    let mut request = w.api.list_canned_responses().account_id(w.seed.account_id);
    if let Some(search) = search {
        request = request.search(search);
    }
    request.send().await.expect("listed").into_inner()
}

fn codes(list: &[CannedResponse]) -> Vec<&str> {
    list.iter().map(|c| c.short_code.as_str()).collect()
}

async fn list(w: Arc<World>) {
    let every = all(&w, None).await;
    assert_eq!(
        codes(&every),
        ["refund", "greeting"],
        "the main account's only"
    );
    assert!(
        every
            .iter()
            .all(|c| c.account_id == Some(w.seed.account_id))
    );
    // Short codes first, then content, without case.
    let created = w
        .api
        .create_canned_response()
        .account_id(w.seed.account_id)
        .body(new("thanks", "Glad the REFUND arrived"));
    created.send().await.expect("created");
    assert_eq!(codes(&all(&w, Some("REF")).await), ["refund", "thanks"]);
    assert_eq!(codes(&all(&w, Some("help")).await), ["greeting"]);
    assert_eq!(codes(&all(&w, Some("r_fund")).await), ["refund", "thanks"]);
    assert!(all(&w, Some("nothing like it")).await.is_empty());
}

async fn create(w: Arc<World>) {
    let request = w
        .api
        .create_canned_response()
        .account_id(w.seed.account_id)
        .body(new("shipping", "It ships tomorrow."));
    let created = request.send().await.expect("created").into_inner();
    assert_eq!(created.short_code, "shipping");
    assert_eq!(created.content, "It ships tomorrow.");
    assert!(created.created_at.is_some(), "an ISO time: {created:?}");
    let listed = all(&w, None).await;
    assert!(listed.iter().any(|c| c.id == created.id), "listed after");
}

async fn update(w: Arc<World>) {
    let id = w.seed.canned_response_id;
    let request = w
        .api
        .update_canned_response()
        .account_id(w.seed.account_id)
        .canned_response_id(id)
        .body(change(None, Some("Your refund was sent today.")));
    let changed = request.send().await.expect("changed").into_inner();
    assert_eq!(changed.short_code, "refund", "kept");
    assert_eq!(changed.content, "Your refund was sent today.");
    let read = all(&w, None).await;
    let stored = read.iter().find(|c| c.id == id).expect("still listed");
    assert_eq!(stored.content, "Your refund was sent today.");
}

async fn taken_on_update(w: Arc<World>) -> Refused {
    let request = w
        .api
        .update_canned_response()
        .account_id(w.seed.account_id)
        .canned_response_id(w.seed.canned_response_id)
        .body(change(Some("greeting"), None));
    let answer = refused(request.send().await);
    assert_eq!(
        answer.body.attributes,
        ["short_code"],
        "{}",
        message(&answer.body)
    );
    answer
}

async fn delete(w: Arc<World>) {
    let id = w.seed.canned_response_id;
    let request = || {
        w.api
            .delete_canned_response()
            .account_id(w.seed.account_id)
            .canned_response_id(id)
    };
    request().send().await.expect("deleted");
    assert!(all(&w, None).await.iter().all(|c| c.id != id), "gone");
    assert_eq!(refused(request().send().await).status, 404, "only once");
}
