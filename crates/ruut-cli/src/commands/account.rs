//! `ruut agents list`, `ruut teams list` and `ruut inboxes list`: the
//! account's people and places, as the server sends them (no pages).

use serde::Serialize;

use crate::args::AccountListCommand;
use crate::commands::Context;
use crate::exit::Outcome;
use crate::output::Column;

const AGENT_COLUMNS: &[Column] = &[
    Column::new("id", "/id"),
    Column::new("name", "/name"),
    Column::new("email", "/email"),
    Column::new("role", "/role"),
    Column::new("availability", "/availability_status"),
];

const TEAM_COLUMNS: &[Column] = &[
    Column::new("id", "/id"),
    Column::new("name", "/name"),
    Column::new("auto assign", "/allow_auto_assign"),
    Column::new("description", "/description"),
];

const INBOX_COLUMNS: &[Column] = &[
    Column::new("id", "/id"),
    Column::new("name", "/name"),
    Column::new("channel", "/channel_type"),
    Column::new("greeting", "/greeting_enabled"),
];

/// Runs `ruut agents list`.
pub async fn agents(ctx: &Context, command: AccountListCommand) -> Outcome {
    let agents = ctx.client()?.list_agents().await?;
    print(ctx, AGENT_COLUMNS, &agents, command)
}

/// Runs `ruut teams list`.
pub async fn teams(ctx: &Context, command: AccountListCommand) -> Outcome {
    let teams = ctx.client()?.list_teams().await?;
    print(ctx, TEAM_COLUMNS, &teams, command)
}

/// Runs `ruut inboxes list`.
pub async fn inboxes(ctx: &Context, command: AccountListCommand) -> Outcome {
    let inboxes = ctx.client()?.list_inboxes().await?;
    print(ctx, INBOX_COLUMNS, &inboxes, command)
}

fn print<T: Serialize>(
    ctx: &Context,
    columns: &'static [Column],
    items: &[T],
    command: AccountListCommand,
) -> Outcome {
    let AccountListCommand::List { limit } = command;
    let mut listing = ctx.printer.list(columns);
    for item in items.iter().take(limit.unwrap_or(usize::MAX)) {
        listing.push(item)?;
    }
    listing.finish()
}
