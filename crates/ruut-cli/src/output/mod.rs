//! Printing results: JSON, YAML or a table, chosen by `--output` or by
//! whether stdout is a terminal; listings stream as JSON Lines.

mod table;

use std::io::{IsTerminal, Write};

use serde::Serialize;
use serde_json::Value;

pub use table::Column;

use crate::args::Format;
use crate::exit::{Failure, Outcome};

/// Whether colour may be used on a stream that is (or is not) a terminal:
/// never when `NO_COLOR` is set to anything non-empty.
pub fn color_allowed(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// Prints results in one format.
#[derive(Clone, Copy, Debug)]
pub struct Printer {
    format: Format,
    color: bool,
    progress: bool,
}

impl Printer {
    /// The format asked for, or a table on a terminal and JSON otherwise;
    /// progress bars where [`crate::progress::wanted`] allows them.
    pub fn new(requested: Option<Format>, verbose: bool) -> Self {
        let terminal = std::io::stdout().is_terminal();
        let format = requested.unwrap_or(if terminal {
            Format::Table
        } else {
            Format::Json
        });
        Self {
            format,
            color: color_allowed(terminal),
            progress: crate::progress::wanted(format, verbose),
        }
    }

    /// Whether long listings and bulk actions draw a progress bar on stderr.
    pub fn progress(&self) -> bool {
        self.progress
    }

    /// The format in force.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Prints one item; a table shows `columns` (or every plain field when empty).
    pub fn item<T: Serialize>(&self, value: &T, columns: &[Column]) -> Outcome {
        let value = to_value(value)?;
        let text = match self.format {
            Format::Json => pretty_json(&value)? + "\n",
            Format::Yaml => yaml(&value)?,
            Format::Table => table::vertical(&value, columns, self.color),
        };
        emit(&text)
    }

    /// Prints an answer of any shape: a list as a listing, anything else as
    /// one item (tables show every plain field).
    pub fn value<T: Serialize>(&self, value: &T) -> Outcome {
        match to_value(value)? {
            Value::Array(items) if self.format != Format::Json => {
                let mut listing = self.list(&[]);
                for item in &items {
                    listing.push(item)?;
                }
                listing.finish()
            }
            other => self.item(&other, &[]),
        }
    }

    /// Starts a listing.
    pub fn list(&self, columns: &'static [Column]) -> Listing {
        Listing {
            printer: *self,
            columns,
            rows: Vec::new(),
        }
    }

    /// A line for people (a table's caption, a status line): printed in table
    /// format only, so that JSON and YAML stay machine-readable.
    pub fn note(&self, line: &str) -> Outcome {
        match self.format {
            Format::Table => emit(&format!("{line}\n")),
            Format::Json | Format::Yaml => Ok(()),
        }
    }
}

/// A listing being printed: JSON Lines and YAML documents go out item by item;
/// a table waits for the last row to size its columns.
#[derive(Debug)]
pub struct Listing {
    printer: Printer,
    columns: &'static [Column],
    rows: Vec<Value>,
}

impl Listing {
    /// Prints (or keeps, for a table) one item.
    pub fn push<T: Serialize>(&mut self, item: &T) -> Outcome {
        let value = to_value(item)?;
        match self.printer.format {
            Format::Json => emit(&(compact_json(&value)? + "\n")),
            Format::Yaml => emit(&format!("---\n{}", yaml(&value)?)),
            Format::Table => {
                self.rows.push(value);
                Ok(())
            }
        }
    }

    /// Ends the listing (prints the table).
    pub fn finish(self) -> Outcome {
        if self.printer.format == Format::Table {
            emit(&table::horizontal(
                &self.rows,
                self.columns,
                self.printer.color,
            ))?;
        }
        Ok(())
    }
}

fn to_value<T: Serialize>(value: &T) -> Outcome<Value> {
    serde_json::to_value(value).map_err(|e| Failure::other(format!("cannot print the answer: {e}")))
}

fn pretty_json(value: &Value) -> Outcome<String> {
    serde_json::to_string_pretty(value).map_err(|e| Failure::other(e.to_string()))
}

fn compact_json(value: &Value) -> Outcome<String> {
    serde_json::to_string(value).map_err(|e| Failure::other(e.to_string()))
}

fn yaml(value: &Value) -> Outcome<String> {
    yaml_serde::to_string(value).map_err(|e| Failure::other(e.to_string()))
}

/// Writes to stdout; a reader that went away (`| head`) ends the program
/// quietly, as it does for other command-line tools.
pub fn emit(text: &str) -> Outcome {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Failure::other(format!("cannot write to stdout: {e}"))),
    }
}
