//! `ruut contacts list|search|show|create|update|merge`.

use crate::args::ContactsCommand;
use crate::commands::{Context, listing, merge};
use crate::exit::{Failure, Outcome};
use crate::output::Column;

/// The table layout of a contact.
pub const COLUMNS: &[Column] = &[
    Column::new("id", "/id"),
    Column::new("name", "/name"),
    Column::new("email", "/email"),
    Column::new("phone", "/phone_number"),
    Column::new("identifier", "/identifier"),
    Column::time("last activity", "/last_activity_at"),
];

/// Runs `ruut contacts ...`.
pub async fn run(ctx: &Context, command: ContactsCommand) -> Outcome {
    let client = ctx.client()?;
    let printer = &ctx.printer;
    match command {
        ContactsCommand::List { labels, paging } => {
            let mut request = client.contacts();
            if !labels.is_empty() {
                request = request.labels(labels);
            }
            let stream = request.clone();
            let page = |n: Option<i64>| async move {
                let page = n
                    .map_or(request.clone(), |n| request.page(n))
                    .send()
                    .await?;
                Ok((page.contacts, page.next_page))
            };
            listing::run(
                printer,
                COLUMNS,
                "contacts",
                paging,
                || stream.stream(),
                page,
            )
            .await
        }
        ContactsCommand::Search { query, paging } => {
            let request = client.search_contacts(query);
            let stream = request.clone();
            let page = |n: Option<i64>| async move {
                let page = n
                    .map_or(request.clone(), |n| request.page(n))
                    .send()
                    .await?;
                Ok((page.contacts, page.next_page))
            };
            listing::run(
                printer,
                COLUMNS,
                "contacts",
                paging,
                || stream.stream(),
                page,
            )
            .await
        }
        ContactsCommand::Show { id } => printer.item(&client.get_contact(id).await?, COLUMNS),
        ContactsCommand::Create {
            name,
            email,
            phone,
            identifier,
            inbox,
        } => {
            let mut request = client.create_contact();
            if let Some(name) = name {
                request = request.name(name);
            }
            if let Some(email) = email {
                request = request.email(email);
            }
            if let Some(phone) = phone {
                request = request.phone_number(phone);
            }
            if let Some(identifier) = identifier {
                request = request.identifier(identifier);
            }
            if let Some(inbox) = inbox {
                request = request.inbox(inbox);
            }
            let created = request.send().await?;
            printer.item(&created.contact, COLUMNS)
        }
        ContactsCommand::Update {
            id,
            name,
            email,
            phone,
            identifier,
            blocked,
        } => {
            if [&name, &email, &phone, &identifier]
                .iter()
                .all(|v| v.is_none())
                && blocked.is_none()
            {
                return Err(Failure::usage(
                    "nothing to change: give --name, --email, --phone, --identifier or --blocked",
                ));
            }
            let mut request = client.contact(id).update();
            if let Some(name) = name {
                request = request.name(name);
            }
            if let Some(email) = email {
                request = request.email(email);
            }
            if let Some(phone) = phone {
                request = request.phone_number(phone);
            }
            if let Some(identifier) = identifier {
                request = request.identifier(identifier);
            }
            if let Some(blocked) = blocked {
                request = request.blocked(blocked);
            }
            printer.item(&request.send().await?, COLUMNS)
        }
        ContactsCommand::Merge { base, mergees, yes } => {
            merge::run(ctx, &client, base, &mergees, yes, COLUMNS).await
        }
    }
}
