//! The help center: portals (agents may list them; administrators create and
//! change them, found by slug), and a portal's categories and articles
//! (administrators create them).

use std::sync::Arc;

use ruut_api::enums::ArticleStatus;
use ruut_api::types::{
    ArticleCreate, AssociatedArticles, CategoryCreate, Portal, PortalCreate, PortalUpdate,
    RelatedCategories,
};

use crate::Operation;
use crate::table::{Entry, World, call, job, provoke, sdk};

const NOT_AUTHORIZED: &str = "You are not authorized to do this action";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListPortals, |w| job(list(w)))
            .sdk(sdk!(|client, _ids| client.list_portals()))
            .call(call!(|api, ids| api.list_portals().account_id(ids.account))),
        Entry::new(Operation::GetPortal, |w| job(show(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .get_portal(ids.portal)))
            .call(call!(|api, ids| api
                .get_portal()
                .account_id(ids.admin_account)
                .portal_id(ids.portal))),
        Entry::new(Operation::CreatePortal, |w| job(create(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .create_portal("From the SDK", "from-sdk")
                .send()))
            .call(call!(|api, ids| api
                .create_portal()
                .account_id(ids.account)
                .body(new_portal("table"))))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .create_portal()
                    .account_id(w.seed.account_id)
                    .body(new_portal("fresh"))),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "a slug a portal of another account has",
                provoke!(|w| w
                    .api
                    .create_portal()
                    .account_id(w.seed.second_account_id)
                    .body(new_portal(&w.seed.portal_slug))),
            )
            .saying("Slug has already been taken"),
        Entry::new(Operation::UpdatePortal, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .portal(ids.portal)
                .update()
                .header_text("From the SDK")
                .send()))
            .call(call!(|api, ids| api
                .update_portal()
                .account_id(ids.admin_account)
                .portal_id(ids.portal)
                .body(PortalUpdate::default())))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .update_portal()
                    .account_id(w.seed.account_id)
                    .portal_id(&w.seed.portal_slug)
                    .body(PortalUpdate::default())),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "a blank name",
                provoke!(|w| w
                    .api
                    .update_portal()
                    .account_id(w.seed.second_account_id)
                    .portal_id(&w.seed.admin_portal_slug)
                    .body(PortalUpdate {
                        name: Some(" ".to_owned()),
                        ..PortalUpdate::default()
                    })),
            )
            .saying("Name can't be blank"),
        Entry::new(Operation::CreateCategory, |w| job(create_category(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .portal(ids.portal)
                .categories()
                .create("From the SDK", "from-sdk")
                .send()))
            .call(call!(|api, ids| api
                .create_category()
                .account_id(ids.admin_account)
                .portal_id(ids.portal)
                .body(new_category("table", None))))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .create_category()
                    .account_id(w.seed.account_id)
                    .portal_id(&w.seed.portal_slug)
                    .body(new_category("fresh", None))),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "a locale the portal does not allow",
                provoke!(|w| w
                    .api
                    .create_category()
                    .account_id(w.seed.second_account_id)
                    .portal_id(&w.seed.admin_portal_slug)
                    .body(new_category("fresh", Some("fr")))),
            )
            .saying("Locale fr of category is not part of portal's [\"en\"].")
            .refuses(
                422,
                "a slug the portal has in that locale",
                provoke!(|w| w
                    .api
                    .create_category()
                    .account_id(w.seed.second_account_id)
                    .portal_id(&w.seed.admin_portal_slug)
                    .body(new_category("getting-started", None))),
            )
            .saying("Locale should be unique in the category and portal"),
        Entry::new(Operation::CreateArticle, |w| job(create_article(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .portal(ids.portal)
                .articles()
                .create("From the SDK", "Some text.", 1)
                .send()))
            .call(call!(|api, ids| api
                .create_article()
                .account_id(ids.account)
                .portal_id(ids.portal)
                .body(new_article("Table", 1))))
            .refuses(
                401,
                "an agent (not an administrator), in a portal that exists",
                provoke!(|w| w
                    .api
                    .create_article()
                    .account_id(w.seed.account_id)
                    .portal_id(&w.seed.portal_slug)
                    .body(new_article("Fresh", w.seed.user_id))),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "an author who is no user",
                provoke!(|w| w
                    .api
                    .create_article()
                    .account_id(w.seed.second_account_id)
                    .portal_id(&w.seed.admin_portal_slug)
                    .body(new_article("Fresh", 987_654))),
            )
            .saying("Author must exist"),
    ]
}

fn new_portal(slug: &str) -> PortalCreate {
    PortalCreate {
        name: "Docs".to_owned(),
        slug: slug.to_owned(),
        custom_domain: String::new(),
        archived: None,
        color: None,
        config: None,
        header_text: None,
        homepage_link: None,
        page_title: None,
    }
}

fn new_category(slug: &str, locale: Option<&str>) -> CategoryCreate {
    CategoryCreate {
        name: "Billing".to_owned(),
        slug: slug.to_owned(),
        locale: locale.map(str::to_owned),
        associated_category_id: None,
        description: None,
        icon: None,
        parent_category_id: None,
        position: None,
    }
}

fn new_article(title: &str, author_id: i64) -> ArticleCreate {
    ArticleCreate {
        title: title.to_owned(),
        content: "Refunds take five days.".to_owned(),
        author_id,
        associated_article_id: None,
        category_id: None,
        description: None,
        locale: None,
        meta: None,
        position: None,
        slug: None,
        status: None,
    }
}

async fn portals(w: &World, account: i64) -> Vec<Portal> {
    let request = w.api.list_portals().account_id(account);
    request.send().await.expect("listed").into_inner().payload
}

fn admin_portal(list: &[Portal], slug: &str) -> Portal {
    let found = list.iter().find(|p| p.slug == slug);
    found.cloned().expect("the portal is listed")
}

async fn list(w: Arc<World>) {
    let main = portals(&w, w.seed.account_id).await;
    let slugs: Vec<&str> = main.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, [w.seed.portal_slug.as_str()], "an agent lists them");
    let second = portals(&w, w.seed.second_account_id).await;
    let handbook = admin_portal(&second, &w.seed.admin_portal_slug);
    let en = &handbook.config.allowed_locales[0];
    assert_eq!(
        (en.code.as_str(), en.articles_count, en.categories_count),
        ("en", 1, 1)
    );
    assert_eq!(
        handbook.meta.all_articles_count, 0,
        "rendered with no articles"
    );
    assert_eq!(handbook.meta.published_count, None);
    assert_eq!(handbook.meta.categories_count, 1);
    assert_eq!(handbook.meta.default_locale, "en");
}

async fn show(w: Arc<World>) {
    let (account, slug) = (w.seed.second_account_id, &w.seed.admin_portal_slug);
    let read = || w.api.get_portal().account_id(account).portal_id(slug);
    let portal = read().send().await.expect("read").into_inner();
    assert_eq!(portal.slug, *slug);
    let meta = &portal.meta;
    assert_eq!(
        (meta.all_articles_count, meta.published_count),
        (1, Some(1))
    );
    assert_eq!(
        (meta.draft_articles_count, meta.archived_articles_count),
        (Some(0), Some(0))
    );
    assert_eq!(
        meta.mine_articles_count,
        Some(1),
        "the seeded article is the user's"
    );
    let french = read().locale("fr").send().await.expect("read").into_inner();
    assert_eq!(french.meta.all_articles_count, 0, "counted in the locale");
    assert_eq!(
        french.meta.mine_articles_count, None,
        "absent with no articles"
    );
    let agent = w.api.get_portal().account_id(w.seed.account_id);
    let docs = agent.portal_id(&w.seed.portal_slug).send().await;
    assert_eq!(
        docs.expect("an agent reads it")
            .into_inner()
            .meta
            .all_articles_count,
        0
    );
}

async fn create(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let request = w
        .api
        .create_portal()
        .account_id(account)
        .body(PortalCreate {
            custom_domain: "https://help.example.com/start".to_owned(),
            ..new_portal("support")
        });
    let portal = request.send().await.expect("created").into_inner();
    assert_eq!(
        portal.custom_domain.as_deref(),
        Some("help.example.com"),
        "the host"
    );
    assert_eq!(portal.archived, Some(false));
    assert_eq!(portal.meta.categories_count, 0);
    assert_eq!(
        admin_portal(&portals(&w, account).await, "support").id,
        portal.id
    );
    let again = w
        .api
        .create_portal()
        .account_id(account)
        .body(PortalCreate {
            custom_domain: "help.example.com".to_owned(),
            ..new_portal("support-2")
        });
    let refused = crate::table::refused(again.send().await);
    assert_eq!(refused.status, 422);
    let message = crate::table::message(&refused.body);
    assert_eq!(message, "Custom domain has already been taken");
}

async fn update(w: Arc<World>) {
    let (account, slug) = (w.seed.second_account_id, &w.seed.admin_portal_slug);
    let request = w.api.update_portal().account_id(account).portal_id(slug);
    let portal = request
        .body(PortalUpdate {
            header_text: Some("Answers".to_owned()),
            archived: Some(true),
            ..PortalUpdate::default()
        })
        .send()
        .await
        .expect("changed")
        .into_inner();
    assert_eq!(portal.header_text.as_deref(), Some("Answers"));
    assert_eq!(portal.archived, Some(true));
    assert_eq!(portal.name, "Handbook", "kept");
    let listed = admin_portal(&portals(&w, account).await, slug);
    assert_eq!(listed.header_text.as_deref(), Some("Answers"), "persisted");
    let renamed = w.api.update_portal().account_id(account).portal_id(slug);
    let renamed = renamed.body(PortalUpdate {
        slug: Some("manual".to_owned()),
        ..PortalUpdate::default()
    });
    renamed.send().await.expect("a new slug");
    let old = w.api.update_portal().account_id(account).portal_id(slug);
    let gone = crate::table::refused(old.body(PortalUpdate::default()).send().await);
    assert_eq!(gone.status, 404, "found by the new slug only");
    let back = w
        .api
        .update_portal()
        .account_id(account)
        .portal_id("manual");
    let back = back.body(PortalUpdate {
        slug: Some(slug.clone()),
        ..PortalUpdate::default()
    });
    back.send().await.expect("the old slug again");
}

async fn create_category(w: Arc<World>) {
    let (account, slug) = (w.seed.second_account_id, &w.seed.admin_portal_slug);
    let request = w.api.create_category().account_id(account).portal_id(slug);
    let body = CategoryCreate {
        description: Some("Invoices".to_owned()),
        parent_category_id: Some(w.seed.admin_category_id),
        ..new_category("billing", None)
    };
    let created = request.body(body).send().await.expect("created");
    let category = created.into_inner().payload;
    assert_eq!(
        (category.name.as_str(), category.slug.as_str()),
        ("Billing", "billing")
    );
    assert_eq!(category.locale.as_deref(), Some("en"), "the default locale");
    assert_eq!(category.position, None);
    assert_eq!(category.icon.as_deref(), Some(""));
    assert!(matches!(
        category.related_categories,
        RelatedCategories::NoRecords(_)
    ));
    let parent = category.parent_category.expect("a parent");
    assert_eq!(parent.id, w.seed.admin_category_id);
    assert_eq!(category.meta.articles_count, 0);
    let handbook = admin_portal(&portals(&w, account).await, slug);
    assert_eq!(handbook.meta.categories_count, 2, "counted in the portal");
}

async fn create_article(w: Arc<World>) {
    let (account, slug) = (w.seed.second_account_id, &w.seed.admin_portal_slug);
    let request = w.api.create_article().account_id(account).portal_id(slug);
    let body = ArticleCreate {
        category_id: Some(w.seed.admin_category_id),
        status: Some(ArticleStatus::Published),
        ..new_article("Refund policy", w.seed.user_id)
    };
    let article = request
        .body(body)
        .send()
        .await
        .expect("created")
        .into_inner()
        .payload;
    assert!(article.slug.ends_with("-refund-policy"), "{}", article.slug);
    assert_eq!(article.status, Some(ArticleStatus::Published));
    assert_eq!(
        article.position,
        Some(20),
        "after the category's last article"
    );
    assert_eq!(article.category.name.as_deref(), Some("Getting started"));
    assert_eq!(article.author.expect("an author").id, w.seed.user_id);
    assert!(matches!(
        article.associated_articles,
        AssociatedArticles::NoRecords(_)
    ));
    let draft = w.api.create_article().account_id(account).portal_id(slug);
    let draft = draft.body(ArticleCreate {
        associated_article_id: Some(w.seed.admin_article_id),
        ..new_article("Remboursements", w.seed.user_id)
    });
    let draft = draft
        .send()
        .await
        .expect("a translation")
        .into_inner()
        .payload;
    assert_eq!(
        draft.status,
        Some(ArticleStatus::Draft),
        "the default status"
    );
    assert_eq!(draft.position, Some(10), "first without a category");
    let handbook = admin_portal(&portals(&w, account).await, slug);
    let en = &handbook.config.allowed_locales[0];
    assert_eq!(en.articles_count, 3, "counted in the portal's locale");
}
