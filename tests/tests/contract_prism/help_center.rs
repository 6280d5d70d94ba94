//! The help center: portals, categories and articles listed as an agent; a
//! portal created, changed, given a category and an article (each read,
//! changed and deleted), then deleted, in the account the user administers;
//! the agent's 401s, the 404s of what is unknown or deleted and the
//! documented 422s.

use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};

use ruut_api::enums::ArticleStatus;
use ruut_api::operations::Operation::*;
use ruut_api::types::{
    ArticleCreate, ArticleUpdate, CategoryCreate, CategoryUpdate, PortalCreate, PortalUpdate,
};

use crate::contract::{Found, Step, send};

/// The slug of a portal of the user's account (from the list).
static LISTED: Mutex<String> = Mutex::new(String::new());

/// The slug the create step uses in the administered account.
const SLUG: &str = "contract-portal";

/// The category the create step made in [`SLUG`].
static CATEGORY: AtomicI64 = AtomicI64::new(0);

/// The article the create step made in [`SLUG`].
static ARTICLE: AtomicI64 = AtomicI64::new(0);

fn article_id() -> i64 {
    ARTICLE.load(Ordering::Relaxed)
}

fn category_id() -> i64 {
    CATEGORY.load(Ordering::Relaxed)
}

fn listed() -> String {
    LISTED.lock().map(|s| s.clone()).unwrap_or_default()
}

fn admin(found: &Found) -> i64 {
    found.admin_account.unwrap_or_default()
}

fn administers(found: &Found) -> bool {
    found.admin_account.is_some()
}

fn portal(slug: &str) -> PortalCreate {
    PortalCreate {
        name: "Contract portal".to_owned(),
        slug: slug.to_owned(),
        custom_domain: "https://contract.example.com".to_owned(),
        archived: Some(false),
        color: Some("#123456".to_owned()),
        config: None,
        header_text: Some("Made through Prism".to_owned()),
        homepage_link: None,
        page_title: None,
    }
}

fn category(locale: &str) -> CategoryCreate {
    CategoryCreate {
        name: "Contract".to_owned(),
        slug: "contract".to_owned(),
        locale: Some(locale.to_owned()),
        description: Some("Made through Prism".to_owned()),
        associated_category_id: None,
        icon: None,
        parent_category_id: None,
        position: Some(1),
    }
}

fn article(author_id: i64) -> ArticleCreate {
    ArticleCreate {
        title: "Contract article".to_owned(),
        content: "Made through Prism.".to_owned(),
        author_id,
        status: Some(ArticleStatus::Published),
        associated_article_id: None,
        category_id: None,
        description: None,
        locale: None,
        meta: None,
        position: None,
        slug: None,
    }
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            ListPortals,
            "as an agent",
            send!(
                |c| c.user.list_portals().account_id(c.found().account),
                |answer| if let (Some(p), Ok(mut cell)) = (answer.payload.first(), LISTED.lock()) {
                    *cell = p.slug.clone();
                }
            ),
        ),
        Step::ok(
            GetPortal,
            "as an agent",
            send!(|c| c
                .user
                .get_portal()
                .account_id(c.found().account)
                .portal_id(listed())),
        ),
        Step::status(
            GetPortal,
            "unknown portal",
            404,
            send!(|c| c
                .user
                .get_portal()
                .account_id(c.found().account)
                .portal_id("no-such-portal")),
        ),
        Step::status(
            CreatePortal,
            "as an agent",
            401,
            send!(|c| c
                .user
                .create_portal()
                .account_id(c.found().account)
                .body(portal("contract-agent"))),
        ),
        Step::ok(
            CreatePortal,
            "as an administrator",
            send!(|c| c
                .user
                .create_portal()
                .account_id(admin(&c.found()))
                .body(portal(SLUG))),
        )
        .when(administers),
        Step::status(
            CreatePortal,
            "a slug taken",
            422,
            send!(|c| c
                .user
                .create_portal()
                .account_id(admin(&c.found()))
                .body(portal(SLUG))),
        )
        .when(administers),
        Step::status(
            UpdatePortal,
            "as an agent",
            401,
            send!(|c| c
                .user
                .update_portal()
                .account_id(c.found().account)
                .portal_id(listed())
                .body(PortalUpdate::default())),
        ),
        Step::ok(
            UpdatePortal,
            "header and archived",
            send!(|c| c
                .user
                .update_portal()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .body(PortalUpdate {
                    header_text: Some("Changed through Prism".to_owned()),
                    archived: Some(false),
                    ..PortalUpdate::default()
                })),
        )
        .when(administers),
        Step::status(
            UpdatePortal,
            "unknown portal",
            404,
            send!(|c| c
                .user
                .update_portal()
                .account_id(admin(&c.found()))
                .portal_id("no-such-portal")
                .body(PortalUpdate::default())),
        )
        .when(administers),
        Step::status(
            CreateCategory,
            "as an agent",
            401,
            send!(|c| c
                .user
                .create_category()
                .account_id(c.found().account)
                .portal_id(listed())
                .body(category("en"))),
        ),
        Step::ok(
            CreateCategory,
            "as an administrator",
            send!(
                |c| c
                    .user
                    .create_category()
                    .account_id(admin(&c.found()))
                    .portal_id(SLUG)
                    .body(category("en")),
                |answer| CATEGORY.store(answer.payload.id, Ordering::Relaxed)
            ),
        )
        .when(administers),
        Step::ok(
            ListCategories,
            "as an agent",
            send!(|c| c
                .user
                .list_categories()
                .account_id(c.found().account)
                .portal_id(listed())),
        ),
        Step::ok(
            ListCategories,
            "in a locale, page 1",
            send!(|c| c
                .user
                .list_categories()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .locale("en")
                .page(1)),
        )
        .when(administers),
        Step::status(
            GetCategory,
            "as an agent",
            401,
            send!(|c| c
                .user
                .get_category()
                .account_id(c.found().account)
                .portal_id(listed())
                .category_id(category_id())),
        ),
        Step::ok(
            GetCategory,
            "as an administrator",
            send!(|c| c
                .user
                .get_category()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .category_id(category_id())),
        )
        .when(administers),
        Step::ok(
            UpdateCategory,
            "name and position",
            send!(|c| c
                .user
                .update_category()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .category_id(category_id())
                .body(CategoryUpdate {
                    name: Some("Contract, changed".to_owned()),
                    position: Some(2),
                    ..CategoryUpdate::default()
                })),
        )
        .when(administers),
        Step::status(
            UpdateCategory,
            "a locale the portal does not allow",
            422,
            send!(|c| c
                .user
                .update_category()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .category_id(category_id())
                .body(CategoryUpdate {
                    locale: Some("fr".to_owned()),
                    ..CategoryUpdate::default()
                })),
        )
        .when(administers),
        Step::status(
            CreateCategory,
            "a locale the portal does not allow",
            422,
            send!(|c| c
                .user
                .create_category()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .body(category("fr"))),
        )
        .when(administers),
        Step::status(
            CreateArticle,
            "unknown portal",
            404,
            send!(|c| c
                .user
                .create_article()
                .account_id(c.found().account)
                .portal_id("no-such-portal")
                .body(article(c.found().me))),
        ),
        Step::ok(
            CreateArticle,
            "as an administrator",
            send!(
                |c| c
                    .user
                    .create_article()
                    .account_id(admin(&c.found()))
                    .portal_id(SLUG)
                    .body(article(c.found().me)),
                |answer| ARTICLE.store(answer.payload.id, Ordering::Relaxed)
            ),
        )
        .when(administers),
        Step::ok(
            ListArticles,
            "as an agent",
            send!(|c| c
                .user
                .list_articles()
                .account_id(c.found().account)
                .portal_id(listed())),
        ),
        Step::ok(
            ListArticles,
            "published, in a locale, page 1",
            send!(|c| c
                .user
                .list_articles()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .status(ArticleStatus::Published)
                .locale("en")
                .page(1)),
        )
        .when(administers),
        Step::status(
            GetArticle,
            "as an agent",
            401,
            send!(|c| c
                .user
                .get_article()
                .account_id(c.found().account)
                .portal_id(listed())
                .article_id(article_id())),
        ),
        Step::ok(
            GetArticle,
            "as an administrator",
            send!(|c| c
                .user
                .get_article()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .article_id(article_id())),
        )
        .when(administers),
        Step::ok(
            UpdateArticle,
            "title and status",
            send!(|c| c
                .user
                .update_article()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .article_id(article_id())
                .body(ArticleUpdate {
                    title: Some("Contract article, changed".to_owned()),
                    status: Some(ArticleStatus::Draft),
                    ..ArticleUpdate::default()
                })),
        )
        .when(administers),
        Step::status(
            UpdateArticle,
            "a blank title",
            422,
            send!(|c| c
                .user
                .update_article()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .article_id(article_id())
                .body(ArticleUpdate {
                    title: Some(String::new()),
                    ..ArticleUpdate::default()
                })),
        )
        .when(administers),
        Step::ok(
            DeleteArticle,
            "as an administrator",
            send!(|c| c
                .user
                .delete_article()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .article_id(article_id())),
        )
        .when(administers),
        Step::status(
            DeleteArticle,
            "already deleted",
            404,
            send!(|c| c
                .user
                .delete_article()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .article_id(article_id())),
        )
        .when(administers),
        Step::status(
            CreateArticle,
            "an author who is no user",
            422,
            send!(|c| c
                .user
                .create_article()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .body(article(987_654))),
        )
        .when(administers),
        Step::ok(
            DeleteCategory,
            "as an administrator",
            send!(|c| c
                .user
                .delete_category()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .category_id(category_id())),
        )
        .when(administers),
        Step::status(
            DeleteCategory,
            "already deleted",
            404,
            send!(|c| c
                .user
                .delete_category()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .category_id(category_id())),
        )
        .when(administers),
        Step::status(
            DeletePortal,
            "as an agent",
            401,
            send!(|c| c
                .user
                .delete_portal()
                .account_id(c.found().account)
                .portal_id(listed())),
        ),
        Step::ok(
            DeletePortal,
            "as an administrator",
            send!(|c| c
                .user
                .delete_portal()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)),
        )
        .when(administers),
        Step::status(
            DeletePortal,
            "already deleted",
            404,
            send!(|c| c
                .user
                .delete_portal()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)),
        )
        .when(administers),
    ]
}
