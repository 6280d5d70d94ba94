//! The canned loopback server: answers getConversation, the status change and
//! conversation list pages with fixed bodies, so that what is measured is the
//! client, not the server.
//!
//! The bodies are captured once, at start-up, from a real in-process sandbox
//! (`ruut_sandbox`), so they are exactly what the SDK meets in tests. List pages
//! are generated on the fly from the sandbox's first page: the account id in
//! the path is the total number of conversations to serve, 25 a page, each
//! with its own id.
//!
//! The server runs on its own thread with a single-threaded runtime, and its
//! allocations are not counted (see [`crate::alloc`]). It speaks HTTP/1.1 and,
//! to a client with prior knowledge, HTTP/2 over plain TCP (h2c), and
//! [`start_with`] one compresses its answers as nginx does.

use std::fmt::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::{get, patch};
use serde::Deserialize;

/// The name of the server's thread (its CPU time is read by this name).
pub const SERVER_THREAD: &str = "canned-server";

/// Conversations per page, as the real server and the SDK have it.
pub const PER_PAGE: i64 = 25;

/// A stand-in for the top-level `id` while the page template is built.
const SENTINEL: i64 = 987_654_321_012_345;

/// The fixed answers, captured from the sandbox.
#[derive(Clone)]
pub struct Bodies {
    /// The answer of getConversation.
    pub conversation: Bytes,
    /// The answer of updateConversationStatus (Ruut's documented route).
    pub status_change: Bytes,
    /// List pages of any length.
    pub page: Arc<PageTemplate>,
    /// How many conversations the sandbox seeds in its main account.
    pub seeded_conversations: usize,
}

/// Builds conversation list pages from the sandbox's first page.
pub struct PageTemplate {
    /// Each sandbox conversation as the JSON text before and after its `id`.
    items: Vec<(String, String)>,
    /// The `meta` object (the counts), as sent.
    meta: String,
}

impl PageTemplate {
    /// A `ConversationList` body with `count` conversations, ids `first_id..`.
    pub fn render(&self, first_id: i64, count: usize) -> String {
        let mut out = String::with_capacity(64 + count * (self.items[0].0.len() + 200));
        let _ = write!(out, r#"{{"data":{{"meta":{},"payload":["#, self.meta);
        for i in 0..count {
            if i > 0 {
                out.push(',');
            }
            let (before, after) = &self.items[i % self.items.len()];
            let _ = write!(out, "{before}{}{after}", first_id + i as i64);
        }
        out.push_str("]}}");
        out
    }

    /// Page `page` (from 1) of a listing of `total` conversations.
    pub fn page(&self, total: i64, page: i64) -> String {
        let first = (page.max(1) - 1) * PER_PAGE;
        let count = (total - first).clamp(0, PER_PAGE);
        self.render(first + 1, count as usize)
    }
}

/// Starts an in-process sandbox, captures the three answers, stops it.
pub async fn capture() -> Result<Bodies, String> {
    let fail =
        |what: &str, e: &dyn std::fmt::Display| format!("capturing {what} from the sandbox: {e}");
    let sandbox = ruut_sandbox::Sandbox::start()
        .await
        .map_err(|e| fail("start", &e))?;
    let base = sandbox.base_url().to_owned();
    let account = sandbox.account_id();
    let info = sandbox.seed_info().clone();
    let http = reqwest::Client::new();
    let token = sandbox.user_token().to_owned();
    let fetch = |request: reqwest::RequestBuilder, what: &'static str| {
        let token = token.clone();
        async move {
            let response = request
                .header("api_access_token", token)
                .header("accept", "application/json")
                .send()
                .await
                .map_err(|e| fail(what, &e))?;
            if !response.status().is_success() {
                return Err(fail(what, &response.status()));
            }
            response.bytes().await.map_err(|e| fail(what, &e))
        }
    };
    let conversation = fetch(
        http.get(format!(
            "{base}/api/v1/accounts/{account}/conversations/{}",
            info.open_conversation_id
        )),
        "getConversation",
    )
    .await?;
    let status_change = fetch(
        http.patch(format!(
            "{base}/api/v1/conversations/{}/status",
            info.pending_conversation_id
        ))
        .json(&serde_json::json!({"status": "resolved"})),
        "updateConversationStatus",
    )
    .await?;
    let list = fetch(
        http.get(format!(
            "{base}/api/v1/accounts/{account}/conversations?status=all&page=1"
        )),
        "listConversations",
    )
    .await?;
    sandbox.shutdown().await;

    let list: serde_json::Value =
        serde_json::from_slice(&list).map_err(|e| fail("listConversations", &e))?;
    let meta = list["data"]["meta"].to_string();
    let payload = list["data"]["payload"]
        .as_array()
        .filter(|items| !items.is_empty())
        .ok_or_else(|| fail("listConversations", &"no data.payload array"))?;
    let mut items = Vec::new();
    for item in payload {
        let mut item = item.clone();
        item["id"] = SENTINEL.into();
        let text = item.to_string();
        let (before, after) = text
            .split_once(&SENTINEL.to_string())
            .ok_or_else(|| fail("listConversations", &"an item without an id"))?;
        items.push((before.to_owned(), after.to_owned()));
    }
    Ok(Bodies {
        conversation,
        status_change,
        page: Arc::new(PageTemplate { items, meta }),
        seeded_conversations: info.conversation_count,
    })
}

/// How a canned server encodes its answers, when the client accepts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// As they are.
    Identity,
    /// gzip, tower-http's default level (6).
    Gzip,
    /// brotli, tower-http's default level (4).
    Brotli,
    /// zstd, tower-http's default level (3).
    Zstd,
}

impl Encoding {
    /// Every encoding, uncompressed first.
    pub const ALL: [Encoding; 4] = [
        Encoding::Identity,
        Encoding::Gzip,
        Encoding::Brotli,
        Encoding::Zstd,
    ];

    /// Its `Content-Encoding` token (`identity` for none).
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Identity => "identity",
            Encoding::Gzip => "gzip",
            Encoding::Brotli => "br",
            Encoding::Zstd => "zstd",
        }
    }

    /// `router` answering in this encoding.
    fn apply(self, router: Router) -> Router {
        use tower_http::compression::CompressionLayer;
        let only = CompressionLayer::new()
            .no_gzip()
            .no_br()
            .no_zstd()
            .no_deflate();
        match self {
            Encoding::Identity => router,
            Encoding::Gzip => router.layer(only.gzip(true)),
            Encoding::Brotli => router.layer(only.br(true)),
            Encoding::Zstd => router.layer(only.zstd(true)),
        }
    }
}

/// A running canned server.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// Its address.
    pub addr: std::net::SocketAddr,
    /// How many list pages it has served.
    pub list_requests: Arc<AtomicU64>,
}

#[derive(Clone)]
struct AppState {
    bodies: Bodies,
    list_requests: Arc<AtomicU64>,
}

#[derive(Deserialize)]
struct PageQuery {
    page: Option<i64>,
}

const JSON: [(axum::http::HeaderName, &str); 1] = [(CONTENT_TYPE, "application/json")];

async fn conversation(State(state): State<AppState>) -> impl IntoResponse {
    (JSON, state.bodies.conversation.clone())
}

async fn status_change(State(state): State<AppState>, _body: Bytes) -> impl IntoResponse {
    (JSON, state.bodies.status_change.clone())
}

async fn list(
    State(state): State<AppState>,
    Path(total): Path<i64>,
    Query(query): Query<PageQuery>,
) -> impl IntoResponse {
    state.list_requests.fetch_add(1, Ordering::Relaxed);
    (JSON, state.bodies.page.page(total, query.page.unwrap_or(1)))
}

/// Starts the server on 127.0.0.1 on its own thread.
pub fn start(bodies: Bodies) -> std::io::Result<Server> {
    start_with(bodies, Encoding::Identity)
}

/// Starts a server answering in `encoding` on 127.0.0.1 on its own thread.
pub fn start_with(bodies: Bodies, encoding: Encoding) -> std::io::Result<Server> {
    use axum::serve::ListenerExt as _;

    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let list_requests = Arc::new(AtomicU64::new(0));
    let router = Router::new()
        .route(
            "/api/v1/accounts/{account_id}/conversations/{conversation_id}",
            get(conversation),
        )
        .route(
            "/api/v1/conversations/{conversation_id}/status",
            patch(status_change),
        )
        .route("/api/v1/accounts/{total}/conversations", get(list))
        .with_state(AppState {
            bodies,
            list_requests: list_requests.clone(),
        });
    let router = encoding.apply(router);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    std::thread::Builder::new()
        .name(SERVER_THREAD.into())
        .spawn(move || {
            crate::alloc::ignore_this_thread();
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener)
                    .expect("a std listener converts to tokio's")
                    .tap_io(|tcp| {
                        let _ = tcp.set_nodelay(true);
                    });
                axum::serve(listener, router)
                    .await
                    .expect("the canned server runs until the process exits");
            });
        })?;
    Ok(Server {
        base_url: format!("http://{addr}"),
        addr,
        list_requests,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn captured_pages_parse_into_the_generated_types() {
        let bodies = capture().await.unwrap();
        let last: ruut_api::types::ConversationList =
            serde_json::from_str(&bodies.page.page(60, 3)).unwrap();
        let ids: Vec<i64> = last.data.payload.iter().map(|c| c.id).collect();
        assert_eq!(ids, (51..=60).collect::<Vec<_>>());
        let past_the_end: ruut_api::types::ConversationList =
            serde_json::from_str(&bodies.page.page(60, 4)).unwrap();
        assert!(past_the_end.data.payload.is_empty());
        serde_json::from_slice::<ruut_api::types::Conversation>(&bodies.conversation).unwrap();
        serde_json::from_slice::<ruut_api::types::RuutConversation>(&bodies.status_change).unwrap();
    }
}
