//! `ruut contacts merge <base> <mergee>...`: each mergee's conversations,
//! messages and notes move to the base contact, and the mergee is deleted.
//!
//! Deleting cannot be undone, so the command names what it will delete and
//! asks on a terminal; elsewhere (a script, a pipe) it needs `--yes`. Every
//! contact is looked up first, so that a wrong id changes nothing.

use std::io::{BufRead, IsTerminal, Write};

use ruut_sdk::Client;
use ruut_sdk::types::Contact;

use crate::commands::Context;
use crate::exit::{Failure, Outcome};
use crate::output::Column;
use crate::progress::Progress;

/// Runs the merge of `mergees` into `base`, after confirmation, and prints
/// the base contact as `columns` lay it out.
pub async fn run(
    ctx: &Context,
    client: &Client,
    base: i64,
    mergees: &[i64],
    yes: bool,
    columns: &[Column],
) -> Outcome {
    if mergees.contains(&base) {
        return Err(Failure::usage(format!(
            "contact {base} cannot be merged into itself"
        )));
    }
    let mut seen = Vec::new();
    for id in mergees {
        if seen.contains(id) {
            return Err(Failure::usage(format!("contact {id} is named twice")));
        }
        seen.push(*id);
    }
    let base_contact = client.get_contact(base).await?;
    let mut doomed = Vec::new();
    for id in mergees {
        doomed.push(client.get_contact(*id).await?);
    }
    if !yes {
        confirm(&base_contact, &doomed)?;
    }
    let progress = Progress::bulk(
        ctx.printer.progress(),
        format!("merging into contact {base}"),
        mergees.len(),
    );
    let mut merged = Vec::new();
    let mut result = base_contact;
    for id in mergees {
        progress.message(format!("merging contact {id} into {base}"));
        result = client.merge_contacts(base, *id).await.map_err(|e| {
            let mut failure = Failure::from(e);
            if !merged.is_empty() {
                failure.message = format!(
                    "contact(s) {} were merged into {base}; then contact {id}: {}",
                    list(&merged),
                    failure.message
                );
            }
            failure
        })?;
        merged.push(*id);
        progress.step();
    }
    drop(progress);
    ctx.printer.item(&result, columns)?;
    ctx.printer.note(&format!(
        "merged into contact {base}; deleted contact(s) {}",
        list(&merged)
    ))
}

/// Asks on the terminal; refuses without one.
fn confirm(base: &Contact, doomed: &[Contact]) -> Outcome {
    let ids: Vec<i64> = doomed.iter().map(|c| c.id).collect();
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(format!(
            "merging deletes contact(s) {}; pass --yes to merge without a terminal to ask on",
            list(&ids)
        )));
    }
    let mut prompt = format!("Merge into contact {}:\n", describe(base));
    for contact in doomed {
        prompt.push_str(&format!("  {} (then DELETED)\n", describe(contact)));
    }
    prompt.push_str("Merge? [y/N] ");
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(prompt.as_bytes());
    let _ = stderr.flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Failure::other(format!("cannot read the answer: {e}")))?;
    match answer.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Ok(()),
        _ => Err(Failure::other("not merged: nothing changed")),
    }
}

/// `12 (Ada Lovelace, ada@example.com)`.
fn describe(contact: &Contact) -> String {
    let details: Vec<&str> = [&contact.name, &contact.email, &contact.phone_number]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .filter(|v| !v.is_empty())
        .collect();
    if details.is_empty() {
        contact.id.to_string()
    } else {
        format!("{} ({})", contact.id, details.join(", "))
    }
}

fn list(ids: &[i64]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}
