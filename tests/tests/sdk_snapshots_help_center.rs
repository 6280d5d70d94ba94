//! The exact requests the SDK's help center helpers send (portals, a portal's
//! categories and articles), as the sandbox recorded them: method, path,
//! query, headers (the token redacted, `host` left out) and body. A change
//! here is a change on the wire; review it.

mod sdk_support;

use ruut_sandbox::Sandbox;
use ruut_sdk::enums::ArticleStatus;
use sdk_support::{client, sent};

#[tokio::test]
async fn help_center() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let seed = sandbox.seed_info().clone();
    let client = client(&sandbox);
    client.list_portals().await.unwrap();
    client.get_portal(&seed.portal_slug).await.unwrap();
    let admin = client.with_account_id(seed.second_account_id);
    let portal = admin
        .create_portal("Support", "support")
        .custom_domain("https://help.example.com")
        .color("#1f93ff")
        .header_text("How can we help?")
        .homepage_link("https://example.com")
        .page_title("Support")
        .locales(["en", "fr"], "en")
        .send()
        .await
        .unwrap();
    let handle = admin.portal(portal.slug);
    handle
        .update()
        .name("Help")
        .archived(false)
        .custom_domain("docs.example.com")
        .send()
        .await
        .unwrap();
    let category = handle
        .categories()
        .create("Billing", "billing")
        .locale("fr")
        .description("Factures")
        .icon("💳")
        .position(2)
        .send()
        .await
        .unwrap();
    handle
        .categories()
        .list()
        .locale("fr")
        .page(1)
        .send()
        .await
        .unwrap();
    admin
        .get_category(handle.slug(), category.id)
        .await
        .unwrap();
    handle
        .category(category.id)
        .update()
        .name("Facturation")
        .position(3)
        .send()
        .await
        .unwrap();
    let article = handle
        .articles()
        .create("Refunds", "Refunds take five days.", seed.user_id)
        .category(category.id)
        .status(ArticleStatus::Published)
        .description("How refunds work")
        .slug("refunds")
        .send()
        .await
        .unwrap();
    handle
        .articles()
        .list()
        .status(ArticleStatus::Published)
        .category_slug("billing")
        .locale("fr")
        .search("refund")
        .author(seed.user_id)
        .page(1)
        .send()
        .await
        .unwrap();
    admin.get_article(handle.slug(), article.id).await.unwrap();
    handle
        .article(article.id)
        .update()
        .title("Refunds and returns")
        .status(ArticleStatus::Archived)
        .position(5)
        .send()
        .await
        .unwrap();
    handle.article(article.id).delete().await.unwrap();
    handle.category(category.id).delete().await.unwrap();
    handle.delete().await.unwrap();
    insta::assert_yaml_snapshot!(sent(&sandbox));
}
