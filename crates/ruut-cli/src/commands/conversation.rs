//! `ruut conversation <id> <action>`: one conversation, on the SDK's handle.

use ruut_sdk::{
    ConversationHandle, ConversationPriority, FileAttachment, MessageRequest, StatusChange,
    StatusRequest,
};
use serde_json::json;

use crate::args::{ConversationAction, ConversationArgs, MessageOptions, StatusOptions, Switch};
use crate::commands::{Context, choice, conversations, labels};
use crate::exit::{Failure, Outcome};
use crate::output::Column;
use crate::when;

const STATUS_COLUMNS: &[Column] = &[
    Column::new("conversation", "/conversation_id"),
    Column::new("status", "/status"),
    Column::new("snoozed until", "/snoozed_until"),
];

const MESSAGE_COLUMNS: &[Column] = &[
    Column::new("id", "/id"),
    Column::new("conversation", "/conversation_id"),
    Column::new("private", "/private"),
    Column::new("content", "/content"),
];

const ASSIGNEE_COLUMNS: &[Column] = &[
    Column::new("conversation", "/conversation_id"),
    Column::new("assignee", "/assignee/name"),
    Column::new("assignee id", "/assignee/id"),
];

const READ_COLUMNS: &[Column] = &[
    Column::new("id", "/id"),
    Column::new("status", "/status"),
    Column::new("unread", "/unread_count"),
    Column::new("muted", "/muted"),
];

const PRIORITIES: &[&str] = &["urgent", "high", "medium", "low"];

/// Runs `ruut conversation <id> ...`.
pub async fn run(ctx: &Context, args: ConversationArgs) -> Outcome {
    let client = ctx.client()?;
    let handle = client.conversation(args.id);
    let printer = &ctx.printer;
    match args.action {
        ConversationAction::Show => {
            let conversation = client.get_conversation(args.id).await?;
            printer.item(&conversation, conversations::COLUMNS)
        }
        ConversationAction::Resolve(options) => status(ctx, handle.resolve(), options).await,
        ConversationAction::Reopen(options) => status(ctx, handle.reopen(), options).await,
        ConversationAction::Pending(options) => status(ctx, handle.mark_pending(), options).await,
        ConversationAction::Schedule(options) => status(ctx, handle.schedule(), options).await,
        ConversationAction::Snooze {
            until,
            until_reply,
            options,
        } => {
            let request = match (until, until_reply) {
                (_, true) => handle.snooze_until_reply(),
                (Some(until), false) => {
                    handle.snooze_until(when::parse_now(&until).map_err(Failure::usage)?)
                }
                (None, false) => {
                    return Err(Failure::usage("snooze needs --until WHEN or --until-reply"));
                }
            };
            status(ctx, request, options).await
        }
        ConversationAction::Assign { agent } => {
            let assignee = handle.assign(agent).await?;
            let line = json!({"conversation_id": args.id, "assignee": assignee});
            printer.item(&line, ASSIGNEE_COLUMNS)
        }
        ConversationAction::Unassign => {
            handle.unassign().await?;
            let line = json!({"conversation_id": args.id, "assignee": null});
            printer.item(&line, ASSIGNEE_COLUMNS)
        }
        ConversationAction::Labels => labels::list(ctx, &handle).await,
        ConversationAction::Label { change } => labels::change(ctx, &handle, change).await,
        ConversationAction::Priority { priority } => set_priority(ctx, &handle, &priority).await,
        ConversationAction::Reply(options) => {
            let request = handle.reply(options.text.clone().unwrap_or_default());
            send_message(ctx, request, options).await
        }
        ConversationAction::Note(options) => {
            let request = handle.note(options.text.clone().unwrap_or_default());
            send_message(ctx, request, options).await
        }
        ConversationAction::Typing { state, private } => {
            let mut request = match state {
                Switch::On => handle.typing_on(),
                Switch::Off => handle.typing_off(),
            };
            if private {
                request = request.private();
            }
            request.send().await?;
            let line = json!({"conversation_id": args.id, "typing": state == Switch::On});
            printer.item(
                &line,
                &[
                    Column::new("conversation", "/conversation_id"),
                    Column::new("typing", "/typing"),
                ],
            )
        }
        ConversationAction::Mute | ConversationAction::Unmute => {
            if matches!(args.action, ConversationAction::Mute) {
                handle.mute().await?;
            } else {
                handle.unmute().await?;
            }
            // The answer has no body: the conversation as it now is.
            let conversation = client.get_conversation(args.id).await?;
            printer.item(&conversation, READ_COLUMNS)
        }
        ConversationAction::Read => printer.item(&handle.mark_read().await?, READ_COLUMNS),
        ConversationAction::Unread => printer.item(&handle.mark_unread().await?, READ_COLUMNS),
    }
}

async fn send_message(
    ctx: &Context,
    mut request: MessageRequest,
    options: MessageOptions,
) -> Outcome {
    for path in options.attach {
        request = request.attach(FileAttachment::from_path(path));
    }
    let message = request.send().await?;
    ctx.printer.item(&message, MESSAGE_COLUMNS)
}

async fn status(ctx: &Context, mut request: StatusRequest, options: StatusOptions) -> Outcome {
    if let Some(reason) = options.reason {
        request = request.reason(reason);
    }
    if let Some(agent) = options.agent {
        request = request.agent(agent);
    }
    let change = request.send().await?;
    ctx.printer.item(&status_json(&change), STATUS_COLUMNS)
}

fn status_json(change: &StatusChange) -> serde_json::Value {
    json!({
        "conversation_id": change.conversation_id,
        "status": change.status,
        "snoozed_until": change.snoozed_until,
    })
}

async fn set_priority(ctx: &Context, handle: &ConversationHandle, text: &str) -> Outcome {
    let priority = match text.to_ascii_lowercase().as_str() {
        "none" => None,
        _ => Some(choice::<ConversationPriority>(
            "priority",
            text,
            &[PRIORITIES, &["none"]].concat(),
        )?),
    };
    handle.set_priority(priority.clone()).await?;
    let line = json!({"conversation_id": handle.id(), "priority": priority});
    ctx.printer.item(
        &line,
        &[
            Column::new("conversation", "/conversation_id"),
            Column::new("priority", "/priority"),
        ],
    )
}
