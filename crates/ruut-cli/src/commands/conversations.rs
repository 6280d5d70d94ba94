//! `ruut conversations list`.

use ruut_sdk::types::{AssigneeTypeFilter, ConversationStatusFilter};

use crate::args::ConversationsCommand;
use crate::commands::{Context, choice, listing};
use crate::exit::Outcome;
use crate::output::Column;

/// The table layout of a conversation.
pub const COLUMNS: &[Column] = &[
    Column::new("id", "/id"),
    Column::new("status", "/status"),
    Column::new("priority", "/priority"),
    Column::new("contact", "/meta/sender/name"),
    Column::new("assignee", "/meta/assignee/name"),
    Column::new("inbox", "/inbox_id"),
    Column::new("labels", "/labels"),
    Column::time("last activity", "/last_activity_at"),
];

const STATUSES: &[&str] = &["open", "resolved", "pending", "snoozed", "all"];
const ASSIGNEES: &[&str] = &["me", "unassigned", "all", "assigned"];

/// Runs `ruut conversations ...`.
pub async fn run(ctx: &Context, command: ConversationsCommand) -> Outcome {
    let ConversationsCommand::List {
        status,
        assignee,
        inbox,
        team,
        labels,
        query,
        paging,
    } = command;
    let mut request = ctx.client()?.conversations();
    if let Some(status) = status {
        request = request.status(choice::<ConversationStatusFilter>(
            "status", &status, STATUSES,
        )?);
    }
    if let Some(assignee) = assignee {
        request = request.assignee(choice::<AssigneeTypeFilter>(
            "assignee", &assignee, ASSIGNEES,
        )?);
    }
    if let Some(inbox) = inbox {
        request = request.inbox(inbox);
    }
    if let Some(team) = team {
        request = request.team(team);
    }
    if !labels.is_empty() {
        request = request.labels(labels);
    }
    if let Some(query) = query {
        request = request.query(query);
    }
    if paging.all {
        let items = request.stream();
        return listing::stream(&ctx.printer, COLUMNS, "conversations", items, paging.limit).await;
    }
    if let Some(page) = paging.page {
        request = request.page(page);
    }
    let page = request.send().await?;
    listing::page(
        &ctx.printer,
        COLUMNS,
        &page.conversations,
        page.next_page,
        paging,
    )
}
