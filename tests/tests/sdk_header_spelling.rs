//! Behind a proxy that drops underscore headers (nginx's default), a client left
//! with the default spelling resends once as `Api-Access-Token` and keeps it; a
//! client given a spelling keeps it and says why it fails.

mod route_support;
mod sdk_support;

use route_support::{UnderscoreDroppingProxy, sandbox, token_spelling};
use ruut_sandbox::Sandbox;
use ruut_sdk::{AuthHeader, Client, ErrorKind, Operation};
use sdk_support::builder;

async fn behind_proxy(chatwoot_only: bool) -> (Sandbox, UnderscoreDroppingProxy) {
    let sandbox = sandbox(chatwoot_only).await;
    let proxy = UnderscoreDroppingProxy::start(sandbox.base_url()).await;
    (sandbox, proxy)
}

/// The spelling each request the sandbox received carried.
fn spellings(sandbox: &Sandbox) -> Vec<Option<&'static str>> {
    sandbox.requests().iter().map(token_spelling).collect()
}

#[tokio::test]
async fn the_default_spelling_switches_once_for_every_clone() {
    for chatwoot_only in [false, true] {
        let (sandbox, proxy) = behind_proxy(chatwoot_only).await;
        let client = builder(&sandbox)
            .base_url(proxy.base_url())
            .build()
            .unwrap();
        let clone = client.clone();
        assert_eq!(client.auth_header(), AuthHeader::Underscore);

        let profile = client.get_profile().await.unwrap();
        assert_eq!(profile.id, sandbox.seed_info().user_id);
        assert_eq!(clone.auth_header(), AuthHeader::Hyphenated);
        assert_eq!(spellings(&sandbox), [None, Some("api-access-token")]);

        // A creation is resent too: Devise refused it before anything ran.
        sandbox.clear_requests();
        let contact = clone.create_contact().name("Ada").send().await.unwrap();
        assert_eq!(contact.contact.name.as_deref(), Some("Ada"));
        let id = sandbox.seed_info().open_conversation_id;
        clone.conversation(id).resolve().send().await.unwrap();
        assert!(
            spellings(&sandbox)
                .iter()
                .all(|s| *s == Some("api-access-token")),
            "{:?}",
            spellings(&sandbox)
        );
        let created: Vec<_> = sandbox
            .requests()
            .into_iter()
            .filter(|r| r.operation == Some(Operation::CreateContact))
            .collect();
        assert_eq!(created.len(), 1, "sent once, with the spelling learned");
    }
}

#[tokio::test]
async fn an_explicit_spelling_is_kept_and_the_hint_says_why() {
    let (sandbox, proxy) = behind_proxy(false).await;
    let client = builder(&sandbox)
        .base_url(proxy.base_url())
        .auth_header(AuthHeader::Underscore)
        .build()
        .unwrap();
    let error = client.get_profile().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unauthorized);
    assert_eq!(error.attempts(), 1);
    let hint = error.hint().unwrap();
    assert!(hint.contains("AuthHeader::Hyphenated"), "{hint}");
    assert!(hint.contains("underscores_in_headers"), "{hint}");
    assert_eq!(client.auth_header(), AuthHeader::Underscore);
    assert_eq!(spellings(&sandbox), [None]);

    let hyphenated = builder(&sandbox)
        .base_url(proxy.base_url())
        .auth_header(AuthHeader::Hyphenated)
        .build()
        .unwrap();
    hyphenated.get_profile().await.unwrap();
}

#[tokio::test]
async fn a_refused_token_is_not_resent() {
    let (sandbox, proxy) = behind_proxy(false).await;
    for base_url in [sandbox.base_url(), proxy.base_url()] {
        sandbox.clear_requests();
        let client = Client::builder()
            .base_url(base_url)
            .api_token("not-the-sandbox-token")
            .build()
            .unwrap();
        let error = client.get_profile().await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Unauthorized);
        let message = error.to_string();
        assert!(!message.contains("not-the-sandbox-token"), "{message}");
        assert!(!format!("{client:?}").contains("not-the-sandbox-token"));
        // Directly: the token arrived and was refused, once. Behind the proxy:
        // it never arrived either way, so the resend says so.
        let expected: &[Option<&str>] = if base_url == sandbox.base_url() {
            &[Some("api_access_token")]
        } else {
            &[None, Some("api-access-token")]
        };
        assert_eq!(spellings(&sandbox), expected);
    }
}
