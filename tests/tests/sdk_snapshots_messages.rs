//! The exact requests the SDK's message helpers send (files, status updates,
//! deletes, the attachments listing, the `after` cursor), as the sandbox
//! recorded them. A multipart body's random boundary is replaced by
//! `BOUNDARY`; everything else is as sent. A change here is a change on the
//! wire; review it.

mod sdk_support;

use ruut_sandbox::Sandbox;
use ruut_sdk::FileAttachment;
use ruut_sdk::enums::MessageStatus;
use sdk_support::{Sent, client, sent};

/// The requests, with each multipart boundary made `BOUNDARY`.
fn sent_without_boundaries(sandbox: &Sandbox) -> Vec<Sent> {
    sent(sandbox)
        .into_iter()
        .map(|mut request| {
            let boundary = request
                .headers
                .get("content-type")
                .and_then(|ct| ct.split_once("boundary="))
                .map(|(_, b)| b.to_owned());
            if let Some(boundary) = boundary {
                for value in request.headers.values_mut() {
                    *value = value.replace(&boundary, "BOUNDARY");
                }
                if let serde_json::Value::String(body) = &mut request.body {
                    *body = body.replace(&boundary, "BOUNDARY");
                }
            }
            request
        })
        .collect()
}

#[tokio::test]
async fn a_reply_with_files_is_one_multipart_request() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let seed = sandbox.seed_info().clone();
    let path = std::env::temp_dir().join(format!("ruut-snapshot-{}-notes.txt", std::process::id()));
    std::fs::write(&path, "Paid in full.\n").unwrap();
    let conversation = client(&sandbox).conversation(seed.open_conversation_id);
    conversation
        .reply("Here is your invoice.")
        .echo_id("echo-1")
        .attach(FileAttachment::from_bytes(
            "invoice.pdf",
            "application/pdf",
            &b"%PDF-1.4"[..],
        ))
        .attach(FileAttachment::from_path(&path).file_name("notes.txt"))
        .send()
        .await
        .unwrap();
    conversation
        .note("")
        .attach(FileAttachment::from_bytes(
            "screenshot.png",
            "image/png",
            &b"\x89PNG"[..],
        ))
        .send()
        .await
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    insta::assert_yaml_snapshot!(sent_without_boundaries(&sandbox));
}

#[tokio::test]
async fn message_changes_and_listings() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let seed = sandbox.seed_info().clone();
    let (account, id) = (seed.account_id, seed.open_conversation_id);
    let first = sandbox.message_ids(account, id)[0];
    let conversation = client(&sandbox).conversation(id);
    let message = conversation.message(first);
    message
        .update()
        .status(MessageStatus::Delivered)
        .send()
        .await
        .unwrap();
    message
        .update()
        .status(MessageStatus::Failed)
        .external_error("Recipient unreachable")
        .send()
        .await
        .unwrap();
    message.delete().await.unwrap();
    conversation.attachments().page(2).send().await.unwrap();
    conversation.messages().after(first).send().await.unwrap();
    insta::assert_yaml_snapshot!(sent_without_boundaries(&sandbox));
}
