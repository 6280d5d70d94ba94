//! A portal's categories beyond their creation: listed by any member (by
//! position, by locale, a page at a time), read, changed and deleted by
//! administrators.

use std::sync::Arc;

use ruut_api::types::{Category, CategoryCreate, CategoryUpdate, IntegerOrString};

use crate::Operation;
use crate::table::{Entry, World, call, job, provoke, refused, sdk};

const NOT_AUTHORIZED: &str = "You are not authorized to do this action";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListCategories, |w| job(list(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .portal(ids.portal)
                .categories()
                .list()
                .locale("en")
                .send()))
            .call(call!(|api, ids| api
                .list_categories()
                .account_id(ids.admin_account)
                .portal_id(ids.portal)))
            .rejects("a page that is not an integer", "?page=two"),
        Entry::new(Operation::GetCategory, |w| job(show(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .get_category(ids.portal, ids.category)))
            .call(call!(|api, ids| api
                .get_category()
                .account_id(ids.admin_account)
                .portal_id(ids.portal)
                .category_id(ids.category)))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .get_category()
                    .account_id(w.seed.account_id)
                    .portal_id(&w.seed.portal_slug)
                    .category_id(w.seed.admin_category_id)),
            )
            .saying(NOT_AUTHORIZED),
        Entry::new(Operation::UpdateCategory, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .portal(ids.portal)
                .category(ids.category)
                .update()
                .description("From the SDK")
                .send()))
            .call(call!(|api, ids| api
                .update_category()
                .account_id(ids.admin_account)
                .portal_id(ids.portal)
                .category_id(ids.category)
                .body(CategoryUpdate {
                    position: Some(3),
                    ..CategoryUpdate::default()
                })))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .update_category()
                    .account_id(w.seed.account_id)
                    .portal_id(&w.seed.portal_slug)
                    .category_id(w.seed.admin_category_id)
                    .body(CategoryUpdate::default())),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "a locale the portal does not allow",
                provoke!(|w| w
                    .api
                    .update_category()
                    .account_id(w.seed.second_account_id)
                    .portal_id(&w.seed.admin_portal_slug)
                    .category_id(w.seed.admin_category_id)
                    .body(CategoryUpdate {
                        locale: Some("fr".to_owned()),
                        ..CategoryUpdate::default()
                    })),
            )
            .saying("Locale fr of category is not part of portal's [\"en\"].")
            .refuses(
                422,
                "no category field",
                provoke!(|w| w
                    .api
                    .update_category()
                    .account_id(w.seed.second_account_id)
                    .portal_id(&w.seed.admin_portal_slug)
                    .category_id(w.seed.admin_category_id)
                    .body(CategoryUpdate::default())),
            )
            .saying("param is missing or the value is empty: category"),
        Entry::new(Operation::DeleteCategory, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .portal(ids.portal)
                .category(ids.category)
                .delete()))
            .call(call!(|api, ids| api
                .delete_category()
                .account_id(ids.admin_account)
                .portal_id(ids.portal)
                .category_id(ids.category)))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .delete_category()
                    .account_id(w.seed.account_id)
                    .portal_id(&w.seed.portal_slug)
                    .category_id(w.seed.admin_category_id)),
            )
            .saying(NOT_AUTHORIZED),
    ]
}

/// Creates a category of the administered portal.
async fn add(w: &World, slug: &str, position: Option<i64>) -> Category {
    let request = w.api.create_category().account_id(w.seed.second_account_id);
    let request = request.portal_id(&w.seed.admin_portal_slug);
    let body = CategoryCreate {
        name: format!("Category {slug}"),
        slug: slug.to_owned(),
        locale: None,
        associated_category_id: None,
        description: None,
        icon: None,
        parent_category_id: None,
        position,
    };
    let created = request.body(body).send().await.expect("created");
    created.into_inner().payload
}

async fn get(w: &World, id: i64) -> Category {
    let request = w.api.get_category().account_id(w.seed.second_account_id);
    let request = request.portal_id(&w.seed.admin_portal_slug).category_id(id);
    request.send().await.expect("read").into_inner().payload
}

async fn list(w: Arc<World>) {
    let faq = add(&w, "faq", Some(0)).await;
    let loose = add(&w, "loose", None).await;
    let listing = || {
        (w.api.list_categories())
            .account_id(w.seed.second_account_id)
            .portal_id(&w.seed.admin_portal_slug)
    };
    let listed = listing().send().await.expect("listed").into_inner();
    let ids: Vec<i64> = listed.payload.iter().map(|c| c.id).collect();
    let seeded = w.seed.admin_category_id;
    assert_eq!(ids, [faq.id, seeded, loose.id], "by position, none last");
    assert_eq!(listed.meta.categories_count, 3);
    assert_eq!(listed.meta.current_page, IntegerOrString::Int64(1));
    assert_eq!(
        listed.payload[1].meta.articles_count, 1,
        "the seeded article"
    );
    let french = listing().locale("fr").send().await.expect("listed");
    assert!(french.into_inner().payload.is_empty(), "no category in fr");
    let second = listing().page(2).send().await.expect("listed").into_inner();
    assert!(second.payload.is_empty(), "1000 a page");
    let sent = IntegerOrString::String("2".to_owned());
    assert_eq!(second.meta.current_page, sent, "echoed as sent");
    let agent = w.api.list_categories().account_id(w.seed.account_id);
    let docs = agent.portal_id(&w.seed.portal_slug).send().await;
    let docs = docs.expect("an agent lists them").into_inner();
    assert_eq!(docs.meta.categories_count, 0);
}

async fn show(w: Arc<World>) {
    let category = get(&w, w.seed.admin_category_id).await;
    assert_eq!(
        (category.name.as_str(), category.slug.as_str()),
        ("Getting started", "getting-started")
    );
    assert_eq!(category.meta.articles_count, 1);
    let other = w.api.get_category().account_id(w.seed.second_account_id);
    let elsewhere = other.portal_id("no-such-portal").category_id(category.id);
    assert_eq!(
        refused(elsewhere.send().await).status,
        404,
        "unknown portal"
    );
}

async fn update(w: Arc<World>) {
    let id = w.seed.admin_category_id;
    let request = w.api.update_category().account_id(w.seed.second_account_id);
    let request = request.portal_id(&w.seed.admin_portal_slug).category_id(id);
    let changed = request
        .body(CategoryUpdate {
            name: Some("First steps".to_owned()),
            position: Some(5),
            ..CategoryUpdate::default()
        })
        .send()
        .await
        .expect("changed")
        .into_inner()
        .payload;
    assert_eq!(changed.name, "First steps");
    assert_eq!(changed.position, Some(5));
    assert_eq!(changed.slug, "getting-started", "kept");
    let read = get(&w, id).await;
    assert_eq!(
        (read.name.as_str(), read.position),
        ("First steps", Some(5)),
        "persisted"
    );
    let other = add(&w, "other", None).await;
    let clash = w.api.update_category().account_id(w.seed.second_account_id);
    let clash = clash
        .portal_id(&w.seed.admin_portal_slug)
        .category_id(other.id);
    let clash = clash.body(CategoryUpdate {
        slug: Some("getting-started".to_owned()),
        ..CategoryUpdate::default()
    });
    let answer = refused(clash.send().await);
    assert_eq!(answer.status, 422);
    let message = crate::table::message(&answer.body);
    assert_eq!(
        message,
        "Locale should be unique in the category and portal"
    );
    assert_eq!(get(&w, other.id).await.slug, "other", "nothing saved");
}

async fn delete(w: Arc<World>) {
    let id = w.seed.admin_category_id;
    let removal = || {
        (w.api.delete_category())
            .account_id(w.seed.second_account_id)
            .portal_id(&w.seed.admin_portal_slug)
            .category_id(id)
    };
    removal().send().await.expect("deleted");
    let again = refused(removal().send().await);
    assert_eq!(again.status, 404, "gone");
    let listed = (w.api.list_categories())
        .account_id(w.seed.second_account_id)
        .portal_id(&w.seed.admin_portal_slug)
        .send()
        .await
        .expect("listed")
        .into_inner();
    assert!(listed.payload.is_empty(), "not listed");
    let portal = (w.api.get_portal())
        .account_id(w.seed.second_account_id)
        .portal_id(&w.seed.admin_portal_slug)
        .send()
        .await
        .expect("read")
        .into_inner();
    assert_eq!(portal.meta.all_articles_count, 1, "its article is kept");
}
