//! The account's labels: listing (agents may), reading, creating, changing
//! and deleting (administrators only, after the label is looked up).

use std::sync::Arc;

use ruut_api::types::{Label, LabelCreate, LabelUpdate};

use crate::Operation;
use crate::table::{Entry, World, call, job, provoke, refused, sdk};

const NOT_AUTHORIZED: &str = "You are not authorized to do this action";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListLabels, |w| job(list(w)))
            .sdk(sdk!(|client, _ids| client.list_labels()))
            .call(call!(|api, ids| api.list_labels().account_id(ids.account))),
        Entry::new(Operation::GetLabel, |w| job(show(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .get_label(ids.admin_label)))
            .call(call!(|api, ids| api
                .get_label()
                .account_id(ids.account)
                .label_id(ids.label)))
            .refuses(
                401,
                "an agent (not an administrator), for a label that exists",
                provoke!(|w| w
                    .api
                    .get_label()
                    .account_id(w.seed.account_id)
                    .label_id(w.seed.label_id)),
            )
            .saying(NOT_AUTHORIZED),
        Entry::new(Operation::CreateLabel, |w| job(create(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .create_label("from-sdk")
                .color("#000000")
                .send()))
            .call(call!(|api, ids| api
                .create_label()
                .account_id(ids.account)
                .body(new("table"))))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .create_label()
                    .account_id(w.seed.account_id)
                    .body(new("fresh"))),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "a title with a space",
                provoke!(|w| w
                    .api
                    .create_label()
                    .account_id(w.seed.second_account_id)
                    .body(new("two words"))),
            )
            .saying("Title is invalid")
            .refuses(
                422,
                "a title the account has, in other case",
                provoke!(|w| w
                    .api
                    .create_label()
                    .account_id(w.seed.second_account_id)
                    .body(new("LEAD"))),
            )
            .saying("Title has already been taken"),
        Entry::new(Operation::UpdateLabel, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .label(ids.admin_label)
                .update()
                .show_on_sidebar(false)
                .send()))
            .call(call!(|api, ids| api
                .update_label()
                .account_id(ids.account)
                .label_id(ids.label)
                .body(LabelUpdate::default())))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .update_label()
                    .account_id(w.seed.account_id)
                    .label_id(w.seed.label_id)
                    .body(LabelUpdate {
                        color: Some("#000000".to_owned()),
                        ..LabelUpdate::default()
                    })),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "a title of one letter",
                provoke!(|w| w
                    .api
                    .update_label()
                    .account_id(w.seed.second_account_id)
                    .label_id(w.seed.second_account_label_id)
                    .body(LabelUpdate {
                        title: Some("x".to_owned()),
                        ..LabelUpdate::default()
                    })),
            )
            .saying("Title is invalid"),
        Entry::new(Operation::DeleteLabel, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .label(ids.admin_label)
                .delete()))
            .call(call!(|api, ids| api
                .delete_label()
                .account_id(ids.account)
                .label_id(ids.label)))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .delete_label()
                    .account_id(w.seed.account_id)
                    .label_id(w.seed.label_id)),
            )
            .saying(NOT_AUTHORIZED),
    ]
}

fn new(title: &str) -> LabelCreate {
    LabelCreate {
        title: title.to_owned(),
        color: None,
        description: None,
        show_on_sidebar: None,
    }
}

async fn labels(w: &World, account: i64) -> Vec<Label> {
    let request = w.api.list_labels().account_id(account);
    request.send().await.expect("listed").into_inner().payload
}

fn titles(list: &[Label]) -> Vec<&str> {
    list.iter().map(|l| l.title.as_str()).collect()
}

async fn list(w: Arc<World>) {
    let main = labels(&w, w.seed.account_id).await;
    assert_eq!(
        titles(&main),
        ["billing", "bug", "feedback", "sales", "vip"]
    );
    assert_eq!(
        titles(&labels(&w, w.seed.second_account_id).await),
        ["lead"]
    );
}

async fn show(w: Arc<World>) {
    let request = w
        .api
        .get_label()
        .account_id(w.seed.second_account_id)
        .label_id(w.seed.second_account_label_id);
    let label = request.send().await.expect("read").into_inner();
    assert_eq!(label.id, w.seed.second_account_label_id);
    assert_eq!(label.title, "lead");
}

async fn create(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let request = w
        .api
        .create_label()
        .account_id(account)
        .body(new("Priority-EU"));
    let label = request.send().await.expect("created").into_inner();
    assert_eq!(label.title, "priority-eu", "lower-cased");
    assert_eq!(label.color, "#1f93ff", "the default color");
    assert_eq!(label.show_on_sidebar, None);
    assert_eq!(
        titles(&labels(&w, account).await),
        ["lead", "priority-eu"],
        "listed by title"
    );
}

async fn update(w: Arc<World>) {
    let (account, conversation) = (
        w.seed.second_account_id,
        w.seed.second_account_conversation_id,
    );
    let tagged = w
        .api
        .set_conversation_labels()
        .account_id(account)
        .conversation_id(conversation)
        .body_map(|b| b.labels(vec!["lead".to_owned(), "vip".to_owned()]));
    tagged.send().await.expect("tagged");
    let request = w
        .api
        .update_label()
        .account_id(account)
        .label_id(w.seed.second_account_label_id)
        .body(LabelUpdate {
            title: Some("Hot-Lead".to_owned()),
            description: Some("Ready to buy".to_owned()),
            ..LabelUpdate::default()
        });
    let label = request.send().await.expect("changed").into_inner();
    assert_eq!(label.title, "hot-lead");
    assert_eq!(label.description.as_deref(), Some("Ready to buy"));
    assert_eq!(label.color, "#44ce4b", "kept");
    let on_conversation = w
        .api
        .list_conversation_labels()
        .account_id(account)
        .conversation_id(conversation);
    let carried = on_conversation
        .send()
        .await
        .expect("read")
        .into_inner()
        .payload;
    assert!(
        carried.contains(&"hot-lead".to_owned()),
        "renamed: {carried:?}"
    );
    assert!(
        !carried.contains(&"lead".to_owned()),
        "renamed: {carried:?}"
    );
}

async fn delete(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let id = w.seed.second_account_label_id;
    let request = || w.api.delete_label().account_id(account).label_id(id);
    request().send().await.expect("deleted");
    assert!(labels(&w, account).await.is_empty(), "gone");
    assert_eq!(refused(request().send().await).status, 404, "only once");
}
