//! The HTTP routes: one module per resource, plus the router that ties them
//! to the spec's paths and the sandbox's own `/__sandbox/*` control routes.

pub(crate) mod accounts;
pub(crate) mod admin;
pub(crate) mod contacts;
pub(crate) mod conversations;
pub(crate) mod messages;
pub(crate) mod status;

use std::sync::{Arc, MutexGuard};

use axum::Router;
use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::middleware;
use axum::routing::{get, patch, post};

use crate::app::App;
use crate::auth::{Caller, account_access};
use crate::errors::ApiError;
use crate::operations::bots_allowed;
use crate::state::Store;
use crate::validate::path_id;

/// The state every handler gets.
#[derive(Clone, Debug)]
pub(crate) struct Ctx {
    /// The sandbox's shared state.
    pub app: Arc<App>,
}

impl Ctx {
    /// Authenticates the request for an operation (bots only where the spec allows them).
    pub fn authenticate(
        &self,
        headers: &HeaderMap,
        operation_id: &str,
    ) -> Result<Caller, ApiError> {
        self.app
            .tokens
            .authenticate(headers, bots_allowed(operation_id))
    }
}

/// What a `.../conversations/{conversation_id}/...` route has checked before it
/// does its own work.
pub(crate) struct ConversationScope<'a> {
    /// Who is calling.
    pub caller: Caller,
    /// The locked store (snoozes already expired).
    pub store: MutexGuard<'a, Store>,
    /// The account in the path.
    pub account_id: i64,
    /// The conversation's display id in the path.
    pub display_id: i64,
}

impl Ctx {
    /// The checks every conversation route starts with, in the server's order:
    /// the token, the ids in the path, the caller's access to the account, and
    /// the conversation's existence (a 404 otherwise).
    pub fn conversation_scope(
        &self,
        headers: &HeaderMap,
        ids: &Ids,
        operation_id: &str,
    ) -> Result<ConversationScope<'_>, ApiError> {
        let caller = self.authenticate(headers, operation_id)?;
        let (account_id, display_id) = (ids.first()?, ids.second()?);
        let store = self.app.store.lock();
        access(&store, caller, account_id)?;
        store
            .conversation(account_id, display_id)
            .ok_or(ApiError::NotFound)?;
        Ok(ConversationScope {
            caller,
            store,
            account_id,
            display_id,
        })
    }
}

/// The user id of a caller (`None` for a bot).
pub(crate) fn user_of(caller: Caller) -> Option<i64> {
    match caller {
        Caller::User(id) => Some(id),
        Caller::Bot(_) => None,
    }
}

/// Checks account access and returns the caller's role there.
pub(crate) fn access(
    store: &Store,
    caller: Caller,
    account_id: i64,
) -> Result<Option<&'static str>, ApiError> {
    account_access(store, caller, account_id)
}

/// The raw path parameters of a request, parsed into ids on demand: a value
/// that is not an integer is a 404, as Rails' `find` answers it.
#[derive(Clone, Debug)]
pub(crate) struct Ids(Vec<String>);

impl Ids {
    fn nth(&self, n: usize) -> Result<i64, ApiError> {
        self.0
            .get(n)
            .ok_or(ApiError::NotFound)
            .and_then(|s| path_id(s))
    }

    /// The first id in the path (the account, or the conversation on Ruut's route).
    pub fn first(&self) -> Result<i64, ApiError> {
        self.nth(0)
    }

    /// The second id in the path (the conversation or contact).
    pub fn second(&self) -> Result<i64, ApiError> {
        self.nth(1)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ids {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let params = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::NotFound)?;
        Ok(Ids(params.iter().map(|(_, v)| v.to_owned()).collect()))
    }
}

/// The full router: spec routes, control routes, the Rails-like fallback, and
/// the pipeline (journal, body limit, faults) in front of everything.
pub(crate) fn router(app: Arc<App>) -> Router {
    let ctx = Ctx { app: app.clone() };
    let account = "/api/v1/accounts/{account_id}";
    let conversation = "/api/v1/accounts/{account_id}/conversations/{conversation_id}";
    let mut router = Router::new()
        .route("/api", get(accounts::server_info))
        .route("/api/v1/profile", get(accounts::profile))
        .route(account, get(accounts::get_account))
        .route(
            &format!("{account}/conversations"),
            get(conversations::list).post(conversations::create),
        )
        .route(
            &format!("{account}/conversations/meta"),
            get(conversations::counts),
        )
        .route(conversation, get(conversations::show))
        .route(
            &format!("{conversation}/toggle_status"),
            post(status::toggle_status),
        )
        .route(
            &format!("{conversation}/toggle_priority"),
            post(status::toggle_priority),
        )
        .route(&format!("{conversation}/assignments"), post(status::assign))
        .route(
            &format!("{conversation}/messages"),
            get(messages::list).post(messages::create),
        )
        .route(
            &format!("{account}/contacts"),
            get(contacts::list).post(contacts::create),
        )
        .route(&format!("{account}/contacts/search"), get(contacts::search))
        .route(
            &format!("{account}/contacts/{{contact_id}}"),
            get(contacts::show),
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
            .route("/api/v1/accounts", get(accounts::list_accounts))
            .route(
                "/api/v1/conversations/{conversation_id}/status",
                patch(status::update_status),
            );
    }
    router
        .fallback(admin::route_not_found)
        .layer(middleware::from_fn_with_state(
            ctx.clone(),
            crate::pipeline::pipeline,
        ))
        .with_state(ctx)
}
