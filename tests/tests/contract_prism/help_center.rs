//! The help center: portals listed as an agent; a portal created, changed,
//! given a category and an article in the account the user administers; the
//! agent's 401s, the unknown portal's 404 and the documented 422s.

use std::sync::Mutex;

use ruut_api::enums::ArticleStatus;
use ruut_api::operations::Operation::*;
use ruut_api::types::{ArticleCreate, CategoryCreate, PortalCreate, PortalUpdate};

use crate::contract::{Found, Step, send};

/// The slug of a portal of the user's account (from the list).
static LISTED: Mutex<String> = Mutex::new(String::new());

/// The slug the create step uses in the administered account.
const SLUG: &str = "contract-portal";

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
            send!(|c| c
                .user
                .create_category()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .body(category("en"))),
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
            send!(|c| c
                .user
                .create_article()
                .account_id(admin(&c.found()))
                .portal_id(SLUG)
                .body(article(c.found().me))),
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
    ]
}
