//! The HTTP routes: one module per resource, plus the router that ties them
//! to the spec's paths and the sandbox's own `/__sandbox/*` control routes.

mod accounts;
mod admin;
mod contacts;
mod conversations;
mod messages;
mod serve;
mod status;

use std::sync::Arc;

use axum::Router;
use axum::middleware;
use axum::routing::{MethodFilter, get, post};

use crate::app::App;
use serve::serve;

/// The full router: spec routes, control routes, the Rails-like fallback, and
/// the pipeline (journal, body limit, faults) in front of everything.
pub(crate) fn router(app: Arc<App>) -> Router {
    const GET: MethodFilter = MethodFilter::GET;
    const POST: MethodFilter = MethodFilter::POST;
    let account = "/api/v1/accounts/{account_id}";
    let conversation = "/api/v1/accounts/{account_id}/conversations/{conversation_id}";
    let mut router = Router::new()
        .route("/api", get(accounts::server_info))
        .route("/api/v1/profile", serve(GET, accounts::profile))
        .route(account, serve(GET, accounts::get_account))
        .route(
            &format!("{account}/conversations"),
            serve(GET, conversations::list),
        )
        .route(
            &format!("{account}/conversations"),
            serve(POST, conversations::create),
        )
        .route(
            &format!("{account}/conversations/meta"),
            serve(GET, conversations::counts),
        )
        .route(conversation, serve(GET, conversations::show))
        .route(
            &format!("{conversation}/toggle_status"),
            serve(POST, status::toggle_status),
        )
        .route(
            &format!("{conversation}/toggle_priority"),
            serve(POST, status::toggle_priority),
        )
        .route(
            &format!("{conversation}/assignments"),
            serve(POST, status::assign),
        )
        .route(
            &format!("{conversation}/messages"),
            serve(GET, messages::list),
        )
        .route(
            &format!("{conversation}/messages"),
            serve(POST, messages::create),
        )
        .route(&format!("{account}/contacts"), serve(GET, contacts::list))
        .route(
            &format!("{account}/contacts"),
            serve(POST, contacts::create),
        )
        .route(
            &format!("{account}/contacts/search"),
            serve(GET, contacts::search),
        )
        .route(
            &format!("{account}/contacts/{{contact_id}}"),
            serve(GET, contacts::show),
        )
        .route(
            "/__sandbox/faults",
            post(admin::add_fault).delete(admin::clear_faults),
        )
        .route(
            "/__sandbox/requests",
            get(admin::requests).delete(admin::clear_requests),
        );
    if !app.chatwoot_only {
        router = router
            .route("/api/v1/accounts", serve(GET, accounts::list_accounts))
            .route(
                "/api/v1/conversations/{conversation_id}/status",
                serve(MethodFilter::PATCH, status::update_status),
            );
    }
    router
        .fallback(admin::route_not_found)
        .layer(middleware::from_fn_with_state(
            app.clone(),
            crate::pipeline::pipeline,
        ))
        .with_state(app)
}
