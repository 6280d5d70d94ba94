//! The help center calls of the SDK (portals, a portal's categories and
//! articles), each with the operation it sends, for the HTML 404 check.

use ruut_sdk::enums::ArticleStatus;
use ruut_sdk::{Client, Operation};

use super::{Call, call};

/// Every call, with its name and operation.
pub fn calls(client: &Client) -> Vec<(&'static str, Operation, Call<'_>)> {
    let portal = client.portal("handbook");
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
