//! `ruut sandbox`: the sandbox server, in-process, with `ruut-sandbox`'s
//! options, so that anyone can try the CLI with no account.

use ruut_sandbox::Sandbox;

use crate::args::SandboxArgs;
use crate::exit::{Failure, Outcome};

/// Runs the sandbox until Ctrl-C.
pub async fn run(args: SandboxArgs) -> Outcome {
    let mut builder = Sandbox::builder()
        .port(args.port)
        .chatwoot_only(args.chatwoot_only)
        .webhooks_beyond_loopback(args.webhooks_beyond_loopback);
    if let Some(seed) = args.seed {
        builder = builder.seed(seed);
    }
    if let Some(token) = args.token {
        builder = builder.user_token(token);
    }
    if let Some(token) = args.bot_token {
        builder = builder.bot_token(token);
    }
    builder = match (args.webhook_url, args.webhook_secret) {
        (Some(url), Some(secret)) => builder.webhook(url, secret),
        (Some(url), None) => builder.unsigned_webhook(url),
        (None, _) => builder,
    };
    let sandbox = builder
        .start()
        .await
        .map_err(|e| Failure::other(format!("cannot start the sandbox: {e}")))?;
    let mode = if args.chatwoot_only {
        " (strict Chatwoot mode)"
    } else {
        ""
    };
    // The sandbox's tokens are made up and public: printing them is the point.
    println!(
        "ruut sandbox listening on {}{mode}; Ctrl-C stops it. In another shell:",
        sandbox.base_url()
    );
    println!("  export RUUT_BASE_URL={}", sandbox.base_url());
    println!("  export RUUT_API_TOKEN={}", sandbox.user_token());
    println!("  export RUUT_ACCOUNT_ID={}", sandbox.account_id());
    println!("  ruut conversations list");
    if let Some(path) = args.port_file {
        let tmp = path.with_extension("tmp");
        std::fs::write(&tmp, format!("{}\n", sandbox.base_url()))
            .and_then(|()| std::fs::rename(&tmp, &path))
            .map_err(|e| Failure::other(format!("cannot write {}: {e}", path.display())))?;
    }
    tokio::signal::ctrl_c()
        .await
        .map_err(|e| Failure::other(format!("cannot wait for Ctrl-C: {e}")))?;
    sandbox.shutdown().await;
    Ok(())
}
