//! The help center's records as Chatwoot's jbuilder views render them:
//! `portals/_portal`, `models/_portal_config`, `categories/_category` and
//! `_associated_category`, `articles/_article` and `_associated_article`.

use serde_json::{Map, Value, json};

use super::{Article, Category, HelpCenter, Portal};
use crate::render;
use crate::state::{AssigneeRef, Store};

/// A portal rendered with no articles (`articles: []`), as every view but
/// the show renders it: `all_articles_count` 0, the status counts `null`
/// (`[].try(:archived)` is `nil`), no `mine_articles_count`.
pub(crate) fn portal(hc: &HelpCenter, portal: &Portal) -> Value {
    let locales: Vec<Value> = portal
        .allowed_locales
        .iter()
        .map(|code| {
            let articles = hc.articles_of(portal.id).filter(|a| &a.locale == code);
            let categories = hc.categories_of(portal.id).filter(|c| &c.locale == code);
            json!({
                "code": code,
                "articles_count": articles.count(),
                "categories_count": categories.count(),
            })
        })
        .collect();
    json!({
        "id": portal.id,
        "color": portal.color,
        "custom_domain": portal.custom_domain,
        "header_text": portal.header_text,
        "homepage_link": portal.homepage_link,
        "name": portal.name,
        "page_title": portal.page_title,
        "slug": portal.slug,
        "archived": portal.archived,
        "account_id": portal.account_id,
        "config": {"allowed_locales": locales},
        "meta": {
            "all_articles_count": 0,
            "archived_articles_count": null,
            "published_count": null,
            "draft_articles_count": null,
            "categories_count": hc.categories_of(portal.id).count(),
            "default_locale": portal.default_locale,
        },
    })
}

/// A portal as the show renders it: the counts of its articles (in
/// `locale`, when given), and `mine_articles_count` (the caller's) when it
/// has any.
pub(crate) fn shown_portal(
    hc: &HelpCenter,
    portal: &Portal,
    locale: Option<&str>,
    user_id: Option<i64>,
) -> Value {
    let articles: Vec<&Article> = hc
        .articles_of(portal.id)
        .filter(|a| locale.is_none_or(|l| a.locale == l))
        .collect();
    let count = |status: &str| articles.iter().filter(|a| a.status == status).count();
    let mut value = self::portal(hc, portal);
    if let Some(Value::Object(meta)) = value.get_mut("meta") {
        meta.insert("all_articles_count".into(), json!(articles.len()));
        meta.insert("archived_articles_count".into(), json!(count("archived")));
        meta.insert("published_count".into(), json!(count("published")));
        meta.insert("draft_articles_count".into(), json!(count("draft")));
        if let (Some(user_id), false) = (user_id, articles.is_empty()) {
            let mine = articles.iter().filter(|a| a.author_id == Some(user_id));
            meta.insert("mine_articles_count".into(), json!(mine.count()));
        }
    }
    value
}

/// `_associated_category`: another category in brief.
fn category_ref(category: &Category) -> Value {
    json!({
        "id": category.id,
        "name": category.name,
        "slug": category.slug,
        "locale": category.locale,
        "description": category.description,
        "position": category.position,
        "account_id": category.account_id,
    })
}

/// `_category`: `related_categories` is `{}` (the sandbox keeps no related
/// categories: an empty jbuilder block renders `{}`); `parent_category` and
/// `root_category` only when they exist.
pub(crate) fn category(hc: &HelpCenter, category: &Category) -> Value {
    category_in(hc, category, None)
}

/// `_category` as the index renders it: `meta.articles_count` counts the
/// category's articles in `locale` when the query gives one
/// (`category.articles.search(locale: @current_locale)`).
pub(crate) fn category_in(hc: &HelpCenter, category: &Category, locale: Option<&str>) -> Value {
    let articles = (hc.articles.list.iter())
        .filter(|a| a.category_id == Some(category.id))
        .filter(|a| locale.is_none_or(|l| a.locale == l))
        .count();
    let mut map = Map::new();
    if let Value::Object(brief) = category_ref(category) {
        map = brief;
    }
    map.insert("icon".into(), json!(category.icon));
    map.insert("related_categories".into(), json!({}));
    let linked = [
        ("parent_category", category.parent_category_id),
        ("root_category", category.associated_category_id),
    ];
    for (key, id) in linked {
        if let Some(other) = hc.category(id) {
            map.insert(key.into(), category_ref(other));
        }
    }
    map.insert("meta".into(), json!({"articles_count": articles}));
    Value::Object(map)
}

/// The article's author as `models/_agent` renders a user, if it exists.
fn author(store: &Store, account_id: i64, article: &Article) -> Option<Value> {
    let who = AssigneeRef::User(article.author_id?);
    render::assignee(store, account_id, who).map(|a| render::to_json(&a))
}

/// `_article`, for a request in `account_id`; `associated_articles` are the
/// articles that translate this one (`{}` when none).
pub(crate) fn article(store: &Store, account_id: i64, article: &Article) -> Value {
    let hc = &store.help_center;
    let category = hc.category(article.category_id);
    let mut map = Map::new();
    let fields = json!({
        "id": article.id,
        "slug": article.slug,
        "title": article.title,
        "content": article.content,
        "description": article.description,
        "status": article.status,
        "position": article.position,
        "account_id": article.account_id,
        "updated_at": article.updated_at,
        "meta": article.meta,
        "category": {
            "id": article.category_id,
            "name": category.map(|c| &c.name),
            "slug": category.map(|c| &c.slug),
            "locale": category.map(|c| &c.locale),
        },
        "views": article.views,
    });
    if let Value::Object(fields) = fields {
        map = fields;
    }
    if let Some(author) = author(store, account_id, article) {
        map.insert("author".into(), author);
    }
    let translations: Vec<Value> = hc
        .articles
        .list
        .iter()
        .filter(|a| a.associated_article_id == Some(article.id))
        .map(|a| associated(store, account_id, a))
        .collect();
    let translations = match translations.is_empty() {
        true => json!({}),
        false => Value::Array(translations),
    };
    map.insert("associated_articles".into(), translations);
    Value::Object(map)
}

/// `_associated_article`: a translation, with its portal.
fn associated(store: &Store, account_id: i64, article: &Article) -> Value {
    let hc = &store.help_center;
    let mut map = Map::new();
    let fields = json!({
        "id": article.id,
        "category_id": article.category_id,
        "title": article.title,
        "content": article.content,
        "description": article.description,
        "status": article.status,
        "account_id": article.account_id,
    });
    if let Value::Object(fields) = fields {
        map = fields;
    }
    if let Some(p) = hc.portals.list.iter().find(|p| p.id == article.portal_id) {
        map.insert("portal".into(), portal(hc, p));
    }
    map.insert("views".into(), json!(article.views));
    if let Some(author) = author(store, account_id, article) {
        map.insert("author".into(), author);
    }
    Value::Object(map)
}
