//! Files end to end: a reply with a file streamed from disk, read back through
//! its `data_url`; the server's limits checked before anything is sent; and a
//! download that never carries the token to the storage host.

mod sdk_support;

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::get;
use futures::TryStreamExt;
use ruut_sandbox::{Operation, Sandbox};
use ruut_sdk::{ErrorKind, FileAttachment, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS};
use sdk_support::{client, requests_for};

/// A file in the temp directory, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str) -> TempFile {
        let path = std::env::temp_dir().join(format!("ruut-{}-{name}", std::process::id()));
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[tokio::test]
async fn a_file_streamed_from_disk_comes_back_through_its_data_url() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let id = sandbox.seed_info().open_conversation_id;
    let file = TempFile::new("report.csv");
    let content: Vec<u8> = (0..200_000u32)
        .flat_map(|i| (i % 251).to_le_bytes())
        .collect();
    std::fs::write(&file.0, &content).unwrap();
    let client = client(&sandbox);
    let conversation = client.conversation(id);

    let sent = conversation
        .reply("The report")
        .attach(FileAttachment::from_path(&file.0))
        .send()
        .await
        .expect("sent with the file");
    let attachment = &sent.attachments[0];
    assert_eq!(attachment.file_type.as_deref(), Some("file"));
    assert_eq!(attachment.file_size, Some(content.len() as i64));

    let url = attachment.data_url.clone().expect("a data_url");
    let download = client.download_attachment(&url).await.expect("downloaded");
    assert_eq!(download.content_type(), Some("text/csv"));
    assert_eq!(download.bytes().await.expect("the body"), content);

    let listed: Vec<_> = conversation
        .attachments()
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].message_id, listed[0].data_url.as_ref()),
        (sent.id, Some(&url))
    );

    let deleted = conversation.message(sent.id).delete().await.unwrap();
    assert!(
        deleted.attachments.is_empty(),
        "a deleted message loses its files"
    );
    let page = conversation.attachments().send().await.unwrap();
    assert_eq!((page.total_count, page.attachments.len()), (0, 0));
}

#[tokio::test]
async fn files_over_the_servers_limits_are_refused_before_anything_is_sent() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let conversation = client(&sandbox).conversation(sandbox.seed_info().open_conversation_id);
    let big = TempFile::new("big.bin");
    // Sparse: its size is over the limit without writing 40 MiB.
    std::fs::File::create(&big.0)
        .unwrap()
        .set_len(MAX_ATTACHMENT_BYTES + 1)
        .unwrap();
    let error = conversation
        .reply("too big")
        .attach(FileAttachment::from_path(&big.0))
        .send()
        .await
        .expect_err("over the limit");
    assert_eq!(error.kind(), ErrorKind::AttachmentTooLarge);
    assert!(error.to_string().contains("big.bin"), "{error}");

    let mut many = conversation.reply("too many");
    for n in 0..=MAX_ATTACHMENTS {
        many = many.attach(FileAttachment::from_bytes(
            format!("{n}.txt"),
            "text/plain",
            "x",
        ));
    }
    assert_eq!(
        many.send().await.unwrap_err().kind(),
        ErrorKind::AttachmentTooLarge
    );

    let missing = conversation
        .reply("gone")
        .attach(FileAttachment::from_path("/nonexistent/ruut-file.txt"))
        .send()
        .await
        .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::InvalidRequest);
    assert!(requests_for(&sandbox, Operation::CreateMessage.id()).is_empty());
}

/// What each loopback server saw of the token header.
type Seen = Arc<Mutex<Vec<(&'static str, bool)>>>;

fn has_token(headers: &HeaderMap) -> bool {
    headers.contains_key("api_access_token") || headers.contains_key("api-access-token")
}

/// Serves `app` on 127.0.0.1; its base URL.
async fn serve(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{address}")
}

#[tokio::test]
async fn a_download_never_carries_the_token_to_the_storage_host() {
    let seen: Seen = Arc::default();
    let storage_seen = seen.clone();
    let storage = serve(Router::new().route(
        "/bucket/invoice.pdf",
        get(move |headers: HeaderMap| async move {
            let token = has_token(&headers);
            storage_seen.lock().unwrap().push(("storage", token));
            if token {
                (StatusCode::FORBIDDEN, "the token leaked").into_response()
            } else {
                ([(header::CONTENT_TYPE, "application/pdf")], "%PDF-1.4").into_response()
            }
        }),
    ))
    .await;
    let api_seen = seen.clone();
    let api = serve(Router::new().route(
        "/rails/active_storage/blobs/redirect/{key}/{name}",
        get(move |headers: HeaderMap| async move {
            api_seen.lock().unwrap().push(("api", has_token(&headers)));
            let location = format!("{storage}/bucket/invoice.pdf");
            (StatusCode::FOUND, [(header::LOCATION, location)])
        }),
    ))
    .await;

    let client = ruut_sdk::Client::builder()
        .base_url(&api)
        .api_token("tok_must_not_leak")
        .account_id(1)
        .build()
        .unwrap();
    let url = format!("{api}/rails/active_storage/blobs/redirect/abc/invoice.pdf");
    let download = client.download_attachment(&url).await.expect("downloaded");
    assert_eq!(download.bytes().await.unwrap(), "%PDF-1.4");
    assert_eq!(
        *seen.lock().unwrap(),
        vec![("api", false), ("storage", false)],
        "each hop once, none with the token"
    );
}
