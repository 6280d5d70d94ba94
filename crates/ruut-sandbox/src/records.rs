//! One account-scoped record store for the administration resources that
//! are plain lists (webhooks, macros, automation rules, ...): the records of
//! every account, and the next id, handed out in creation order as the
//! server's primary keys are.

/// A record that belongs to one account and has an id of its own.
pub(crate) trait AccountRecord {
    /// The record's id (unique across accounts, as a database key is).
    fn id(&self) -> i64;
    /// The account the record belongs to.
    fn account_id(&self) -> i64;
}

/// Every account's records of one kind, and the next id.
#[derive(Clone, Debug)]
pub(crate) struct AccountRecords<T> {
    /// The records, oldest first.
    pub list: Vec<T>,
    next_id: i64,
}

impl<T> Default for AccountRecords<T> {
    fn default() -> Self {
        Self {
            list: Vec::new(),
            next_id: 1,
        }
    }
}

impl<T: AccountRecord> AccountRecords<T> {
    /// Hands out the next id.
    pub fn take_id(&mut self) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Where the record with this id in the account is in `list`; `None`
    /// for another account's record, as the server's scoped `find` is.
    pub fn index(&self, account_id: i64, id: i64) -> Option<usize> {
        self.list
            .iter()
            .position(|r| r.id() == id && r.account_id() == account_id)
    }

    /// The record with this id in the account.
    pub fn get(&self, account_id: i64, id: i64) -> Option<&T> {
        self.index(account_id, id).map(|i| &self.list[i])
    }

    /// The account's records, oldest first.
    pub fn in_account(&self, account_id: i64) -> impl Iterator<Item = &T> {
        self.list
            .iter()
            .filter(move |r| r.account_id() == account_id)
    }

    /// Whether the account has any record.
    pub fn any_in(&self, account_id: i64) -> bool {
        self.in_account(account_id).next().is_some()
    }
}

/// Implements [`AccountRecord`] for a struct with `id` and `account_id`
/// fields.
macro_rules! account_record {
    ($ty:ty) => {
        impl $crate::records::AccountRecord for $ty {
            fn id(&self) -> i64 {
                self.id
            }
            fn account_id(&self) -> i64 {
                self.account_id
            }
        }
    };
}
pub(crate) use account_record;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Note {
        id: i64,
        account_id: i64,
    }
    account_record!(Note);

    fn store(accounts: &[i64]) -> AccountRecords<Note> {
        let mut store = AccountRecords::default();
        for &account_id in accounts {
            let id = store.take_id();
            store.list.push(Note { id, account_id });
        }
        store
    }

    #[test]
    fn ids_count_up_across_accounts() {
        let store = store(&[1, 2, 1]);
        let ids: Vec<i64> = store.list.iter().map(|n| n.id).collect();
        assert_eq!(ids, [1, 2, 3]);
    }

    #[test]
    fn a_record_is_found_only_in_its_own_account() {
        let store = store(&[1, 2, 1]);
        assert_eq!(store.index(1, 3), Some(2));
        assert_eq!(store.index(2, 3), None);
        assert_eq!(store.index(1, 9), None);
        let first: Vec<i64> = store.in_account(1).map(|n| n.id).collect();
        assert_eq!(first, [1, 3]);
        assert!(store.any_in(2));
        assert!(!store.any_in(7));
    }
}
