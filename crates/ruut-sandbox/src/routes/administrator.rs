//! Places for administrators-only routes: Chatwoot's policies (`WebhookPolicy`,
//! `AutomationRulePolicy`, ...) run in the controller's `check_authorization`
//! before the record is looked up, so an agent is answered 401 "You are not
//! authorized to do this action" whether or not the record exists.

use crate::auth::Caller;
use crate::errors::ApiError;
use crate::scope::{Account, InAccount, Path, Place};
use crate::state::Store;

/// `{account_id}`, where the caller must be an administrator.
#[derive(Clone, Copy)]
pub(crate) struct AdminAccount(pub Account);

impl Place for AdminAccount {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let account = Account::find(store, caller, path)?;
        if account.role != Some("administrator") {
            return Err(ApiError::NotAuthorized);
        }
        Ok(AdminAccount(account))
    }
}

impl InAccount for AdminAccount {
    fn account(&self) -> Account {
        self.0
    }
}

/// A record of an account where the caller is an administrator: the role
/// first, then `find` looks the record up (404 when it is not there).
pub(crate) struct AdminRecord<R> {
    account: Account,
    /// What `find` found (an index into the record's list, usually).
    pub found: R,
}

/// How an administrators-only record is found from the path.
pub(crate) trait AdminLookup: Sized {
    /// Finds it in the account, or says why not.
    fn lookup(store: &Store, account_id: i64, path: &Path<'_>) -> Result<Self, ApiError>;
}

impl<R: AdminLookup> Place for AdminRecord<R> {
    fn find(store: &Store, caller: Caller, path: &Path<'_>) -> Result<Self, ApiError> {
        let AdminAccount(account) = AdminAccount::find(store, caller, path)?;
        let found = R::lookup(store, account.id, path)?;
        Ok(AdminRecord { account, found })
    }
}

impl<R> InAccount for AdminRecord<R> {
    fn account(&self) -> Account {
        self.account
    }
}
