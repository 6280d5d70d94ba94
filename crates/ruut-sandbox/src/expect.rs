//! Typed expectations over the request journal: what the code under test sent.
//!
//! [`Sandbox::expect`] names an operation; [`path`](Expectation::path),
//! [`query`](Expectation::query) and [`body`](Expectation::body) narrow it down;
//! a count ends it. Two styles, the same checks:
//!
//! - **Test style**: [`once`](Expectation::once), [`times`](Expectation::times),
//!   [`at_least`](Expectation::at_least) and [`never`](Expectation::never) panic
//!   (`#[track_caller]`: the failure points at the test's line) with a message
//!   that lists what did arrive.
//! - **Result style**: [`verify`](Expectation::verify) and the async
//!   [`arrival`](Expectation::arrival) return an [`ExpectationError`] with the
//!   same text (its `Debug` is that text too, so `.unwrap()` reads well).
//!
//! Every request counts, including those answered by an injected fault (the
//! journal records a request before a fault decides its answer), so "the bot
//! retried after a 500" is `times(2)`.

use std::fmt;
use std::time::Duration;

use ruut_api::operations::Operation;
use serde_json::Value;

use crate::journal::{Journal, RecordedRequest};
use crate::sandbox::Sandbox;

/// How many arrivals the failure message lists at most (the latest ones).
const LISTED: usize = 20;
/// How much of a body the failure message shows.
const EXCERPT: usize = 120;

impl Sandbox {
    /// An expectation about the requests of `operation` (see [`Expectation`]).
    ///
    /// ```no_run
    /// # async fn demo(sandbox: ruut_sandbox::Sandbox) {
    /// use ruut_sandbox::Operation;
    ///
    /// sandbox
    ///     .expect(Operation::CreateMessage)
    ///     .path("conversation_id", 42)
    ///     .body("content", "hi")
    ///     .once();
    /// # }
    /// ```
    pub fn expect(&self, operation: Operation) -> Expectation<'_> {
        Expectation {
            journal: &self.app().journal,
            operation,
            path: Vec::new(),
            query: Vec::new(),
            body: Vec::new(),
        }
    }
}

/// Requests of one operation with given path parameters, query parameters
/// and body fields; from [`Sandbox::expect`].
#[derive(Clone, Debug)]
#[must_use = "an expectation checks nothing until a count ends it"]
pub struct Expectation<'a> {
    journal: &'a Journal,
    operation: Operation,
    path: Vec<(String, String)>,
    query: Vec<(String, String)>,
    body: Vec<(String, Value)>,
}

impl Expectation<'_> {
    /// The path parameter `name` of the operation's template (e.g.
    /// `conversation_id`) is `value` (compared as text).
    pub fn path(mut self, name: &str, value: impl fmt::Display) -> Self {
        self.path.push((name.to_owned(), value.to_string()));
        self
    }

    /// The query parameter `name` is `value` (compared as text, decoded).
    pub fn query(mut self, name: &str, value: impl fmt::Display) -> Self {
        self.query.push((name.to_owned(), value.to_string()));
        self
    }

    /// The JSON body's field equals `value`. `field` is a top-level key
    /// (`"content"`), or a JSON pointer for nested ones (`"/meta/sender/id"`).
    pub fn body(mut self, field: &str, value: impl Into<Value>) -> Self {
        self.body.push((field.to_owned(), value.into()));
        self
    }

    /// The matching requests so far, oldest first.
    pub fn matching(&self) -> Vec<RecordedRequest> {
        self.journal
            .all()
            .into_iter()
            .filter(|r| self.matches(r))
            .collect()
    }

    /// `Ok` with the matching requests if there are exactly `times` of them.
    pub fn verify(&self, times: usize) -> Result<Vec<RecordedRequest>, ExpectationError> {
        self.count(times, "exactly", |n| n == times)
    }

    /// Panics unless exactly one request matches; returns it.
    #[track_caller]
    pub fn once(&self) -> RecordedRequest {
        let mut found = self.times(1);
        found.remove(0)
    }

    /// Panics unless exactly `times` requests match; returns them.
    #[track_caller]
    pub fn times(&self, times: usize) -> Vec<RecordedRequest> {
        self.verify(times).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Panics unless at least `times` requests match; returns them.
    #[track_caller]
    pub fn at_least(&self, times: usize) -> Vec<RecordedRequest> {
        self.count(times, "at least", |n| n >= times)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Panics if any request matches.
    #[track_caller]
    pub fn never(&self) {
        self.times(0);
    }

    /// Waits until a matching request has arrived (one that arrived before
    /// counts), and returns the first. See [`arrivals`](Self::arrivals).
    pub async fn arrival(&self, timeout: Duration) -> Result<RecordedRequest, ExpectationError> {
        let mut found = self.arrivals(1, timeout).await?;
        Ok(found.remove(0))
    }

    /// Waits until at least `n` matching requests have arrived, and returns
    /// them all. `timeout` only bounds a wait that would otherwise hang (the
    /// code under test never sends): past it, the error lists what did arrive.
    pub async fn arrivals(
        &self,
        n: usize,
        timeout: Duration,
    ) -> Result<Vec<RecordedRequest>, ExpectationError> {
        let wait = async {
            loop {
                let next = self.journal.recorded();
                let found = self.matching();
                if found.len() >= n {
                    return found;
                }
                next.await;
            }
        };
        match tokio::time::timeout(timeout, wait).await {
            Ok(found) => Ok(found),
            Err(_) => {
                let matched = self.matching().len();
                Err(self.error(&format!("within {timeout:?}, at least {n}"), matched))
            }
        }
    }

    fn count(
        &self,
        times: usize,
        how: &str,
        ok: impl Fn(usize) -> bool,
    ) -> Result<Vec<RecordedRequest>, ExpectationError> {
        let found = self.matching();
        if ok(found.len()) {
            Ok(found)
        } else {
            Err(self.error(&format!("{how} {times}"), found.len()))
        }
    }

    fn matches(&self, request: &RecordedRequest) -> bool {
        if request.operation != Some(self.operation) {
            return false;
        }
        let path_ok = self.path.iter().all(|(name, want)| {
            path_param(self.operation.path(), &request.path, name).is_some_and(|got| got == want)
        });
        let query_ok = self.query.iter().all(|(name, want)| {
            let query = request.query.as_deref().unwrap_or("");
            form_urlencoded::parse(query.as_bytes()).any(|(k, v)| k == *name && v == *want)
        });
        let body: Option<Value> = serde_json::from_str(&request.body).ok();
        let body_ok = self.body.iter().all(|(field, want)| {
            body.as_ref()
                .and_then(|b| field_of(b, field))
                .is_some_and(|got| got == want)
        });
        path_ok && query_ok && body_ok
    }

    fn error(&self, wanted: &str, matched: usize) -> ExpectationError {
        let mut conditions = Vec::new();
        conditions.extend(self.path.iter().map(|(k, v)| format!("{k} = {v}")));
        conditions.extend(self.query.iter().map(|(k, v)| format!("query {k} = {v}")));
        conditions.extend(self.body.iter().map(|(k, v)| format!("body {k} = {v}")));
        let with = if conditions.is_empty() {
            String::new()
        } else {
            format!(" with {}", conditions.join(", "))
        };
        let all = self.journal.all();
        let mut text = format!(
            "expected {wanted} {}{with} request(s); {matched} matched.\n",
            self.operation
        );
        if all.is_empty() {
            text.push_str("The sandbox received no requests.");
        } else {
            text.push_str(&format!("The sandbox received {}:", all.len()));
            let skipped = all.len().saturating_sub(LISTED);
            if skipped > 0 {
                text.push_str(&format!("\n  ({skipped} earlier ones not shown)"));
            }
            for (n, r) in all.iter().enumerate().skip(skipped) {
                text.push_str(&format!("\n  {:>3}. {}", n + 1, describe(r)));
            }
        }
        ExpectationError(text)
    }
}

/// One line about a request: operation, method, path and query, body excerpt.
fn describe(r: &RecordedRequest) -> String {
    let operation = r.operation.map_or("(not in the spec)", Operation::id);
    let query = r
        .query
        .as_deref()
        .map_or(String::new(), |q| format!("?{q}"));
    let mut line = format!("{operation} {} {}{query}", r.method, r.path);
    if !r.body.is_empty() {
        let excerpt: String = r.body.chars().take(EXCERPT).collect();
        let more = if excerpt.len() < r.body.len() {
            "…"
        } else {
            ""
        };
        line.push_str(&format!(" {excerpt}{more}"));
    }
    line
}

/// The value of the template's `{name}` segment in `path`, if the path fits the template.
fn path_param<'p>(template: &str, path: &'p str, name: &str) -> Option<&'p str> {
    let (mut t, mut p) = (template.split('/'), path.split('/'));
    let wanted = format!("{{{name}}}");
    let mut found = None;
    loop {
        match (t.next(), p.next()) {
            (None, None) => return found,
            (Some(t), Some(p)) if t == wanted => found = Some(p),
            (Some(t), Some(p)) if t.starts_with('{') || t == p => {}
            _ => return None,
        }
    }
}

/// A top-level key, or a JSON pointer when `field` starts with `/`.
fn field_of<'v>(body: &'v Value, field: &str) -> Option<&'v Value> {
    if field.starts_with('/') {
        body.pointer(field)
    } else {
        body.get(field)
    }
}

/// An expectation that did not hold: the text says what was expected and
/// lists the requests that did arrive.
#[derive(Clone, PartialEq, Eq)]
pub struct ExpectationError(String);

impl fmt::Display for ExpectationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The same text as `Display`, so that `.unwrap()` and `?` in tests read well.
impl fmt::Debug for ExpectationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ExpectationError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_parameters_come_from_the_template() {
        let template = Operation::CreateMessage.path();
        let path = "/api/v1/accounts/1/conversations/42/messages";
        assert_eq!(path_param(template, path, "conversation_id"), Some("42"));
        assert_eq!(path_param(template, path, "account_id"), Some("1"));
        assert_eq!(path_param(template, path, "nope"), None);
        assert_eq!(
            path_param(template, "/api/v1/accounts/1", "account_id"),
            None
        );
    }

    #[test]
    fn fields_are_keys_or_pointers() {
        let body = serde_json::json!({"content": "hi", "meta": {"id": 3}});
        assert_eq!(field_of(&body, "content"), Some(&Value::from("hi")));
        assert_eq!(field_of(&body, "/meta/id"), Some(&Value::from(3)));
        assert_eq!(field_of(&body, "meta/id"), None);
    }
}
