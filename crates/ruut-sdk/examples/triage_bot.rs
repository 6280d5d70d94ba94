//! The bot logic of Ruut's documentation, as a polling triage pass:
//!
//! ```javascript
//! if (conversation.status === 'open')    { sendWelcomeMessage(); transferToSuitableAgent(); }
//! if (conversation.status === 'pending') { requestMoreInformation(); }
//! ```
//!
//! ```text
//! cargo run -p ruut-sdk --example triage_bot
//! ```
//!
//! It runs against an in-process sandbox, handles the unassigned open and pending
//! conversations once, prints each decision, and exits. Listing conversations
//! needs a user token (agent-bot tokens may not list them), so this bot polls with
//! one; a bot that reacts to webhooks instead is `examples/agent_bot.rs`.

use futures::{StreamExt, TryStreamExt};
use ruut_sdk::types::{AssigneeTypeFilter, Conversation, ConversationStatusFilter};
use ruut_sdk::{Client, ConversationStatus, ErrorKind};

const WELCOME: &str = "Hi! Thanks for reaching out. An agent will be with you shortly.";
const MORE_INFORMATION: &str = "To help us move this forward, could you share any details you have (order number, screenshots)?";

/// How many conversations one pass handles at most.
const BATCH: usize = 10;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> Result<()> {
    let sandbox = ruut_sandbox::Sandbox::start().await?;
    let client = Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .account_id(sandbox.account_id())
        .build()?;
    // The agents to hand conversations to, in turn.
    let agents = sandbox.seed_info().agent_ids.clone();
    let mut next_agent = agents.iter().cycle();

    let mut handled = 0;
    for status in [
        ConversationStatusFilter::Open,
        ConversationStatusFilter::Pending,
    ] {
        // Collected before acting on them: an assignment changes which
        // conversations the filter matches, and so would shift later pages.
        let waiting: Vec<Conversation> = client
            .conversations()
            .status(status)
            .assignee(AssigneeTypeFilter::Unassigned)
            .stream()
            .take(BATCH)
            .try_collect()
            .await?;
        for conversation in waiting {
            let agent = *next_agent.next().ok_or("no agents to hand over to")?;
            match triage(&client, &conversation, agent).await {
                Ok(decision) => println!("#{:<4} {decision}", conversation.id),
                // Another agent may have moved it meanwhile; that is not the bot's failure.
                Err(e) if e.kind() == ErrorKind::NotFound => {
                    println!("#{:<4} gone: {e}", conversation.id);
                }
                Err(e) => return Err(e.into()),
            }
            handled += 1;
        }
    }
    println!("Triaged {handled} conversations.");
    sandbox.shutdown().await;
    Ok(())
}

/// Applies the docs' logic to one conversation and says what it did.
async fn triage(
    client: &Client,
    conversation: &Conversation,
    agent: i64,
) -> ruut_sdk::Result<String> {
    let handle = client.conversation(conversation.id);
    Ok(match conversation.status {
        ConversationStatus::Open => {
            handle.reply(WELCOME).send().await?;
            let assignee = handle.assign(agent).await?;
            let name = assignee
                .and_then(|a| a.available_name.or(a.name))
                .unwrap_or_else(|| format!("agent {agent}"));
            format!("open:    welcomed the customer, handed to {name}")
        }
        ConversationStatus::Pending => {
            handle.reply(MORE_INFORMATION).send().await?;
            "pending: asked the customer for more information".to_owned()
        }
        ref other => format!("{other}: nothing to do"),
    })
}
