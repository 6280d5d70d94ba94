//! `ruut-sandbox`: run the sandbox server until Ctrl-C.
//!
//! ```text
//! ruut-sandbox [--port N] [--seed N] [--token T] [--bot-token T] [--chatwoot-only] [--port-file PATH]
//!              [--webhook-url URL [--webhook-secret S]] [--webhooks-beyond-loopback]
//!              [--compression off|gzip|br|zstd|all]
//! ```

use std::process::ExitCode;

use ruut_sandbox::{Compression, Sandbox};

const USAGE: &str = "\
Usage: ruut-sandbox [OPTIONS]

A local, in-memory Ruut-compatible API server.

Options:
  --port N          Port on 127.0.0.1 (default 3000; 0 picks a free port)
  --seed N          Seed of the generated data (default 1)
  --token T         The user's access token (default sandbox-user-token)
  --bot-token T     The agent bot's access token (default sandbox-bot-token)
  --chatwoot-only   Behave like stock Chatwoot: no Ruut-documented routes
  --port-file PATH  Write the base URL to PATH once listening (for scripts)
  --webhook-url URL
                    POST each status change, message and contact event to URL
  --webhook-secret S
                    Sign those webhooks with S (without it they are unsigned)
  --webhooks-beyond-loopback
                    Deliver to webhooks and bot URLs registered through the API
                    on any host (default: loopback hosts only)
  --compression C   Compress answers as nginx does: off (default), gzip, br,
                    zstd, or all (whichever the client prefers)
  -h, --help        Show this help";

#[derive(Debug)]
struct Args {
    port: u16,
    seed: Option<u64>,
    token: Option<String>,
    bot_token: Option<String>,
    chatwoot_only: bool,
    port_file: Option<String>,
    webhook_url: Option<String>,
    webhook_secret: Option<String>,
    beyond_loopback: bool,
    compression: Compression,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut parsed = Args {
        port: 3000,
        seed: None,
        token: None,
        bot_token: None,
        chatwoot_only: false,
        port_file: None,
        webhook_url: None,
        webhook_secret: None,
        beyond_loopback: false,
        compression: Compression::Off,
    };
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(None),
            "--port" => {
                let v = value()?;
                parsed.port = v.parse().map_err(|_| format!("invalid port `{v}`"))?;
            }
            "--seed" => {
                let v = value()?;
                parsed.seed = Some(v.parse().map_err(|_| format!("invalid seed `{v}`"))?);
            }
            "--token" => parsed.token = Some(value()?),
            "--bot-token" => parsed.bot_token = Some(value()?),
            "--port-file" => parsed.port_file = Some(value()?),
            "--webhook-url" => parsed.webhook_url = Some(value()?),
            "--webhook-secret" => parsed.webhook_secret = Some(value()?),
            "--compression" => {
                parsed.compression = value()?.parse().map_err(|e| format!("{e}"))?;
            }
            "--chatwoot-only" => parsed.chatwoot_only = true,
            "--webhooks-beyond-loopback" => parsed.beyond_loopback = true,
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    Ok(Some(parsed))
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut builder = Sandbox::builder()
        .port(args.port)
        .chatwoot_only(args.chatwoot_only)
        .webhooks_beyond_loopback(args.beyond_loopback)
        .compression(args.compression);
    if let Some(seed) = args.seed {
        builder = builder.seed(seed);
    }
    if let Some(token) = args.token {
        builder = builder.user_token(token);
    }
    if let Some(token) = args.bot_token {
        builder = builder.bot_token(token);
    }
    match (args.webhook_url.clone(), args.webhook_secret) {
        (Some(url), Some(secret)) => builder = builder.webhook(url, secret),
        (Some(url), None) => builder = builder.unsigned_webhook(url),
        (None, Some(_)) => {
            eprintln!("error: --webhook-secret needs --webhook-url\n\n{USAGE}");
            return ExitCode::from(2);
        }
        (None, None) => {}
    }
    let sandbox = match builder.start().await {
        Ok(sandbox) => sandbox,
        Err(e) => {
            eprintln!("error: cannot start the sandbox: {e}");
            return ExitCode::FAILURE;
        }
    };
    let info = sandbox.seed_info();
    println!("ruut-sandbox listening on {}", sandbox.base_url());
    println!("  account id: {}", sandbox.account_id());
    println!("  user token: {}", sandbox.user_token());
    println!("  bot token:  {}", sandbox.bot_token());
    println!("  seed:       {}", info.seed);
    if args.chatwoot_only {
        println!("  mode:       strict Chatwoot (no Ruut-documented routes)");
    }
    if args.compression != Compression::Off {
        println!("  compression: {}", args.compression);
    }
    if let Some(url) = &args.webhook_url {
        println!("  webhooks:   {url}");
    }
    println!("Press Ctrl-C to stop.");
    if let Some(path) = args.port_file {
        let tmp = format!("{path}.tmp");
        let written = std::fs::write(&tmp, format!("{}\n", sandbox.base_url()))
            .and_then(|()| std::fs::rename(&tmp, &path));
        if let Err(e) = written {
            eprintln!("error: cannot write {path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    if let Err(e) = tokio::signal::ctrl_c().await {
        eprintln!("error: cannot wait for Ctrl-C: {e}");
    }
    sandbox.shutdown().await;
    ExitCode::SUCCESS
}
