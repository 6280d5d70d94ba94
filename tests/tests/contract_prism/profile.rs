//! Changing the account and the token's user: an account update refused in
//! the main account (the user is an agent) and made in the administered
//! one, then the profile, availability and auto-offline.

use ruut_api::enums::AvailabilityStatus;
use ruut_api::operations::Operation::*;
use ruut_api::types::{AccountUpdate, AutoOfflineRequest, AvailabilityRequest, ProfileUpdate};

use crate::contract::{MISSING_ID, Step, send};

fn timezone() -> AccountUpdate {
    AccountUpdate {
        timezone: Some("UTC".to_owned()),
        ..AccountUpdate::default()
    }
}

pub fn steps() -> Vec<Step> {
    vec![
        Step::status(
            UpdateAccount,
            "an agent",
            401,
            send!(|c| c
                .user
                .update_account()
                .account_id(c.found().account)
                .body(timezone())),
        ),
        Step::ok(
            UpdateAccount,
            "an administrator",
            send!(|c| c
                .user
                .update_account()
                .account_id(c.found().admin_account.unwrap_or_default())
                .body(AccountUpdate {
                    auto_resolve_after: Some(1440),
                    ..timezone()
                })),
        )
        .when(|found| found.admin_account.is_some()),
        Step::status(
            UpdateAccount,
            "an unknown account",
            404,
            send!(|c| c
                .user
                .update_account()
                .account_id(MISSING_ID)
                .body(timezone())),
        ),
        Step::ok(
            UpdateProfile,
            "display name",
            send!(|c| c.user.update_profile().body(ProfileUpdate {
                display_name: Some("Contract".to_owned()),
                ..ProfileUpdate::default()
            })),
        ),
        Step::ok(
            SetAvailability,
            "busy",
            send!(|c| c.user.set_availability().body(AvailabilityRequest {
                account_id: c.found().account,
                availability: AvailabilityStatus::Busy,
            })),
        ),
        Step::status(
            SetAvailability,
            "an unknown account",
            404,
            send!(|c| c.user.set_availability().body(AvailabilityRequest {
                account_id: MISSING_ID,
                availability: AvailabilityStatus::Online,
            })),
        ),
        Step::ok(
            SetAutoOffline,
            "off",
            send!(|c| c.user.set_auto_offline().body(AutoOfflineRequest {
                account_id: c.found().account,
                auto_offline: Some(false),
            })),
        ),
        Step::status(
            SetAutoOffline,
            "an unknown account",
            404,
            send!(|c| c.user.set_auto_offline().body(AutoOfflineRequest {
                account_id: MISSING_ID,
                auto_offline: Some(true),
            })),
        ),
    ]
}
