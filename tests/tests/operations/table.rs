//! What an entry of the every-operation table says about its operation, and
//! the world its checks run in.
//!
//! An entry is keyed by the [`Operation`]: how to call it with success (the
//! answer's data checked), a valid call the common checks send with a bad
//! token (401) and with the last id of its path unknown (404), and how to
//! provoke each documented error those cannot (a 403, a 422, a second kind
//! of 404). Which of the common checks apply comes from the spec, not from
//! the entry ([`crate::runner`]).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use ruut_api::types::{ErrorBody, ErrorField};
use ruut_api::{Client, Error};
use ruut_sandbox::{Sandbox, SeedInfo};

use crate::Operation;

/// An id no seeded record has.
pub const MISSING: i64 = 987_654;

/// A boxed future, as the table's function pointers return them.
pub type Job<T = ()> = Pin<Box<dyn Future<Output = T> + Send>>;

/// Boxes `future` for the table.
pub fn job<T, F: Future<Output = T> + Send + 'static>(future: F) -> Job<T> {
    Box::pin(future)
}

/// A check that panics, saying what is wrong, when it fails.
pub type Check = fn(Arc<World>) -> Job;

/// A valid call of the operation through the raw client, with `Ids` in its
/// path and body.
pub type Call = fn(Arc<Client>, Ids) -> Job<Result<(), Error<ErrorBody>>>;

/// The operation's call through the SDK (the helper `Operation::sdk`
/// names), with `Ids` as its arguments.
pub type SdkCall = fn(ruut_sdk::Client, Ids) -> Job<Result<(), ruut_sdk::Error>>;

/// An entry's SDK call, and the status route its client uses (the two
/// status operations are one SDK helper on either route).
#[derive(Clone, Copy)]
pub struct Sdk {
    pub route: ruut_sdk::StatusRoute,
    pub call: SdkCall,
}

/// A request the server must refuse: what came back.
pub type Provoke = fn(Arc<World>) -> Job<Refused>;

/// The status and the `ErrorBody` of a refused request.
#[derive(Debug)]
pub struct Refused {
    pub status: u16,
    pub body: ErrorBody,
}

/// How an entry provokes one of its documented errors.
pub enum How {
    /// The entry's call, by the user, with these ids instead of the valid ones.
    Ids(fn(Ids, &SeedInfo) -> Ids),
    /// A raw request to the operation's own path, with the valid ids: for
    /// input the typed client cannot express. `?query` when the operation
    /// sends no body, the body otherwise.
    Raw(&'static str),
    /// Anything else.
    Provoke(Provoke),
}

/// A documented error an entry provokes itself.
pub struct Refusal {
    pub status: u16,
    /// What the request does wrong, for messages.
    pub why: &'static str,
    pub how: How,
    /// The message the error body must carry, if a particular one.
    pub says: Option<&'static str>,
}

/// One operation's row.
pub struct Entry {
    pub op: Operation,
    pub succeeds: Check,
    /// The call of the common 401 and 404 checks; `None` for an operation
    /// that documents neither.
    pub call: Option<Call>,
    pub refusals: Vec<Refusal>,
    /// How the SDK sends it, for an operation the SDK wraps.
    pub sdk: Option<Sdk>,
}

impl Entry {
    /// An entry whose success case is `succeeds`.
    pub fn new(op: Operation, succeeds: Check) -> Entry {
        Entry {
            op,
            succeeds,
            call: None,
            refusals: Vec::new(),
            sdk: None,
        }
    }

    /// The SDK's call of the operation, on the default status route.
    pub fn sdk(self, call: SdkCall) -> Entry {
        self.sdk_on(ruut_sdk::StatusRoute::default(), call)
    }

    /// The SDK's call of the operation, by a client on `route`.
    pub fn sdk_on(mut self, route: ruut_sdk::StatusRoute, call: SdkCall) -> Entry {
        self.sdk = Some(Sdk { route, call });
        self
    }

    /// The valid call the common 401 and 404 checks send.
    pub fn call(mut self, call: Call) -> Entry {
        self.call = Some(call);
        self
    }

    /// A documented error `status`, provoked `how`.
    pub fn refuses(mut self, status: u16, why: &'static str, how: How) -> Entry {
        self.refusals.push(Refusal {
            status,
            why,
            how,
            says: None,
        });
        self
    }

    /// The documented 422 for a raw request with this query or body.
    pub fn rejects(self, why: &'static str, raw: &'static str) -> Entry {
        self.refuses(422, why, How::Raw(raw))
    }

    /// The last refusal's body must carry `message`.
    pub fn saying(mut self, message: &'static str) -> Entry {
        let last = self.refusals.last_mut().expect("a refusal to say it");
        last.says = Some(message);
        self
    }
}

/// A [`Call`]: `call!(|api, ids| api.get_account().account_id(ids.account))`
/// sends the request the expression builds and drops the answer.
macro_rules! call {
    (|$api:ident, $ids:ident| $request:expr) => {
        |$api: std::sync::Arc<ruut_api::Client>, $ids: $crate::table::Ids| {
            $crate::table::job(async move { $request.send().await.map(drop) })
        }
    };
}
pub(crate) use call;

/// An [`SdkCall`]: `sdk!(|client, ids| client.get_contact(ids.contact))`
/// awaits the future the expression makes and drops the answer.
macro_rules! sdk {
    (|$client:ident, $ids:ident| $call:expr) => {
        |$client: ruut_sdk::Client, $ids: $crate::table::Ids| {
            $crate::table::job(async move { $call.await.map(drop) })
        }
    };
}
pub(crate) use sdk;

/// A [`How::Provoke`] that sends the typed request the expression builds:
/// `provoke!(|w| w.api.get_profile())`.
macro_rules! provoke {
    (|$w:ident| $request:expr) => {
        $crate::table::How::Provoke(|$w: std::sync::Arc<$crate::table::World>| {
            $crate::table::job(async move { $crate::table::refused($request.send().await) })
        })
    };
}
pub(crate) use provoke;

/// The ids a valid call puts in its path and body.
#[derive(Clone, Copy, Debug)]
pub struct Ids {
    pub account: i64,
    pub conversation: i64,
    pub contact: i64,
    pub inbox: i64,
    /// An agent of the account (not in any path).
    pub agent: i64,
    /// A note about `contact`.
    pub note: i64,
    /// An account where the user is an administrator, and a contact of it
    /// (for administrators-only operations; in no path placeholder).
    pub admin_account: i64,
    pub admin_contact: i64,
    /// An agent bot and an inbox of `admin_account` (in no path placeholder).
    pub admin_bot: i64,
    pub admin_inbox: i64,
    /// A message of the conversation.
    pub message: i64,
    /// A team of the account (the user is a member).
    pub team: i64,
    /// A canned response of `account`.
    pub canned_response: i64,
    /// A label of `account`, and one of `admin_account` (in no path placeholder).
    pub label: i64,
    pub admin_label: i64,
    /// A custom attribute definition of `account`.
    pub attribute_definition: i64,
    /// A filter the user saved in `account`.
    pub custom_filter: i64,
    /// A webhook of `admin_account`.
    pub webhook: i64,
    /// A global macro of `account` by the token user.
    pub macro_id: i64,
    /// An automation rule of `admin_account`.
    pub automation_rule: i64,
    /// The slug of a help center portal of `admin_account` (`{portal_id}`).
    pub portal: &'static str,
    /// A category of `portal`.
    pub category: i64,
    /// An article of `portal`.
    pub article: i64,
    /// An integration hook of `admin_account`.
    pub hook: i64,
}

/// The slug that stands for an unknown portal.
pub const MISSING_PORTAL: &str = "no-such-portal";

impl Ids {
    /// The id a path placeholder (`account_id`, ...) stands for.
    fn slot(&mut self, op: Operation, placeholder: &str) -> &mut i64 {
        match placeholder {
            "account_id" => &mut self.account,
            "conversation_id" => &mut self.conversation,
            "contact_id" => &mut self.contact,
            "inbox_id" => &mut self.inbox,
            "note_id" => &mut self.note,
            "message_id" => &mut self.message,
            "agent_id" => &mut self.agent,
            "team_id" => &mut self.team,
            "canned_response_id" => &mut self.canned_response,
            "label_id" => &mut self.label,
            "custom_attribute_definition_id" => &mut self.attribute_definition,
            "custom_filter_id" => &mut self.custom_filter,
            "webhook_id" => &mut self.webhook,
            "macro_id" => &mut self.macro_id,
            "automation_rule_id" => &mut self.automation_rule,
            "hook_id" => &mut self.hook,
            "category_id" => &mut self.category,
            "article_id" => &mut self.article,
            other => panic!("{op}: `Ids` has no id for the path's `{{{other}}}`: add one"),
        }
    }

    /// These ids with the one the last placeholder of `op`'s path names made
    /// [`MISSING`]; `None` when the path has no id.
    pub fn missing_last(mut self, op: Operation) -> Option<Ids> {
        let last = placeholders(op.path()).last()?;
        if last == "portal_id" {
            self.portal = MISSING_PORTAL;
            return Some(self);
        }
        *self.slot(op, last) = MISSING;
        Some(self)
    }

    /// `op`'s path with these ids in it.
    pub fn path(mut self, op: Operation) -> String {
        let mut path = op.path().to_owned();
        for name in placeholders(op.path()) {
            if name == "portal_id" {
                path = path.replace("{portal_id}", self.portal);
                continue;
            }
            let id = *self.slot(op, name);
            path = path.replace(&format!("{{{name}}}"), &id.to_string());
        }
        path
    }
}

/// The names of a path template's placeholders, in order.
fn placeholders(path: &str) -> impl Iterator<Item = &str> {
    path.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

/// A fresh sandbox, its seed, and raw clients for it.
pub struct World {
    pub sandbox: Sandbox,
    pub seed: SeedInfo,
    /// The seeded user.
    pub api: Arc<Client>,
    /// The seeded agent bot.
    pub bot: Client,
    /// A token the server does not know.
    pub stranger: Arc<Client>,
    /// The second account's portal slug, kept for the whole run ([`Ids`] is `Copy`).
    pub portal: &'static str,
}

impl World {
    pub async fn start() -> Arc<World> {
        let sandbox = Sandbox::start().await.expect("sandbox");
        let client = |token: &str| ruut_tests::raw_client(sandbox.base_url(), Some(token));
        Arc::new(World {
            seed: sandbox.seed_info().clone(),
            api: Arc::new(client(sandbox.user_token())),
            bot: client(sandbox.bot_token()),
            stranger: Arc::new(client("not-a-token")),
            portal: Box::leak(
                sandbox
                    .seed_info()
                    .admin_portal_slug
                    .clone()
                    .into_boxed_str(),
            ),
            sandbox,
        })
    }

    /// A raw client with `token`.
    pub fn client(&self, token: &str) -> Client {
        ruut_tests::raw_client(self.sandbox.base_url(), Some(token))
    }

    /// Valid ids: the main account, its open conversation (in the API inbox),
    /// its first contact and that contact's note, its API inbox, its first
    /// agent, the conversation's first message; the second account and a
    /// contact of it.
    pub fn ids(&self) -> Ids {
        let (account, conversation) = (self.seed.account_id, self.seed.open_conversation_id);
        Ids {
            message: self.sandbox.message_ids(account, conversation)[0],
            account: self.seed.account_id,
            conversation: self.seed.open_conversation_id,
            contact: self.seed.contact_ids[0],
            inbox: self.seed.api_inbox_id,
            agent: self.seed.agent_ids[0],
            note: self.seed.note_id,
            admin_account: self.seed.second_account_id,
            admin_contact: self.seed.second_account_contact_id,
            team: self.seed.team_id,
            admin_bot: self.seed.second_account_bot_id,
            admin_inbox: self.seed.second_account_inbox_id,
            canned_response: self.seed.canned_response_id,
            label: self.seed.label_id,
            admin_label: self.seed.second_account_label_id,
            attribute_definition: self.seed.attribute_definition_id,
            custom_filter: self.seed.custom_filter_id,
            webhook: self.seed.webhook_id,
            macro_id: self.seed.macro_id,
            automation_rule: self.seed.automation_rule_id,
            portal: self.portal,
            category: self.seed.admin_category_id,
            article: self.seed.admin_article_id,
            hook: self.seed.hook_id,
        }
    }

    /// Sends `raw` (a `?query`, or else a JSON body) to `op`'s own path
    /// with the valid ids, and returns the status with the body parsed as
    /// the spec's `ErrorBody`.
    pub async fn raw(&self, op: Operation, raw: &str) -> Refused {
        let method = reqwest::Method::from_bytes(op.method().as_bytes()).expect("a method");
        let mut url = format!("{}{}", self.sandbox.base_url(), self.ids().path(op));
        let mut request = match raw.strip_prefix('?') {
            Some(_) => {
                url.push_str(raw);
                reqwest::Client::new().request(method, url)
            }
            None => reqwest::Client::new()
                .request(method, url)
                .header("content-type", "application/json")
                .body(raw.to_owned()),
        };
        request = request
            .header("api_access_token", self.sandbox.user_token())
            .header("accept", "application/json");
        let response = request.send().await.expect("raw request");
        let status = response.status().as_u16();
        let body = response.json::<ErrorBody>().await.expect("an ErrorBody");
        Refused { status, body }
    }
}

/// The typed error body of a documented error status, or a panic saying
/// what came instead.
pub fn refused<T: std::fmt::Debug>(result: Result<T, Error<ErrorBody>>) -> Refused {
    match result {
        Err(Error::ErrorResponse(response)) => Refused {
            status: response.status().as_u16(),
            body: response.into_inner(),
        },
        other => panic!("expected a documented error, got {other:?}"),
    }
}

/// The message of an error body, wherever Chatwoot put it.
pub fn message(body: &ErrorBody) -> String {
    match &body.error {
        Some(ErrorField::String(text)) => text.clone(),
        Some(ErrorField::ErrorDetail(detail)) => detail.code.clone(),
        None => body
            .message
            .clone()
            .or_else(|| body.errors.first().map(ToString::to_string))
            .unwrap_or_default(),
    }
}

/// A request body from JSON: shorter than a struct literal with every
/// optional field.
pub fn from_json<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> T {
    serde_json::from_value(value).expect("a valid body")
}
