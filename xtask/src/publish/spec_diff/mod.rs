//! `cargo xtask spec-diff <git-rev>`: what changed in `openapi/ruut.yaml`
//! between a git revision and the working tree, split into breaking and
//! additive changes, for the release notes and the version bump.
//!
//! The comparison works on the raw documents ([`serde_json::Value`]), with
//! local `$ref`s resolved, operation by operation (matched by method and
//! path). A change inside a shared component is reported once, with the
//! operations it affects.
//!
//! Breaking (a client written against the old spec may fail):
//! - a removed operation, or a changed `operationId` (generated clients name
//!   their methods after it);
//! - a removed or renamed parameter, a new required parameter, an optional
//!   parameter that became required;
//! - a new required request body, or a removed one; a removed media type;
//! - in a request: a new required field, a field that became required, a
//!   removed field, a narrowed enum, null no longer accepted, a removed
//!   `oneOf`/`anyOf` alternative;
//! - in a response: a removed field, a field that may now be absent or null,
//!   a widened enum (unless marked `x-ruut-open-enum: true`, which tells
//!   clients to accept unknown values), a new alternative;
//! - anywhere: a changed `type` or `format`; a removed response status.
//!
//! Everything else that changes the API contract is additive: new
//! operations, optional parameters and fields, new response statuses and
//! fields, request enums that accept more. Descriptions, examples, tags and
//! other documentation are ignored.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;
use std::process::Command;

use serde_json::{Map, Value};

use crate::tools::exec::{self, fail};
use crate::{Error, SPEC_PATH};

mod document;
mod operations;
mod schemas;

use document::*;

/// Whether a change can break existing clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Existing clients may fail.
    Breaking,
    /// Existing clients keep working.
    Additive,
}

/// One change, possibly affecting several operations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Breaking or additive.
    pub kind: Kind,
    /// What changed, e.g. "`Conversation.priority`: changed type from string to integer".
    pub message: String,
    /// The operations it affects, as `operationId` (empty for changes of an
    /// operation as a whole, which name it in `message`).
    pub operations: Vec<String>,
    /// For a change inside a schema: whether it was found in requests or in
    /// responses (a shared schema can change in both, with different kinds).
    pub direction: Option<Direction>,
}

/// Which way a schema is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Direction {
    /// In parameters and request bodies.
    Request,
    /// In responses.
    Response,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        const SHOWN: usize = 6;
        let place = match self.direction {
            None => "",
            Some(Direction::Request) => "requests of ",
            Some(Direction::Response) => "responses of ",
        };
        match self.operations.len() {
            0 => {}
            n if n <= SHOWN => write!(f, " (in {place}{})", self.operations.join(", "))?,
            n => write!(
                f,
                " (in {place}{n} operations: {}, ...)",
                self.operations[..SHOWN - 1].join(", ")
            )?,
        }
        Ok(())
    }
}

/// The result of a comparison.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Changes that can break clients.
    pub breaking: Vec<Change>,
    /// Changes that cannot.
    pub additive: Vec<Change>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Breaking changes ({}):", self.breaking.len())?;
        if self.breaking.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for change in &self.breaking {
            writeln!(f, "  - {change}")?;
        }
        writeln!(f, "Additive changes ({}):", self.additive.len())?;
        if self.additive.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for change in &self.additive {
            writeln!(f, "  + {change}")?;
        }
        Ok(())
    }
}

/// Compares the spec at `rev` with the working tree; prints the report and
/// fails if anything is breaking.
pub fn run(root: &Path, rev: &str) -> Result<Report, Error> {
    const STEP: &str = "spec-diff";
    let output = exec::capture(
        STEP,
        root,
        Command::new("git").args(["show", &format!("{rev}:{SPEC_PATH}")]),
    )?;
    if !output.status.success() {
        return Err(fail(
            STEP,
            format!(
                "cannot read {SPEC_PATH} at `{rev}`: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ),
        ));
    }
    let old_text = String::from_utf8_lossy(&output.stdout);
    let old = parse(&format!("{SPEC_PATH} at {rev}"), &old_text)?;
    let path = root.join(SPEC_PATH);
    let new_text =
        std::fs::read_to_string(&path).map_err(|e| exec::io("read the spec", &path, e))?;
    let new = parse(SPEC_PATH, &new_text)?;
    let report = compare(&old, &new);
    println!("{SPEC_PATH}: `{rev}` -> working tree");
    print!("{report}");
    if report.breaking.is_empty() {
        Ok(report)
    } else {
        let n = report.breaking.len();
        Err(fail(
            STEP,
            format!(
                "{n} breaking change{} in {SPEC_PATH} since `{rev}`; release them as a new major \
                 version (or restore compatibility)",
                if n == 1 { "" } else { "s" }
            ),
        ))
    }
}

/// Parses a YAML (or JSON) spec into a JSON tree.
pub fn parse(name: &str, text: &str) -> Result<Value, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    yaml_serde::from_str(text).map_err(|e| Error::SpecSyntax {
        spec: name.to_string(),
        message: format!("YAML: {e}"),
    })
}

/// Compares two specs.
pub fn compare(old: &Value, new: &Value) -> Report {
    let mut cx = Cx {
        old,
        new,
        raw: Vec::new(),
        operation: String::new(),
        stack: Vec::new(),
        direction: None,
    };
    cx.operations();
    cx.finish()
}

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

use Direction as Dir;

/// Where in a schema we are, for messages.
#[derive(Clone, Debug)]
struct Label {
    /// A component name, or a phrase like "request body".
    base: String,
    component: bool,
    field: String,
}

impl Label {
    fn top(base: impl Into<String>) -> Label {
        Label {
            base: base.into(),
            component: false,
            field: String::new(),
        }
    }

    fn component(name: &str) -> Label {
        Label {
            base: name.to_string(),
            component: true,
            field: String::new(),
        }
    }

    fn child(&self, segment: &str) -> Label {
        let mut out = self.clone();
        if segment == "[]" {
            out.field.push_str("[]");
        } else {
            if !out.field.is_empty() {
                out.field.push('.');
            }
            out.field.push_str(segment);
        }
        out
    }

    fn show(&self) -> String {
        match (self.component, self.field.is_empty()) {
            (true, true) => format!("schema `{}`", self.base),
            (true, false) => format!("`{}.{}`", self.base, self.field),
            (false, true) => self.base.clone(),
            (false, false) => format!("{} field `{}`", self.base, self.field),
        }
    }
}

struct RawChange {
    kind: Kind,
    message: String,
    operation: Option<String>,
    direction: Option<Dir>,
}

struct Cx<'a> {
    old: &'a Value,
    new: &'a Value,
    raw: Vec<RawChange>,
    /// The operationId (or `METHOD path`) being compared.
    operation: String,
    /// (old ref, new ref, direction) pairs being compared, against cycles.
    stack: Vec<(String, String, Dir)>,
    /// The direction of the schema being compared, if any.
    direction: Option<Dir>,
}

impl Cx<'_> {
    fn push(&mut self, kind: Kind, message: String) {
        self.raw.push(RawChange {
            kind,
            message,
            operation: Some(self.operation.clone()),
            direction: self.direction,
        });
    }

    fn push_global(&mut self, kind: Kind, message: String) {
        self.raw.push(RawChange {
            kind,
            message,
            operation: None,
            direction: None,
        });
    }

    fn finish(self) -> Report {
        // Group identical messages; keep the order of first appearance.
        type Key = (Kind, String, Option<Dir>);
        let mut order: Vec<Key> = Vec::new();
        let mut ops: BTreeMap<Key, Vec<String>> = BTreeMap::new();
        for change in self.raw {
            let key = (change.kind, change.message, change.direction);
            if !ops.contains_key(&key) {
                order.push(key.clone());
            }
            let list = ops.entry(key).or_default();
            if let Some(op) = change.operation
                && !list.contains(&op)
            {
                list.push(op);
            }
        }
        let mut report = Report::default();
        for key in order {
            let operations = ops.remove(&key).unwrap_or_default();
            let change = Change {
                kind: key.0,
                message: key.1,
                operations,
                direction: key.2,
            };
            match change.kind {
                Kind::Breaking => report.breaking.push(change),
                Kind::Additive => report.additive.push(change),
            }
        }
        report
    }
}
