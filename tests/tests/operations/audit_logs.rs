//! Audit logs (Enterprise): the second account's seeded entries name its
//! own records, newest first.

use std::sync::Arc;

use crate::Operation;
use crate::report_data::raw;
use crate::table::{Entry, How, World, call, job, provoke, sdk};

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::ListAuditLogs, |w| job(list(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .audit_logs()
                .send()))
            .call(call!(|api, ids| api
                .list_audit_logs()
                .account_id(ids.account)))
            .refuses(
                401,
                "an agent",
                provoke!(|w| w.api.list_audit_logs().account_id(w.seed.account_id)),
            )
            .saying("You are not authorized to do this action")
            .refuses(
                422,
                "a page that is not a number",
                How::Provoke(|w| {
                    job(async move {
                        let path = "v1/accounts/{account}/audit_logs";
                        raw(w, path, "page=two").await.0
                    })
                }),
            ),
    ]
}

async fn list(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let page = w.api.list_audit_logs().account_id(account);
    let page = page.send().await.expect("listed").into_inner();
    assert_eq!((page.per_page, page.current_page), (15, 1));
    assert_eq!(
        page.total_entries as usize,
        page.audit_logs.len(),
        "one page"
    );
    let times: Vec<i64> = page.audit_logs.iter().map(|l| l.created_at).collect();
    assert!(times.is_sorted_by(|a, b| a >= b), "newest first: {times:?}");
    let team = page
        .audit_logs
        .iter()
        .find(|l| l.auditable_type.as_deref() == Some("Team"))
        .expect("the team's creation");
    let name = team.auditable.as_ref().and_then(|a| a.get("name")).cloned();
    assert_eq!(name, team.audited_changes.get("name").cloned(), "{team:?}");
    assert!(
        page.audit_logs
            .iter()
            .all(|l| l.associated_id == Some(account)),
        "all associated with the account"
    );
    let beyond = w.api.list_audit_logs().account_id(account).page(2);
    let beyond = beyond.send().await.expect("page 2").into_inner();
    assert!(beyond.audit_logs.is_empty() && beyond.current_page == 2);
}
