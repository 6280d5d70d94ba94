//! How to test your own bot with the sandbox as a dev-dependency: a small
//! webhook bot written with the SDK, and its tests.
//!
//! The bot thanks every customer who writes and hands the conversation to an
//! agent. Its tests, at the bottom of this file, use the four parts of the
//! kit (`ruut_sandbox`): seed a conversation, drive a customer message (the
//! sandbox sends the signed webhook to the bot), expect the bot's requests,
//! and inject a fault the SDK must ride out.
//!
//! ```text
//! cargo test -p ruut-sdk --example bot_testing   # the bot's tests
//! cargo run -p ruut-sdk --example bot_testing    # one round, printed
//! ```
//!
//! In your own crate: `ruut-sandbox` and `tokio` under `[dev-dependencies]`, the
//! test module in `tests/`, and the bot from your crate instead of this file.

use std::sync::Arc;
use std::time::SystemTime;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use ruut_sdk::Client;
use ruut_sdk::enums::WebhookMessageType;
use ruut_sdk::webhook::{Verifier, WebhookEvent};
use tokio::net::TcpListener;

/// What the bot says to every customer who writes.
pub const THANKS: &str = "Thanks for your message! An agent will be with you shortly.";

/// The bot: an API client, a webhook verifier, and the agent it hands over to.
pub struct Bot {
    client: Client,
    verifier: Verifier,
    handoff_agent: i64,
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

impl Bot {
    /// Handles one delivery: verifies it, and answers a customer's message.
    pub async fn handle(&self, headers: &HeaderMap, body: &[u8]) -> Result<(), BoxError> {
        self.verifier.verify(headers, body, SystemTime::now())?;
        let WebhookEvent::MessageCreated(message) = WebhookEvent::parse(body)? else {
            return Ok(());
        };
        let Some(conversation) = message.conversation.as_ref().map(|c| c.id) else {
            return Ok(());
        };
        if message.message_type != WebhookMessageType::Incoming {
            return Ok(()); // its own replies come back as webhooks too
        }
        let handle = self.client.conversation(conversation);
        handle.reply(THANKS).send().await?;
        handle.assign(self.handoff_agent).await?;
        Ok(())
    }

    /// Serves the bot's webhook route on `listener` until the task is dropped.
    pub async fn serve(self, listener: TcpListener) -> std::io::Result<()> {
        let router = Router::new()
            .route("/webhooks", post(webhook))
            .with_state(Arc::new(self));
        axum::serve(listener, router).await
    }
}

async fn webhook(State(bot): State<Arc<Bot>>, headers: HeaderMap, body: Bytes) -> StatusCode {
    match bot.handle(&headers, &body).await {
        Ok(()) => StatusCode::OK,
        Err(e) => {
            eprintln!("webhook not handled: {e}");
            StatusCode::UNPROCESSABLE_ENTITY
        }
    }
}

/// A sandbox whose webhooks go to a bot (started on a free port) with the
/// bot's token, and the bot's own setup in the test.
pub async fn sandbox_with_bot(handoff_agent: i64) -> Result<ruut_sandbox::Sandbox, BoxError> {
    const SECRET: &str = "bot-test-secret";
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let hook = format!("http://{}/webhooks", listener.local_addr()?);
    let sandbox = ruut_sandbox::Sandbox::builder()
        .webhook(hook, SECRET)
        .start()
        .await?;
    let client = Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.bot_token())
        .account_id(sandbox.account_id())
        // Fast retries: the tests inject faults the SDK retries.
        .retry_policy(
            ruut_sdk::RetryPolicy::default().with_base_delay(std::time::Duration::from_millis(5)),
        )
        .build()?;
    let bot = Bot {
        client,
        verifier: Verifier::new(SECRET),
        handoff_agent,
    };
    tokio::spawn(bot.serve(listener));
    Ok(sandbox)
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    use ruut_sandbox::{MessageKind, Operation};

    let agent = 2;
    let sandbox = sandbox_with_bot(agent).await?;
    let account = sandbox.account_id();
    let conversation = sandbox
        .seed()
        .conversation(account)
        .assigned_to_bot()
        .message(MessageKind::Incoming, "Hello")
        .create()?;
    sandbox.customer_message(account, conversation.id, "Is anyone there?")?;
    let wait = std::time::Duration::from_secs(30);
    let assigned = sandbox
        .expect(Operation::AssignConversation)
        .path("conversation_id", conversation.id)
        .arrival(wait)
        .await?;
    println!("the bot replied and then sent {}", assigned.body);
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use ruut_sandbox::{ConversationStatus, Fault, MessageKind, Operation};

    use super::*;

    /// Long enough never to matter; it only stops a broken bot from hanging the test.
    const WAIT: Duration = Duration::from_secs(10);

    #[tokio::test]
    async fn the_bot_thanks_the_customer_and_hands_over() {
        let agent = 3;
        let sandbox = sandbox_with_bot(agent).await.unwrap();
        let account = sandbox.account_id();
        // Seed: a pending conversation, the bot's, with the customer's first message.
        let conversation = sandbox
            .seed()
            .conversation(account)
            .status(ConversationStatus::Pending)
            .assigned_to_bot()
            .message(MessageKind::Incoming, "Hello")
            .create()
            .unwrap();
        // Fault: the first assignment attempt is a 503; the SDK retries it.
        let unavailable = Fault::ServiceUnavailable { retry_after: None };
        sandbox.inject(Operation::AssignConversation, unavailable, 1);

        // Drive: the customer writes; the signed webhook goes to the bot.
        sandbox
            .customer_message(account, conversation.id, "My parcel is late")
            .unwrap();

        // Expect: one thank-you there, then the hand-over (tried twice).
        let handover = sandbox
            .expect(Operation::AssignConversation)
            .path("conversation_id", conversation.id)
            .body("assignee_id", agent);
        handover.arrivals(2, WAIT).await.unwrap();
        handover.times(2);
        sandbox
            .expect(Operation::CreateMessage)
            .path("conversation_id", conversation.id)
            .body("content", THANKS)
            .once();
        let c = sandbox.message_count(account, conversation.id);
        assert_eq!(c, 3, "the seeded message, the customer's, the bot's");
    }

    #[tokio::test]
    async fn the_bot_ignores_what_agents_and_it_write() {
        let sandbox = sandbox_with_bot(3).await.unwrap();
        let account = sandbox.account_id();
        let conversation = sandbox.seed().conversation(account).create().unwrap();
        let thanks = sandbox
            .expect(Operation::CreateMessage)
            .body("content", THANKS);
        // An agent resolving is a webhook too, but not a message: nothing to answer.
        sandbox.agent_resolves(account, conversation.id, 2).unwrap();
        sandbox
            .customer_message(account, conversation.id, "One more thing")
            .unwrap();
        // Every webhook handled, including the one for the bot's own reply
        // (a bot that answered itself would never let this settle).
        sandbox.webhooks_delivered(WAIT).await.unwrap();
        thanks.once();
    }
}
