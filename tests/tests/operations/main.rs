//! Every operation of `openapi/ruut.yaml`, called through the generated
//! `ruut-api` client against the sandbox: the success case with its data
//! checked, and each error the spec documents for it (401, 403, 404, 422).
//!
//! One table ([`table`]), an entry per [`Operation`], built by the modules
//! below by resource. The checks every operation shares are written once
//! ([`runner`]): a call with a token the server does not know must be the
//! documented 401, and with the last id of its path unknown the documented
//! 404, whenever the spec documents them. Where the typed client cannot even
//! express an invalid request (a closed query enum, say), the 422 is provoked
//! with a raw request and its body is parsed as the spec's `ErrorBody`.
//!
//! An entry of an operation the SDK wraps also says how the SDK sends it
//! ([`sdk_calls`]): that call must reach the operation in the sandbox's
//! journal, and keep the status of a documented error whose body is not JSON
//! (Rails' HTML 404 page, a plain-text 422).
//!
//! [`coverage`] fails, naming the operation and what it lacks, when an
//! operation has no sandbox handler, no entry, no SDK call where the SDK
//! wraps it, or a documented error no check provokes.

mod account_webhooks;
mod accounts;
mod agent_bots;
mod agents;
mod audit_logs;
mod automation_rules;
mod bot_reports;
mod canned_responses;
mod contact_changes;
mod contact_links;
mod contacts;
mod conversation_actions;
mod conversation_changes;
mod conversation_state;
mod conversations;
mod coverage;
mod csat;
mod csat_download;
mod custom_attributes;
mod custom_filters;
mod filter;
mod help_center;
mod help_center_articles;
mod help_center_categories;
mod help_center_portal_delete;
mod inbox_members;
mod inboxes;
mod integrations;
mod label_summary;
mod labels;
mod macros;
mod messages;
mod profile;
mod report_data;
mod report_downloads;
mod reporting_events;
mod reports;
mod runner;
mod sdk_calls;
mod spec;
mod summary_reports;
mod table;
mod teams;

use std::collections::BTreeMap;

pub use ruut_api::operations::Operation;
use table::Entry;

/// The every-operation table.
pub fn table() -> Vec<Entry> {
    [
        accounts::entries(),
        conversations::entries(),
        conversation_changes::entries(),
        conversation_actions::entries(),
        conversation_state::entries(),
        messages::entries(),
        contacts::entries(),
        filter::entries(),
        contact_changes::entries(),
        contact_links::entries(),
        agents::entries(),
        teams::entries(),
        profile::entries(),
        agent_bots::entries(),
        inboxes::entries(),
        inbox_members::entries(),
        canned_responses::entries(),
        labels::entries(),
        custom_attributes::entries(),
        custom_filters::entries(),
        account_webhooks::entries(),
        macros::entries(),
        automation_rules::entries(),
        reports::entries(),
        csat::entries(),
        csat_download::entries(),
        label_summary::entries(),
        bot_reports::entries(),
        report_downloads::entries(),
        reporting_events::entries(),
        audit_logs::entries(),
        help_center::entries(),
        help_center_categories::entries(),
        help_center_articles::entries(),
        help_center_portal_delete::entries(),
        integrations::entries(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The documented error statuses of every operation the spec has.
pub fn documented() -> BTreeMap<Operation, runner::Documented> {
    spec::documented_errors()
        .into_iter()
        .filter_map(|(id, errors)| Some((Operation::from_id(&id)?, errors)))
        .collect()
}

#[tokio::test]
async fn every_operation_succeeds_and_fails_as_documented() {
    runner::run(table(), &documented()).await;
}
