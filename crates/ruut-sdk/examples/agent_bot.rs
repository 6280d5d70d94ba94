//! An agent bot: a small web service that receives the server's webhooks,
//! verifies them, and runs the logic of Ruut's docs ("Agent Bot Interaction with
//! Conversation Statuses"):
//!
//! - a conversation that is (or becomes) **open**: send a welcome message and
//!   transfer it to an agent;
//! - a conversation that is (or becomes) **pending**: ask the customer for more
//!   information.
//!
//! Around each reply the bot shows its typing indicator, and it labels the
//! conversation with what it did (`bot-welcomed`, `bot-asked-details`).
//! Chatwoot 4.10.1 refuses agent-bot tokens on both routes (later versions
//! allow typing): the typing indicator is best effort (a refusal is logged and
//! the reply still goes), and the labels are set with a human agent's token
//! when one is given (`RUUT_AGENT_TOKEN`), skipped otherwise.
//!
//! Every decision is logged. Deliveries are verified (signature and age), retries
//! are dropped by their delivery id, and the work happens after the webhook is
//! acknowledged, so the server never waits on the bot's own API calls.
//!
//! ```text
//! # A demo with no account: starts a sandbox wired to the bot, triggers a few
//! # events, prints the conversations and exits.
//! cargo run -p ruut-sdk --features axum --example agent_bot
//!
//! # The real thing: serve webhooks on BOT_LISTEN (default 127.0.0.1:8787).
//! RUUT_API_TOKEN=<agent bot token> RUUT_ACCOUNT_ID=1 RUUT_WEBHOOK_SECRET=<secret> \
//! RUUT_HANDOFF_AGENT_ID=7 RUUT_AGENT_TOKEN=<an agent's token, for labels> cargo run -p ruut-sdk --features axum --example agent_bot -- --serve
//! ```
//!
//! For a server that does not sign (Chatwoot before 4.11.2) set
//! `RUUT_WEBHOOK_UNSIGNED=1` instead of the secret, and keep the bot unreachable
//! from the internet.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{FromRef, State};
use axum::http::StatusCode;
use axum::routing::post;
use ruut_sandbox::Sandbox;
use ruut_sdk::types::{self, ToggleableStatus};
use ruut_sdk::webhook::axum::VerifiedWebhook;
use ruut_sdk::webhook::{DeliveryDeduper, Verifier, WebhookEvent};
use ruut_sdk::{Client, ConversationHandle, ConversationStatus, ErrorKind, MessageRequest};
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tracing::{info, warn};

/// What the bot says to a customer whose conversation is open.
pub const WELCOME: &str = "Hi, and thanks for contacting us! I'm passing you to one of our \
                           agents, who will be with you shortly.";
/// What the bot says to a customer whose conversation is pending.
pub const ASK_FOR_DETAILS: &str = "Thanks for your message! So that we can help you faster, \
                                   could you tell us a bit more: what happened, and your order \
                                   or account number?";

type AnyError = Box<dyn std::error::Error + Send + Sync>;

/// The label the bot puts on a conversation it welcomed and handed over.
pub const WELCOMED_LABEL: &str = "bot-welcomed";
/// The label the bot puts on a conversation it asked for details.
pub const ASKED_LABEL: &str = "bot-asked-details";

/// What the bot decided to do about one event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// The conversation is open: welcome the customer and hand over to an agent.
    WelcomeAndHandOver {
        /// The conversation's display id.
        conversation_id: i64,
    },
    /// The conversation is pending: ask the customer for more information.
    AskForDetails {
        /// The conversation's display id.
        conversation_id: i64,
    },
}

/// The docs' logic, as a pure function of an event: new conversations and status
/// changes, by the status they have now. Everything else needs no action.
pub fn decide(event: &WebhookEvent) -> Option<Decision> {
    let (conversation_id, status) = match event {
        WebhookEvent::ConversationCreated(c) => (c.id, c.status.clone()),
        WebhookEvent::ConversationStatusChanged(c) => (c.id, event.status_transition()?.current),
        _ => return None,
    };
    match status {
        ConversationStatus::Open => Some(Decision::WelcomeAndHandOver { conversation_id }),
        ConversationStatus::Pending => Some(Decision::AskForDetails { conversation_id }),
        _ => None,
    }
}

/// The bot: an API client acting with the agent bot's token, and who to hand over to.
#[derive(Clone, Debug)]
pub struct Bot {
    /// The client, with the agent bot's token and the account id.
    pub client: Client,
    /// The agent open conversations are transferred to; `None` leaves the assignment
    /// to the server's auto-assignment.
    pub handoff_agent: Option<i64>,
    /// A client with a human agent's token, for what Chatwoot 4.10.1 refuses
    /// agent-bot tokens: labels. `None` leaves conversations unlabelled.
    pub agent: Option<Client>,
}

impl Bot {
    /// Carries out a decision through the API.
    pub async fn act(&self, decision: &Decision) -> Result<(), ruut_sdk::Error> {
        match *decision {
            Decision::WelcomeAndHandOver { conversation_id } => {
                let conversation = self.client.conversation(conversation_id);
                self.say(&conversation, WELCOME).await?;
                if let Some(agent) = self.handoff_agent {
                    conversation.assign(agent).await?;
                }
                self.label(conversation_id, WELCOMED_LABEL).await?;
            }
            Decision::AskForDetails { conversation_id } => {
                let conversation = self.client.conversation(conversation_id);
                // With a short guide attached: a file sent from memory.
                let guide = ruut_sdk::FileAttachment::from_bytes(
                    "where-is-my-order-number.txt",
                    "text/plain",
                    "Your order number is in the confirmation e-mail, e.g. 1042.\n",
                );
                let question = conversation.reply(ASK_FOR_DETAILS).attach(guide);
                self.say_with(&conversation, question).await?;
                self.label(conversation_id, ASKED_LABEL).await?;
            }
        }
        Ok(())
    }

    /// Replies between the typing indicator's on and off.
    async fn say(
        &self,
        conversation: &ConversationHandle,
        text: &str,
    ) -> Result<(), ruut_sdk::Error> {
        self.say_with(conversation, conversation.reply(text)).await
    }

    /// Sends `message` between "typing on" and "typing off".
    async fn say_with(
        &self,
        conversation: &ConversationHandle,
        message: MessageRequest,
    ) -> Result<(), ruut_sdk::Error> {
        typing(conversation.typing_on().send().await)?;
        message.send().await?;
        typing(conversation.typing_off().send().await)
    }

    /// Adds `label` to the conversation's labels, with the agent's token.
    async fn label(&self, conversation_id: i64, label: &str) -> Result<(), ruut_sdk::Error> {
        let Some(agent) = &self.agent else {
            return Ok(());
        };
        let conversation = agent.conversation(conversation_id);
        let mut labels = conversation.labels().await?;
        if !labels.iter().any(|l| l == label) {
            labels.push(label.to_owned());
            conversation.set_labels(labels).await?;
        }
        Ok(())
    }
}

/// The typing indicator is best effort: servers that refuse it to agent bots
/// (Chatwoot 4.10.1) answer `Forbidden`, and the reply goes all the same.
fn typing(result: Result<(), ruut_sdk::Error>) -> Result<(), ruut_sdk::Error> {
    match result {
        Err(e) if e.kind() == ErrorKind::Forbidden => {
            info!(error = %e, "no typing indicator: the server refuses it to agent bots");
            Ok(())
        }
        other => other,
    }
}

/// A decision and whether carrying it out worked, for whoever watches the bot.
pub type Outcome = (Decision, Result<(), String>);

#[derive(Clone)]
struct Inbox {
    verifier: Verifier,
    seen: Arc<DeliveryDeduper>,
    queue: mpsc::UnboundedSender<WebhookEvent>,
}

impl FromRef<Inbox> for Verifier {
    fn from_ref(inbox: &Inbox) -> Verifier {
        inbox.verifier.clone()
    }
}

/// The bot's web service (`POST /webhooks`) and the task that works through the
/// events it accepts, in order. Each outcome is also sent to `outcomes`, if given.
pub fn service(
    bot: Bot,
    verifier: Verifier,
    outcomes: Option<mpsc::UnboundedSender<Outcome>>,
) -> Router {
    let (queue, events) = mpsc::unbounded_channel();
    tokio::spawn(work(bot, events, outcomes));
    let inbox = Inbox {
        verifier,
        seen: Arc::new(DeliveryDeduper::default()),
        queue,
    };
    Router::new()
        .route("/webhooks", post(receive))
        .with_state(inbox)
}

/// Verified and parsed by the extractor (401 or 400 otherwise); acknowledged at once.
async fn receive(
    State(inbox): State<Inbox>,
    VerifiedWebhook(event, delivery): VerifiedWebhook,
) -> StatusCode {
    if let Some(id) = &delivery.id
        && !inbox.seen.first_time(id)
    {
        info!(delivery = %id, event = event.name(), "duplicate delivery ignored");
        return StatusCode::OK;
    }
    let _ = inbox.queue.send(event);
    StatusCode::OK
}

async fn work(
    bot: Bot,
    mut events: mpsc::UnboundedReceiver<WebhookEvent>,
    outcomes: Option<mpsc::UnboundedSender<Outcome>>,
) {
    while let Some(event) = events.recv().await {
        let Some(decision) = decide(&event) else {
            info!(event = event.name(), conversation = ?event.conversation_id(), "no action");
            continue;
        };
        info!(event = event.name(), ?decision, "decided");
        let result = bot.act(&decision).await.map_err(|e| e.to_string());
        match &result {
            Ok(()) => info!(?decision, "done"),
            Err(e) => warn!(?decision, error = %e, "could not carry out the decision"),
        }
        if let Some(outcomes) = &outcomes {
            let _ = outcomes.send((decision, result));
        }
    }
}

/// Serves `router` on `listener` in the background.
fn spawn_server(listener: TcpListener, router: Router) {
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, router).await {
            warn!(error = %e, "the bot's server stopped");
        }
    });
}

/// A conversation's messages as `(sender type, content)`, oldest first.
pub async fn transcript(
    client: &Client,
    conversation_id: i64,
) -> Result<Vec<(String, String)>, AnyError> {
    let page = client
        .conversation(conversation_id)
        .messages()
        .send()
        .await?;
    Ok(page
        .messages
        .into_iter()
        .map(|m| {
            let who = m
                .sender
                .and_then(|s| s.type_)
                .map_or_else(|| "system".to_owned(), |t| t.to_string());
            (who, m.content.unwrap_or_default())
        })
        .collect())
}

/// What [`demo`] did: the conversations it started, and the bot's outcomes.
#[derive(Debug)]
pub struct DemoReport {
    /// The sandbox the demo ran against (still running).
    pub sandbox: Sandbox,
    /// A client with the sandbox user's token (a human agent).
    pub agent: Client,
    /// The conversation that started pending and was then opened.
    pub pending_then_open: i64,
    /// The conversation that started open.
    pub open: i64,
    /// The agent the bot hands over to.
    pub handoff_agent: i64,
    /// The bot's decisions and their results, in order.
    pub outcomes: Vec<Outcome>,
}

/// Starts a sandbox wired to a bot, triggers three events (a pending conversation, its
/// reopening, a new open conversation) and waits for the bot's decisions.
pub async fn demo() -> Result<DemoReport, AnyError> {
    const SECRET: &str = "demo-webhook-secret";
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/webhooks", listener.local_addr()?);
    let sandbox = Sandbox::builder().webhook(url, SECRET).start().await?;
    info!(
        sandbox = sandbox.base_url(),
        "sandbox started, delivering webhooks to the bot"
    );

    let info = sandbox.seed_info().clone();
    let connect = |token: &str| {
        Client::builder()
            .base_url(sandbox.base_url())
            .api_token(token)
            .account_id(sandbox.account_id())
            .build()
    };
    let agent = connect(sandbox.user_token())?;
    let bot = Bot {
        client: connect(sandbox.bot_token())?,
        handoff_agent: info.agent_ids.first().copied(),
        agent: Some(agent.clone()),
    };
    let handoff_agent = bot.handoff_agent.ok_or("the sandbox has no agent")?;
    let (outcomes_tx, mut outcomes_rx) = mpsc::unbounded_channel();
    spawn_server(
        listener,
        service(bot, Verifier::new(SECRET), Some(outcomes_tx)),
    );

    let mut outcomes = Vec::new();
    let mut next = async || -> Result<(), AnyError> {
        let outcome = tokio::time::timeout(Duration::from_secs(10), outcomes_rx.recv())
            .await
            .map_err(|_| "the bot did not act within 10 s")?
            .ok_or("the bot stopped")?;
        outcomes.push(outcome);
        Ok(())
    };

    let contact = *info
        .contact_ids
        .first()
        .ok_or("the sandbox has no contact")?;
    let pending = agent
        .create_conversation(info.api_inbox_id)
        .contact(contact)
        .status(ToggleableStatus::Pending)
        .send()
        .await?;
    next().await?;
    agent
        .raw()
        .create_message()
        .account_id(sandbox.account_id())
        .conversation_id(pending.id)
        .body_map(|m| {
            m.content("My parcel has not arrived; order 1042.")
                .message_type(types::NewMessageType::Incoming)
        })
        .send()
        .await?;
    agent.conversation(pending.id).reopen().send().await?;
    next().await?;
    let open = agent
        .create_conversation(info.api_inbox_id)
        .contact(contact)
        .status(ToggleableStatus::Open)
        .send()
        .await?;
    next().await?;

    Ok(DemoReport {
        sandbox,
        agent,
        pending_then_open: pending.id,
        open: open.id,
        handoff_agent,
        outcomes,
    })
}

async fn serve() -> Result<(), AnyError> {
    let client = Client::from_env()?;
    let verifier = match std::env::var("RUUT_WEBHOOK_SECRET") {
        Ok(secret) => Verifier::new(secret),
        Err(_) if std::env::var("RUUT_WEBHOOK_UNSIGNED").as_deref() == Ok("1") => {
            warn!("accepting unsigned webhooks: anyone who reaches this port can forge events");
            Verifier::unsigned_only()
        }
        Err(_) => return Err("set RUUT_WEBHOOK_SECRET (or RUUT_WEBHOOK_UNSIGNED=1)".into()),
    };
    let handoff_agent = match std::env::var("RUUT_HANDOFF_AGENT_ID") {
        Ok(id) => Some(
            id.parse()
                .map_err(|_| "RUUT_HANDOFF_AGENT_ID is not a number")?,
        ),
        Err(_) => None,
    };
    let listen = std::env::var("BOT_LISTEN").unwrap_or_else(|_| "127.0.0.1:8787".to_owned());
    let listener = TcpListener::bind(&listen).await?;
    info!(%listen, ?handoff_agent, "agent bot listening on POST /webhooks");
    let agent = match std::env::var("RUUT_AGENT_TOKEN") {
        Ok(token) => Some(Client::builder().with_env().api_token(token).build()?),
        Err(_) => None,
    };
    let bot = Bot {
        client,
        handoff_agent,
        agent,
    };
    axum::serve(listener, service(bot, verifier, None)).await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), AnyError> {
    tracing_subscriber::fmt().with_target(false).init();
    if std::env::args().nth(1).as_deref() == Some("--serve") {
        return serve().await;
    }
    let report = demo().await?;
    for (title, id) in [
        ("started pending, then opened", report.pending_then_open),
        ("started open", report.open),
    ] {
        println!("\nConversation #{id} ({title}):");
        for (who, content) in transcript(&report.agent, id).await? {
            println!("  {who:>9}: {content}");
        }
        let conversation = report.agent.get_conversation(id).await?;
        let assignee = conversation
            .meta
            .assignee
            .map(|a| a.name.unwrap_or_default());
        println!("  assigned to: {}", assignee.as_deref().unwrap_or("nobody"));
        println!("  labels: {}", conversation.labels.join(", "));
    }
    report.sandbox.shutdown().await;
    Ok(())
}
