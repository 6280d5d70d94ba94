//! The settings a client holds once they are checked.

use std::sync::Arc;
use std::time::Duration;

use crate::client::auth::ApiToken;
use crate::client::config::{AuthHeader, StatusRoute};
use crate::transport::policy::RetryPolicy;
use crate::transport::rate_limit::RateLimiter;

/// The checked settings a client was built with (by
/// [`ClientBuilder::build`](crate::ClientBuilder::build)).
#[derive(Clone)]
pub(crate) struct Settings {
    pub base_url: String,
    pub account_id: Option<i64>,
    pub token: ApiToken,
    pub status_route: StatusRoute,
    pub auth_header: AuthHeader,
    /// Whether the user chose the spelling (then the client never switches).
    pub auth_header_fixed: bool,
    pub retry_policy: RetryPolicy,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub user_agent: String,
    pub max_response_body: usize,
    /// The client-side rate limit, shared by every clone and sibling.
    pub rate_limiter: Option<Arc<RateLimiter>>,
}
