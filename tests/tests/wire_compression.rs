//! Compressed answers: the sandbox compresses as nginx does when asked, the SDK
//! (built with `gzip`, `brotli` and `zstd`) decodes each, and the response-size
//! cap counts the decoded bytes, so that a tiny gzip answer expanding past it
//! fails with `ResponseTooLarge` after reading no more than the cap.

use std::io::Write as _;

use axum::Router;
use axum::http::header;
use ruut_sandbox::{Compression, Sandbox};
use ruut_sdk::types::ConversationStatusFilter;
use ruut_sdk::{Client, ErrorKind};

fn client(base_url: &str, token: &str, account_id: i64, cap: usize) -> Client {
    Client::builder()
        .base_url(base_url)
        .api_token(token)
        .account_id(account_id)
        .max_response_body(cap)
        .build()
        .expect("the client builds")
}

fn sdk_of(sandbox: &Sandbox) -> Client {
    let cap = ruut_sdk::DEFAULT_MAX_RESPONSE_BODY;
    client(
        sandbox.base_url(),
        sandbox.user_token(),
        sandbox.account_id(),
        cap,
    )
}

/// The first conversation page as it crossed the wire: its `Content-Encoding`
/// and its length, asked for with `Accept-Encoding: accept` by a client that
/// decodes nothing.
async fn raw_page(sandbox: &Sandbox, accept: &str) -> (Option<String>, usize) {
    let raw = reqwest::Client::builder()
        .no_gzip()
        .no_brotli()
        .no_zstd()
        .build()
        .unwrap();
    let url = format!(
        "{}/api/v1/accounts/{}/conversations?status=all",
        sandbox.base_url(),
        sandbox.account_id()
    );
    let response = raw
        .get(url)
        .header("api_access_token", sandbox.user_token())
        .header(header::ACCEPT_ENCODING, accept)
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let encoding = response
        .headers()
        .get(header::CONTENT_ENCODING)
        .map(|v| v.to_str().unwrap().to_owned());
    (encoding, response.bytes().await.unwrap().len())
}

/// The ids of the first page, read through the SDK.
async fn first_page_ids(sandbox: &Sandbox) -> Vec<i64> {
    let page = sdk_of(sandbox)
        .conversations()
        .status(ConversationStatusFilter::All)
        .send()
        .await
        .expect("the page decodes");
    page.conversations.iter().map(|c| c.id).collect()
}

#[tokio::test]
async fn each_encoding_is_sent_when_asked_and_decoded_by_the_sdk() {
    let plain = Sandbox::start().await.unwrap();
    let (encoding, plain_len) = raw_page(&plain, "gzip, br, zstd").await;
    assert_eq!(encoding, None, "compression is off by default");
    let expected = first_page_ids(&plain).await;
    assert_eq!(expected.len(), 25);

    for (compression, name) in [
        (Compression::Gzip, "gzip"),
        (Compression::Brotli, "br"),
        (Compression::Zstd, "zstd"),
    ] {
        let sandbox = Sandbox::builder()
            .compression(compression)
            .start()
            .await
            .unwrap();
        let (encoding, len) = raw_page(&sandbox, name).await;
        assert_eq!(encoding.as_deref(), Some(name));
        assert!(len * 4 < plain_len, "{name}: {len} of {plain_len} bytes");
        // Not asked for it, the client gets the answer as it is.
        assert_eq!(raw_page(&sandbox, "identity").await, (None, plain_len));
        assert_eq!(first_page_ids(&sandbox).await, expected, "{name}");
    }

    // All three on: the client's q-values choose.
    let all = Sandbox::builder()
        .compression(Compression::All)
        .start()
        .await
        .unwrap();
    let (encoding, _) = raw_page(&all, "gzip;q=1, br;q=0.5").await;
    assert_eq!(encoding.as_deref(), Some("gzip"));
    let (encoding, _) = raw_page(&all, "gzip;q=0.5, zstd").await;
    assert_eq!(encoding.as_deref(), Some("zstd"));
    assert_eq!(first_page_ids(&all).await, expected);
}

/// A server on 127.0.0.1 answering every request with `gzip`, labelled
/// `Content-Encoding: gzip`; its base URL.
async fn gzip_server(gzip: Vec<u8>) -> String {
    let app = Router::new().fallback(move || {
        let gzip = gzip.clone();
        async move {
            (
                [
                    (header::CONTENT_TYPE, "application/json"),
                    (header::CONTENT_ENCODING, "gzip"),
                ],
                gzip,
            )
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{address}")
}

#[tokio::test]
async fn the_size_cap_counts_decoded_bytes() {
    // A real conversation after 4 MiB of (valid JSON) whitespace: about 19 KiB
    // compressed.
    let sandbox = Sandbox::start().await.unwrap();
    let id = sandbox.seed_info().open_conversation_id;
    let url = format!(
        "{}/api/v1/accounts/{}/conversations/{id}",
        sandbox.base_url(),
        sandbox.account_id()
    );
    let json = reqwest::Client::new()
        .get(url)
        .header("api_access_token", sandbox.user_token())
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let decoded_len = 4 * 1024 * 1024;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder
        .write_all(&vec![b' '; decoded_len - json.len()])
        .unwrap();
    encoder.write_all(&json).unwrap();
    let gzip = encoder.finish().unwrap();
    let cap = 64 * 1024;
    assert!(gzip.len() < cap, "{} compressed bytes", gzip.len());
    let base_url = gzip_server(gzip).await;

    // Under a cap of 64 KiB: the compressed answer would fit, the decoded one does not.
    let capped = client(&base_url, "tok_gzip_test", 1, cap);
    let error = capped.get_conversation(id).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ResponseTooLarge, "{error:?}");
    assert!(error.to_string().contains("65536"), "{error}");

    // With room for the decoded bytes the same answer decodes.
    let roomy = client(&base_url, "tok_gzip_test", 1, decoded_len);
    assert_eq!(roomy.get_conversation(id).await.unwrap().id, id);
}
