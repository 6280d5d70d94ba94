//! The help center: portals, their categories and articles (Chatwoot's
//! `Portal`, `Category`, `Article`). Records, their validations as the
//! models run them ([`rules`]) and their JSON as the jbuilder views render it
//! ([`json`]).

pub(crate) mod json;
pub(crate) mod rules;

use serde_json::{Value, json};

use crate::records::{AccountRecords, account_record};

/// A portal (`portals` table). Its slug is unique across the whole server.
#[derive(Clone, Debug)]
pub(crate) struct Portal {
    pub id: i64,
    pub account_id: i64,
    pub name: String,
    pub slug: String,
    pub custom_domain: Option<String>,
    pub color: Option<String>,
    pub header_text: Option<String>,
    pub homepage_link: Option<String>,
    pub page_title: Option<String>,
    pub archived: Option<bool>,
    /// `config['default_locale']` (`en` when absent, as `Portal#default_locale`).
    pub default_locale: String,
    /// `config['allowed_locales']`.
    pub allowed_locales: Vec<String>,
}

/// A category of a portal (`categories` table).
#[derive(Clone, Debug)]
pub(crate) struct Category {
    pub id: i64,
    pub account_id: i64,
    pub portal_id: i64,
    pub name: String,
    pub slug: String,
    pub locale: String,
    pub description: Option<String>,
    pub position: Option<i64>,
    pub icon: String,
    pub parent_category_id: Option<i64>,
    /// The root category this one translates (`root_category`).
    pub associated_category_id: Option<i64>,
}

/// An article of a portal (`articles` table).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Article {
    pub id: i64,
    pub account_id: i64,
    pub portal_id: i64,
    pub category_id: Option<i64>,
    pub author_id: Option<i64>,
    /// The root article this one translates (`root_article`).
    pub associated_article_id: Option<i64>,
    pub title: String,
    pub slug: String,
    pub content: String,
    pub description: Option<String>,
    /// `draft`, `published` or `archived` (the enum's names).
    pub status: String,
    pub position: Option<i64>,
    pub locale: String,
    pub meta: Value,
    pub views: Option<i64>,
    /// Unix seconds.
    pub updated_at: i64,
}

/// Every account's portals, categories and articles, each table with its
/// next id.
#[derive(Clone, Debug, Default)]
pub(crate) struct HelpCenter {
    pub portals: AccountRecords<Portal>,
    pub categories: AccountRecords<Category>,
    pub articles: AccountRecords<Article>,
}

account_record!(Portal);
account_record!(Category);
account_record!(Article);

impl HelpCenter {
    /// Where the account's portal with this slug is in `portals`
    /// (`Current.account.portals.find_by(slug:)`).
    pub fn portal_index(&self, account_id: i64, slug: &str) -> Option<usize> {
        self.portals
            .list
            .iter()
            .position(|p| p.account_id == account_id && p.slug == slug)
    }

    /// Any category of the server with this id (`belongs_to` looks globally).
    pub fn category(&self, id: Option<i64>) -> Option<&Category> {
        let id = id?;
        self.categories.list.iter().find(|c| c.id == id)
    }

    /// The portal's categories.
    pub fn categories_of(&self, portal_id: i64) -> impl Iterator<Item = &Category> {
        self.categories
            .list
            .iter()
            .filter(move |c| c.portal_id == portal_id)
    }

    /// The portal's articles.
    pub fn articles_of(&self, portal_id: i64) -> impl Iterator<Item = &Article> {
        self.articles
            .list
            .iter()
            .filter(move |a| a.portal_id == portal_id)
    }
}

/// What the seed made, for [`crate::SeedInfo`].
pub(crate) struct Seeded {
    /// The main account's portal (the token user is an agent there).
    pub portal_slug: String,
    /// The second account's portal (the token user is an administrator).
    pub admin_portal_slug: String,
    /// A category of the second account's portal.
    pub admin_category_id: i64,
    /// A published article of that category, by the token user.
    pub admin_article_id: i64,
}

/// Seeds a portal in `account_id`, and a portal with one category and one
/// article by `author` in `admin_account_id`.
pub(crate) fn seed(
    hc: &mut HelpCenter,
    account_id: i64,
    admin_account_id: i64,
    author: i64,
    at: i64,
) -> Seeded {
    let portal = |hc: &mut HelpCenter, account_id, name: &str, slug: &str| {
        let id = hc.portals.take_id();
        hc.portals.list.push(Portal {
            id,
            account_id,
            name: name.to_owned(),
            slug: slug.to_owned(),
            custom_domain: None,
            color: Some("#1f93ff".to_owned()),
            header_text: Some("How can we help?".to_owned()),
            homepage_link: None,
            page_title: Some(name.to_owned()),
            archived: Some(false),
            default_locale: "en".to_owned(),
            allowed_locales: vec!["en".to_owned()],
        });
        id
    };
    portal(hc, account_id, "Product docs", "product-docs");
    let admin_portal = portal(hc, admin_account_id, "Handbook", "handbook");
    let category_id = hc.categories.take_id();
    hc.categories.list.push(Category {
        id: category_id,
        account_id: admin_account_id,
        portal_id: admin_portal,
        name: "Getting started".to_owned(),
        slug: "getting-started".to_owned(),
        locale: "en".to_owned(),
        description: Some("The first steps".to_owned()),
        position: Some(1),
        icon: String::new(),
        parent_category_id: None,
        associated_category_id: None,
    });
    let article_id = hc.articles.take_id();
    hc.articles.list.push(Article {
        id: article_id,
        account_id: admin_account_id,
        portal_id: admin_portal,
        category_id: Some(category_id),
        author_id: Some(author),
        associated_article_id: None,
        title: "Welcome".to_owned(),
        slug: format!("{at}-welcome"),
        content: "Start here.".to_owned(),
        description: None,
        status: "published".to_owned(),
        position: Some(10),
        locale: "en".to_owned(),
        meta: json!({}),
        views: Some(0),
        updated_at: at,
    });
    Seeded {
        portal_slug: "product-docs".to_owned(),
        admin_portal_slug: "handbook".to_owned(),
        admin_category_id: category_id,
        admin_article_id: article_id,
    }
}
