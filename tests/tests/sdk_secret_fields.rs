//! The credentials answers carry (an inbox's HMAC token, an agent bot's
//! token, a webhook's signing secret) are typed `Secret` in the generated
//! types: their `Debug` output never shows them, and the value is still there
//! for who reads it with `expose()`.

mod sdk_support;

use ruut_sandbox::Sandbox;
use sdk_support::client;

#[tokio::test]
async fn credentials_in_answers_are_hidden_from_debug() {
    let sandbox = Sandbox::start().await.expect("the sandbox starts");
    let seed = sandbox.seed_info().clone();
    let admin = client(&sandbox).with_account_id(seed.second_account_id);

    let inboxes = admin.list_inboxes().await.unwrap();
    let hmac: Vec<String> = inboxes
        .iter()
        .filter_map(|i| i.hmac_token.as_ref().map(|t| t.expose().to_owned()))
        .collect();
    assert!(
        !hmac.is_empty(),
        "an administrator sees the API inbox's HMAC token"
    );

    let hooks = admin.list_webhooks().await.unwrap();
    let raw_hooks = admin
        .raw()
        .list_webhooks()
        .account_id(seed.second_account_id);
    let raw_hooks = raw_hooks.send().await.unwrap().into_inner();
    let secrets: Vec<String> = raw_hooks
        .payload
        .webhooks
        .iter()
        .filter_map(|w| w.secret.as_ref().map(|s| s.expose().to_owned()))
        .collect();
    assert!(!secrets.is_empty(), "the seeded webhook has a secret");

    let bot = admin
        .create_agent_bot()
        .name("Redacted")
        .send()
        .await
        .unwrap();
    let raw_bot = admin
        .raw()
        .get_agent_bot()
        .account_id(seed.second_account_id)
        .id(bot.id);
    let raw_bot = raw_bot.send().await.unwrap().into_inner();
    let token = raw_bot
        .access_token
        .as_ref()
        .expect("the account's own bot has a token");

    let debug = format!("{inboxes:?} {inboxes:#?} {hooks:?} {raw_hooks:?} {bot:?} {raw_bot:#?}");
    for secret in hmac
        .iter()
        .chain(&secrets)
        .chain([&token.expose().to_owned()])
    {
        assert!(secret.len() >= 8, "a real credential: {}", secret.len());
        assert!(
            !debug.contains(secret.as_str()),
            "a credential in Debug output"
        );
    }
    assert!(debug.contains("Secret([redacted])"));
}
