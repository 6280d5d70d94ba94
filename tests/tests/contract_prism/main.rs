//! Contract check: every operation of `openapi/ruut.yaml`, sent by the
//! generated `ruut-api` client through `prism proxy --errors` in front of
//! the sandbox, with valid requests and the documented 401 and 404 errors.
//!
//! Prism validates each request and each response against the spec, a check
//! by a tool we did not write. A violation comes back as a `500` (bad
//! response) or `422` (bad request) `application/problem+json` with a
//! `validation` list, or as an `sl-violations` header; the test collects
//! every one, with the operation it happened in, and fails listing them all.
//! It also fails if an operation of the spec was not called, so new
//! operations must be added here.
//!
//! The requests are one table, in the order they are sent ([`steps`]): each
//! row names its operation, what it tries, what must come back and how to
//! send it; the modules below hold the rows by resource. Later rows use what
//! earlier ones found (an account, a conversation, a contact: [`contract::Found`]).
//!
//! `cargo xtask ci` runs it (step "contract: Prism proxy") with
//! `RUUT_CONTRACT_URL` (the proxy) and `RUUT_CONTRACT_TOKEN` set. Without
//! them it is ignored; to run it by hand, start the sandbox and
//! `tools/node_modules/.bin/prism proxy --errors -h 127.0.0.1 -p 4010
//! openapi/ruut.yaml <sandbox url>`, then `RUUT_CONTRACT_URL=http://127.0.0.1:4010
//! RUUT_CONTRACT_TOKEN=sandbox-user-token cargo test -p ruut-tests --test
//! contract_prism -- --ignored --nocapture`.

mod account_webhooks;
mod accounts;
mod agent_bots;
mod agents;
mod answer;
mod automation_rules;
mod canned_responses;
mod contact_changes;
mod contract;
mod conversation_actions;
mod conversation_changes;
mod conversations;
mod custom_attributes;
mod custom_filters;
mod filter;
mod help_center;
mod inbox_members;
mod inboxes;
mod integrations;
mod label_bot_reports;
mod labels;
mod macros;
mod message_changes;
mod messages_contacts;
mod profile;
mod report_downloads;
mod reporting_events;
mod reports;
mod teams;

use std::sync::Arc;

use ruut_api::operations::Operation;

use contract::{Contract, Ctx, Step};

/// Every request the test sends, in order.
fn steps() -> Vec<Step> {
    [
        accounts::steps(),
        conversations::steps(),
        conversation_changes::chatwoot_status_route(),
        conversation_changes::documented_status_route(),
        conversation_changes::priority_and_assignment(),
        messages_contacts::messages(),
        message_changes::steps(),
        messages_contacts::contacts(),
        conversation_actions::steps(),
        filter::steps(),
        contact_changes::details(),
        contact_changes::notes(),
        contact_changes::removals(),
        agents::steps(),
        teams::steps(),
        profile::steps(),
        agent_bots::steps(),
        inboxes::steps(),
        inbox_members::steps(),
        inboxes::cleanup(),
        agent_bots::cleanup(),
        canned_responses::steps(),
        labels::steps(),
        custom_attributes::steps(),
        custom_filters::steps(),
        account_webhooks::steps(),
        macros::steps(),
        automation_rules::steps(),
        reports::steps(),
        label_bot_reports::steps(),
        report_downloads::steps(),
        reporting_events::steps(),
        help_center::steps(),
        integrations::steps(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[tokio::test]
#[ignore = "needs RUUT_CONTRACT_URL (Prism in front of the sandbox); run by `cargo xtask ci`"]
async fn every_operation_conforms_through_prism() {
    let url = std::env::var("RUUT_CONTRACT_URL").expect("RUUT_CONTRACT_URL");
    let token =
        std::env::var("RUUT_CONTRACT_TOKEN").unwrap_or_else(|_| "sandbox-user-token".into());
    let ctx = Arc::new(Ctx::new(&url, &token));
    let mut c = Contract::default();
    for step in steps() {
        c.check(&ctx, step).await;
    }

    let uncalled: Vec<String> = Operation::ALL
        .iter()
        .filter(|op| !c.called.contains(op))
        .map(ToString::to_string)
        .collect();
    if !uncalled.is_empty() {
        c.problems.push(format!(
            "operations of openapi/ruut.yaml this test does not call (add them): {}",
            uncalled.join(", ")
        ));
    }
    println!(
        "contract: {} calls through Prism covering {} operations; {} problems",
        c.calls,
        c.called.len(),
        c.problems.len()
    );
    assert!(
        c.problems.is_empty(),
        "{} contract problems (requests or responses that break openapi/ruut.yaml, or wrong statuses):\n  - {}",
        c.problems.len(),
        c.problems.join("\n  - ")
    );
}
