//! What a client learns about its server while it works, shared by every clone
//! (and every [`with_account_id`](crate::Client::with_account_id) sibling): which
//! routes the server has, and which spelling of the token header reaches it.
//!
//! Each fact is settled at most once, by a compare-and-swap, so that two tasks
//! meeting the same answer at the same moment record (and trace) one switch.

use std::future::Future;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

use crate::client::Client;
use crate::error::{Error, ErrorKind};
use ruut_api::operations::Operation;

/// Whether the server has one of Ruut's documented routes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Route {
    /// Not known yet: the next call tries the documented route.
    Unknown,
    /// The documented route answered.
    Documented,
    /// The documented route is missing (a routing 404); its fallback is used.
    Fallback,
}

/// A [`Route`], settled at most once.
#[derive(Debug, Default)]
pub(crate) struct RouteFact(AtomicU8);

const UNKNOWN: u8 = 0;
const DOCUMENTED: u8 = 1;
const FALLBACK: u8 = 2;

impl RouteFact {
    pub(crate) fn get(&self) -> Route {
        match self.0.load(Ordering::Acquire) {
            DOCUMENTED => Route::Documented,
            FALLBACK => Route::Fallback,
            _ => Route::Unknown,
        }
    }

    /// Records what a look at the documented route showed (see `probe`), unless
    /// the fact is settled already.
    pub(crate) fn learn(&self, documented: bool) {
        self.settle(if documented { DOCUMENTED } else { FALLBACK });
    }

    /// Settles the fact, unless it is settled already; true if this call did.
    fn settle(&self, route: u8) -> bool {
        self.0
            .compare_exchange(UNKNOWN, route, Ordering::AcqRel, Ordering::Acquire)
            .is_ok()
    }
}

/// The facts a client and its clones share.
#[derive(Debug, Default)]
pub(crate) struct Learned {
    /// `updateConversationStatus`, else `toggleConversationStatus`.
    pub status_route: RouteFact,
    /// `listAccounts`, else the profile's accounts.
    pub accounts_route: RouteFact,
    /// Set once a proxy was found to drop the underscore header.
    pub hyphenated: AtomicBool,
    /// The generated client sending `Api-Access-Token`, made when first needed.
    pub hyphenated_raw: OnceLock<ruut_api::Client>,
}

/// An answer that shows the route exists: the server's controller ran.
pub(crate) fn shows_route(result: &Result<impl Sized, Error>) -> bool {
    match result {
        Ok(_) => true,
        Err(e) => matches!(
            e.kind(),
            ErrorKind::NotFound
                | ErrorKind::Validation
                | ErrorKind::StatusChangeForbidden
                | ErrorKind::Forbidden
        ),
    }
}

impl Client {
    /// Runs `documented`, or `fallback` once the server is known to lack the
    /// documented operation `from`. On a routing 404 `fallback` (operation `to`)
    /// is sent at once, and unless the server lacks that route too, the fact is
    /// settled for every clone and the switch traced.
    pub(crate) async fn documented_or<T, D, F, FFut>(
        &self,
        fact: &RouteFact,
        (from, to): (Operation, Operation),
        documented: D,
        fallback: F,
    ) -> Result<T, Error>
    where
        D: Future<Output = Result<T, Error>>,
        F: FnOnce() -> FFut,
        FFut: Future<Output = Result<T, Error>>,
    {
        match fact.get() {
            Route::Fallback => return fallback().await,
            Route::Documented => return documented.await,
            Route::Unknown => {}
        }
        let result = documented.await;
        let missing = match result {
            Err(e) if e.kind() == ErrorKind::RouteNotFound => e,
            result => {
                if shows_route(&result) {
                    fact.settle(DOCUMENTED);
                }
                return result;
            }
        };
        let result = fallback().await;
        match result {
            // Neither route: not a Ruut or Chatwoot server (a wrong base URL?),
            // so nothing is learned, and the first answer is the one to report.
            Err(e) if e.kind() == ErrorKind::RouteNotFound => Err(missing),
            result => {
                if fact.settle(FALLBACK) {
                    tracing::info!(
                        documented = %format_args!("{} {}", from.method(), from.path()),
                        fallback = %format_args!("{} {}", to.method(), to.path()),
                        "the server lacks Ruut's documented route ({from}); \
                         this client uses {to} from now on"
                    );
                }
                result
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_is_settled_once() {
        let fact = RouteFact::default();
        assert_eq!(fact.get(), Route::Unknown);
        assert!(fact.settle(FALLBACK));
        assert!(!fact.settle(DOCUMENTED));
        assert!(!fact.settle(FALLBACK));
        assert_eq!(fact.get(), Route::Fallback);
    }

    #[test]
    fn only_answers_from_a_controller_show_the_route() {
        let err = |kind| Err::<(), _>(Error::new(kind, "x"));
        assert!(shows_route(&Ok::<_, Error>(())));
        assert!(shows_route(&err(ErrorKind::NotFound)));
        assert!(!shows_route(&err(ErrorKind::RouteNotFound)));
        assert!(!shows_route(&err(ErrorKind::Server)));
        assert!(!shows_route(&err(ErrorKind::Unauthorized)));
    }
}
