//! A progress bar on stderr for long listings (`--all`) and bulk actions.
//!
//! Shown only where a person watches and would otherwise see nothing move:
//! stderr is a terminal, no `--verbose` trace is being written there, and the
//! items do not stream to the same terminal themselves (a table waits for its
//! last row; JSON Lines or YAML piped elsewhere show nothing on the terminal).
//! Never when stderr is a pipe or a file, so scripts and captured output never
//! see it, and not on a terminal that cannot redraw a line (`TERM` unset or
//! `dumb`, as indicatif judges it).

use std::borrow::Cow;
use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::args::Format;

/// Whether a bar may be drawn, given the output format and `--verbose`.
pub fn wanted(format: Format, verbose: bool) -> bool {
    let items_on_terminal = format != Format::Table && std::io::stdout().is_terminal();
    let dumb = std::env::var("TERM").is_err_and(|_| cfg!(unix))
        || std::env::var("TERM").is_ok_and(|term| term == "dumb");
    !verbose && !items_on_terminal && !dumb && std::io::stderr().is_terminal()
}

/// A bar, or nothing when it is not [`wanted`].
#[derive(Debug)]
pub struct Progress(Option<ProgressBar>);

impl Progress {
    /// Nothing drawn.
    pub fn hidden() -> Self {
        Self(None)
    }

    /// A count of `what` fetched so far; a bar up to `limit` when there is one.
    pub fn listing(shown: bool, what: &'static str, limit: Option<usize>) -> Self {
        let style = match limit {
            Some(_) => "{spinner} {msg} {pos}/{len} [{bar:30}] {elapsed}",
            None => "{spinner} {msg} {pos} {elapsed}",
        };
        Self::start(
            shown,
            limit.map(|n| n as u64),
            style,
            format!("{what} fetched"),
        )
    }

    /// `total` steps of a bulk action, each named as it starts.
    pub fn bulk(shown: bool, what: impl Into<Cow<'static, str>>, total: usize) -> Self {
        Self::start(
            shown,
            Some(total as u64),
            "{spinner} {msg} {pos}/{len} [{bar:30}] {elapsed}",
            what,
        )
    }

    fn start(
        shown: bool,
        length: Option<u64>,
        template: &str,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        if !shown {
            return Self::hidden();
        }
        let bar = ProgressBar::with_draw_target(length, ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(message);
        // Drawn at once, before the first answer arrives.
        bar.tick();
        Self(Some(bar))
    }

    /// One more step done.
    pub fn step(&self) {
        if let Some(bar) = &self.0 {
            bar.inc(1);
        }
    }

    /// Renames what is being done.
    pub fn message(&self, message: impl Into<Cow<'static, str>>) {
        if let Some(bar) = &self.0 {
            bar.set_message(message);
        }
    }
}

impl Drop for Progress {
    /// The bar is erased: what stays on the terminal is the output.
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
