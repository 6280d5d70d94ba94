//! The token header's spelling in force, and the switch to `Api-Access-Token`
//! when a proxy drops `api_access_token`.
//!
//! The sign: a 401 whose body is Devise's "You need to sign in or sign up before
//! continuing.", which the server sends only when no token arrived, although the
//! client sent one. Devise refuses before any controller runs, so resending is
//! safe for every operation, creations included.

use std::sync::atomic::Ordering;

use crate::client::Client;
use crate::client::config::AuthHeader;
use crate::error::Error;

/// What Devise says when a request carries no token.
const NO_TOKEN_ARRIVED: &str = "You need to sign in or sign up before continuing";

const UNDERSCORE_DROPPED: &str = "the token was sent, but the server saw none: a proxy in \
     between (nginx without `underscores_in_headers on`) drops the `api_access_token` \
     header; build the client with .auth_header(AuthHeader::Hyphenated), or leave the \
     spelling to the client, which then switches by itself";

const HYPHENATED_DROPPED: &str = "the token was sent as `Api-Access-Token`, but the server \
     saw none: something between the client and the server drops it";

/// What to do after an answer.
pub(crate) enum Next<'a, T> {
    /// The answer stands.
    Done(Result<T, Error>),
    /// Resend with this generated client, which sends `Api-Access-Token`.
    Resend(&'a ruut_api::Client),
}

/// Whether `error` is the server's answer to a request that carried no token.
fn no_token_arrived(error: &Error) -> bool {
    error.status() == Some(401) && error.message().contains(NO_TOKEN_ARRIVED)
}

impl Client {
    /// The spelling of the token header the client sends: the one it was built
    /// with, or `Hyphenated` once a proxy was found to drop the underscore one.
    pub fn auth_header(&self) -> AuthHeader {
        if self.inner.learned.hyphenated.load(Ordering::Acquire) {
            AuthHeader::Hyphenated
        } else {
            self.inner.settings.auth_header
        }
    }

    /// The generated client sending the spelling in force.
    pub(crate) fn raw_in_force(&self) -> &ruut_api::Client {
        match self.inner.learned.hyphenated_raw.get() {
            Some(raw) if self.inner.learned.hyphenated.load(Ordering::Acquire) => raw,
            _ => &self.inner.raw,
        }
    }

    /// Reads an answer sent with `spelling`: a sign that the token header was
    /// dropped either asks for one resend with the hyphenated spelling (when the
    /// spelling is the client's to choose) or gets a hint saying so.
    pub(crate) fn after_answer<T>(
        &self,
        spelling: AuthHeader,
        result: Result<T, Error>,
    ) -> Next<'_, T> {
        let error = match result {
            Err(error) if no_token_arrived(&error) => error,
            result => return Next::Done(result),
        };
        let settings = &self.inner.settings;
        if spelling == AuthHeader::Hyphenated {
            return Next::Done(Err(error.with_hint(HYPHENATED_DROPPED)));
        }
        if settings.auth_header_fixed {
            return Next::Done(Err(error.with_hint(UNDERSCORE_DROPPED)));
        }
        let learned = &self.inner.learned;
        let raw = match learned.hyphenated_raw.get() {
            Some(raw) => raw,
            None => match self.make_raw(AuthHeader::Hyphenated) {
                Ok(raw) => learned.hyphenated_raw.get_or_init(|| raw),
                Err(_) => return Next::Done(Err(error.with_hint(UNDERSCORE_DROPPED))),
            },
        };
        Next::Resend(raw)
    }

    /// Records the outcome of a resend with the hyphenated spelling: kept if the
    /// token arrived that way.
    pub(crate) fn after_resend<T>(&self, result: Result<T, Error>) -> Result<T, Error> {
        match result {
            Err(error) if no_token_arrived(&error) => Err(error.with_hint(HYPHENATED_DROPPED)),
            result => {
                let learned = &self.inner.learned;
                if !learned.hyphenated.swap(true, Ordering::AcqRel) {
                    tracing::info!(
                        dropped = AuthHeader::Underscore.name(),
                        now = AuthHeader::Hyphenated.name(),
                        "the token header was dropped on the way to the server; \
                         this client sends the hyphenated spelling from now on"
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
    use crate::error::ErrorKind;

    fn unauthorized(status: u16, message: &str) -> Error {
        Error::new(ErrorKind::Unauthorized, message).with_status(status)
    }

    #[test]
    fn only_devise_s_no_token_401_means_the_header_was_dropped() {
        let devise = "You need to sign in or sign up before continuing.";
        assert!(no_token_arrived(&unauthorized(401, devise)));
        assert!(!no_token_arrived(&unauthorized(
            401,
            "Invalid Access Token"
        )));
        assert!(!no_token_arrived(&unauthorized(403, devise)));
    }
}
