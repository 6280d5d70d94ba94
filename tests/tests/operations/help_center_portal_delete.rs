//! A portal deleted by an administrator, with its categories and articles.

use std::sync::Arc;

use ruut_api::types::{ArticleCreate, PortalCreate};

use crate::Operation;
use crate::table::{Entry, World, call, job, provoke, refused, sdk};

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::DeletePortal, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .portal(ids.portal)
                .delete()))
            .call(call!(|api, ids| api
                .delete_portal()
                .account_id(ids.admin_account)
                .portal_id(ids.portal)))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .delete_portal()
                    .account_id(w.seed.account_id)
                    .portal_id(&w.seed.portal_slug)),
            )
            .saying("You are not authorized to do this action"),
    ]
}

async fn delete(w: Arc<World>) {
    let (account, slug) = (w.seed.second_account_id, &w.seed.admin_portal_slug);
    let article = w.api.get_article().account_id(account).portal_id(slug);
    let article = article.article_id(w.seed.admin_article_id).send().await;
    let taken = article.expect("read").into_inner().payload.slug;
    let removal = || w.api.delete_portal().account_id(account).portal_id(slug);
    removal().send().await.expect("deleted");
    assert_eq!(refused(removal().send().await).status, 404, "gone");
    let read = w.api.get_portal().account_id(account).portal_id(slug);
    assert_eq!(refused(read.send().await).status, 404, "not readable");
    let listed = w.api.list_portals().account_id(account).send().await;
    let listed = listed.expect("listed").into_inner().payload;
    assert!(listed.iter().all(|p| p.slug != *slug), "not listed");
    let again = w
        .api
        .create_portal()
        .account_id(account)
        .body(PortalCreate {
            name: "Handbook again".to_owned(),
            slug: slug.clone(),
            custom_domain: String::new(),
            archived: None,
            color: None,
            config: None,
            header_text: None,
            homepage_link: None,
            page_title: None,
        });
    again.send().await.expect("the slug is free");
    let reuse = w.api.create_article().account_id(account).portal_id(slug);
    let reuse = reuse.body(ArticleCreate {
        title: "Welcome back".to_owned(),
        content: "Start here.".to_owned(),
        author_id: w.seed.user_id,
        slug: Some(taken),
        associated_article_id: None,
        category_id: None,
        description: None,
        locale: None,
        meta: None,
        position: None,
        status: None,
    });
    reuse
        .send()
        .await
        .expect("the article's slug is free: it went with the portal");
}
