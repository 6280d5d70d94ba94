//! The workflow of Ruut's API documentation, end to end.
//!
//! ```text
//! cargo run -p ruut-sdk --example quickstart [-- --chatwoot]
//! RUUT_API_TOKEN=... cargo run -p ruut-sdk --example quickstart [-- --write]
//! ```
//!
//! It first probes the server (version, status route, token header spelling,
//! accounts: nothing is changed), lists the open conversations, then walks the
//! status workflow: mark one pending, resolve it with a reason, snooze another
//! until tomorrow and reopen it, printing each status.
//!
//! Without `RUUT_API_TOKEN` it runs against the sandbox (an in-memory Ruut
//! server) in this process, or, with `--chatwoot`, against the sandbox acting as
//! a stock Chatwoot server: the same code works on both with the default
//! settings.
//!
//! With `RUUT_API_TOKEN` (and optionally `RUUT_BASE_URL` and `RUUT_ACCOUNT_ID`) it
//! runs against that server, Ruut or Chatwoot, and stops after the read-only
//! part unless given `--write`: then it changes the statuses of the first two
//! open conversations of the account (the first ends resolved, the second open
//! again).

use chrono::{Duration, Utc};
use futures::{StreamExt, TryStreamExt};
use ruut_sdk::types::{ConversationStatusFilter, RuutAccount, RuutId};
use ruut_sdk::{Client, ENV_API_TOKEN, StatusChange};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> Result<()> {
    let flag = |name: &str| std::env::args().skip(1).any(|arg| arg == name);
    if std::env::var_os(ENV_API_TOKEN).is_some() {
        let client = Client::from_env()?;
        println!("Tour of {}", client.base_url());
        return tour(&client, flag("--write")).await;
    }

    let chatwoot = flag("--chatwoot");
    let sandbox = ruut_sandbox::Sandbox::builder()
        .chatwoot_only(chatwoot)
        .start()
        .await?;
    println!(
        "No {ENV_API_TOKEN} set: using a sandbox{} at {}",
        if chatwoot {
            " acting as stock Chatwoot"
        } else {
            ""
        },
        sandbox.base_url()
    );
    let client = Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .build()?;
    tour(&client, true).await?;
    sandbox.shutdown().await;
    Ok(())
}

/// The read-only part, then, if `write`, the status workflow.
async fn tour(client: &Client, write: bool) -> Result<()> {
    let report = client.probe().await?;
    println!("Server version {}", report.server.version);
    println!("Status route: {:?}", report.status_route);
    println!("Token header: {}", report.auth_header.name());
    let client = pick_account(client, &report.accounts)?;
    let open = list_open_conversations(&client).await?;
    if !write {
        println!("\nRead-only: pass --write to run the status workflow here.");
        return Ok(());
    }
    let [first, second, ..] = open[..] else {
        return Err("the workflow needs two open conversations".into());
    };

    println!("\nConversation #{first}:");
    let conversation = client.conversation(first);
    show(conversation.mark_pending().send().await?);
    show(
        conversation
            .resolve()
            .reason("Customer issue addressed")
            .send()
            .await?,
    );

    println!("\nConversation #{second}:");
    let conversation = client.conversation(second);
    show(
        conversation
            .snooze_until(Utc::now() + Duration::days(1))
            .send()
            .await?,
    );
    show(conversation.reopen().send().await?);
    Ok(())
}

/// Prints the token's accounts and returns a client working in one of them:
/// `RUUT_ACCOUNT_ID` if set, otherwise the first.
fn pick_account(client: &Client, accounts: &[RuutAccount]) -> Result<Client> {
    println!("Accounts:");
    for account in accounts {
        let id =
            numeric(&account.id).map_or_else(|| format!("{:?}", account.id), |id| id.to_string());
        println!("  {id}: {}", account.name);
    }
    let id = match client.account_id() {
        Some(id) => id,
        None => accounts
            .iter()
            .find_map(|a| numeric(&a.id))
            .ok_or("the token reaches no account")?,
    };
    println!("Working in account {id}");
    Ok(client.with_account_id(id))
}

/// Ruut's documentation shows ids as strings; the server sends numbers.
fn numeric(id: &RuutId) -> Option<i64> {
    match id {
        RuutId::Int64(id) => Some(*id),
        RuutId::String(id) => id.parse().ok(),
    }
}

/// Prints the first few open conversations and returns their ids.
async fn list_open_conversations(client: &Client) -> Result<Vec<i64>> {
    let counts = client
        .conversations()
        .status(ConversationStatusFilter::Open)
        .counts()
        .await?;
    println!("\nOpen conversations: {} in all", counts.all_count);
    let first_few: Vec<_> = client
        .conversations()
        .status(ConversationStatusFilter::Open)
        .stream()
        .take(5)
        .try_collect()
        .await?;
    for conversation in &first_few {
        let contact = conversation
            .meta
            .sender
            .as_ref()
            .and_then(|s| s.name.as_deref())
            .unwrap_or("(unknown contact)");
        println!(
            "  #{:<4} {:<9} {contact}",
            conversation.id,
            conversation.status.as_str()
        );
    }
    Ok(first_few.iter().map(|c| c.id).collect())
}

fn show(change: StatusChange) {
    match change.snoozed_until {
        Some(until) => println!(
            "  now {} until {}",
            change.status,
            until.format("%F %R UTC")
        ),
        None => println!("  now {}", change.status),
    }
}
