//! The help center: `listPortals`, `getPortal`, `createPortal`, `updatePortal`,
//! `deletePortal`, `createCategory`, `createArticle` (Chatwoot's `PortalsController`,
//! `CategoriesController`, `ArticlesController` and their policies).
//!
//! Portals are found by slug in the account. Agents may list portals; the
//! rest is for administrators (Pundit's 401). The order of the checks is the
//! controllers': portals and categories authorize on the class whatever the
//! slug (an agent gets 401 even for an unknown portal), articles look the
//! portal up first (`find_by!`: 404 before 401). Where v4.10.1 fails with a
//! 500 on an unknown slug (`find_by` then `nil.update!`/`nil.categories`),
//! the sandbox answers 404.

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Value, json};

use crate::admin_config::wrapped;
use crate::auth::Caller;
use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::help_center::{Article, Category, Portal, json, rules};
use crate::scope::{Account, AccountScope, InAccount, Path, Place, Reply, Scope};
use crate::state::Store;
use crate::validate::Query;

/// The `Portal` attributes Rails wraps from the top level of a body.
const PORTAL_ATTRIBUTES: &[&str] = &[
    "id",
    "account_id",
    "name",
    "slug",
    "custom_domain",
    "color",
    "homepage_link",
    "page_title",
    "header_text",
    "created_at",
    "updated_at",
    "config",
    "archived",
    "channel_web_widget_id",
    "ssl_settings",
];

/// The `Category` attributes Rails wraps.
pub(super) const CATEGORY_ATTRIBUTES: &[&str] = &[
    "id",
    "account_id",
    "portal_id",
    "name",
    "description",
    "position",
    "created_at",
    "updated_at",
    "locale",
    "slug",
    "parent_category_id",
    "associated_category_id",
    "icon",
];

/// The `Article` attributes Rails wraps.
pub(super) const ARTICLE_ATTRIBUTES: &[&str] = &[
    "id",
    "account_id",
    "portal_id",
    "category_id",
    "folder_id",
    "title",
    "description",
    "content",
    "status",
    "views",
    "created_at",
    "updated_at",
    "author_id",
    "associated_article_id",
    "meta",
    "slug",
    "position",
    "locale",
];

/// `{portal_id}` (a slug) in `{account_id}`: the portal, if the account has
/// one with that slug (`find_by`, so a missing one is not an error yet).
pub(crate) struct InPortal {
    account: Account,
    pub(super) index: Option<usize>,
}

impl Place for InPortal {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        let slug = path.text("portal_id").ok_or(ApiError::NotFound)?;
        let index = store.help_center.portal_index(account.id, slug);
        Ok(InPortal { account, index })
    }
}

impl InAccount for InPortal {
    fn account(&self) -> Account {
        self.account
    }
}

/// A route scoped to a portal.
pub(super) type PortalScope<'a> = Scope<'a, InPortal>;

/// The policies' `administrator?`.
pub(super) fn administrators<P: InAccount>(cx: &Scope<'_, P>) -> Result<(), ApiError> {
    match cx.role() {
        Some("administrator") => Ok(()),
        _ => Err(ApiError::NotAuthorized),
    }
}

/// The portal the path names, or 404.
pub(super) fn portal(cx: &PortalScope<'_>) -> Result<usize, ApiError> {
    cx.place.index.ok_or(ApiError::NotFound)
}

/// `GET /api/v1/accounts/{account_id}/portals`: every portal of the account.
pub(crate) fn list(cx: AccountScope<'_>) -> Reply {
    let account_id = cx.account_id();
    let hc = &cx.store.help_center;
    let payload: Vec<Value> = (hc.portals.list.iter())
        .filter(|p| p.account_id == account_id)
        .map(|p| json::portal(hc, p))
        .collect();
    let count = payload.len();
    let body = json!({"payload": payload, "meta": {"current_page": 1, "portals_count": count}});
    Ok(json_response(StatusCode::OK, &body))
}

/// `GET /api/v1/accounts/{account_id}/portals/{portal_id}`: any member; the
/// article counts in `locale` when the query gives one.
pub(crate) fn show(cx: PortalScope<'_>, query: Query) -> Reply {
    let index = portal(&cx)?;
    let hc = &cx.store.help_center;
    let locale = query.get("locale").filter(|l| !l.is_empty());
    let body = json::shown_portal(hc, &hc.portals.list[index], locale, cx.user_id());
    Ok(json_response(StatusCode::OK, &body))
}

/// `POST /api/v1/accounts/{account_id}/portals`.
pub(crate) fn create(mut cx: AccountScope<'_>, bytes: Bytes) -> Reply {
    administrators(&cx)?;
    let fields = wrapped(&bytes, "portal", PORTAL_ATTRIBUTES)?;
    let mut portal = Portal {
        id: 0,
        account_id: cx.account_id(),
        name: String::new(),
        slug: String::new(),
        custom_domain: None,
        color: None,
        header_text: None,
        homepage_link: None,
        page_title: None,
        archived: Some(false),
        default_locale: "en".to_owned(),
        allowed_locales: vec!["en".to_owned()],
    };
    // `URI.parse(nil)` raises on the server: the domain must be sent.
    match fields.get("custom_domain") {
        None | Some(Value::Null) => return Err(ApiError::missing("custom_domain")),
        _ => {}
    }
    rules::apply_portal(&mut portal, &fields)?;
    portal.custom_domain = portal.custom_domain.map(|d| rules::custom_domain_host(&d));
    let hc = &mut cx.store.help_center;
    rules::validate_portal(hc, &portal)?;
    portal.id = hc.portals.take_id();
    let body = json::portal(hc, &portal);
    hc.portals.list.push(portal);
    Ok(json_response(StatusCode::OK, &body))
}

/// `PATCH /api/v1/accounts/{account_id}/portals/{portal_id}`.
pub(crate) fn update(mut cx: PortalScope<'_>, bytes: Bytes) -> Reply {
    administrators(&cx)?;
    let index = portal(&cx)?;
    let hc = &mut cx.store.help_center;
    let mut changed = hc.portals.list[index].clone();
    // `params[:portal].present?`: a body with no portal field changes nothing.
    match wrapped(&bytes, "portal", PORTAL_ATTRIBUTES) {
        Ok(fields) => {
            rules::apply_portal(&mut changed, &fields)?;
            rules::validate_portal(hc, &changed)?;
        }
        Err(e) if e == ApiError::missing("portal") => {}
        Err(e) => return Err(e),
    }
    let body = json::portal(hc, &changed);
    hc.portals.list[index] = changed;
    Ok(json_response(StatusCode::OK, &body))
}

/// `DELETE /api/v1/accounts/{account_id}/portals/{portal_id}`: the portal
/// with its categories and articles (`dependent: :destroy_async`, at once
/// here); an empty 200.
pub(crate) fn destroy(mut cx: PortalScope<'_>) -> Reply {
    administrators(&cx)?;
    let index = portal(&cx)?;
    let hc = &mut cx.store.help_center;
    let removed = hc.portals.list.remove(index);
    hc.categories.list.retain(|c| c.portal_id != removed.id);
    hc.articles.list.retain(|a| a.portal_id != removed.id);
    Ok(StatusCode::OK.into_response())
}

/// `POST /api/v1/accounts/{account_id}/portals/{portal_id}/categories`.
pub(crate) fn create_category(mut cx: PortalScope<'_>, bytes: Bytes) -> Reply {
    administrators(&cx)?;
    let index = portal(&cx)?;
    let fields = wrapped(&bytes, "category", CATEGORY_ATTRIBUTES)?;
    let hc = &mut cx.store.help_center;
    let portal = hc.portals.list[index].clone();
    let mut category = Category {
        id: 0,
        account_id: portal.account_id,
        portal_id: portal.id,
        name: String::new(),
        slug: String::new(),
        locale: "en".to_owned(),
        description: None,
        position: None,
        icon: String::new(),
        parent_category_id: None,
        associated_category_id: None,
    };
    rules::apply_category(&mut category, &fields)?;
    rules::validate_category(hc, &portal, &category)?;
    category.id = hc.categories.take_id();
    let body = json!({"payload": json::category(hc, &category)});
    hc.categories.list.push(category);
    Ok(json_response(StatusCode::OK, &body))
}

/// `POST /api/v1/accounts/{account_id}/portals/{portal_id}/articles`.
pub(crate) fn create_article(mut cx: PortalScope<'_>, bytes: Bytes) -> Reply {
    let index = portal(&cx)?;
    administrators(&cx)?;
    let fields = wrapped(&bytes, "article", ARTICLE_ATTRIBUTES)?;
    let account_id = cx.account_id();
    let portal = cx.store.help_center.portals.list[index].clone();
    let now = clock::now();
    let mut article = Article {
        id: 0,
        account_id: portal.account_id,
        portal_id: portal.id,
        category_id: None,
        author_id: None,
        associated_article_id: None,
        title: String::new(),
        slug: String::new(),
        content: String::new(),
        description: None,
        status: "draft".to_owned(),
        position: None,
        locale: String::new(),
        meta: json!({}),
        views: None,
        updated_at: now,
    };
    rules::apply_article(&mut article, &fields)?;
    settle(&cx.store, &portal, &mut article, now);
    rules::validate_article(&cx.store, &article)?;
    let hc = &mut cx.store.help_center;
    article.id = hc.articles.take_id();
    let root = article.associated_article_id;
    let id = article.id;
    hc.articles.list.push(article);
    // `associate_root_article` runs after `create!`: an unknown article is a
    // 404 with the new one already saved.
    if let Some(root) = root {
        let found = hc
            .articles_of(portal.id)
            .find(|a| a.id == root && a.id != id);
        let root = found.ok_or(ApiError::NotFound)?;
        let root = root.associated_article_id.unwrap_or(root.id);
        if let Some(saved) = hc.articles.list.iter_mut().find(|a| a.id == id) {
            saved.associated_article_id = Some(root);
        }
    }
    let saved = (cx.store.help_center.articles.list.iter())
        .find(|a| a.id == id)
        .ok_or(ApiError::NotFound)?;
    let body = json!({"payload": json::article(&cx.store, account_id, saved)});
    Ok(json_response(StatusCode::OK, &body))
}

/// The callbacks before an article is saved: `ensure_article_slug`,
/// `ensure_locale_in_article`, `add_position_to_article`.
fn settle(store: &Store, portal: &Portal, article: &mut Article, now: i64) {
    let hc = &store.help_center;
    if article.slug.is_empty() && !article.title.is_empty() {
        article.slug = format!("{now}-{}", rules::parameterize(&article.title));
    }
    article.locale = match hc.category(article.category_id) {
        Some(category) => category.locale.clone(),
        None if article.locale.is_empty() => portal.default_locale.clone(),
        None => article.locale.clone(),
    };
    if article.position.is_none() {
        let highest = (hc.articles.list.iter())
            .filter(|a| a.category_id == article.category_id && a.account_id == article.account_id)
            .filter_map(|a| a.position)
            .max();
        article.position = Some(highest.map_or(10, |p| p + 10));
    }
}
