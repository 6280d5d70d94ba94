//! What a request may touch, checked once, in the server's order, before any
//! handler runs.
//!
//! 1. [`SignedIn`] (an axum extractor): the token, with agent-bot tokens only
//!    where the operation allows them (the pipeline put the operation in the
//!    request's extensions), and the raw path parameters.
//! 2. [`SignedIn::enter`]: the store is locked, and a [`Place`] reads its ids
//!    from the path (a non-integer is a 404), checks the caller's access to the
//!    account (404 unknown, 401 not a member) and finds its record (404).
//! 3. The handler gets a [`Scope`] of that place: the caller, the locked store
//!    and the records found, and does its own work only.
//!
//! Chatwoot does the same in `authenticate_access_token!`,
//! `ensure_current_account` and the controllers' record `before_action`s.

use std::sync::{Arc, MutexGuard};

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use axum::response::Response;
use ruut_api::operations::Operation;

use crate::app::App;
use crate::auth::{Caller, account_access};
use crate::errors::ApiError;

use crate::state::{Contact, Conversation, Store};
use crate::validate::path_id;
use crate::visibility::Viewer;
use crate::webhooks::Watch;

/// What every handler answers.
pub(crate) type Reply = Result<Response, ApiError>;

/// A signed-in request: who is calling, and the raw parameters of its path.
pub(crate) struct SignedIn {
    app: Arc<App>,
    caller: Caller,
    params: Vec<(String, String)>,
}

impl FromRequestParts<Arc<App>> for SignedIn {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &Arc<App>) -> Result<Self, ApiError> {
        let bots = parts
            .extensions
            .get::<Operation>()
            .is_some_and(|op| op.agent_bot());
        let caller = {
            let store = app.store.lock();
            let bot_with_token = |token: &[u8]| store.bot_with_token(token);
            app.tokens
                .authenticate(&parts.headers, bots, bot_with_token)?
        };
        let params = RawPathParams::from_request_parts(parts, app)
            .await
            .map_err(|_| ApiError::NotFound)?;
        Ok(Self {
            app: app.clone(),
            caller,
            params: params
                .iter()
                .map(|(name, value)| (name.to_owned(), value.to_owned()))
                .collect(),
        })
    }
}

impl SignedIn {
    /// Locks the store, finds the place `P` the path names and runs `work` in it.
    pub fn enter<P: Place>(&self, work: impl FnOnce(Scope<'_, P>) -> Reply) -> Reply {
        let store = self.app.store.lock();
        let path = Path(&self.params);
        let place = P::find(&store, self.caller, &path)?;
        let reply = work(Scope {
            app: &self.app,
            caller: self.caller,
            store,
            place,
        });
        // The store is unlocked again: the rules the request started run now.
        crate::automation::run(&self.app);
        reply
    }
}

/// The parameters of a request's path, by name.
pub(crate) struct Path<'a>(&'a [(String, String)]);

impl Path<'_> {
    /// The id in the parameter `name`, if the path has that parameter; a value
    /// that is not an integer is a 404, as Rails' `find` answers it.
    pub fn optional_id(&self, name: &str) -> Result<Option<i64>, ApiError> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| path_id(value))
            .transpose()
    }

    /// The text of the parameter `name` (a slug, an app id), if the path has it.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value.as_str())
    }

    /// The id in the parameter `name` (a 404 when the path has none).
    pub fn id(&self, name: &str) -> Result<i64, ApiError> {
        self.optional_id(name)?.ok_or(ApiError::NotFound)
    }
}

/// What a route is scoped to, found from the path while the store is locked.
pub(crate) trait Place: Sized {
    /// Reads the ids, checks access and finds the records, or says why not.
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError>;
}

/// The scope a handler works in: the caller, the locked store and its place.
pub(crate) struct Scope<'a, P> {
    /// The sandbox (for webhooks).
    pub app: &'a App,
    /// Who is calling.
    pub caller: Caller,
    /// The store, locked for the whole request (snoozes already expired).
    pub store: MutexGuard<'a, Store>,
    /// What the path named, checked.
    pub place: P,
}

impl<P> Scope<'_, P> {
    /// The calling user's id (`None` for a bot).
    pub fn user_id(&self) -> Option<i64> {
        self.caller.user_id()
    }
}

/// Any signed-in caller: routes without a place in the path.
impl Place for () {
    fn find(_: &Store, _: Caller, _: &Path<'_>) -> Result<Self, ApiError> {
        Ok(())
    }
}

/// A user, not a bot (the profile, the user's accounts).
pub(crate) struct Me {
    /// The user's id.
    pub user_id: i64,
}

impl Place for Me {
    fn find(_: &Store, caller: Caller, _: &Path<'_>) -> Result<Self, ApiError> {
        caller
            .user_id()
            .map(|user_id| Me { user_id })
            .ok_or(ApiError::BotForbidden)
    }
}

/// `{account_id}` as Chatwoot's `AccountsController` finds it: among the
/// caller's own accounts, so any other account is a 404 (not a 401).
pub(crate) struct OwnAccount {
    /// The account's id.
    pub id: i64,
}

impl Place for OwnAccount {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let id = path.id("account_id")?;
        account_access(store, caller, id).map_err(|_| ApiError::NotFound)?;
        Ok(OwnAccount { id })
    }
}

/// `{account_id}`, checked: 404 when it does not exist, 401 when the caller is
/// not a member (or a bot of another account).
#[derive(Clone, Copy)]
pub(crate) struct Account {
    /// The account's id.
    pub id: i64,
    /// The user's role there (`None` for a bot).
    pub role: Option<&'static str>,
}

impl Account {
    fn checked(store: &Store, caller: Caller, id: i64) -> Result<Self, ApiError> {
        let role = account_access(store, caller, id)?;
        Ok(Account { id, role })
    }
}

impl Place for Account {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        Self::checked(store, caller, path.id("account_id")?)
    }
}

/// A conversation: `{conversation_id}` is its display id in `{account_id}`,
/// which the caller may open ([`Viewer::may_open`]; else 401, after the 404).
///
/// A path without `{account_id}` (Ruut's `/api/v1/conversations/{id}/...`)
/// finds it in the caller's accounts, lowest account id first.
pub(crate) struct InConversation {
    /// Its account.
    pub account: Account,
    /// Its display id.
    pub display_id: i64,
    index: usize,
}

impl Place for InConversation {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account_id = path.optional_id("account_id")?;
        let display_id = path.id("conversation_id")?;
        let account_id = match account_id {
            Some(id) => id,
            None => first_account_with(store, caller, display_id)?,
        };
        let account = Account::checked(store, caller, account_id)?;
        let index = store
            .conversation_index(account.id, display_id)
            .ok_or(ApiError::NotFound)?;
        let viewer = Viewer {
            caller,
            role: account.role,
        };
        if !viewer.may_open(store, &store.conversations[index]) {
            return Err(ApiError::NotAuthorized);
        }
        Ok(InConversation {
            account,
            display_id,
            index,
        })
    }
}

/// The lowest id of the caller's accounts that has this conversation.
fn first_account_with(store: &Store, caller: Caller, display_id: i64) -> Result<i64, ApiError> {
    let mut accounts: Vec<i64> = match caller {
        Caller::User(user_id) => store
            .memberships
            .iter()
            .filter(|m| m.user_id == user_id)
            .map(|m| m.account_id)
            .collect(),
        Caller::Bot(bot_id) => store
            .bot(bot_id)
            .and_then(|b| b.account_id)
            .into_iter()
            .collect(),
    };
    accounts.sort_unstable();
    accounts
        .into_iter()
        .find(|a| store.conversation(*a, display_id).is_some())
        .ok_or(ApiError::NotFound)
}

/// A contact: `{contact_id}` in `{account_id}`.
pub(crate) struct InContact {
    /// Its account.
    pub account: Account,
    index: usize,
}

impl Place for InContact {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account_id = path.id("account_id")?;
        let contact_id = path.id("contact_id")?;
        let account = Account::checked(store, caller, account_id)?;
        let index = store
            .contact_index(account.id, contact_id)
            .ok_or(ApiError::NotFound)?;
        Ok(InContact { account, index })
    }
}

/// A route scoped to an account.
pub(crate) type AccountScope<'a> = Scope<'a, Account>;
/// A route scoped to a conversation.
pub(crate) type ConversationScope<'a> = Scope<'a, InConversation>;
/// A route scoped to a contact.
pub(crate) type ContactScope<'a> = Scope<'a, InContact>;

/// A place inside one account.
pub(crate) trait InAccount {
    /// The account, checked.
    fn account(&self) -> Account;
}

impl InAccount for Account {
    fn account(&self) -> Account {
        *self
    }
}

impl InAccount for InConversation {
    fn account(&self) -> Account {
        self.account
    }
}

impl InAccount for InContact {
    fn account(&self) -> Account {
        self.account
    }
}

impl<P: InAccount> Scope<'_, P> {
    /// The account's id.
    pub fn account_id(&self) -> i64 {
        self.place.account().id
    }

    /// The calling user's role in the account (`None` for a bot).
    pub fn role(&self) -> Option<&'static str> {
        self.place.account().role
    }

    /// The caller, as the account's conversations are shown to it.
    pub fn viewer(&self) -> Viewer {
        Viewer {
            caller: self.caller,
            role: self.role(),
        }
    }
}

impl ConversationScope<'_> {
    /// The conversation's display id.
    pub fn display_id(&self) -> i64 {
        self.place.display_id
    }

    /// The conversation. The store stays locked for the scope's lifetime and
    /// no handler removes a conversation while it holds a scope to one, so its
    /// place in the store is the one found.
    pub fn conversation(&self) -> &Conversation {
        &self.store.conversations[self.place.index]
    }

    /// The conversation, to change it (see [`conversation`](Self::conversation)).
    pub fn conversation_mut(&mut self) -> &mut Conversation {
        &mut self.store.conversations[self.place.index]
    }

    /// Takes the conversation out of the store (consuming the scope, whose
    /// place would no longer exist).
    pub fn remove_conversation(mut self) -> Conversation {
        self.store.conversations.remove(self.place.index)
    }

    /// Runs a change of the conversation, then sends the webhooks it calls for
    /// (`conversation_status_changed`, `conversation_updated`).
    pub fn change<R>(&mut self, work: impl FnOnce(&mut Self) -> R) -> R {
        let (account_id, display_id) = (self.account_id(), self.display_id());
        let watch = Watch::conversation(&self.app.webhooks, &self.store, account_id, display_id);
        let result = work(self);
        watch.finish(&self.app.webhooks, &self.store);
        result
    }
}

impl ContactScope<'_> {
    /// The contact (found once; see [`ConversationScope::conversation`]).
    pub fn contact(&self) -> &Contact {
        &self.store.contacts[self.place.index]
    }

    /// The contact, to change it (see [`contact`](Self::contact)).
    pub fn contact_mut(&mut self) -> &mut Contact {
        &mut self.store.contacts[self.place.index]
    }
}
