//! The ids the sandbox hands out to records created through the API: each
//! kind counts up from above its seeded records and never reuses an id, as a
//! database sequence does.

/// The next id of each kind of record created through the API.
#[derive(Clone, Debug, Default)]
pub(crate) struct Sequences {
    bot: i64,
    inbox: i64,
}

impl Sequences {
    /// Sequences that start above the seeded records' ids.
    pub fn after(bots: i64, inboxes: i64) -> Self {
        Self {
            bot: bots + 1,
            inbox: inboxes + 1,
        }
    }

    /// The next agent bot id.
    pub fn bot(&mut self) -> i64 {
        take(&mut self.bot)
    }

    /// The next inbox id.
    pub fn inbox(&mut self) -> i64 {
        take(&mut self.inbox)
    }
}

fn take(next: &mut i64) -> i64 {
    *next = (*next).max(1);
    let id = *next;
    *next += 1;
    id
}

/// A new random access token: 24 characters of base58, as Rails'
/// `has_secure_token` makes them.
pub(crate) fn new_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    const ALPHABET: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    let keys = std::collections::hash_map::RandomState::new();
    (0..24_u64)
        .map(|i| {
            let mut hasher = keys.build_hasher();
            hasher.write_u64(i);
            ALPHABET[(hasher.finish() % ALPHABET.len() as u64) as usize] as char
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_base58_and_differ() {
        let (a, b) = (new_token(), new_token());
        assert_eq!(a.len(), 24);
        assert_ne!(a, b);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_alphanumeric() && !"0OIl".contains(c))
        );
    }

    #[test]
    fn sequences_count_up_from_the_seed() {
        let mut ids = Sequences::after(2, 5);
        assert_eq!((ids.bot(), ids.bot(), ids.inbox()), (3, 4, 6));
    }
}
