//! A portal's articles beyond their creation: `listArticles`, `getArticle`,
//! `updateArticle`, `deleteArticle` (Chatwoot's `ArticlesController` and
//! `ArticlePolicy`).
//!
//! The portal is found first with `find_by!` (404 to everyone); then any
//! member lists the articles, and the rest is for administrators (Pundit's
//! 401); then the article among the portal's (`find`: 404).

use axum::http::StatusCode;
use axum::response::IntoResponse;
use bytes::Bytes;
use serde_json::{Value, json};

use super::help_center::{ARTICLE_ATTRIBUTES, InPortal, PortalScope, administrators, portal};
use crate::admin_config::wrapped;
use crate::auth::Caller;
use crate::clock;
use crate::errors::{ApiError, json_response};
use crate::help_center::{Article, HelpCenter, json, rules};
use crate::paging;
use crate::scope::{Account, InAccount, Path, Place, Reply, Scope};
use crate::state::Store;
use crate::validate::Query;

/// Kaminari's default page size (`Article` sets none).
const PER_PAGE: usize = 25;

/// `{portal_id}/articles/{article_id}`: the portal, if found, and the
/// article id as the path gives it.
pub(crate) struct InArticle {
    portal: InPortal,
    id: Result<i64, ApiError>,
}

impl Place for InArticle {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let portal = InPortal::find(store, caller, path)?;
        let id = path.id("article_id");
        Ok(InArticle { portal, id })
    }
}

impl InAccount for InArticle {
    fn account(&self) -> Account {
        self.portal.account()
    }
}

/// A route scoped to one article of a portal.
type ArticleScope<'a> = Scope<'a, InArticle>;

/// `find_by!`, then the policy, then `@portal.articles.find`: where the
/// article is in `articles`.
fn article(cx: &ArticleScope<'_>) -> Result<usize, ApiError> {
    let index = cx.place.portal.index.ok_or(ApiError::NotFound)?;
    administrators(cx)?;
    let id = cx.place.id.clone()?;
    let hc = &cx.store.help_center;
    let portal_id = hc.portals.list[index].id;
    (hc.articles.list.iter())
        .position(|a| a.id == id && a.portal_id == portal_id)
        .ok_or(ApiError::NotFound)
}

/// The listing's filters (`list_params`), checked.
struct Filters<'q> {
    locale: Option<&'q str>,
    category_slug: Option<&'q str>,
    words: Vec<String>,
    status: Option<&'q str>,
    author_id: Option<i64>,
}

impl<'q> Filters<'q> {
    fn read(query: &'q Query) -> Result<Self, ApiError> {
        let text = |name| query.get(name).filter(|v| !v.is_empty());
        let words = text("query").map(words).unwrap_or_default();
        let statuses = ["draft", "published", "archived"];
        Ok(Filters {
            locale: text("locale"),
            category_slug: text("category_slug"),
            words,
            status: query.one_of("status", &statuses)?,
            author_id: query.int("author_id")?,
        })
    }

    /// `locale`, `category_slug` and `query`: what the counts count.
    fn base(&self, hc: &HelpCenter, a: &Article) -> bool {
        let category = hc.category(a.category_id);
        self.locale.is_none_or(|l| a.locale == l)
            && (self.category_slug).is_none_or(|s| category.is_some_and(|c| c.slug == s))
            && matches(&self.words, a)
    }

    /// `status` and `author_id` besides.
    fn all(&self, hc: &HelpCenter, a: &Article) -> bool {
        self.base(hc, a)
            && self.status.is_none_or(|s| a.status == s)
            && self.author_id.is_none_or(|id| a.author_id == Some(id))
    }
}

/// The lower-cased words of a text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every word of the query is a prefix of a word of the article.
fn matches(query: &[String], article: &Article) -> bool {
    if query.is_empty() {
        return true;
    }
    let description = article.description.as_deref().unwrap_or_default();
    let text = [
        article.title.as_str(),
        description,
        article.content.as_str(),
    ];
    let own: Vec<String> = text.iter().flat_map(|t| words(t)).collect();
    query.iter().all(|q| own.iter().any(|w| w.starts_with(q)))
}

/// `GET …/portals/{portal_id}/articles`: any member; a page of 25 with the
/// counts `set_article_count` makes.
pub(crate) fn list(cx: PortalScope<'_>, query: Query) -> Reply {
    let filters = Filters::read(&query)?;
    let page = paging::page_number(&query)?;
    let index = portal(&cx)?;
    let (account_id, user_id) = (cx.account_id(), cx.user_id());
    let hc = &cx.store.help_center;
    let portal_id = hc.portals.list[index].id;
    let base: Vec<&Article> = (hc.articles_of(portal_id))
        .filter(|a| filters.base(hc, a))
        .collect();
    let count = |status: &str| base.iter().filter(|a| a.status == status).count();
    let mine = base
        .iter()
        .filter(|a| user_id.is_some_and(|u| a.author_id == Some(u)));
    let mut listed: Vec<&Article> = base
        .iter()
        .copied()
        .filter(|a| filters.all(hc, a))
        .collect();
    match filters.category_slug {
        Some(_) => listed.sort_by_key(|a| (a.position.is_none(), a.position, a.id)),
        None => listed.sort_by_key(|a| (std::cmp::Reverse(a.updated_at), std::cmp::Reverse(a.id))),
    }
    let payload: Vec<Value> = paging::page(&listed, page, PER_PAGE)
        .iter()
        .map(|a| json::article(&cx.store, account_id, a))
        .collect();
    let current_page = paging::echoed(&query);
    let meta = json!({
        "all_articles_count": hc.articles_of(portal_id).count(),
        "archived_articles_count": count("archived"),
        "articles_count": base.len(),
        "current_page": current_page,
        "draft_articles_count": count("draft"),
        "mine_articles_count": mine.count(),
        "published_count": count("published"),
    });
    Ok(json_response(
        StatusCode::OK,
        &json!({"payload": payload, "meta": meta}),
    ))
}

/// `GET …/articles/{article_id}`: administrators.
pub(crate) fn show(cx: ArticleScope<'_>) -> Reply {
    let index = article(&cx)?;
    let saved = &cx.store.help_center.articles.list[index];
    let body = json!({"payload": json::article(&cx.store, cx.account_id(), saved)});
    Ok(json_response(StatusCode::OK, &body))
}

/// `PATCH …/articles/{article_id}`: administrators; `update!` when the body
/// has article fields, with the model's callbacks and validations.
pub(crate) fn update(mut cx: ArticleScope<'_>, bytes: Bytes) -> Reply {
    let index = article(&cx)?;
    let account_id = cx.account_id();
    let before = cx.store.help_center.articles.list[index].clone();
    let mut changed = before.clone();
    match wrapped(&bytes, "article", ARTICLE_ATTRIBUTES) {
        Ok(fields) => rules::apply_article(&mut changed, &fields)?,
        Err(e) if e == ApiError::missing("article") => {}
        Err(e) => return Err(e),
    }
    let hc = &cx.store.help_center;
    let portal = hc.portals.list.iter().find(|p| p.id == changed.portal_id);
    let default_locale = portal.map(|p| p.default_locale.clone()).unwrap_or_default();
    // `ensure_locale_in_article`.
    changed.locale = match hc.category(changed.category_id) {
        Some(category) => category.locale.clone(),
        None if changed.locale.is_empty() => default_locale,
        None => changed.locale.clone(),
    };
    rules::validate_article(&cx.store, &changed)?;
    // `category_id_changed_action`: last in the new category.
    if changed.category_id != before.category_id {
        let highest = (hc.articles.list.iter())
            .filter(|a| a.id != changed.id && a.account_id == changed.account_id)
            .filter(|a| a.category_id == changed.category_id)
            .filter_map(|a| a.position)
            .chain(changed.position)
            .max();
        changed.position = Some(highest.map_or(10, |p| p + 10));
    }
    if changed != before {
        changed.updated_at = clock::now();
    }
    let hc = &mut cx.store.help_center;
    hc.articles.list[index] = changed;
    let saved = &cx.store.help_center.articles.list[index];
    let body = json!({"payload": json::article(&cx.store, account_id, saved)});
    Ok(json_response(StatusCode::OK, &body))
}

/// `DELETE …/articles/{article_id}`: administrators; an empty 200. Its
/// translations lose their link to it (`dependent: :nullify`).
pub(crate) fn delete(mut cx: ArticleScope<'_>) -> Reply {
    let index = article(&cx)?;
    let hc = &mut cx.store.help_center;
    let removed = hc.articles.list.remove(index);
    for article in &mut hc.articles.list {
        if article.associated_article_id == Some(removed.id) {
            article.associated_article_id = None;
        }
    }
    Ok(StatusCode::OK.into_response())
}
