//! `ruut messages list <conversation> [--follow]`.

use std::time::Duration;

use futures::TryStreamExt;
use ruut_sdk::types::Message;

use crate::args::MessagesCommand;
use crate::commands::Context;
use crate::exit::{Failure, Outcome};
use crate::output::Column;

/// The table layout of a message.
pub const COLUMNS: &[Column] = &[
    Column::new("id", "/id"),
    Column::time("at", "/created_at"),
    Column::new("from", "/sender/name"),
    Column::new("type", "/message_type"),
    Column::new("private", "/private"),
    Column::new("content", "/content"),
];

/// Runs `ruut messages ...`.
pub async fn run(ctx: &Context, command: MessagesCommand) -> Outcome {
    let MessagesCommand::List {
        conversation,
        follow,
        interval,
        public_only,
        limit,
    } = command;
    if !(interval.is_finite() && interval > 0.0) {
        return Err(Failure::usage(
            "--interval must be a positive number of seconds",
        ));
    }
    let handle = ctx.client()?.conversation(conversation);
    let query = handle.messages().filter_internal(public_only);
    // The stream walks back from the newest page; a person reads oldest first.
    let mut messages: Vec<Message> = query.clone().stream().try_collect().await?;
    messages.sort_by_key(|m| m.id);
    let limit = limit.unwrap_or(usize::MAX);
    let mut printed = 0;
    let mut last_id = messages.last().map_or(0, |m| m.id);
    let skip = messages.len().saturating_sub(limit);
    let mut listing = ctx.printer.list(COLUMNS);
    for message in messages.iter().skip(skip).take(limit) {
        listing.push(message)?;
        printed += 1;
    }
    if !follow || printed >= limit {
        return listing.finish();
    }
    // Following: a table cannot wait for its last row, so rows go out as JSON
    // Lines, YAML documents or one table per new batch.
    listing.finish()?;
    loop {
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs_f64(interval)) => {}
            _ = tokio::signal::ctrl_c() => return Ok(()),
        }
        // The latest page holds the newest 20; a burst larger than that between
        // two looks is caught up page by page.
        let mut fresh: Vec<Message> = Vec::new();
        let mut page = query.clone().send().await?;
        loop {
            let older = page.next_before;
            let reached_known = page.messages.iter().any(|m| m.id <= last_id);
            fresh.extend(page.messages.into_iter().filter(|m| m.id > last_id));
            match older {
                Some(before) if !reached_known => {
                    page = query.clone().before(before).send().await?
                }
                _ => break,
            }
        }
        fresh.sort_by_key(|m| m.id);
        if fresh.is_empty() {
            continue;
        }
        let mut batch = ctx.printer.list(COLUMNS);
        for message in fresh {
            last_id = last_id.max(message.id);
            batch.push(&message)?;
            printed += 1;
            if printed >= limit {
                return batch.finish();
            }
        }
        batch.finish()?;
    }
}
