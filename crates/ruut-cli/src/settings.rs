//! Building the SDK client: the profile first, then the SDK's environment
//! variables over it, then the command-line flags over both.

use ruut_sdk::Client;

use crate::args::Global;
use crate::exit::{Failure, Outcome};
use crate::profiles::{ConfigFile, DEFAULT_PROFILE, Profile, config_path};

/// The `User-Agent` the CLI sends.
pub const USER_AGENT: &str = concat!("ruut-cli/", env!("CARGO_PKG_VERSION"));

/// The profile `global` names (or the default one), empty if there is none.
///
/// # Errors
///
/// A profile named with `--profile` that the file lacks is a usage error.
pub fn profile(global: &Global) -> Outcome<(String, Profile)> {
    let path = config_path()?;
    let file = ConfigFile::load(&path)?;
    let name = global.profile.as_deref().unwrap_or(DEFAULT_PROFILE);
    match file.profiles.get(name) {
        Some(profile) => Ok((name.to_owned(), profile.clone())),
        None if global.profile.is_none() => Ok((name.to_owned(), Profile::default())),
        None => Err(Failure::usage(format!(
            "no profile `{name}` in {}; create it with `ruut --profile {name} auth login`",
            path.display()
        ))),
    }
}

/// The client the settings describe.
pub fn client(global: &Global) -> Outcome<Client> {
    build(&profile(global)?.1, global, None)
}

/// The client `profile`, the environment and `global` describe, with `token`
/// (when given) in place of the one from the environment or the profile.
pub fn build(profile: &Profile, global: &Global, token: Option<&str>) -> Outcome<Client> {
    let mut builder = Client::builder().user_agent(USER_AGENT);
    if let Some(url) = &profile.base_url {
        builder = builder.base_url(url);
    }
    if let Some(id) = profile.account_id {
        builder = builder.account_id(id);
    }
    if let Some(token) = &profile.api_token {
        builder = builder.api_token(token);
    }
    builder = builder.with_env();
    if let Some(url) = &global.base_url {
        builder = builder.base_url(url);
    }
    if let Some(id) = global.account {
        builder = builder.account_id(id);
    }
    if let Some(token) = token {
        builder = builder.api_token(token);
    }
    builder.build().map_err(|e| {
        let mut failure = Failure::from(e);
        if failure.message.contains("no API token") {
            failure.message.push_str(", or run `ruut auth login`");
        }
        failure
    })
}
