//! A portal's articles beyond their creation: listed by any member (filters,
//! counts, pages), read, changed and deleted by administrators.

use std::sync::Arc;

use ruut_api::enums::ArticleStatus;
use ruut_api::types::{Article, ArticleCreate, ArticleList, ArticleUpdate, IntegerOrString};

use crate::Operation;
use crate::table::{Entry, World, call, job, provoke, refused, sdk};

const NOT_AUTHORIZED: &str = "You are not authorized to do this action";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListArticles, |w| job(list(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .portal(ids.portal)
                .articles()
                .list()
                .status(ArticleStatus::Published)
                .send()))
            .call(call!(|api, ids| api
                .list_articles()
                .account_id(ids.admin_account)
                .portal_id(ids.portal)))
            .rejects("a status that is none of the three", "?status=deleted"),
        Entry::new(Operation::GetArticle, |w| job(show(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .get_article(ids.portal, ids.article)))
            .call(call!(|api, ids| api
                .get_article()
                .account_id(ids.admin_account)
                .portal_id(ids.portal)
                .article_id(ids.article)))
            .refuses(
                401,
                "an agent (not an administrator), in a portal that exists",
                provoke!(|w| w
                    .api
                    .get_article()
                    .account_id(w.seed.account_id)
                    .portal_id(&w.seed.portal_slug)
                    .article_id(w.seed.admin_article_id)),
            )
            .saying(NOT_AUTHORIZED),
        Entry::new(Operation::UpdateArticle, |w| job(update(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .portal(ids.portal)
                .article(ids.article)
                .update()
                .title("From the SDK")
                .send()))
            .call(call!(|api, ids| api
                .update_article()
                .account_id(ids.admin_account)
                .portal_id(ids.portal)
                .article_id(ids.article)
                .body(ArticleUpdate::default())))
            .refuses(
                401,
                "an agent (not an administrator), in a portal that exists",
                provoke!(|w| w
                    .api
                    .update_article()
                    .account_id(w.seed.account_id)
                    .portal_id(&w.seed.portal_slug)
                    .article_id(w.seed.admin_article_id)
                    .body(ArticleUpdate::default())),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "a blank title",
                provoke!(|w| w
                    .api
                    .update_article()
                    .account_id(w.seed.second_account_id)
                    .portal_id(&w.seed.admin_portal_slug)
                    .article_id(w.seed.admin_article_id)
                    .body(ArticleUpdate {
                        title: Some(String::new()),
                        ..ArticleUpdate::default()
                    })),
            )
            .saying("Title can't be blank"),
        Entry::new(Operation::DeleteArticle, |w| job(delete(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .portal(ids.portal)
                .article(ids.article)
                .delete()))
            .call(call!(|api, ids| api
                .delete_article()
                .account_id(ids.admin_account)
                .portal_id(ids.portal)
                .article_id(ids.article)))
            .refuses(
                401,
                "an agent (not an administrator), in a portal that exists",
                provoke!(|w| w
                    .api
                    .delete_article()
                    .account_id(w.seed.account_id)
                    .portal_id(&w.seed.portal_slug)
                    .article_id(w.seed.admin_article_id)),
            )
            .saying(NOT_AUTHORIZED),
    ]
}

/// Creates an article of the administered portal, with no category.
async fn add(w: &World, title: &str, author_id: i64, status: ArticleStatus) -> Article {
    let request = w.api.create_article().account_id(w.seed.second_account_id);
    let request = request.portal_id(&w.seed.admin_portal_slug);
    let body = ArticleCreate {
        title: title.to_owned(),
        content: format!("All about {title}."),
        author_id,
        status: Some(status),
        associated_article_id: None,
        category_id: None,
        description: None,
        locale: None,
        meta: None,
        position: None,
        slug: None,
    };
    request
        .body(body)
        .send()
        .await
        .expect("created")
        .into_inner()
        .payload
}

fn ids(list: &ArticleList) -> Vec<i64> {
    list.payload.iter().map(|a| a.id).collect()
}

async fn list(w: Arc<World>) {
    let me = w.seed.user_id;
    let refunds = add(&w, "Refund policy", me, ArticleStatus::Draft).await;
    let other = w.seed.agent_ids[0];
    let old = add(&w, "Old pricing", other, ArticleStatus::Archived).await;
    let welcome = w.seed.admin_article_id;
    let listing = || {
        (w.api.list_articles())
            .account_id(w.seed.second_account_id)
            .portal_id(&w.seed.admin_portal_slug)
    };
    let all = listing().send().await.expect("listed").into_inner();
    assert_eq!(
        ids(&all),
        [old.id, refunds.id, welcome],
        "last changed first"
    );
    let m = &all.meta;
    assert_eq!((m.all_articles_count, m.articles_count), (3, 3));
    assert_eq!(
        (
            m.published_count,
            m.draft_articles_count,
            m.archived_articles_count
        ),
        (1, 1, 1)
    );
    assert_eq!(m.mine_articles_count, 2, "the seeded article and the draft");
    assert_eq!(m.current_page, IntegerOrString::Int64(1));
    let drafts = listing().status(ArticleStatus::Draft).send().await;
    let drafts = drafts.expect("listed").into_inner();
    assert_eq!(ids(&drafts), [refunds.id]);
    assert_eq!(
        drafts.meta.articles_count, 3,
        "the counts ignore the status"
    );
    let theirs = listing().author_id(other).send().await.expect("listed");
    assert_eq!(ids(&theirs.into_inner()), [old.id]);
    let found = listing().query("REFUN").send().await.expect("listed");
    let found = found.into_inner();
    assert_eq!(ids(&found), [refunds.id], "a prefix, any case");
    assert_eq!(found.meta.articles_count, 1, "the counts follow the words");
    let filed = listing().category_slug("getting-started").send().await;
    assert_eq!(ids(&filed.expect("listed").into_inner()), [welcome]);
    let french = listing().locale("fr").send().await.expect("listed");
    let french = french.into_inner();
    assert!(french.payload.is_empty());
    assert_eq!(
        (french.meta.all_articles_count, french.meta.articles_count),
        (3, 0)
    );
    let second = listing().page(2).send().await.expect("listed").into_inner();
    assert!(second.payload.is_empty(), "25 a page");
    let sent = IntegerOrString::String("2".to_owned());
    assert_eq!(second.meta.current_page, sent, "echoed as sent");
    let agent = w.api.list_articles().account_id(w.seed.account_id);
    let docs = agent.portal_id(&w.seed.portal_slug).send().await;
    let docs = docs.expect("an agent lists them").into_inner();
    assert_eq!(docs.meta.all_articles_count, 0);
}

async fn show(w: Arc<World>) {
    let read = w.api.get_article().account_id(w.seed.second_account_id);
    let read = read.portal_id(&w.seed.admin_portal_slug);
    let article = read.article_id(w.seed.admin_article_id).send().await;
    let article = article.expect("read").into_inner().payload;
    assert_eq!(article.title, "Welcome");
    assert_eq!(article.status, Some(ArticleStatus::Published));
    assert_eq!(article.category.slug.as_deref(), Some("getting-started"));
    let author = article.author.expect("the author");
    assert_eq!(author.id, w.seed.user_id);
    let agent = w.api.get_article().account_id(w.seed.account_id);
    let unknown = agent.portal_id("no-such-portal").article_id(article.id);
    let answer = refused(unknown.send().await);
    assert_eq!(answer.status, 404, "the portal is looked up first");
}

async fn read(w: &World, id: i64) -> Article {
    let request = w.api.get_article().account_id(w.seed.second_account_id);
    let request = request.portal_id(&w.seed.admin_portal_slug).article_id(id);
    request.send().await.expect("read").into_inner().payload
}

async fn update(w: Arc<World>) {
    let id = w.seed.admin_article_id;
    let change = |body: ArticleUpdate| {
        (w.api.update_article())
            .account_id(w.seed.second_account_id)
            .portal_id(&w.seed.admin_portal_slug)
            .article_id(id)
            .body(body)
    };
    let before = read(&w, id).await;
    let same = change(ArticleUpdate::default())
        .send()
        .await
        .expect("no change");
    let same = same.into_inner().payload;
    assert_eq!(same.updated_at, before.updated_at, "nothing to change");
    let changed = change(ArticleUpdate {
        title: Some("Hello".to_owned()),
        status: Some(ArticleStatus::Archived),
        ..ArticleUpdate::default()
    });
    let changed = changed.send().await.expect("changed").into_inner().payload;
    assert_eq!(changed.title, "Hello");
    assert_eq!(changed.content, before.content, "kept");
    let read_back = read(&w, id).await;
    assert_eq!(read_back.status, Some(ArticleStatus::Archived), "persisted");
    let filed = add(&w, "Filed", w.seed.user_id, ArticleStatus::Draft).await;
    assert_eq!(filed.position, Some(10), "first without a category");
    let unfiled = (w.api.update_article())
        .account_id(w.seed.second_account_id)
        .portal_id(&w.seed.admin_portal_slug)
        .article_id(filed.id)
        .body(ArticleUpdate {
            category_id: Some(read_back.category.id.expect("a category")),
            position: Some(1),
            ..ArticleUpdate::default()
        });
    let unfiled = unfiled.send().await.expect("moved").into_inner().payload;
    assert_eq!(unfiled.position, Some(20), "last in its new category");
    assert_eq!(unfiled.category.slug.as_deref(), Some("getting-started"));
}

async fn delete(w: Arc<World>) {
    let id = w.seed.admin_article_id;
    let removal = || {
        (w.api.delete_article())
            .account_id(w.seed.second_account_id)
            .portal_id(&w.seed.admin_portal_slug)
            .article_id(id)
    };
    removal().send().await.expect("deleted");
    assert_eq!(refused(removal().send().await).status, 404, "gone");
    let listed = (w.api.list_articles())
        .account_id(w.seed.second_account_id)
        .portal_id(&w.seed.admin_portal_slug)
        .send()
        .await
        .expect("listed")
        .into_inner();
    assert_eq!(listed.meta.all_articles_count, 0, "not listed");
}
