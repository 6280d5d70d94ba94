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

use crate::exec::{self, fail};
use crate::{Error, SPEC_PATH};

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

    fn operations(&mut self) {
        let old_ops = operations(self.old);
        let new_ops = operations(self.new);
        let new_by_id: BTreeMap<&str, &Op<'_>> = new_ops
            .iter()
            .filter_map(|op| op.id.map(|id| (id, op)))
            .collect();
        for old_op in &old_ops {
            let Some(new_op) = new_ops
                .iter()
                .find(|n| n.method == old_op.method && n.path == old_op.path)
            else {
                let moved = old_op.id.and_then(|id| new_by_id.get(id));
                let message = match moved {
                    Some(new_op) => format!(
                        "moved operation {} to {} {}",
                        old_op.label(),
                        new_op.method.to_ascii_uppercase(),
                        new_op.path
                    ),
                    None => format!("removed operation {}", old_op.label()),
                };
                self.push_global(Kind::Breaking, message);
                continue;
            };
            self.operation = new_op.name();
            if old_op.id != new_op.id {
                self.push_global(
                    Kind::Breaking,
                    format!(
                        "renamed operationId of {} {} from `{}` to `{}`",
                        new_op.method.to_ascii_uppercase(),
                        new_op.path,
                        old_op.id.unwrap_or("(none)"),
                        new_op.id.unwrap_or("(none)")
                    ),
                );
            }
            self.parameters(old_op, new_op);
            self.request_body(old_op.operation, new_op.operation);
            self.responses(old_op.operation, new_op.operation);
        }
        for new_op in &new_ops {
            let existed = old_ops
                .iter()
                .any(|o| o.method == new_op.method && o.path == new_op.path);
            let moved_here = new_op.id.is_some_and(|id| {
                old_ops.iter().any(|o| {
                    o.id == Some(id) && !(o.method == new_op.method && o.path == new_op.path)
                })
            });
            if !existed && !moved_here {
                self.push_global(
                    Kind::Additive,
                    format!("added operation {}", new_op.label()),
                );
            }
        }
    }

    fn parameters(&mut self, old_op: &Op<'_>, new_op: &Op<'_>) {
        let old = parameters(self.old, old_op);
        let new = parameters(self.new, new_op);
        let removed: Vec<&(String, String)> =
            old.keys().filter(|k| !new.contains_key(*k)).collect();
        let added: Vec<&(String, String)> = new.keys().filter(|k| !old.contains_key(*k)).collect();
        let mut renamed = BTreeSet::new();
        for location in ["path", "query", "header", "cookie"] {
            let gone: Vec<_> = removed.iter().filter(|k| k.0 == location).collect();
            let came: Vec<_> = added.iter().filter(|k| k.0 == location).collect();
            if let ([gone], [came]) = (gone.as_slice(), came.as_slice()) {
                self.push(
                    Kind::Breaking,
                    format!("renamed {location} parameter `{}` to `{}`", gone.1, came.1),
                );
                renamed.insert((**gone).clone());
                renamed.insert((**came).clone());
            }
        }
        for key in removed {
            if !renamed.contains(key) {
                self.push(
                    Kind::Breaking,
                    format!("removed {} parameter `{}`", key.0, key.1),
                );
            }
        }
        for key in added {
            if renamed.contains(key) {
                continue;
            }
            let required = is_true(new[key].get("required"));
            if required {
                self.push(
                    Kind::Breaking,
                    format!("new required {} parameter `{}`", key.0, key.1),
                );
            } else {
                self.push(
                    Kind::Additive,
                    format!("new optional {} parameter `{}`", key.0, key.1),
                );
            }
        }
        for (key, old_param) in &old {
            let Some(new_param) = new.get(key) else {
                continue;
            };
            let label = format!("{} parameter `{}`", key.0, key.1);
            let (was, is) = (
                is_true(old_param.get("required")),
                is_true(new_param.get("required")),
            );
            if !was && is {
                self.push(Kind::Breaking, format!("{label} is now required"));
            } else if was && !is {
                self.push(Kind::Additive, format!("{label} is now optional"));
            }
            if let (Some(a), Some(b)) = (old_param.get("schema"), new_param.get("schema")) {
                self.schema(a, b, &Label::top(label), Dir::Request, 0);
            }
        }
    }

    fn request_body(&mut self, old_op: &Value, new_op: &Value) {
        let old = old_op.get("requestBody").map(|b| resolve(self.old, b).0);
        let new = new_op.get("requestBody").map(|b| resolve(self.new, b).0);
        match (old, new) {
            (None, None) => {}
            (None, Some(new)) => {
                if is_true(new.get("required")) {
                    self.push(Kind::Breaking, "new required request body".to_string());
                } else {
                    self.push(Kind::Additive, "new optional request body".to_string());
                }
            }
            (Some(_), None) => {
                self.push(Kind::Breaking, "removed the request body".to_string());
            }
            (Some(old), Some(new)) => {
                let (was, is) = (is_true(old.get("required")), is_true(new.get("required")));
                if !was && is {
                    self.push(
                        Kind::Breaking,
                        "the request body is now required".to_string(),
                    );
                } else if was && !is {
                    self.push(
                        Kind::Additive,
                        "the request body is now optional".to_string(),
                    );
                }
                self.content(old, new, "request body", Dir::Request);
            }
        }
    }

    fn responses(&mut self, old_op: &Value, new_op: &Value) {
        let empty = Map::new();
        let old = old_op
            .get("responses")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let new = new_op
            .get("responses")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        for (status, old_response) in old {
            let Some(new_response) = new.get(status) else {
                self.push(Kind::Breaking, format!("removed response `{status}`"));
                continue;
            };
            let old_response = resolve(self.old, old_response).0;
            let new_response = resolve(self.new, new_response).0;
            self.content(
                old_response,
                new_response,
                &format!("response {status}"),
                Dir::Response,
            );
        }
        for status in new.keys() {
            if !old.contains_key(status) {
                self.push(Kind::Additive, format!("new response `{status}`"));
            }
        }
    }

    /// Compares the `content` maps of two request bodies or responses.
    fn content(&mut self, old: &Value, new: &Value, what: &str, dir: Dir) {
        let empty = Map::new();
        let old = old
            .get("content")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let new = new
            .get("content")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let single = old.len() == 1 && new.len() == 1;
        for (media, old_media) in old {
            let Some(new_media) = new.get(media) else {
                self.push(
                    Kind::Breaking,
                    format!("{what}: removed media type `{media}`"),
                );
                continue;
            };
            let label = if single && media == "application/json" {
                what.to_string()
            } else {
                format!("{what} ({media})")
            };
            match (old_media.get("schema"), new_media.get("schema")) {
                (Some(a), Some(b)) => self.schema(a, b, &Label::top(label), dir, 0),
                (Some(_), None) => {
                    self.push(Kind::Breaking, format!("{label}: removed the schema"));
                }
                _ => {}
            }
        }
        for media in new.keys() {
            if !old.contains_key(media) {
                let kind = if dir == Dir::Request || old.is_empty() {
                    Kind::Additive
                } else {
                    // A client that only parses the old media type may now get another.
                    Kind::Breaking
                };
                self.push(kind, format!("{what}: new media type `{media}`"));
            }
        }
    }

    fn schema(&mut self, old: &Value, new: &Value, label: &Label, dir: Dir, depth: usize) {
        if depth > 64 {
            return;
        }
        let (old_s, old_ref) = resolve(self.old, old);
        let (new_s, new_ref) = resolve(self.new, new);
        let label = match component_name(new_ref.as_deref()) {
            Some(name) => Label::component(name),
            None => label.clone(),
        };
        let key = (
            old_ref.clone().unwrap_or_default(),
            new_ref.clone().unwrap_or_default(),
            dir,
        );
        if old_ref.is_some() && new_ref.is_some() && self.stack.contains(&key) {
            return;
        }
        self.stack.push(key);
        let outer = self.direction.replace(dir);
        let old_n = normalize(self.old, old_s);
        let new_n = normalize(self.new, new_s);
        self.compare_normalized(&old_n, &new_n, &label, dir, depth);
        self.direction = outer;
        self.stack.pop();
    }

    fn compare_normalized(
        &mut self,
        old: &Norm,
        new: &Norm,
        label: &Label,
        dir: Dir,
        depth: usize,
    ) {
        let at = label.show();
        // Null.
        match (dir, old.nullable, new.nullable) {
            (Dir::Request, true, false) => {
                self.push(Kind::Breaking, format!("{at}: no longer accepts null"));
            }
            (Dir::Request, false, true) => {
                self.push(Kind::Additive, format!("{at}: now accepts null"));
            }
            (Dir::Response, false, true) => {
                self.push(Kind::Breaking, format!("{at}: may now be null"));
            }
            (Dir::Response, true, false) => {
                self.push(Kind::Additive, format!("{at}: is no longer null"));
            }
            _ => {}
        }
        // Type and format.
        if let (Some(a), Some(b)) = (&old.ty, &new.ty)
            && a != b
        {
            self.push(
                Kind::Breaking,
                format!("{at}: changed type from {a} to {b}"),
            );
            return;
        }
        if old.ty.is_none() != new.ty.is_none() {
            let (kind, message) = match (&old.ty, &new.ty, dir) {
                (None, Some(b), Dir::Request) => {
                    (Kind::Breaking, format!("{at}: now only accepts {b}"))
                }
                (None, Some(b), Dir::Response) => {
                    (Kind::Additive, format!("{at}: is now always {b}"))
                }
                (Some(a), None, Dir::Request) => (
                    Kind::Additive,
                    format!("{at}: accepts any type, not only {a}"),
                ),
                (Some(a), None, Dir::Response) => (
                    Kind::Breaking,
                    format!("{at}: may be any type, not only {a}"),
                ),
                _ => unreachable!("exactly one side has a type"),
            };
            self.push(kind, message);
        }
        if old.format != new.format {
            let show = |f: &Option<String>| f.clone().unwrap_or_else(|| "(none)".to_string());
            self.push(
                Kind::Breaking,
                format!(
                    "{at}: changed format from {} to {}",
                    show(&old.format),
                    show(&new.format)
                ),
            );
        }
        self.enums(old, new, &at, dir);
        self.properties(old, new, label, dir, depth);
        if let (Some(a), Some(b)) = (&old.items, &new.items) {
            self.schema(a, b, &label.child("[]"), dir, depth + 1);
        }
        self.alternatives(old, new, label, dir, depth);
    }

    fn enums(&mut self, old: &Norm, new: &Norm, at: &str, dir: Dir) {
        let show = |values: &[String]| values.join(", ");
        match (&old.enumeration, &new.enumeration) {
            (Some(a), Some(b)) => {
                let lost: Vec<String> = a.iter().filter(|v| !b.contains(v)).cloned().collect();
                let gained: Vec<String> = b.iter().filter(|v| !a.contains(v)).cloned().collect();
                if !lost.is_empty() {
                    let kind = match dir {
                        Dir::Request => Kind::Breaking,
                        Dir::Response => Kind::Additive,
                    };
                    self.push(kind, format!("{at}: enum lost {}", show(&lost)));
                }
                if !gained.is_empty() {
                    let kind = match dir {
                        Dir::Request => Kind::Additive,
                        Dir::Response if new.open_enum => Kind::Additive,
                        Dir::Response => Kind::Breaking,
                    };
                    self.push(kind, format!("{at}: enum gained {}", show(&gained)));
                }
            }
            (None, Some(b)) => {
                let kind = match dir {
                    Dir::Request => Kind::Breaking,
                    Dir::Response => Kind::Additive,
                };
                self.push(kind, format!("{at}: now restricted to {}", show(b)));
            }
            (Some(_), None) => {
                let kind = match dir {
                    Dir::Request => Kind::Additive,
                    Dir::Response if old.open_enum => Kind::Additive,
                    Dir::Response => Kind::Breaking,
                };
                self.push(kind, format!("{at}: no longer restricted to an enum"));
            }
            (None, None) => {}
        }
    }

    fn properties(&mut self, old: &Norm, new: &Norm, label: &Label, dir: Dir, depth: usize) {
        for (name, old_prop) in &old.properties {
            let child = label.child(name);
            let at = child.show();
            let Some(new_prop) = new.properties.get(name) else {
                let what = match dir {
                    Dir::Request => "request",
                    Dir::Response => "response",
                };
                self.push(Kind::Breaking, format!("{at}: removed {what} field"));
                continue;
            };
            let (was, is) = (old.required.contains(name), new.required.contains(name));
            match (dir, was, is) {
                (Dir::Request, false, true) => {
                    self.push(Kind::Breaking, format!("{at}: is now required"));
                }
                (Dir::Request, true, false) => {
                    self.push(Kind::Additive, format!("{at}: is now optional"));
                }
                (Dir::Response, true, false) => {
                    self.push(Kind::Breaking, format!("{at}: may now be absent"));
                }
                (Dir::Response, false, true) => {
                    self.push(Kind::Additive, format!("{at}: is now always present"));
                }
                _ => {}
            }
            self.schema(old_prop, new_prop, &child, dir, depth + 1);
        }
        for name in new.properties.keys() {
            if old.properties.contains_key(name) {
                continue;
            }
            let at = label.child(name).show();
            let required = new.required.contains(name);
            match (dir, required) {
                (Dir::Request, true) => {
                    self.push(Kind::Breaking, format!("{at}: new required request field"));
                }
                (Dir::Request, false) => {
                    self.push(Kind::Additive, format!("{at}: new optional request field"));
                }
                (Dir::Response, _) => {
                    self.push(Kind::Additive, format!("{at}: new response field"));
                }
            }
        }
    }

    fn alternatives(&mut self, old: &Norm, new: &Norm, label: &Label, dir: Dir, depth: usize) {
        if old.alternatives.is_empty() && new.alternatives.is_empty() {
            return;
        }
        let at = label.show();
        for (i, (a, b)) in old.alternatives.iter().zip(&new.alternatives).enumerate() {
            self.schema(
                a,
                b,
                &label.child(&format!("<alternative {}>", i + 1)),
                dir,
                depth + 1,
            );
        }
        let (o, n) = (old.alternatives.len(), new.alternatives.len());
        if n > o {
            let kind = match dir {
                Dir::Request => Kind::Additive,
                Dir::Response => Kind::Breaking,
            };
            self.push(
                kind,
                format!("{at}: {} new oneOf/anyOf alternative(s)", n - o),
            );
        } else if o > n {
            let kind = match dir {
                Dir::Request => Kind::Breaking,
                Dir::Response => Kind::Additive,
            };
            self.push(
                kind,
                format!("{at}: {} oneOf/anyOf alternative(s) removed", o - n),
            );
        }
    }
}

/// An operation of a document.
struct Op<'a> {
    path: &'a str,
    method: &'static str,
    id: Option<&'a str>,
    item: &'a Value,
    operation: &'a Value,
}

impl Op<'_> {
    /// `operationId (METHOD path)`.
    fn label(&self) -> String {
        let method = self.method.to_ascii_uppercase();
        match self.id {
            Some(id) => format!("`{id}` ({method} {})", self.path),
            None => format!("{method} {}", self.path),
        }
    }

    /// `operationId`, or `METHOD path`.
    fn name(&self) -> String {
        match self.id {
            Some(id) => id.to_string(),
            None => format!("{} {}", self.method.to_ascii_uppercase(), self.path),
        }
    }
}

fn operations(doc: &Value) -> Vec<Op<'_>> {
    let mut out = Vec::new();
    let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
        return out;
    };
    for (path, item) in paths {
        let item = resolve(doc, item).0;
        for method in METHODS {
            if let Some(operation) = item.get(method) {
                out.push(Op {
                    path,
                    method,
                    id: operation.get("operationId").and_then(Value::as_str),
                    item,
                    operation,
                });
            }
        }
    }
    out
}

/// The effective parameters of an operation, by (location, name): path-item
/// parameters overridden by the operation's own.
fn parameters<'a>(doc: &'a Value, op: &Op<'a>) -> BTreeMap<(String, String), &'a Value> {
    let mut out = BTreeMap::new();
    for list in [op.item.get("parameters"), op.operation.get("parameters")] {
        for param in list.and_then(Value::as_array).into_iter().flatten() {
            let param = resolve(doc, param).0;
            let name = param.get("name").and_then(Value::as_str).unwrap_or("");
            let location = param.get("in").and_then(Value::as_str).unwrap_or("");
            out.insert((location.to_string(), name.to_string()), param);
        }
    }
    out
}

/// Follows local `$ref`s; returns the target and the last reference followed.
fn resolve<'a>(doc: &'a Value, value: &'a Value) -> (&'a Value, Option<String>) {
    let mut current = value;
    let mut last = None;
    for _ in 0..32 {
        let Some(reference) = current.get("$ref").and_then(Value::as_str) else {
            break;
        };
        let Some(pointer) = reference.strip_prefix('#') else {
            break;
        };
        match doc.pointer(pointer) {
            Some(target) => {
                last = Some(reference.to_string());
                current = target;
            }
            None => break,
        }
    }
    (current, last)
}

fn component_name(reference: Option<&str>) -> Option<&str> {
    reference?.strip_prefix("#/components/schemas/")
}

fn is_true(value: Option<&Value>) -> bool {
    value.and_then(Value::as_bool).unwrap_or(false)
}

/// A schema reduced to what the comparison looks at.
#[derive(Debug, Default)]
struct Norm {
    ty: Option<String>,
    format: Option<String>,
    nullable: bool,
    enumeration: Option<Vec<String>>,
    open_enum: bool,
    properties: BTreeMap<String, Value>,
    required: BTreeSet<String>,
    items: Option<Value>,
    alternatives: Vec<Value>,
}

/// Flattens `allOf`, turns `nullable` and null-only alternatives
/// (`{enum: [null]}`) into one flag, and collects what is compared.
fn normalize(doc: &Value, schema: &Value) -> Norm {
    let mut out = Norm::default();
    merge_into(doc, schema, &mut out, 0);
    if out.ty.is_none() && out.enumeration.is_none() && out.alternatives.is_empty() {
        // A schema without a type admits any value, null included.
        out.nullable = true;
    }
    out
}

fn merge_into(doc: &Value, schema: &Value, out: &mut Norm, depth: usize) {
    if depth > 16 {
        return;
    }
    let schema = resolve(doc, schema).0;
    let Some(map) = schema.as_object() else {
        return;
    };
    if let Some(ty) = map.get("type").and_then(Value::as_str) {
        out.ty = Some(ty.to_string());
    }
    if let Some(format) = map.get("format").and_then(Value::as_str) {
        out.format = Some(format.to_string());
    }
    if is_true(map.get("nullable")) {
        out.nullable = true;
    }
    if is_true(map.get("x-ruut-open-enum")) {
        out.open_enum = true;
    }
    if let Some(values) = map.get("enum").and_then(Value::as_array) {
        if values.iter().any(Value::is_null) {
            out.nullable = true;
        }
        let values: Vec<String> = values
            .iter()
            .filter(|v| !v.is_null())
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        if !values.is_empty() {
            out.enumeration = Some(values);
        }
    }
    if let Some(props) = map.get("properties").and_then(Value::as_object) {
        for (name, prop) in props {
            out.properties.insert(name.clone(), prop.clone());
        }
        if out.ty.is_none() {
            out.ty = Some("object".to_string());
        }
    }
    if let Some(required) = map.get("required").and_then(Value::as_array) {
        out.required.extend(
            required
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string),
        );
    }
    if let Some(items) = map.get("items") {
        out.items = Some(items.clone());
        if out.ty.is_none() {
            out.ty = Some("array".to_string());
        }
    }
    if let Some(all) = map.get("allOf").and_then(Value::as_array) {
        for part in all {
            merge_into(doc, part, out, depth + 1);
        }
    }
    for keyword in ["oneOf", "anyOf"] {
        let Some(alternatives) = map.get(keyword).and_then(Value::as_array) else {
            continue;
        };
        let mut kept = Vec::new();
        for alternative in alternatives {
            if is_null_only(doc, alternative) {
                out.nullable = true;
            } else {
                kept.push(alternative.clone());
            }
        }
        if let [single] = kept.as_slice() {
            // `oneOf: [$ref, {enum: [null]}]` is a nullable `$ref`.
            merge_into(doc, single, out, depth + 1);
        } else {
            out.alternatives.extend(kept);
        }
    }
}

fn is_null_only(doc: &Value, schema: &Value) -> bool {
    let schema = resolve(doc, schema).0;
    schema
        .get("enum")
        .and_then(Value::as_array)
        .is_some_and(|values| !values.is_empty() && values.iter().all(Value::is_null))
}
