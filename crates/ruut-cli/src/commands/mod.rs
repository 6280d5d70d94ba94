//! One module per command family; each runs on a [`Context`].

pub mod account;
pub mod auth;
pub mod contacts;
pub mod conversation;
pub mod conversations;
pub mod doctor;
pub mod labels;
pub mod listing;
pub mod merge;
pub mod messages;
pub mod sandbox;
pub mod webhooks;

use std::str::FromStr;

use ruut_sdk::Client;

use crate::args::Global;
use crate::exit::{Failure, Outcome};
use crate::output::Printer;
use crate::settings;

/// What every command runs with: the global options and the printer.
#[derive(Debug)]
pub struct Context {
    /// The global options.
    pub global: Global,
    /// Where results go.
    pub printer: Printer,
}

impl Context {
    /// The SDK client the settings describe.
    pub fn client(&self) -> Outcome<Client> {
        settings::client(&self.global)
    }
}

/// `text` as one of a closed set of values, or a usage error listing them.
pub fn choice<T: FromStr>(what: &str, text: &str, choices: &[&str]) -> Outcome<T> {
    let known = choices.iter().any(|c| c.eq_ignore_ascii_case(text));
    match T::from_str(&text.to_ascii_lowercase()) {
        Ok(value) if known => Ok(value),
        _ => Err(Failure::usage(format!(
            "invalid {what} `{text}`: use one of {}",
            choices.join(", ")
        ))),
    }
}
