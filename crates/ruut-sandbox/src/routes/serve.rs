//! Turns a handler's business logic into an axum route.
//!
//! A handler is a plain function of its [`Scope`] and, when it needs one, its
//! input (a [`Query`] or the body's [`Bytes`]):
//!
//! ```text
//! fn show(cx: ConversationScope<'_>) -> Reply
//! fn list(cx: AccountScope<'_>, query: Query) -> Reply
//! fn create(cx: AccountScope<'_>, body: Bytes) -> Reply
//! ```
//!
//! [`serve`] wraps it: sign-in ([`SignedIn`]), the input, then the lock and
//! the place ([`SignedIn::enter`]); the scope's type says which checks run.

use std::sync::Arc;

use axum::extract::RawQuery;
use axum::routing::{MethodFilter, MethodRouter, on};
use bytes::Bytes;

use crate::app::App;
use crate::scope::{Place, Reply, Scope, SignedIn};
use crate::validate::Query;

/// What a handler reads from the request besides its scope.
pub(crate) trait Input: Send + 'static {
    /// Takes it from the raw query string and the body (both already read).
    fn read(query: Option<&str>, body: Bytes) -> Self;
}

impl Input for () {
    fn read(_: Option<&str>, _: Bytes) -> Self {}
}

impl Input for Query {
    fn read(query: Option<&str>, _: Bytes) -> Self {
        Query::parse(query)
    }
}

impl Input for Bytes {
    fn read(_: Option<&str>, body: Bytes) -> Self {
        body
    }
}

impl Input for (Query, Bytes) {
    fn read(query: Option<&str>, body: Bytes) -> Self {
        (Query::parse(query), body)
    }
}

/// A handler's business logic: a function of its scope, or of its scope and
/// an [`Input`]. `Shape` only tells the two kinds apart (as axum's `Handler` does).
pub(crate) trait Behaviour<Shape>: Copy + Send + Sync + 'static {
    /// Where the handler works (what [`Place::find`] checks first).
    type Place: Place;
    /// What it reads from the request.
    type Input: Input;
    /// Runs it.
    fn run(self, scope: Scope<'_, Self::Place>, input: Self::Input) -> Reply;
}

impl<F, P> Behaviour<(P,)> for F
where
    F: for<'a> Fn(Scope<'a, P>) -> Reply + Copy + Send + Sync + 'static,
    P: Place,
{
    type Place = P;
    type Input = ();

    fn run(self, scope: Scope<'_, P>, (): ()) -> Reply {
        self(scope)
    }
}

impl<F, P, I> Behaviour<(P, I)> for F
where
    F: for<'a> Fn(Scope<'a, P>, I) -> Reply + Copy + Send + Sync + 'static,
    P: Place,
    I: Input,
{
    type Place = P;
    type Input = I;

    fn run(self, scope: Scope<'_, P>, input: I) -> Reply {
        self(scope, input)
    }
}

/// The route for one method: signs the caller in, reads the input, locks the
/// store, checks the place and runs the behaviour.
pub(crate) fn serve<Shape: 'static, B: Behaviour<Shape>>(
    method: MethodFilter,
    behaviour: B,
) -> MethodRouter<Arc<App>> {
    on(
        method,
        move |signed: SignedIn, RawQuery(query): RawQuery, body: Bytes| async move {
            let input = B::Input::read(query.as_deref(), body);
            signed.enter(|scope| behaviour.run(scope, input))
        },
    )
}
