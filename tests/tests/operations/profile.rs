//! Changing the account (administrators) and the token's user: its details,
//! its availability and auto-offline in an account.

use std::sync::Arc;

use ruut_api::enums::AvailabilityStatus;
use ruut_api::types::{
    AccountUpdate, AutoOfflineRequest, AvailabilityRequest, Profile, ProfileUpdate,
};
use serde_json::json;

use crate::Operation;
use crate::table::{Entry, How, World, call, from_json, job, provoke, sdk};

const NOT_AUTHORIZED: &str = "You are not authorized to do this action";

pub fn entries() -> Vec<Entry> {
    vec![
        Entry::new(Operation::UpdateAccount, |w| job(update_account(w)))
            .sdk(sdk!(|client, ids| client
                .with_account_id(ids.admin_account)
                .update_account()
                .timezone("UTC")
                .send()))
            .call(call!(|api, ids| api
                .update_account()
                .account_id(ids.account)
                .body(AccountUpdate::default())))
            .refuses(
                401,
                "an agent (not an administrator)",
                provoke!(|w| w
                    .api
                    .update_account()
                    .account_id(w.seed.account_id)
                    .body(account_change(json!({"name": "Mine now"})))),
            )
            .saying(NOT_AUTHORIZED)
            .refuses(
                422,
                "an auto-resolve time under 10 minutes",
                provoke!(|w| w
                    .api
                    .update_account()
                    .account_id(w.seed.second_account_id)
                    .body(account_change(json!({"auto_resolve_after": 5})))),
            )
            .saying("Auto resolve after must be greater than or equal to 10")
            .refuses(
                422,
                "a blank name",
                provoke!(|w| w
                    .api
                    .update_account()
                    .account_id(w.seed.second_account_id)
                    .body(account_change(json!({"name": " "})))),
            )
            .saying("Name can't be blank"),
        Entry::new(Operation::UpdateProfile, |w| job(update_profile(w)))
            .sdk(sdk!(|client, _ids| client
                .update_profile()
                .display_name("Sandy")
                .send()))
            .call(call!(|api, _ids| api.update_profile().body(from_json::<
                ProfileUpdate,
            >(
                json!({"name": "Sandbox User"})
            ))))
            .rejects("an empty change", "{}")
            .saying("param is missing or the value is empty: profile"),
        Entry::new(Operation::SetAvailability, |w| job(set_availability(w)))
            .sdk(sdk!(
                |client, _ids| client.set_availability(AvailabilityStatus::Busy)
            ))
            .call(call!(|api, ids| api.set_availability().body(
                AvailabilityRequest {
                    account_id: ids.account,
                    availability: AvailabilityStatus::Online,
                }
            )))
            .refuses(
                404,
                "an account the user is not in",
                provoke!(|w| w.api.set_availability().body(AvailabilityRequest {
                    account_id: w.seed.foreign_account_id,
                    availability: AvailabilityStatus::Busy,
                })),
            )
            .rejects(
                "an availability the server does not know",
                r#"{"account_id": 1, "availability": "away"}"#,
            ),
        Entry::new(Operation::SetAutoOffline, |w| job(set_auto_offline(w)))
            .sdk(sdk!(|client, _ids| client.set_auto_offline(false)))
            .call(call!(|api, ids| api.set_auto_offline().body(
                AutoOfflineRequest {
                    account_id: ids.account,
                    auto_offline: Some(true),
                }
            )))
            .refuses(
                404,
                "an account the user is not in",
                provoke!(|w| w.api.set_auto_offline().body(AutoOfflineRequest {
                    account_id: w.seed.foreign_account_id,
                    auto_offline: Some(false),
                })),
            )
            .refuses(
                422,
                "a value that is not a boolean",
                How::Raw(r#"{"account_id": 1, "auto_offline": "no"}"#),
            ),
    ]
}

fn account_change(value: serde_json::Value) -> AccountUpdate {
    from_json(value)
}

async fn profile(w: &World) -> Profile {
    let answer = w.api.get_profile().send().await;
    answer.expect("the profile").into_inner()
}

async fn update_account(w: Arc<World>) {
    let account = w.seed.second_account_id;
    let change = json!({"name": "Globex Support", "timezone": "Europe/Paris", "auto_resolve_after": 1440, "auto_resolve_message": "Closed for now"});
    let updated = w
        .api
        .update_account()
        .account_id(account)
        .body(account_change(change))
        .send()
        .await
        .expect("updated by an administrator")
        .into_inner();
    assert_eq!(updated.name, "Globex Support");
    w.api
        .update_account()
        .account_id(account)
        .body(account_change(json!({"industry": "retail"})))
        .send()
        .await
        .expect("updated again");
    let read = w.api.get_account().account_id(account).send().await;
    let read = read.expect("read back").into_inner();
    assert_eq!(read.name, "Globex Support", "kept");
    let custom = read.custom_attributes.expect("custom attributes");
    assert_eq!(custom.get("timezone"), Some(&json!("Europe/Paris")));
    assert_eq!(custom.get("industry"), Some(&json!("retail")), "merged");
    let settings = read.settings.expect("settings");
    assert_eq!(settings.get("auto_resolve_after"), Some(&json!(1440)));
    assert_eq!(
        settings.get("auto_resolve_message"),
        Some(&json!("Closed for now"))
    );
}

async fn update_profile(w: Arc<World>) {
    let change = json!({"display_name": "Sandy", "message_signature": "-- Sandy", "phone_number": "+15550100", "email": "new@example.com"});
    let before = profile(&w).await;
    let updated = w
        .api
        .update_profile()
        .body(from_json::<ProfileUpdate>(change))
        .send()
        .await
        .expect("updated")
        .into_inner();
    assert_eq!(updated.available_name.as_deref(), Some("Sandy"));
    let read = profile(&w).await;
    assert_eq!(read.display_name.as_deref(), Some("Sandy"));
    assert_eq!(read.message_signature.as_deref(), Some("-- Sandy"));
    assert_eq!(read.name, before.name, "kept");
    assert_eq!(
        read.email, before.email,
        "a new email waits for confirmation"
    );
    let custom = read.custom_attributes.expect("custom attributes");
    assert_eq!(custom.get("phone_number"), Some(&json!("+15550100")));
}

async fn set_availability(w: Arc<World>) {
    let answer = w
        .api
        .set_availability()
        .body(AvailabilityRequest {
            account_id: w.seed.second_account_id,
            availability: AvailabilityStatus::Busy,
        })
        .send()
        .await
        .expect("set")
        .into_inner();
    let entry = |p: &Profile, id: i64| {
        let account = p.accounts.iter().find(|a| a.id == id).expect("the account");
        (account.availability.clone(), account.auto_offline)
    };
    assert_eq!(
        entry(&answer, w.seed.second_account_id).0,
        Some(AvailabilityStatus::Busy)
    );
    assert_eq!(
        entry(&answer, w.seed.account_id).0,
        Some(AvailabilityStatus::Online),
        "only in that account"
    );
    let agents = w
        .api
        .list_agents()
        .account_id(w.seed.second_account_id)
        .send()
        .await;
    let agents = agents.expect("listed").into_inner().0;
    let me = agents
        .iter()
        .find(|a| a.id == w.seed.user_id)
        .expect("listed");
    assert_eq!(
        me.availability_status,
        Some(AvailabilityStatus::Busy),
        "agents see it"
    );
}

async fn set_auto_offline(w: Arc<World>) {
    let account = w.seed.account_id;
    w.api
        .set_auto_offline()
        .body(AutoOfflineRequest {
            account_id: account,
            auto_offline: Some(false),
        })
        .send()
        .await
        .expect("set");
    let read = profile(&w).await;
    let entry = read
        .accounts
        .iter()
        .find(|a| a.id == account)
        .expect("the account");
    assert_eq!(entry.auto_offline, Some(false));
    let agents = w.api.list_agents().account_id(account).send().await;
    let agents = agents.expect("listed").into_inner().0;
    let me = agents
        .iter()
        .find(|a| a.id == w.seed.user_id)
        .expect("listed");
    assert_eq!(me.auto_offline, Some(false), "agents see it");
}
