//! `ruut messages list <conversation> [--after ID] [--follow]`.
//!
//! Without `--after`, the whole history is read (newest page first, back to
//! the start) and printed oldest first. With `--after`, and for every look
//! `--follow` takes, only messages newer than the last one seen are fetched,
//! through the server's `after` cursor (up to 100 an answer, asked again
//! until none is left).

use std::time::Duration;

use futures::StreamExt;
use ruut_sdk::MessageQuery;
use ruut_sdk::types::Message;

use crate::args::MessagesCommand;
use crate::commands::Context;
use crate::exit::{Failure, Outcome};
use crate::output::Column;
use crate::progress::Progress;

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
        after,
        limit,
    } = command;
    if !(interval.is_finite() && interval > 0.0) {
        return Err(Failure::usage(
            "--interval must be a positive number of seconds",
        ));
    }
    let handle = ctx.client()?.conversation(conversation);
    let query = handle.messages().filter_internal(public_only);
    let mut cursor = Cursor {
        query,
        last_id: 0,
        printed: 0,
        limit: limit.unwrap_or(usize::MAX),
    };
    match after {
        Some(after) => {
            cursor.last_id = after;
            let progress = Progress::listing(ctx.printer.progress(), "messages", limit);
            cursor.catch_up(ctx, progress).await?;
        }
        None => cursor.history(ctx).await?,
    }
    if !follow || cursor.done() {
        return Ok(());
    }
    // Following: a table cannot wait for its last row, so rows go out as JSON
    // Lines, YAML documents or one table per new batch.
    while !cursor.done() {
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs_f64(interval)) => {}
            _ = tokio::signal::ctrl_c() => return Ok(()),
        }
        cursor.catch_up(ctx, Progress::hidden()).await?;
    }
    Ok(())
}

/// Where a listing is: the newest message printed, and how many were.
struct Cursor {
    query: MessageQuery,
    last_id: i64,
    printed: usize,
    limit: usize,
}

impl Cursor {
    fn done(&self) -> bool {
        self.printed >= self.limit
    }

    /// The whole history, oldest first; `--limit` keeps the latest.
    async fn history(&mut self, ctx: &Context) -> Outcome {
        let progress = Progress::listing(ctx.printer.progress(), "messages", None);
        // The stream walks back from the newest page; a person reads oldest first.
        let mut stream = self.query.clone().stream();
        let mut messages: Vec<Message> = Vec::new();
        while let Some(message) = stream.next().await {
            messages.push(message?);
            progress.step();
        }
        drop(progress);
        messages.sort_by_key(|m| m.id);
        self.last_id = messages.last().map_or(0, |m| m.id);
        let skip = messages.len().saturating_sub(self.limit);
        let mut listing = ctx.printer.list(COLUMNS);
        for message in &messages[skip..] {
            listing.push(message)?;
            self.printed += 1;
        }
        listing.finish()
    }

    /// Every message newer than the last seen, oldest first, up to the
    /// limit; prints nothing when there is none.
    async fn catch_up(&mut self, ctx: &Context, progress: Progress) -> Outcome {
        let mut batch = ctx.printer.list(COLUMNS);
        let mut fresh = 0;
        'pages: loop {
            let mut page = self
                .query
                .clone()
                .after(self.last_id)
                .send()
                .await?
                .messages;
            page.retain(|m| m.id > self.last_id);
            page.sort_by_key(|m| m.id);
            if page.is_empty() {
                break;
            }
            for message in page {
                self.last_id = message.id;
                batch.push(&message)?;
                fresh += 1;
                self.printed += 1;
                progress.step();
                if self.done() {
                    break 'pages;
                }
            }
        }
        // The bar is erased before a table is printed.
        drop(progress);
        if fresh > 0 {
            batch.finish()?;
        }
        Ok(())
    }
}
