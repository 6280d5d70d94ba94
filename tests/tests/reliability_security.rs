//! The token under hostile conditions: a redirect to another host, a server
//! echoing it back, a token that would split a header, plain `http://`.
//! (`sdk_redaction.rs` covers `Debug` output and tracing of ordinary calls;
//! `reliability_trace.rs` the trace of every fault here.)

mod reliability_support;

use reliability_support::{
    Behaviour, RawServer, TIMEOUT, TOKEN, assert_no_token, budget, builder_for, client, record,
    retries, sandbox, timed,
};
use ruut_sandbox::{Fault, Operation};
use ruut_sdk::{Client, ErrorKind};

/// Case sec.redirect-cross-host: The sandbox answers 307 to `http://127.0.0.2:<port>`, another host where a listener records every request.
/// Expect: `Redirect` naming the target, not followed: the other host sees no connection and no token. (Control: a plain reqwest client with the same header follows it and delivers the token, so the listener would have seen it.)
#[tokio::test]
async fn a_redirect_to_another_host_does_not_carry_the_token() {
    let trap = RawServer::start("127.0.0.2", Behaviour::Record).await;
    let target = format!("{}/api/v1/accounts/1/conversations/1", trap.url());
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;

    sandbox.inject(
        Operation::GetConversation,
        Fault::Redirect(target.clone()),
        1,
    );
    let budget = budget(&retries(), TIMEOUT);
    let (error, _) = timed(
        "a cross-host redirect",
        client(&sandbox).get_conversation(id),
    )
    .await
    .expect_error(ErrorKind::Redirect, budget);
    assert_eq!(error.status(), Some(307));
    assert!(error.message().contains(&target), "{error}");
    assert_eq!(error.attempts(), 1, "a redirect is not retried");
    assert_no_token(&error);
    // A follow-up request, if any, would have been sent before the error came
    // back; the trap answers at once. Nothing reached it.
    assert_eq!(trap.connections(), 0, "{:?}", trap.received());

    // The control: reqwest's default policy follows the redirect and forwards
    // custom headers such as api_access_token to the other host.
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("api_access_token", TOKEN.parse().unwrap());
    let naive = reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .unwrap();
    sandbox.inject(
        Operation::GetConversation,
        Fault::Redirect(target.clone()),
        1,
    );
    let url = format!(
        "{}/api/v1/accounts/{}/conversations/{id}",
        sandbox.base_url(),
        sandbox.account_id()
    );
    let followed = reliability_support::guard("the control", naive.get(&url).send())
        .await
        .unwrap();
    assert_eq!(followed.status(), 200);
    let received = trap.received();
    assert_eq!(received.len(), 1);
    assert!(
        received[0].contains(TOKEN),
        "the control reached the trap with the token: {}",
        received[0]
    );
    record(
        "sec.redirect-cross-host",
        "Redirect (HTTP 307), not followed: 0 connections to 127.0.0.2; control client: \
         followed it and delivered the token",
    );
}

/// Case sec.echoed-token: A server that quotes the whole request, token header included, in its 422 error's message and details.
/// Expect: `Validation`; the token appears in no part of the error (message, details, excerpt, Display, Debug, sources): it reads `[redacted]`.
#[tokio::test]
async fn a_token_echoed_by_the_server_is_scrubbed() {
    let server = RawServer::start("127.0.0.1", Behaviour::Echo).await;
    let client = builder_for(&server.url()).build().unwrap();
    let budget = budget(&retries(), TIMEOUT);
    let (error, _) = timed("an echoing server", client.get_conversation(1))
        .await
        .expect_error(ErrorKind::Validation, budget);
    assert!(server.received()[0].contains(TOKEN), "the token was sent");
    assert_no_token(&error);
    assert!(
        format!("{:?}", error.details()).contains("[redacted]"),
        "{error:?}"
    );
    assert!(error.message().contains("[redacted]"), "{error}");
    record(
        "sec.echoed-token",
        "Validation (HTTP 422); message, details and excerpt say [redacted]",
    );
}

/// Case sec.crlf-token: Tokens with a CR, an LF or CRLF at the start, middle or end (header injection, a stray newline from a file).
/// Expect: `Config` at build time, before any request; the message says why without quoting the token.
#[test]
fn a_token_that_would_split_a_header_is_refused_at_build() {
    let secret = "rt_live_CRLF_6Yh3Nm8Qw1";
    let mut refused = 0;
    for bad in [
        format!("{secret}\n"),
        format!("{secret}\r\n"),
        format!("\r{secret}"),
        format!("{secret}\r\nX-Injected: 1"),
        format!("rt_live\nCRLF_6Yh3Nm8Qw1{secret}"),
    ] {
        let error = Client::builder()
            .api_token(bad.clone())
            .build()
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config, "{bad:?}");
        assert_eq!(error.attempts(), 0);
        assert!(error.message().contains("line break"), "{error}");
        for text in [error.to_string(), format!("{error:?}")] {
            assert!(
                !text.contains(secret) && !text.contains("CRLF_6Yh3"),
                "{text}"
            );
        }
        refused += 1;
    }
    record(
        "sec.crlf-token",
        format!("{refused} of 5 tokens refused with Config at build; none quoted"),
    );
}

/// Case sec.plain-http: `http://` base URLs to hosts that are not loopback, with and without the opt-in.
/// Expect: `Config` naming `allow_insecure_http` unless opted in; loopback (`127.0.0.0/8`, `::1`, `localhost`) is allowed; `https://` always.
#[test]
fn plain_http_is_refused_off_loopback_unless_opted_in() {
    let build = |url: &str, allow: bool| {
        Client::builder()
            .api_token(TOKEN)
            .base_url(url)
            .allow_insecure_http(allow)
            .build()
    };
    let remote = [
        "http://app.ruut.chat",
        "http://10.0.0.5:3000",
        "http://192.168.1.10",
        "http://[2001:db8::1]:8080",
        "http://127.0.0.1.example.com",
    ];
    for url in remote {
        let error = build(url, false).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config, "{url}");
        assert!(
            error.message().contains("allow_insecure_http"),
            "{url}: {error}"
        );
        assert!(build(url, true).is_ok(), "{url} with the opt-in");
    }
    for url in [
        "http://127.0.0.1:3000",
        "http://127.0.0.2",
        "http://[::1]:3000",
        "http://localhost:3000",
        "https://app.ruut.chat",
    ] {
        assert!(build(url, false).is_ok(), "{url}");
    }
    record(
        "sec.plain-http",
        "5 remote http:// URLs refused (Config), accepted with the opt-in; 5 loopback/https accepted",
    );
}

/// Case sec.debug-no-token: `Debug` of the builder, the client, and errors of every kind the faults here produce.
/// Expect: no token anywhere; the token field reads `[redacted]`.
#[tokio::test]
async fn debug_output_never_holds_the_token() {
    let sandbox = sandbox().await;
    let id = sandbox.seed_info().open_conversation_id;
    let builder = reliability_support::builder(&sandbox);
    let client = builder.clone().build().unwrap();
    for text in [
        format!("{builder:?}"),
        format!("{client:?}"),
        format!("{client:#?}"),
    ] {
        assert!(!text.contains(TOKEN), "{text}");
        assert!(text.contains("[redacted]"), "{text}");
    }
    let mut kinds = Vec::new();
    for fault in [
        Fault::Hang,
        Fault::DropConnection,
        Fault::TruncatedBody,
        Fault::MalformedJson,
        Fault::HugeBody(9 * 1024 * 1024),
        Fault::Redirect("http://127.0.0.2:9/".into()),
        Fault::BadGateway,
    ] {
        sandbox.inject(Operation::GetConversation, fault.clone(), 3);
        let error = timed("a fault", client.get_conversation(id))
            .await
            .result
            .expect_err("a fault");
        sandbox.clear_faults();
        assert_no_token(&error);
        kinds.push(format!("{:?}", error.kind()));
    }
    record(
        "sec.debug-no-token",
        format!(
            "builder, client and errors of kinds {} hold no token",
            kinds.join(", ")
        ),
    );
}
