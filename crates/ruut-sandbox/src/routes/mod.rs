//! The HTTP routes: one module per resource, the router that serves every
//! operation of the table ([`ruut_api::operations`]) at its path and method,
//! and the sandbox's own `/__sandbox/*` control routes.
//!
//! [`handler`] says what each operation does; everything else (path, method,
//! whether bots may call it, whether strict-Chatwoot mode has it) comes from
//! the table.

mod account_webhooks;
mod accounts;
mod admin;
mod administrator;
mod agent_bots;
mod agents;
mod attachments;
mod attribute_definitions;
mod audit_logs;
mod automation_rules;
mod bot_reports;
mod bulk;
mod canned_responses;
mod contact_changes;
mod contact_links;
mod contact_notes;
mod contacts;
mod conversation_actions;
mod conversation_labels;
mod conversations;
mod csat;
mod custom_filters;
mod filter;
mod help_center;
mod help_center_articles;
mod help_center_categories;
mod inbox_bots;
mod inbox_label_matrix;
mod inbox_members;
mod inboxes;
mod integrations;
mod label_summary;
mod labels;
mod macro_execution;
mod macros;
mod message_changes;
mod messages;
mod participants;
mod profile;
mod report_downloads;
mod reporting_events;
mod reports;
mod serve;
mod status;
mod summary_reports;
mod teams;
mod typing;
mod uploads;

use std::sync::Arc;

use axum::Router;
use axum::http::Method;
use axum::middleware;
use axum::routing::{MethodFilter, MethodRouter, get, on, post};
use ruut_api::operations::Operation;

use crate::app::App;
use crate::operations::in_mode;
use serve::serve;

/// The behaviour of every operation the sandbox serves, one arm each, for the
/// operation's own method; `None` for the operations it does not serve.
fn handler(op: Operation) -> Option<MethodRouter<Arc<App>>> {
    use Operation as Op;
    let m = MethodFilter::try_from(Method::from_bytes(op.method().as_bytes()).ok()?).ok()?;
    Some(match op {
        Op::GetServerInfo => on(m, accounts::server_info),
        Op::ListAccounts => serve(m, accounts::list_accounts),
        Op::GetProfile => serve(m, accounts::profile),
        Op::GetAccount => serve(m, accounts::get_account),
        Op::ListConversations => serve(m, conversations::list),
        Op::CreateConversation => serve(m, conversations::create),
        Op::GetConversationCounts => serve(m, conversations::counts),
        Op::GetConversation => serve(m, conversations::show),
        Op::UpdateConversationStatus => serve(m, status::update_status),
        Op::ToggleConversationStatus => serve(m, status::toggle_status),
        Op::ToggleConversationPriority => serve(m, status::toggle_priority),
        Op::AssignConversation => serve(m, status::assign),
        Op::ListMessages => serve(m, messages::list),
        Op::CreateMessage => uploads::create_route(m),
        Op::UpdateMessage => serve(m, message_changes::update),
        Op::DeleteMessage => serve(m, message_changes::delete),
        Op::ListConversationAttachments => serve(m, attachments::list),
        Op::ListContacts => serve(m, contacts::list),
        Op::CreateContact => serve(m, contacts::create),
        Op::SearchContacts => serve(m, contacts::search),
        Op::GetContact => serve(m, contacts::show),
        Op::UpdateConversation => serve(m, conversation_actions::update),
        Op::DeleteConversation => serve(m, conversation_actions::delete),
        Op::ListConversationLabels => serve(m, conversation_labels::list),
        Op::SetConversationLabels => serve(m, conversation_labels::set),
        Op::SetConversationCustomAttributes => serve(m, conversation_actions::custom_attributes),
        Op::ToggleTypingStatus => serve(m, typing::toggle),
        Op::MuteConversation => serve(m, conversation_actions::mute),
        Op::UnmuteConversation => serve(m, conversation_actions::unmute),
        Op::MarkConversationUnread => serve(m, conversation_actions::unread),
        Op::UpdateConversationLastSeen => serve(m, conversation_actions::mark_read),
        Op::SendConversationTranscript => serve(m, conversation_actions::transcript),
        Op::ListConversationParticipants => serve(m, participants::list),
        Op::AddConversationParticipants => serve(m, participants::add),
        Op::UpdateConversationParticipants => serve(m, participants::set),
        Op::RemoveConversationParticipants => serve(m, participants::remove),
        Op::FilterConversations => serve(m, filter::conversations),
        Op::SearchConversations => serve(m, filter::search),
        Op::FilterContacts => serve(m, filter::contacts),
        Op::BulkUpdateConversations => serve(m, bulk::update),
        Op::UpdateContact => serve(m, contact_changes::update),
        Op::DeleteContact => serve(m, contact_changes::delete),
        Op::ListContactConversations => serve(m, contact_links::conversations),
        Op::ListContactableInboxes => serve(m, contact_links::contactable_inboxes),
        Op::CreateContactInbox => serve(m, contact_links::add_inbox),
        Op::ListContactLabels => serve(m, contact_links::labels),
        Op::SetContactLabels => serve(m, contact_links::set_labels),
        Op::ListContactNotes => serve(m, contact_notes::list),
        Op::CreateContactNote => serve(m, contact_notes::create),
        Op::UpdateContactNote => serve(m, contact_notes::update),
        Op::DeleteContactNote => serve(m, contact_notes::delete),
        Op::RemoveContactCustomAttributes => serve(m, contact_changes::remove_custom_attributes),
        Op::MergeContacts => serve(m, contact_changes::merge),
        Op::ListAgents => serve(m, agents::list),
        Op::CreateAgent => serve(m, agents::create),
        Op::UpdateAgent => serve(m, agents::update),
        Op::DeleteAgent => serve(m, agents::delete),
        Op::BulkCreateAgents => serve(m, agents::bulk_create),
        Op::ListAssignableAgents => serve(m, agents::assignable),
        Op::UpdateAccount => serve(m, profile::update_account),
        Op::UpdateProfile => serve(m, profile::update),
        Op::SetAvailability => serve(m, profile::availability),
        Op::SetAutoOffline => serve(m, profile::auto_offline),
        Op::ListTeams => serve(m, teams::list),
        Op::GetTeam => serve(m, teams::show),
        Op::CreateTeam => serve(m, teams::create),
        Op::UpdateTeam => serve(m, teams::update),
        Op::DeleteTeam => serve(m, teams::delete),
        Op::ListTeamMembers => serve(m, teams::members),
        Op::AddTeamMembers => serve(m, teams::add),
        Op::SetTeamMembers => serve(m, teams::set),
        Op::RemoveTeamMembers => serve(m, teams::remove),
        Op::ListInboxes => serve(m, inboxes::list),
        Op::GetInbox => serve(m, inboxes::show),
        Op::CreateInbox => serve(m, inboxes::create),
        Op::UpdateInbox => serve(m, inboxes::update),
        Op::DeleteInbox => serve(m, inboxes::delete),
        Op::ListInboxAssignableAgents => serve(m, inbox_bots::assignable_agents),
        Op::GetInboxAgentBot => serve(m, inbox_bots::agent_bot),
        Op::SetInboxAgentBot => serve(m, inbox_bots::set_agent_bot),
        Op::ListInboxMembers => serve(m, inbox_members::list),
        Op::AddInboxMembers => serve(m, inbox_members::create),
        Op::SetInboxMembers => serve(m, inbox_members::update),
        Op::RemoveInboxMembers => serve(m, inbox_members::delete),
        Op::ListAgentBots => serve(m, agent_bots::list),
        Op::GetAgentBot => serve(m, agent_bots::show),
        Op::CreateAgentBot => serve(m, agent_bots::create),
        Op::UpdateAgentBot => serve(m, agent_bots::update),
        Op::DeleteAgentBot => serve(m, agent_bots::delete),
        Op::ResetAgentBotAccessToken => serve(m, agent_bots::reset_access_token),
        Op::ListCannedResponses => serve(m, canned_responses::list),
        Op::CreateCannedResponse => serve(m, canned_responses::create),
        Op::UpdateCannedResponse => serve(m, canned_responses::update),
        Op::DeleteCannedResponse => serve(m, canned_responses::delete),
        Op::ListLabels => serve(m, labels::list),
        Op::GetLabel => serve(m, labels::show),
        Op::CreateLabel => serve(m, labels::create),
        Op::UpdateLabel => serve(m, labels::update),
        Op::DeleteLabel => serve(m, labels::delete),
        Op::ListCustomAttributeDefinitions => serve(m, attribute_definitions::list),
        Op::GetCustomAttributeDefinition => serve(m, attribute_definitions::show),
        Op::CreateCustomAttributeDefinition => serve(m, attribute_definitions::create),
        Op::UpdateCustomAttributeDefinition => serve(m, attribute_definitions::update),
        Op::DeleteCustomAttributeDefinition => serve(m, attribute_definitions::delete),
        Op::ListCustomFilters => serve(m, custom_filters::list),
        Op::GetCustomFilter => serve(m, custom_filters::show),
        Op::CreateCustomFilter => serve(m, custom_filters::create),
        Op::UpdateCustomFilter => serve(m, custom_filters::update),
        Op::DeleteCustomFilter => serve(m, custom_filters::delete),
        Op::ListWebhooks => serve(m, account_webhooks::list),
        Op::CreateWebhook => serve(m, account_webhooks::create),
        Op::UpdateWebhook => serve(m, account_webhooks::update),
        Op::DeleteWebhook => serve(m, account_webhooks::delete),
        Op::ListMacros => serve(m, macros::list),
        Op::CreateMacro => serve(m, macros::create),
        Op::GetMacro => serve(m, macros::show),
        Op::UpdateMacro => serve(m, macros::update),
        Op::DeleteMacro => serve(m, macros::delete),
        Op::ExecuteMacro => serve(m, macro_execution::execute),
        Op::ListAutomationRules => serve(m, automation_rules::list),
        Op::CreateAutomationRule => serve(m, automation_rules::create),
        Op::GetAutomationRule => serve(m, automation_rules::show),
        Op::UpdateAutomationRule => serve(m, automation_rules::update),
        Op::DeleteAutomationRule => serve(m, automation_rules::delete),
        Op::CloneAutomationRule => serve(m, automation_rules::clone),
        Op::GetReportTimeseries => serve(m, reports::timeseries),
        Op::GetReportSummary => serve(m, reports::summary),
        Op::GetConversationMetrics => serve(m, reports::conversations),
        Op::GetFirstResponseTimeDistribution => serve(m, reports::first_response_time_distribution),
        Op::GetOutgoingMessagesCount => serve(m, reports::outgoing_messages_count),
        Op::GetAgentSummaryReport => serve(m, summary_reports::agent),
        Op::GetTeamSummaryReport => serve(m, summary_reports::team),
        Op::GetInboxSummaryReport => serve(m, summary_reports::inbox),
        Op::GetChannelSummaryReport => serve(m, summary_reports::channel),
        Op::GetLabelSummaryReport => serve(m, label_summary::label),
        Op::GetBotReportSummary => serve(m, bot_reports::summary),
        Op::GetBotMetrics => serve(m, bot_reports::metrics),
        Op::DownloadAgentsReport => serve(m, report_downloads::agents),
        Op::DownloadInboxesReport => serve(m, report_downloads::inboxes),
        Op::DownloadLabelsReport => serve(m, report_downloads::labels),
        Op::DownloadTeamsReport => serve(m, report_downloads::teams),
        Op::DownloadConversationsSummaryReport => serve(m, report_downloads::conversations_summary),
        Op::ListCsatSurveyResponses => serve(m, csat::list),
        Op::GetCsatMetrics => serve(m, csat::metrics),
        Op::DownloadCsatSurveyResponses => serve(m, csat::download::download),
        Op::GetAccountReportingEvents => serve(m, reporting_events::list),
        Op::GetConversationReportingEvents => serve(m, reporting_events::conversation),
        Op::GetInboxLabelMatrix => serve(m, inbox_label_matrix::matrix),
        Op::ListAuditLogs => serve(m, audit_logs::list),
        Op::ListPortals => serve(m, help_center::list),
        Op::GetPortal => serve(m, help_center::show),
        Op::CreatePortal => serve(m, help_center::create),
        Op::UpdatePortal => serve(m, help_center::update),
        Op::CreateCategory => serve(m, help_center::create_category),
        Op::CreateArticle => serve(m, help_center::create_article),
        Op::ListCategories => serve(m, help_center_categories::list),
        Op::GetCategory => serve(m, help_center_categories::show),
        Op::UpdateCategory => serve(m, help_center_categories::update),
        Op::DeleteCategory => serve(m, help_center_categories::delete),
        Op::ListArticles => serve(m, help_center_articles::list),
        Op::GetArticle => serve(m, help_center_articles::show),
        Op::UpdateArticle => serve(m, help_center_articles::update),
        Op::DeleteArticle => serve(m, help_center_articles::delete),
        Op::DeletePortal => serve(m, help_center::destroy),
        Op::ListIntegrationApps => serve(m, integrations::list_apps),
        Op::GetIntegrationApp => serve(m, integrations::show_app),
        Op::CreateIntegrationHook => serve(m, integrations::create),
        Op::UpdateIntegrationHook => serve(m, integrations::update),
        Op::DeleteIntegrationHook => serve(m, integrations::delete),
        _ => return None,
    })
}

/// Whether the router serves the operation (in the default, Ruut mode).
pub(crate) fn handles(op: Operation) -> bool {
    handler(op).is_some()
}

/// The full router: the operations of the mode, the control routes, the
/// Rails-like fallback, and the pipeline (journal, body limit, faults) in
/// front of everything.
pub(crate) fn router(app: Arc<App>) -> Router {
    let mut router = Router::new();
    for &op in Operation::ALL {
        if let Some(route) = handler(op).filter(|_| in_mode(op, app.chatwoot_only)) {
            router = router.route(op.path(), route);
        }
    }
    router
        .route(
            "/__sandbox/faults",
            post(admin::add_fault).delete(admin::clear_faults),
        )
        .route(
            "/rails/active_storage/blobs/redirect/{id}/{name}",
            get(uploads::redirect),
        )
        .route("/__sandbox/blobs/{id}/{name}", get(uploads::blob))
        .route(
            "/__sandbox/requests",
            get(admin::requests).delete(admin::clear_requests),
        )
        .fallback(admin::route_not_found)
        .layer(middleware::from_fn_with_state(
            app.clone(),
            crate::pipeline::pipeline,
        ))
        .with_state(app)
}
