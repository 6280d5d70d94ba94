//! The workflow of Ruut's API documentation, end to end.
//!
//! ```text
//! cargo run -p ruut-sdk --example quickstart
//! ```
//!
//! Without `RUUT_API_TOKEN` it starts the sandbox (an in-memory Ruut server) in
//! this process and walks the whole workflow: list the accounts, list the open
//! conversations, mark one pending, resolve it with a reason, snooze another until
//! tomorrow and reopen it, printing each status.
//!
//! With `RUUT_API_TOKEN` (and optionally `RUUT_BASE_URL` and `RUUT_ACCOUNT_ID`) it
//! runs only the read-only part against that server: nothing is changed there.

use chrono::{Duration, Utc};
use futures::{StreamExt, TryStreamExt};
use ruut_sdk::types::{ConversationStatusFilter, RuutId};
use ruut_sdk::{Client, ENV_API_TOKEN, ErrorKind, StatusChange};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

#[tokio::main]
async fn main() -> Result<()> {
    if std::env::var_os(ENV_API_TOKEN).is_some() {
        let client = Client::from_env()?;
        println!("Read-only tour of {}", client.base_url());
        let client = pick_account(&client).await?;
        list_open_conversations(&client).await?;
        return Ok(());
    }

    let sandbox = ruut_sandbox::Sandbox::start().await?;
    println!(
        "No {ENV_API_TOKEN} set: using a sandbox at {}",
        sandbox.base_url()
    );
    let client = Client::builder()
        .base_url(sandbox.base_url())
        .api_token(sandbox.user_token())
        .build()?;

    let client = pick_account(&client).await?;
    let open = list_open_conversations(&client).await?;
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

    sandbox.shutdown().await;
    Ok(())
}

/// Lists the token's accounts and returns a client working in one of them:
/// `RUUT_ACCOUNT_ID` if set, otherwise the first.
async fn pick_account(client: &Client) -> Result<Client> {
    let accounts: Vec<(i64, String)> = match client.list_accounts().await {
        Ok(accounts) => accounts
            .into_iter()
            .filter_map(|a| numeric(&a.id).map(|id| (id, a.name)))
            .collect(),
        // A stock Chatwoot server lacks Ruut's documented listing; the profile
        // has the same accounts.
        Err(e) if e.kind() == ErrorKind::RouteNotFound => client
            .get_profile()
            .await?
            .accounts
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect(),
        Err(e) => return Err(e.into()),
    };
    println!("Accounts:");
    for (id, name) in &accounts {
        println!("  {id}: {name}");
    }
    let id = match client.account_id() {
        Some(id) => id,
        None => accounts.first().ok_or("the token reaches no account")?.0,
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
