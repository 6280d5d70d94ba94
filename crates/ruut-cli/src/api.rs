//! `ruut api <operation>`: every operation of the spec (placeholder).

use crate::commands::Context;
use crate::exit::{Failure, Outcome};

/// Adds the generated operations under `api`.
pub fn augment(command: clap::Command) -> clap::Command {
    command
}

/// Runs one generated operation.
pub async fn run(_ctx: &Context, _matches: &clap::ArgMatches) -> Outcome {
    Err(Failure::usage("not yet"))
}
