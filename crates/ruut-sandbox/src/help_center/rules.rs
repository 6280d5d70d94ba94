//! What the help center's models accept: the permitted fields of a body
//! applied to a record, and the validations with Chatwoot's full messages.

use serde_json::{Map, Value};

use super::{Article, Category, HelpCenter, Portal};
use crate::admin_config::invalid;
use crate::errors::ApiError;
use crate::state::Store;
use crate::validate::Fields;

/// `normalize_empty_string_to_nil`: an empty string is no value.
fn blank_to_none(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.is_empty())
}

/// `PortalsController#parsed_custom_domain`: an `http`/`https` URL is kept
/// as its host; anything else as it is.
pub(crate) fn custom_domain_host(domain: &str) -> String {
    let lower = domain.to_ascii_lowercase();
    let Some(rest) = ["http://", "https://"]
        .iter()
        .find(|s| lower.starts_with(*s))
        .map(|s| &domain[s.len()..])
    else {
        return domain.to_owned();
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    host.split(':').next().unwrap_or_default().to_owned()
}

/// Applies `portal_params` (name, slug, custom_domain, color, header_text,
/// homepage_link, page_title, archived, config) to `portal`.
pub(crate) fn apply_portal(
    portal: &mut Portal,
    fields: &Map<String, Value>,
) -> Result<(), ApiError> {
    let f = Fields(fields);
    if let Some(name) = f.string("name", false)? {
        portal.name = name;
    }
    if let Some(slug) = f.string("slug", false)? {
        portal.slug = slug;
    }
    let optional: [(&str, &mut Option<String>); 5] = [
        ("custom_domain", &mut portal.custom_domain),
        ("color", &mut portal.color),
        ("header_text", &mut portal.header_text),
        ("homepage_link", &mut portal.homepage_link),
        ("page_title", &mut portal.page_title),
    ];
    for (key, slot) in optional {
        if fields.contains_key(key) {
            *slot = f.string(key, true)?;
        }
    }
    portal.custom_domain = blank_to_none(portal.custom_domain.take());
    portal.homepage_link = blank_to_none(portal.homepage_link.take());
    if fields.contains_key("archived") {
        portal.archived = match fields.get("archived") {
            Some(Value::Null) => None,
            _ => f.bool("archived")?,
        };
    }
    if let Some(config) = f.object("config")? {
        apply_config(portal, &config)?;
    }
    Ok(())
}

/// A `config` replaces the portal's; without `allowed_locales` the server
/// would save a config none of its views can render, so it is refused.
fn apply_config(portal: &mut Portal, config: &Map<String, Value>) -> Result<(), ApiError> {
    let f = Fields(config);
    let locales = match config.get("allowed_locales") {
        None | Some(Value::Null) => return Err(ApiError::missing("allowed_locales")),
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect::<Option<Vec<String>>>()
            .ok_or_else(|| ApiError::invalid("allowed_locales", "an array of strings"))?,
        Some(_) => return Err(ApiError::invalid("allowed_locales", "an array of strings")),
    };
    portal.allowed_locales = locales;
    portal.default_locale = f
        .string("default_locale", true)?
        .unwrap_or_else(|| "en".to_owned());
    Ok(())
}

/// `Portal`'s validations, in the model's order.
pub(crate) fn validate_portal(hc: &HelpCenter, portal: &Portal) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if portal.name.trim().is_empty() {
        errors.push(("name", "Name can't be blank".to_owned()));
    }
    if portal.slug.trim().is_empty() {
        errors.push(("slug", "Slug can't be blank".to_owned()));
    }
    let others = || hc.portals.list.iter().filter(|p| p.id != portal.id);
    if others().any(|p| p.slug == portal.slug) {
        errors.push(("slug", "Slug has already been taken".to_owned()));
    }
    if portal.custom_domain.is_some() && others().any(|p| p.custom_domain == portal.custom_domain) {
        let message = "Custom domain has already been taken".to_owned();
        errors.push(("custom_domain", message));
    }
    invalid(&errors)
}

/// Applies `category_params` (name, description, position, slug, locale,
/// icon, parent_category_id, associated_category_id) to `category`.
pub(crate) fn apply_category(
    category: &mut Category,
    fields: &Map<String, Value>,
) -> Result<(), ApiError> {
    let f = Fields(fields);
    if let Some(name) = f.string("name", false)? {
        category.name = name;
    }
    if let Some(slug) = f.string("slug", false)? {
        category.slug = slug;
    }
    if let Some(locale) = f.string("locale", false)? {
        category.locale = locale;
    }
    if let Some(icon) = f.string("icon", false)? {
        category.icon = icon;
    }
    if fields.contains_key("description") {
        category.description = f.string("description", true)?;
    }
    let ids: [(&str, &mut Option<i64>); 3] = [
        ("position", &mut category.position),
        ("parent_category_id", &mut category.parent_category_id),
        (
            "associated_category_id",
            &mut category.associated_category_id,
        ),
    ];
    for (key, slot) in ids {
        match fields.get(key) {
            None => {}
            Some(Value::Null) => *slot = None,
            Some(_) => *slot = f.int(key)?,
        }
    }
    Ok(())
}

/// `Category`'s validations, in the model's order.
pub(crate) fn validate_category(
    hc: &HelpCenter,
    portal: &Portal,
    category: &Category,
) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if category.slug.trim().is_empty() {
        errors.push(("slug", "Slug can't be blank".to_owned()));
    }
    if category.name.trim().is_empty() {
        errors.push(("name", "Name can't be blank".to_owned()));
    }
    if !portal.allowed_locales.contains(&category.locale) {
        let allowed: Vec<String> = portal
            .allowed_locales
            .iter()
            .map(|l| format!("{l:?}"))
            .collect();
        let message = format!(
            "Locale {} of category is not part of portal's [{}].",
            category.locale,
            allowed.join(", ")
        );
        errors.push(("locale", message));
    }
    let taken = hc
        .categories_of(portal.id)
        .any(|c| c.id != category.id && c.slug == category.slug && c.locale == category.locale);
    if taken {
        let message = "Locale should be unique in the category and portal".to_owned();
        errors.push(("locale", message));
    }
    invalid(&errors)
}

/// `title.underscore.parameterize(separator: '-')`, for ASCII titles.
pub(crate) fn parameterize(title: &str) -> String {
    let mut underscored = String::new();
    let mut previous_lower = false;
    for c in title.chars() {
        if c.is_ascii_uppercase() && previous_lower {
            underscored.push('_');
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        underscored.push(c.to_ascii_lowercase());
    }
    let mut slug = String::new();
    for c in underscored.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_owned()
}

/// Applies `article_params` (title, slug, position, content, description,
/// category_id, author_id, associated_article_id, status, locale, meta).
pub(crate) fn apply_article(
    article: &mut Article,
    fields: &Map<String, Value>,
) -> Result<(), ApiError> {
    let f = Fields(fields);
    let strings: [(&str, &mut String); 4] = [
        ("title", &mut article.title),
        ("content", &mut article.content),
        ("slug", &mut article.slug),
        ("locale", &mut article.locale),
    ];
    for (key, slot) in strings {
        if let Some(value) = f.string(key, false)? {
            *slot = value;
        }
    }
    if fields.contains_key("description") {
        article.description = f.string("description", true)?;
    }
    let statuses = ["draft", "published", "archived"];
    if let Some(status) = f.one_of("status", &statuses, false)? {
        article.status = status;
    }
    let ids: [(&str, &mut Option<i64>); 4] = [
        ("position", &mut article.position),
        ("category_id", &mut article.category_id),
        ("author_id", &mut article.author_id),
        ("associated_article_id", &mut article.associated_article_id),
    ];
    for (key, slot) in ids {
        match fields.get(key) {
            None => {}
            Some(Value::Null) => *slot = None,
            Some(_) => *slot = f.int(key)?,
        }
    }
    if let Some(meta) = f.object("meta")? {
        article.meta = Value::Object(meta);
    }
    Ok(())
}

/// `Article`'s validations (`belongs_to :author`, then the presences), and
/// the unique slug the server's index enforces (a 500 there).
pub(crate) fn validate_article(store: &Store, article: &Article) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    let author = article.author_id.and_then(|id| store.user(id));
    if author.is_none() {
        errors.push(("author", "Author must exist".to_owned()));
    }
    if article.author_id.is_none() {
        errors.push(("author_id", "Author can't be blank".to_owned()));
    }
    if article.title.trim().is_empty() {
        errors.push(("title", "Title can't be blank".to_owned()));
    }
    if article.content.trim().is_empty() {
        errors.push(("content", "Content can't be blank".to_owned()));
    }
    invalid(&errors)?;
    let taken = (store.help_center.articles.list.iter())
        .any(|a| a.id != article.id && a.slug == article.slug);
    if taken {
        return invalid(&[("slug", "Slug has already been taken".to_owned())]);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_parameterized_as_rails_does() {
        assert_eq!(parameterize("Refunds take 5 days!"), "refunds-take-5-days");
        assert_eq!(parameterize("HelloWorld"), "hello_world");
        assert_eq!(parameterize("  --a  b--"), "a-b");
    }

    #[test]
    fn urls_keep_their_host() {
        assert_eq!(
            custom_domain_host("https://help.example.com/x"),
            "help.example.com"
        );
        assert_eq!(
            custom_domain_host("http://u@docs.example.com:8080"),
            "docs.example.com"
        );
        assert_eq!(custom_domain_host("docs.example.com"), "docs.example.com");
    }
}
