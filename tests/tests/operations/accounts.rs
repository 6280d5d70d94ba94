//! The server, the profile and the accounts.

use std::collections::BTreeSet;
use std::sync::Arc;

use ruut_sandbox::Sandbox;

use crate::Operation;
use crate::table::{Entry, How, Ids, Refused, World, call, job, refused, sdk};

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::GetServerInfo, |w| job(server_info(w)))
            .sdk(sdk!(|client, _ids| client.get_server_info())),
        Entry::new(Operation::GetProfile, |w| job(profile(w)))
            .call(call!(|api, _ids| api.get_profile()))
            .sdk(sdk!(|client, _ids| client.get_profile())),
        Entry::new(Operation::ListAccounts, |w| job(accounts(w)))
            .call(call!(|api, _ids| api.list_accounts()))
            .sdk(sdk!(|client, _ids| client.list_accounts()))
            .refuses(
                404,
                "a stock Chatwoot server (no such route)",
                How::Provoke(|_| job(stock_chatwoot())),
            ),
        Entry::new(Operation::GetAccount, |w| job(account(w)))
            .call(call!(|api, ids| api.get_account().account_id(ids.account)))
            .sdk(sdk!(|client, _ids| client.get_account()))
            // accounts#show looks the account up among the user's own: a stranger's is a 404.
            .refuses(
                404,
                "another user's account",
                How::Ids(|ids, seed| Ids {
                    account: seed.foreign_account_id,
                    ..ids
                }),
            ),
    ]
}

/// listAccounts on a sandbox without Ruut's documented routes: Rails' routing 404.
async fn stock_chatwoot() -> Refused {
    let stock = Sandbox::builder()
        .chatwoot_only(true)
        .start()
        .await
        .expect("chatwoot-only sandbox");
    let client = ruut_tests::raw_client(stock.base_url(), Some(stock.user_token()));
    let answer = refused(client.list_accounts().send().await);
    assert_eq!(
        answer.body.status,
        Some(404),
        "Rails' routing 404: {answer:?}"
    );
    answer
}

async fn server_info(w: Arc<World>) {
    let info = w
        .client("")
        .get_server_info()
        .send()
        .await
        .expect("no auth needed");
    assert_eq!(info.version, ruut_sandbox::CHATWOOT_VERSION);
}

async fn profile(w: Arc<World>) {
    let profile = w.api.get_profile().send().await.expect("profile");
    assert_eq!(profile.id, w.seed.user_id);
    let ids: BTreeSet<i64> = profile.accounts.iter().map(|a| a.id).collect();
    assert_eq!(
        ids,
        BTreeSet::from([w.seed.account_id, w.seed.second_account_id])
    );
}

async fn accounts(w: Arc<World>) {
    let accounts = w
        .api
        .list_accounts()
        .send()
        .await
        .expect("documented listAccounts");
    let ids: BTreeSet<String> = accounts.iter().map(|a| a.id.to_string()).collect();
    assert_eq!(
        ids,
        BTreeSet::from([
            w.seed.account_id.to_string(),
            w.seed.second_account_id.to_string()
        ])
    );
}

async fn account(w: Arc<World>) {
    let account = w
        .api
        .get_account()
        .account_id(w.seed.account_id)
        .send()
        .await
        .expect("account");
    assert_eq!(account.id, w.seed.account_id);
}
