//! `ruut auth login` and `ruut auth status`.
//!
//! The token is read without echo (from the terminal; from stdin when stdin is
//! not one, for scripts), checked against the server, and stored in the
//! profile file, which only its owner may read. It is never printed.

use std::io::{BufRead, IsTerminal};

use serde_json::json;

use crate::commands::Context;
use crate::exit::{Failure, Outcome};
use crate::output::Column;
use crate::profiles::{ConfigFile, config_path};
use crate::settings;

const STATUS_COLUMNS: &[Column] = &[
    Column::new("server", "/server"),
    Column::new("version", "/version"),
    Column::new("user", "/user"),
    Column::new("email", "/email"),
    Column::new("account", "/account"),
    Column::new("profile", "/profile"),
    Column::new("token from", "/token_from"),
];

/// Runs `ruut auth login`.
pub async fn login(ctx: &Context) -> Outcome {
    let (name, profile) =
        settings::profile(&ctx.global).or_else(|e| match &ctx.global.profile {
            // Logging in is how a named profile comes to exist.
            Some(name) => Ok((name.clone(), Default::default())),
            None => Err(e),
        })?;
    let token = read_token()?;
    let client = settings::build(&profile, &ctx.global, Some(&token))?;
    let me = client.get_profile().await.map_err(|e| {
        let mut failure = Failure::from(e);
        failure.message = format!("the token was not stored: {}", failure.message);
        failure
    })?;
    let account_id = client.account_id().or(match me.accounts.as_slice() {
        [only] => Some(only.id),
        _ => me.account_id,
    });
    let path = config_path()?;
    let mut file = ConfigFile::load(&path)?;
    let profile = file.profiles.entry(name.clone()).or_default();
    profile.base_url = Some(client.base_url().to_owned());
    profile.account_id = account_id;
    profile.api_token = Some(token);
    file.save(&path)?;
    let who = me
        .name
        .clone()
        .or(me.email.clone())
        .unwrap_or_else(|| format!("user {}", me.id));
    let account = account_id.map_or_else(|| "no account".to_owned(), |id| format!("account {id}"));
    eprintln!(
        "Logged in to {} as {who} ({account}); profile `{name}` saved in {} (readable by you only).",
        client.base_url(),
        path.display()
    );
    Ok(())
}

/// The token, typed without echo on a terminal, or the first line of stdin.
fn read_token() -> Outcome<String> {
    let token = if std::io::stdin().is_terminal() {
        rpassword::prompt_password("API access token (not shown): ")
            .map_err(|e| Failure::other(format!("cannot read the token: {e}")))?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Failure::other(format!("cannot read the token from stdin: {e}")))?;
        line
    };
    let token = token.trim().to_owned();
    if token.is_empty() {
        return Err(Failure::usage("no token given"));
    }
    Ok(token)
}

/// Runs `ruut auth status`.
pub async fn status(ctx: &Context) -> Outcome {
    let (name, profile) = settings::profile(&ctx.global)?;
    let token_from = if std::env::var(ruut_sdk::ENV_API_TOKEN).is_ok_and(|t| !t.trim().is_empty()) {
        ruut_sdk::ENV_API_TOKEN.to_owned()
    } else if profile.api_token.is_some() {
        format!("profile `{name}`")
    } else {
        "nowhere".to_owned()
    };
    let client = ctx.client()?;
    let server = client.get_server_info().await?;
    let me = client.get_profile().await?;
    let account = match client.account_id() {
        Some(id) => {
            let name = me
                .accounts
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name.clone());
            name.map_or_else(|| id.to_string(), |n| format!("{id} ({n})"))
        }
        None => "none set".to_owned(),
    };
    let line = json!({
        "server": client.base_url(),
        "version": server.version,
        "user": me.name,
        "email": me.email,
        "account": account,
        "profile": name,
        "token_from": token_from,
    });
    ctx.printer.item(&line, STATUS_COLUMNS)
}
