//! A portal's categories beyond their creation: `listCategories`,
//! `getCategory`, `updateCategory`, `deleteCategory` (Chatwoot's
//! `CategoriesController` and `CategoryPolicy`).
//!
//! Any member lists them; the rest is for administrators, checked on the
//! class before anything is looked up (Pundit's 401 even for an unknown
//! portal or category). The portal is found with `find_by` (v4.10.1 fails
//! with a 500 on `nil.categories` for an unknown slug: the sandbox answers
//! 404), the category with `@portal.categories.find` (404).

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Value, json};

use super::help_center::{CATEGORY_ATTRIBUTES, InPortal, PortalScope, administrators, portal};
use crate::admin_config::wrapped;
use crate::auth::Caller;
use crate::errors::{ApiError, json_response};
use crate::help_center::{HelpCenter, json, rules};
use crate::paging;
use crate::scope::{Account, InAccount, Path, Place, Reply, Scope};
use crate::state::Store;
use crate::validate::Query;

/// `Limits::CATEGORIES_PER_PAGE`.
const PER_PAGE: usize = 1000;

/// `{portal_id}/categories/{category_id}`: the portal, if found, and the
/// category id as the path gives it (looked up after the policy).
pub(crate) struct InCategory {
    portal: InPortal,
    id: Result<i64, ApiError>,
}

impl Place for InCategory {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let portal = InPortal::find(store, caller, path)?;
        Ok(InCategory {
            portal,
            id: path.id("category_id"),
        })
    }
}

impl InAccount for InCategory {
    fn account(&self) -> Account {
        self.portal.account()
    }
}

/// A route scoped to one category of a portal.
type CategoryScope<'a> = Scope<'a, InCategory>;

/// After the policy: where the category is in `categories` (`find`: 404
/// for another portal's or none).
fn category(cx: &CategoryScope<'_>) -> Result<usize, ApiError> {
    let index = cx.place.portal.index.ok_or(ApiError::NotFound)?;
    let id = cx.place.id.clone()?;
    let hc = &cx.store.help_center;
    let portal_id = hc.portals.list[index].id;
    (hc.categories.list.iter())
        .position(|c| c.id == id && c.portal_id == portal_id)
        .ok_or(ApiError::NotFound)
}

/// `GET …/portals/{portal_id}/categories`: any member; by position
/// (`NULL`s last, then by id), `locale` filtering the categories and their
/// article counts, 1000 a page.
pub(crate) fn list(cx: PortalScope<'_>, query: Query) -> Reply {
    let page = paging::page_number(&query)?;
    let index = portal(&cx)?;
    let locale = query.get("locale").filter(|l| !l.is_empty());
    let hc = &cx.store.help_center;
    let mut categories: Vec<_> = hc
        .categories_of(hc.portals.list[index].id)
        .filter(|c| locale.is_none_or(|l| c.locale == l))
        .collect();
    categories.sort_by_key(|c| (c.position.is_none(), c.position, c.id));
    let payload: Vec<Value> = paging::page(&categories, page, PER_PAGE)
        .iter()
        .map(|c| json::category_in(hc, c, locale))
        .collect();
    let current_page = paging::echoed(&query);
    let count = payload.len();
    let meta = json!({"current_page": current_page, "categories_count": count});
    let body = json!({"payload": payload, "meta": meta});
    Ok(json_response(StatusCode::OK, &body))
}

/// `GET …/categories/{category_id}`: administrators.
pub(crate) fn show(cx: CategoryScope<'_>) -> Reply {
    administrators(&cx)?;
    let index = category(&cx)?;
    let hc = &cx.store.help_center;
    let body = json!({"payload": json::category(hc, &hc.categories.list[index])});
    Ok(json_response(StatusCode::OK, &body))
}

/// `PATCH …/categories/{category_id}`: administrators; `update!` with the
/// model's validations (nothing saved on a 422).
pub(crate) fn update(mut cx: CategoryScope<'_>, bytes: Bytes) -> Reply {
    administrators(&cx)?;
    let index = category(&cx)?;
    let fields = wrapped(&bytes, "category", CATEGORY_ATTRIBUTES)?;
    let hc = &mut cx.store.help_center;
    let mut changed = hc.categories.list[index].clone();
    rules::apply_category(&mut changed, &fields)?;
    let portal = hc.portals.list.iter().find(|p| p.id == changed.portal_id);
    let portal = portal.cloned().ok_or(ApiError::NotFound)?;
    rules::validate_category(hc, &portal, &changed)?;
    hc.categories.list[index] = changed;
    let body = json!({"payload": json::category(hc, &hc.categories.list[index])});
    Ok(json_response(StatusCode::OK, &body))
}

/// `DELETE …/categories/{category_id}`: administrators; an empty 200.
pub(crate) fn delete(mut cx: CategoryScope<'_>) -> Reply {
    administrators(&cx)?;
    let index = category(&cx)?;
    let hc = &mut cx.store.help_center;
    let removed = hc.categories.list.remove(index);
    forget(hc, removed.id);
    Ok(StatusCode::OK.into_response())
}

/// `dependent: :nullify`: the articles, sub-categories and translations of
/// a deleted category lose their link to it.
fn forget(hc: &mut HelpCenter, id: i64) {
    for article in &mut hc.articles.list {
        if article.category_id == Some(id) {
            article.category_id = None;
        }
    }
    for category in &mut hc.categories.list {
        if category.parent_category_id == Some(id) {
            category.parent_category_id = None;
        }
        if category.associated_category_id == Some(id) {
            category.associated_category_id = None;
        }
    }
}
