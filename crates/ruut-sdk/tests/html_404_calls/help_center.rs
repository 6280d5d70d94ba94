//! The help center calls of the SDK (portals, a portal's categories and
//! articles), each with the operation it sends, for the HTML 404 check.

use ruut_sdk::enums::ArticleStatus;
use ruut_sdk::{Client, Operation};

use super::{Call, call};

/// Every call, with its name and operation.
pub fn calls(client: &Client) -> Vec<(&'static str, Operation, Call<'_>)> {
    let portal = client.portal("handbook");
    let handle = || client.portal("handbook");
    vec![
        (
            "list_portals",
            Operation::ListPortals,
            call(client.list_portals()),
        ),
        (
            "get_portal",
            Operation::GetPortal,
            call(client.get_portal("handbook")),
        ),
        (
            "create_portal",
            Operation::CreatePortal,
            call(client.create_portal("Handbook", "handbook").send()),
        ),
        (
            "portal.update",
            Operation::UpdatePortal,
            call(portal.update().archived(true).send()),
        ),
        (
            "portal.categories().create",
            Operation::CreateCategory,
            call(portal.categories().create("Billing", "billing").send()),
        ),
        (
            "portal.delete",
            Operation::DeletePortal,
            call(async move { handle().delete().await }),
        ),
        (
            "portal.categories().list",
            Operation::ListCategories,
            call(portal.categories().list().locale("en").send()),
        ),
        (
            "get_category",
            Operation::GetCategory,
            call(client.get_category("handbook", 1)),
        ),
        (
            "portal.category.update",
            Operation::UpdateCategory,
            call(async move { handle().category(1).update().name("x").send().await }),
        ),
        (
            "portal.category.delete",
            Operation::DeleteCategory,
            call(async move { handle().category(1).delete().await }),
        ),
        (
            "portal.articles().list",
            Operation::ListArticles,
            call(portal.articles().list().status(ArticleStatus::Draft).send()),
        ),
        (
            "get_article",
            Operation::GetArticle,
            call(client.get_article("handbook", 1)),
        ),
        (
            "portal.article.update",
            Operation::UpdateArticle,
            call(async move { handle().article(1).update().title("x").send().await }),
        ),
        (
            "portal.article.delete",
            Operation::DeleteArticle,
            call(async move { handle().article(1).delete().await }),
        ),
        (
            "portal.articles().create",
            Operation::CreateArticle,
            call(
                portal
                    .articles()
                    .create("Refunds", "Five days.", 1)
                    .status(ArticleStatus::Published)
                    .send(),
            ),
        ),
    ]
}
