//! Property test of the SDK's snooze-time conversions, end to end: a time goes
//! out as RFC 3339 on Ruut's documented route and as Unix seconds on the
//! account-scoped route, and comes back as the server's ISO string.
//!
//! Seeded from `PROPTEST_RNG_SEED`, fixed under `cargo xtask ci` (see
//! `proptest_parsers.rs`).

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use ruut_sandbox::Sandbox;
use ruut_sdk::{Client, ConversationStatus, RetryPolicy, StatusRoute};

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Case prop.snooze-time-roundtrip: Snoozing until random whole-second times from a day ahead to the year 9999, on both status routes.
    /// Expect: the status change reports exactly the time asked for, and the conversation reads back snoozed until it.
    #[test]
    fn snooze_times_round_trip_on_both_routes(
        ahead in 86_400_i64..(253_402_300_799 - 1_800_000_000),
        documented in any::<bool>(),
    ) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let until: DateTime<Utc> = DateTime::from_timestamp(Utc::now().timestamp() + ahead, 0)
                .filter(|t| t.timestamp() <= 253_402_300_799)
                .unwrap_or_else(|| DateTime::from_timestamp(253_402_300_799, 0).unwrap());
            let sandbox = Sandbox::start().await.unwrap();
            let route = if documented {
                StatusRoute::Documented
            } else {
                StatusRoute::AccountScoped
            };
            let client = Client::builder()
                .base_url(sandbox.base_url())
                .api_token(sandbox.user_token())
                .account_id(sandbox.account_id())
                .status_route(route)
                .retry_policy(RetryPolicy::none())
                .build()
                .unwrap();
            let id = sandbox.seed_info().open_conversation_id;
            let change = client.conversation(id).snooze_until(until).send().await.unwrap();
            prop_assert_eq!(change.status, ConversationStatus::Snoozed);
            prop_assert_eq!(change.snoozed_until, Some(until), "{:?}", route);
            let read = client.get_conversation(id).await.unwrap();
            prop_assert_eq!(read.status, ConversationStatus::Snoozed);
            prop_assert_eq!(read.snoozed_until, Some(until));
            Ok(())
        })?;
    }
}
