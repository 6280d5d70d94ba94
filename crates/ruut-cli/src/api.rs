//! `ruut api <operation>`: every operation of the spec, as progenitor's CLI
//! generator writes it (`generated_cli.rs`, from `cargo xtask generate`),
//! sent through the generated client the SDK configured (auth, timeouts,
//! response-size cap: `ruut_sdk::Client::raw`). One request each: no retries,
//! no route or header fallback (the intent commands have those).

use std::cell::RefCell;
use std::ffi::OsString;
use std::path::PathBuf;
use std::rc::Rc;

use progenitor_client::{Error as RawError, ResponseValue};
use schemars::JsonSchema;
use serde::Serialize;

use crate::commands::Context;
use crate::exit::{Code, Failure, Outcome};
use crate::generated_cli::{Cli, CliCommand, CliConfig};
use crate::output::Printer;
use crate::profiles::write_private;

/// The command name of an operation: its snake-case name in kebab case
/// (`get_conversation` -> `get-conversation`).
fn name(command: CliCommand) -> String {
    command.operation_id().replace('_', "-")
}

/// The operationId as the spec spells it (`getConversation`), an alias.
fn operation_id(command: CliCommand) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in command.operation_id().chars() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.push(c.to_ascii_uppercase());
                upper = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// Adds every generated operation under `api`.
pub fn augment(command: clap::Command) -> clap::Command {
    command.mut_subcommand("api", |api| {
        let api = api
            .subcommand_required(true)
            .arg_required_else_help(true)
            .after_help("`--json-body -` reads the body from stdin.");
        CliCommand::iter().fold(api, |api, operation| {
            let mut generated = Cli::<Output>::get_command(operation).name(name(operation));
            // progenitor puts summary and description in `about`; listings show
            // the summary, `--help` the whole text.
            if let Some(about) = generated.get_about().map(ToString::to_string) {
                let summary = about.lines().next().unwrap_or_default().to_owned();
                generated = generated.about(summary).long_about(about);
            }
            if operation_id(operation) != name(operation) {
                generated = generated.alias(operation_id(operation));
            }
            if generated.get_arguments().any(|a| a.get_id() == ACCOUNT_ID) {
                generated = generated.mut_arg(ACCOUNT_ID, |arg| {
                    arg.required(false)
                        .help("The account (default: the configured one, as for every command)")
                });
            }
            api.subcommand(generated)
        })
    })
}

/// The generated commands' account argument, filled from the settings when
/// left out.
const ACCOUNT_ID: &str = "account-id";

/// Runs the operation `matches` names (the matches of `api`); `args` is the
/// whole command line, parsed again with `--account-id` when it was left out.
pub async fn run(ctx: &Context, matches: &clap::ArgMatches, args: &[OsString]) -> Outcome {
    let Some((command, sub)) = matches.subcommand() else {
        return Err(Failure::usage("`ruut api` needs an operation"));
    };
    let missing_account = matches!(sub.try_get_one::<i64>(ACCOUNT_ID), Ok(None));
    if missing_account {
        let client = ctx.client()?;
        let id = client.account_id().ok_or_else(|| {
            Failure::usage(format!(
                "`{command}` needs an account: pass --account-id, --account, or set {}",
                ruut_sdk::ENV_ACCOUNT_ID
            ))
        })?;
        let mut args = args.to_vec();
        args.extend([
            OsString::from("--account-id"),
            OsString::from(id.to_string()),
        ]);
        let matches = crate::command()
            .try_get_matches_from(args)
            .map_err(|e| Failure::usage(e.to_string()))?;
        let api = matches
            .subcommand_matches("api")
            .ok_or_else(|| Failure::usage("`ruut api` needs an operation"))?;
        return Box::pin(run(ctx, api, &[])).await;
    }
    let operation = CliCommand::iter()
        .find(|op| name(*op) == command)
        .ok_or_else(|| Failure::usage(format!("no operation `{command}`")))?;
    let client = ctx.client()?;
    let failure = Rc::new(RefCell::new(None));
    let output = Output {
        printer: ctx.printer,
        failure: Rc::clone(&failure),
    };
    let cli = Cli::new(client.raw().clone(), output);
    match cli.execute(operation, sub).await {
        Ok(()) => Ok(()),
        Err(e) => Err(failure
            .borrow_mut()
            .take()
            .unwrap_or_else(|| Failure::usage(format!("{e:#}")))),
    }
}

/// What the generated commands print through, and the failure they met.
struct Output {
    printer: Printer,
    failure: Rc<RefCell<Option<Failure>>>,
}

impl CliConfig for Output {
    fn success_item<T>(&self, value: &ResponseValue<T>)
    where
        T: JsonSchema + Serialize + std::fmt::Debug,
    {
        if let Err(e) = self.printer.value(&**value) {
            *self.failure.borrow_mut() = Some(e);
        }
    }

    fn success_no_item(&self, value: &ResponseValue<()>) {
        let _ = self
            .printer
            .note(&format!("done (HTTP {})", value.status()));
    }

    fn error<T>(&self, error: &RawError<T>)
    where
        T: JsonSchema + Serialize + std::fmt::Debug,
    {
        *self.failure.borrow_mut() = Some(failure(error));
    }

    fn list_start<T>(&self)
    where
        T: JsonSchema + Serialize + std::fmt::Debug,
    {
    }

    fn list_item<T>(&self, value: &T)
    where
        T: JsonSchema + Serialize + std::fmt::Debug,
    {
        if let Err(e) = self.printer.value(value) {
            *self.failure.borrow_mut() = Some(e);
        }
    }

    fn list_end_success<T>(&self)
    where
        T: JsonSchema + Serialize + std::fmt::Debug,
    {
    }

    fn list_end_error<T>(&self, error: &RawError<T>)
    where
        T: JsonSchema + Serialize + std::fmt::Debug,
    {
        *self.failure.borrow_mut() = Some(failure(error));
    }
}

/// A generated client's error as the SDK would classify it.
fn failure<T: Serialize + std::fmt::Debug>(error: &RawError<T>) -> Failure {
    let classified = |status: u16, content_type, body: &[u8]| {
        Failure::from(ruut_sdk::Error::from_http_response(
            status,
            content_type,
            body,
        ))
    };
    match error {
        RawError::ErrorResponse(answer) => {
            let body = serde_json::to_vec(&**answer).unwrap_or_default();
            classified(answer.status().as_u16(), Some("application/json"), &body)
        }
        RawError::UnexpectedResponse(answer) => classified(answer.status().as_u16(), None, b""),
        RawError::CommunicationError(e)
        | RawError::ResponseBodyError(e)
        | RawError::InvalidUpgrade(e) => Failure {
            code: Code::Network,
            message: format!("the request failed: {e}"),
        },
        RawError::InvalidResponsePayload(_, e) => Failure {
            code: Code::Server,
            message: format!("the answer is not what the spec describes: {e}"),
        },
        RawError::InvalidRequest(message) => Failure::usage(message.clone()),
        other => Failure::other(other.to_string()),
    }
}

/// A body file given as `--json-body -`: stdin copied to a private temporary
/// file (the generated commands read a path), removed when dropped.
#[derive(Debug)]
pub struct StdinBody(Option<PathBuf>);

impl Drop for StdinBody {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// `args` with `--json-body -` replaced by a file holding stdin.
pub fn stdin_body(mut args: Vec<OsString>) -> Outcome<(Vec<OsString>, StdinBody)> {
    let at = args
        .windows(2)
        .position(|w| w[0] == "--json-body" && w[1] == "-")
        .map(|i| i + 1);
    let inline = args.iter().position(|a| a == "--json-body=-");
    if at.is_none() && inline.is_none() {
        return Ok((args, StdinBody(None)));
    }
    let mut body = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut body)
        .map_err(|e| Failure::other(format!("cannot read the body from stdin: {e}")))?;
    let path = std::env::temp_dir().join(format!("ruut-json-body-{}.json", std::process::id()));
    write_private(&path, &body)
        .map_err(|e| Failure::other(format!("cannot keep the body from stdin: {e}")))?;
    match (at, inline) {
        (Some(i), _) => args[i] = path.clone().into_os_string(),
        (None, Some(i)) => {
            let mut arg = OsString::from("--json-body=");
            arg.push(&path);
            args[i] = arg;
        }
        (None, None) => {}
    }
    Ok((args, StdinBody(Some(path))))
}
