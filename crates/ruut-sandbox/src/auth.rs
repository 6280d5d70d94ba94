//! Authentication and account access, as Chatwoot's `access_token_auth_helper`
//! and `ensure_current_account_helper` do them.
//!
//! The token is read from the `api_access_token` header (Rails also accepts the
//! spelling `Api-Access-Token`) and compared in constant time. Then, in this
//! order: a bot token on an endpoint bots may not use is refused, an unknown
//! account answers 404, and an account the caller may not use answers 401.

use axum::http::HeaderMap;

use crate::errors::ApiError;
use crate::state::{SenderRef, Store};

/// The header names the token may arrive in (header names are case-insensitive).
const TOKEN_HEADERS: [&str; 2] = ["api_access_token", "api-access-token"];

/// Who is calling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Caller {
    /// The user behind the user token.
    User(i64),
    /// The agent bot behind the bot token.
    Bot(i64),
}

impl Caller {
    /// The user's id (`None` for a bot).
    pub fn user_id(self) -> Option<i64> {
        match self {
            Caller::User(id) => Some(id),
            Caller::Bot(_) => None,
        }
    }
}

/// The caller as the sender of the messages it writes.
impl From<Caller> for SenderRef {
    fn from(caller: Caller) -> Self {
        match caller {
            Caller::User(id) => SenderRef::User(id),
            Caller::Bot(id) => SenderRef::Bot(id),
        }
    }
}

/// The user token the sandbox accepts, and who the seeded user and bot are.
/// Agent bots' tokens are in the store, with the bots (a bot created or reset
/// through the API gets a new one).
#[derive(Clone, Debug)]
pub(crate) struct Tokens {
    /// The user's token.
    pub user: String,
    /// The user's id.
    pub user_id: i64,
    /// The seeded bot's id.
    pub bot_id: i64,
}

/// Compares two byte strings in time that depends only on their lengths.
pub(crate) fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    let mut diff = u8::from(a.len() != b.len());
    let n = a.len().max(b.len());
    for i in 0..n {
        let x = a.get(i).copied().unwrap_or(0);
        let y = b.get(i).copied().unwrap_or(0);
        diff |= x ^ y;
    }
    std::hint::black_box(diff) == 0
}

/// The token of a request, if one is present and non-empty.
pub(crate) fn token(headers: &HeaderMap) -> Option<&[u8]> {
    TOKEN_HEADERS
        .iter()
        .filter_map(|name| headers.get(*name))
        .map(|value| value.as_bytes())
        .find(|value| !value.is_empty())
}

/// Whether this header carries the token (for redaction in the journal).
pub(crate) fn is_token_header(name: &str) -> bool {
    TOKEN_HEADERS
        .iter()
        .any(|candidate| name.eq_ignore_ascii_case(candidate))
}

impl Tokens {
    /// Authenticates a request; `bots_allowed` says whether the operation lists
    /// `agentBotApiKey` in its security requirements, and `bot_with_token`
    /// finds the bot a token belongs to.
    pub fn authenticate(
        &self,
        headers: &HeaderMap,
        bots_allowed: bool,
        bot_with_token: impl FnOnce(&[u8]) -> Option<i64>,
    ) -> Result<Caller, ApiError> {
        let Some(token) = token(headers) else {
            return Err(ApiError::MissingToken);
        };
        // Compare against every token so the time does not tell which one matched.
        let is_user = ct_eq(token, self.user.as_bytes());
        let bot = bot_with_token(token);
        if is_user {
            Ok(Caller::User(self.user_id))
        } else if let Some(bot_id) = bot {
            if bots_allowed {
                Ok(Caller::Bot(bot_id))
            } else {
                Err(ApiError::BotForbidden)
            }
        } else {
            Err(ApiError::InvalidToken)
        }
    }
}

/// Checks that the caller may use the account: 404 when it does not exist,
/// 401 when the caller is not a member. Returns the user's role (`None` for bots).
pub(crate) fn account_access(
    store: &Store,
    caller: Caller,
    account_id: i64,
) -> Result<Option<&'static str>, ApiError> {
    if store.account(account_id).is_none() {
        return Err(ApiError::NotFound);
    }
    match caller {
        Caller::User(user_id) => store
            .role(user_id, account_id)
            .map(Some)
            .ok_or(ApiError::NotMember),
        Caller::Bot(bot_id) => match store.bot(bot_id) {
            Some(bot) if bot.account_id == Some(account_id) => Ok(None),
            _ => Err(ApiError::NotMember),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ct_eq_compares_bytes() {
        assert!(ct_eq(b"abc", b"abc"));
        assert!(!ct_eq(b"abc", b"abd"));
        assert!(!ct_eq(b"abc", b"abcd"));
        assert!(!ct_eq(b"", b"a"));
        assert!(ct_eq(b"", b""));
    }
}
