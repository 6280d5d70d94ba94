//! The three clients compared, doing the same two calls against the same server.
//!
//! * **ruut-sdk**: `client.get_conversation(id)` and
//!   `client.conversation(id).resolve().send()`, with the SDK's defaults (retry
//!   policy, deadline, tracing spans with no subscriber installed).
//! * **ruut-api**: the generated progenitor builders, `.send()`.
//! * **floor**: a hand-written `reqwest` call: `format!` the URL, send, check the
//!   status, `response.json::<T>()`.
//!
//! All three decode into the same generated serde types (`ruut_api::types`) and
//! use identically configured `reqwest::Client`s (the SDK's defaults: token
//! header, user agent, 30 s timeout, 10 s connect timeout, 60 s pool idle
//! timeout, no redirects), so the
//! differences are the layers around the HTTP call, not the data types (those
//! are compared in the decoding benchmark).

use reqwest::header::{ACCEPT, HeaderMap, HeaderName, HeaderValue};
use ruut_api::enums::ConversationStatus;
use ruut_api::types::{Conversation, RuutConversation};
use serde::Serialize;

/// The account id the overhead benchmark uses (the server ignores it).
pub const ACCOUNT_ID: i64 = 1;
/// The token sent (the canned server does not check it).
pub const TOKEN: &str = "bench-token";

/// Which client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// ruut-sdk.
    Sdk,
    /// ruut-sdk with no retry deadline (diagnostic: what the deadline timer costs).
    SdkNoDeadline,
    /// The generated ruut-api client.
    Generated,
    /// Hand-written reqwest + serde.
    Floor,
}

impl Kind {
    /// Every client, in the order (a), (a′), (b), (c).
    pub const ALL: [Kind; 4] = [Kind::Sdk, Kind::SdkNoDeadline, Kind::Generated, Kind::Floor];
    /// The floor's index in [`Kind::ALL`].
    pub const FLOOR: usize = 3;

    /// The name in tables.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Sdk => "(a) ruut-sdk",
            Kind::SdkNoDeadline => "(a′) ruut-sdk, `RetryPolicy::with_deadline(None)`",
            Kind::Generated => "(b) ruut-api (generated)",
            Kind::Floor => "(c) reqwest + serde (floor)",
        }
    }
}

/// The three clients, pointed at one server.
pub struct Clients {
    sdk: ruut_sdk::Client,
    sdk_no_deadline: ruut_sdk::Client,
    generated: ruut_api::Client,
    floor: reqwest::Client,
    base_url: String,
}

/// A `reqwest::Client` configured as `ruut_sdk::ClientBuilder::build` does.
pub fn http_client() -> Result<reqwest::Client, String> {
    http_builder()
        .build()
        .map_err(|e| format!("cannot build a reqwest client: {e}"))
}

/// The builder of [`http_client`], to change one setting.
pub fn http_builder() -> reqwest::ClientBuilder {
    let mut token = HeaderValue::from_static(TOKEN);
    token.set_sensitive(true);
    let mut headers = HeaderMap::new();
    headers.insert(HeaderName::from_static("api_access_token"), token);
    reqwest::Client::builder()
        .default_headers(headers)
        .user_agent(ruut_sdk::DEFAULT_USER_AGENT)
        .timeout(ruut_sdk::DEFAULT_TIMEOUT)
        .connect_timeout(ruut_sdk::DEFAULT_CONNECT_TIMEOUT)
        .pool_idle_timeout(ruut_sdk::DEFAULT_POOL_IDLE_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
}

/// An SDK client for `base_url` in `account_id`, with the SDK's defaults.
pub fn sdk_client(base_url: &str, account_id: i64) -> Result<ruut_sdk::Client, String> {
    ruut_sdk::Client::builder()
        .base_url(base_url)
        .api_token(TOKEN)
        .account_id(account_id)
        .build()
        .map_err(|e| format!("cannot build the SDK client: {e}"))
}

#[derive(Serialize)]
struct StatusBody {
    status: &'static str,
}

impl Clients {
    /// Builds the three clients for `base_url`.
    pub fn new(base_url: &str) -> Result<Clients, String> {
        Ok(Clients {
            sdk: sdk_client(base_url, ACCOUNT_ID)?,
            sdk_no_deadline: ruut_sdk::Client::builder()
                .base_url(base_url)
                .api_token(TOKEN)
                .account_id(ACCOUNT_ID)
                .retry_policy(ruut_sdk::RetryPolicy::default().with_deadline(None))
                .build()
                .map_err(|e| format!("cannot build the SDK client: {e}"))?,
            generated: ruut_api::Client::new_with_client(
                base_url,
                http_client()?,
                Default::default(),
            ),
            floor: http_client()?,
            base_url: base_url.to_owned(),
        })
    }

    fn sdk(&self, kind: Kind) -> &ruut_sdk::Client {
        match kind {
            Kind::SdkNoDeadline => &self.sdk_no_deadline,
            _ => &self.sdk,
        }
    }

    /// getConversation; returns the conversation's id.
    pub async fn get_conversation(&self, kind: Kind, id: i64) -> Result<i64, String> {
        match kind {
            Kind::Sdk | Kind::SdkNoDeadline => self
                .sdk(kind)
                .get_conversation(id)
                .await
                .map(|c| c.id)
                .map_err(|e| e.to_string()),
            Kind::Generated => self
                .generated
                .get_conversation()
                .account_id(ACCOUNT_ID)
                .conversation_id(id)
                .send()
                .await
                .map(|r| r.into_inner().id)
                .map_err(|e| e.to_string()),
            Kind::Floor => self.floor_get_conversation(id).await,
        }
    }

    /// The floor's getConversation: what a user would write by hand.
    async fn floor_get_conversation(&self, id: i64) -> Result<i64, String> {
        let url = format!(
            "{}/api/v1/accounts/{ACCOUNT_ID}/conversations/{id}",
            self.base_url
        );
        let response = self
            .floor
            .get(url)
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .send()
            .await
            .map_err(|e| e.to_string())?;
        if !response.status().is_success() {
            return Err(format!("HTTP {}", response.status()));
        }
        let conversation: Conversation = response.json().await.map_err(|e| e.to_string())?;
        Ok(conversation.id)
    }

    /// Resolves a conversation over Ruut's documented status route; returns
    /// whether the answer says it is closed.
    pub async fn resolve(&self, kind: Kind, id: i64) -> Result<bool, String> {
        match kind {
            Kind::Sdk | Kind::SdkNoDeadline => self
                .sdk(kind)
                .conversation(id)
                .resolve()
                .send()
                .await
                .map(|change| change.status.is_closed())
                .map_err(|e| e.to_string()),
            Kind::Generated => self
                .generated
                .update_conversation_status()
                .conversation_id(id)
                .body_map(|body| body.status(ConversationStatus::Resolved))
                .send()
                .await
                .map(|r| r.into_inner().status.is_closed())
                .map_err(|e| e.to_string()),
            Kind::Floor => self.floor_resolve(id).await,
        }
    }

    /// The floor's status change: what a user would write by hand.
    async fn floor_resolve(&self, id: i64) -> Result<bool, String> {
        let url = format!("{}/api/v1/conversations/{id}/status", self.base_url);
        let response = self
            .floor
            .patch(url)
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .json(&StatusBody { status: "resolved" })
            .send()
            .await
            .map_err(|e| e.to_string())?;
        if !response.status().is_success() {
            return Err(format!("HTTP {}", response.status()));
        }
        let conversation: RuutConversation = response.json().await.map_err(|e| e.to_string())?;
        Ok(conversation.status.is_closed())
    }

    /// The size in bytes of the future each client's call is, for
    /// (getConversation, status change): larger futures cost more copying.
    pub fn future_sizes(&self, kind: Kind) -> (usize, usize) {
        let id = 1;
        match kind {
            Kind::Sdk | Kind::SdkNoDeadline => (
                std::mem::size_of_val(&self.sdk(kind).get_conversation(id)),
                std::mem::size_of_val(&self.sdk(kind).conversation(id).resolve().send()),
            ),
            Kind::Generated => (
                std::mem::size_of_val(
                    &self
                        .generated
                        .get_conversation()
                        .account_id(ACCOUNT_ID)
                        .conversation_id(id)
                        .send(),
                ),
                std::mem::size_of_val(
                    &self
                        .generated
                        .update_conversation_status()
                        .conversation_id(id)
                        .body_map(|body| body.status(ConversationStatus::Resolved))
                        .send(),
                ),
            ),
            Kind::Floor => (
                std::mem::size_of_val(&self.floor_get_conversation(id)),
                std::mem::size_of_val(&self.floor_resolve(id)),
            ),
        }
    }
}
