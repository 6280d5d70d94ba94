//! The table's rows ([`Step`]), what they share while the test runs
//! ([`Ctx`], [`Found`]), and the collector of problems ([`Contract`]).

use std::collections::BTreeSet;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use ruut_api::Client;
use ruut_api::operations::Operation;

use crate::answer::{Answer, describe, from_prism};

/// An id no record has.
pub const MISSING_ID: i64 = 999_999;

/// A boxed future, as the table's function pointers return them.
pub type Job<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// Sends one request through Prism.
pub type Request = Box<dyn FnOnce(Arc<Ctx>) -> Job<Answer>>;

/// What a step must get back.
#[derive(Clone, Copy, Debug)]
pub enum Expect {
    /// A success, whose response Prism found valid.
    Success,
    /// This documented error, from the sandbox (not from Prism).
    Status(u16),
}

/// One request of the table.
pub struct Step {
    pub op: Operation,
    /// Which request of the operation, for messages.
    pub what: &'static str,
    pub expect: Expect,
    pub send: Request,
    /// Sent only when this holds of what earlier steps found.
    pub when: Option<fn(&Found) -> bool>,
}

impl Step {
    pub fn ok(op: Operation, what: &'static str, send: Request) -> Step {
        Step {
            op,
            what,
            expect: Expect::Success,
            send,
            when: None,
        }
    }

    pub fn status(op: Operation, what: &'static str, status: u16, send: Request) -> Step {
        Step {
            expect: Expect::Status(status),
            ..Step::ok(op, what, send)
        }
    }

    /// Sent only when `when` holds.
    pub fn when(self, when: fn(&Found) -> bool) -> Step {
        Step {
            when: Some(when),
            ..self
        }
    }
}

/// A [`Request`] that sends the request the expression builds and keeps the
/// answer: `send!(|c| c.user.get_profile())`, or with a block that reads
/// the typed answer first: `send!(|c| c.user.get_profile(), |profile| ...)`.
macro_rules! send {
    (|$c:ident| $request:expr) => {
        send!(|$c| $request, |_answer| ())
    };
    (|$c:ident| $request:expr, |$answer:ident| $learn:expr) => {
        Box::new(
                    move |$c: std::sync::Arc<$crate::contract::Ctx>| -> $crate::contract::Job<
                        $crate::answer::Answer,
                    > {
                        Box::pin(async move {
                            let result = $request.send().await;
                            if let Ok($answer) = &result {
                                $learn;
                            }
                            $crate::answer::answer(result)
                        })
                    },
                )
    };
}
pub(crate) use send;

/// What earlier steps found, for later ones; `1` until found, as a
/// request needs some id.
#[derive(Clone, Copy, Debug)]
pub struct Found {
    pub account: i64,
    pub me: i64,
    pub conversation: i64,
    pub inbox: i64,
    pub contact: i64,
    pub oldest_message: Option<i64>,
    pub created_contact: Option<i64>,
    /// A note about `contact`, once written.
    pub note: Option<i64>,
    /// An account where the user is an administrator, and a contact of it.
    pub admin_account: Option<i64>,
    pub admin_contact: Option<i64>,
    /// A conversation of an API inbox, and one of another inbox (messages).
    pub api_conversation: Option<i64>,
    pub other_conversation: Option<i64>,
    /// The newest message of `api_conversation`.
    pub api_message: Option<i64>,
    /// An inbox of `admin_account`, and an agent and a team created there.
    pub admin_inbox: Option<i64>,
    pub agent: Option<i64>,
    pub team: Option<i64>,
    /// An agent bot and an inbox created in `admin_account`.
    pub agent_bot: Option<i64>,
}

impl Default for Found {
    fn default() -> Found {
        Found {
            account: 1,
            me: 1,
            conversation: 1,
            inbox: 1,
            contact: 1,
            oldest_message: None,
            created_contact: None,
            note: None,
            admin_account: None,
            admin_contact: None,
            api_conversation: None,
            other_conversation: None,
            api_message: None,
            admin_inbox: None,
            agent: None,
            team: None,
            agent_bot: None,
        }
    }
}

/// The clients, and what the steps found so far.
pub struct Ctx {
    /// The seeded user's token.
    pub user: Client,
    /// A token the server does not know.
    pub stranger: Client,
    /// No token at all.
    pub anonymous: Client,
    found: Mutex<Found>,
}

impl Ctx {
    pub fn new(url: &str, token: &str) -> Ctx {
        Ctx {
            user: ruut_tests::raw_client(url, Some(token)),
            stranger: ruut_tests::raw_client(url, Some("not-a-valid-token")),
            anonymous: ruut_tests::raw_client(url, None),
            found: Mutex::default(),
        }
    }

    /// What the steps found so far.
    pub fn found(&self) -> Found {
        *self.found.lock().expect("the found lock")
    }

    /// Records what a step found.
    pub fn learn(&self, learn: impl FnOnce(&mut Found)) {
        learn(&mut self.found.lock().expect("the found lock"));
    }
}

/// Every problem of every step, with the operation it happened in.
#[derive(Default)]
pub struct Contract {
    pub problems: Vec<String>,
    pub called: BTreeSet<Operation>,
    pub calls: usize,
}

impl Contract {
    /// Sends one step's request and checks the answer against what it expects.
    pub async fn check(&mut self, ctx: &Arc<Ctx>, step: Step) {
        if step.when.is_some_and(|when| !when(&ctx.found())) {
            return;
        }
        let answer = (step.send)(ctx.clone()).await;
        self.calls += 1;
        self.called.insert(step.op);
        let (op, what) = (step.op, step.what);
        match (step.expect, answer) {
            (Expect::Success, Ok(response)) => self.header_violations(op, what, response.headers()),
            (Expect::Success, Err(e)) => {
                let detail = describe(*e).await;
                self.problems
                    .push(format!("{op} ({what}): expected success, got {detail}"));
            }
            (Expect::Status(status), Ok(response)) => self.problems.push(format!(
                "{op} ({what}): expected {status}, got {} {}",
                response.status(),
                response.into_inner()
            )),
            (Expect::Status(status), Err(e)) => match *e {
                ruut_api::Error::ErrorResponse(response)
                    if response.status().as_u16() == status =>
                {
                    self.header_violations(op, what, response.headers());
                    // Prism's own answers (no route, missing token) are problem+json:
                    // those requests never reached the sandbox.
                    if let Some(content_type) = from_prism(response.headers()) {
                        self.problems.push(format!(
                            "{op} ({what}): the {status} came from Prism, not the sandbox \
                             ({content_type}: {})",
                            response.into_inner()
                        ));
                    }
                }
                other => {
                    let detail = describe(other).await;
                    self.problems
                        .push(format!("{op} ({what}): expected {status}, got {detail}"));
                }
            },
        }
    }

    fn header_violations(
        &mut self,
        op: Operation,
        what: &str,
        headers: &reqwest::header::HeaderMap,
    ) {
        if let Some(violations) = headers.get("sl-violations") {
            self.problems.push(format!(
                "{op} ({what}): sl-violations: {}",
                String::from_utf8_lossy(violations.as_bytes())
            ));
        }
    }
}
