//! The server, the accounts and the profile.

use ruut_api::operations::Operation::*;
use ruut_api::types::RuutId;

use crate::contract::{MISSING_ID, Step, send};

fn id_of(id: &RuutId) -> i64 {
    match id {
        RuutId::Int64(n) => *n,
        RuutId::String(s) => s.parse().expect("a numeric account id"),
    }
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::ok(
            GetServerInfo,
            "no token",
            send!(|c| c.anonymous.get_server_info()),
        ),
        Step::ok(
            ListAccounts,
            "valid",
            send!(|c| c.user.list_accounts(), |accounts| c.learn(|found| {
                found.account = accounts.first().map_or(1, |a| id_of(&a.id));
            })),
        ),
        Step::status(
            ListAccounts,
            "bad token",
            401,
            send!(|c| c.stranger.list_accounts()),
        ),
        Step::ok(
            GetProfile,
            "valid",
            send!(|c| c.user.get_profile(), |profile| c.learn(|found| {
                found.me = profile.id;
            })),
        ),
        Step::status(
            GetProfile,
            "bad token",
            401,
            send!(|c| c.stranger.get_profile()),
        ),
        Step::ok(
            GetAccount,
            "valid",
            send!(|c| c.user.get_account().account_id(c.found().account)),
        ),
        Step::status(
            GetAccount,
            "unknown account",
            404,
            send!(|c| c.user.get_account().account_id(MISSING_ID)),
        ),
    ]
}
