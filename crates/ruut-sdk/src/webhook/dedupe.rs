//! Dropping retried deliveries by their `X-Chatwoot-Delivery` id.

use std::collections::{HashSet, VecDeque};
use std::sync::Mutex;

/// Remembers the most recent delivery ids, so a retried delivery is handled once.
///
/// The server keeps `X-Chatwoot-Delivery` the same when it retries a delivery (for
/// example after a timeout, when the receiver may already have acted on it). The
/// deduper holds at most `capacity` ids and forgets the oldest first; it is safe to
/// share between request handlers (`Arc<DeliveryDeduper>` or axum state).
///
/// ```
/// use ruut_sdk::webhook::DeliveryDeduper;
///
/// let seen = DeliveryDeduper::new(2);
/// assert!(seen.first_time("a"));
/// assert!(!seen.first_time("a")); // a retry
/// assert!(seen.first_time("b"));
/// assert!(seen.first_time("c")); // forgets "a"
/// assert!(seen.first_time("a"));
/// ```
#[derive(Debug)]
pub struct DeliveryDeduper {
    capacity: usize,
    inner: Mutex<Recent>,
}

#[derive(Debug, Default)]
struct Recent {
    ids: HashSet<String>,
    order: VecDeque<String>,
}

impl DeliveryDeduper {
    /// Ids a [`Default`] deduper remembers.
    pub const DEFAULT_CAPACITY: usize = 1024;

    /// A deduper remembering the last `capacity` ids (at least one).
    pub fn new(capacity: usize) -> Self {
        DeliveryDeduper {
            capacity: capacity.max(1),
            inner: Mutex::new(Recent::default()),
        }
    }

    /// Records `id`; `true` if it was not among the remembered ids (handle the
    /// delivery), `false` for a duplicate (acknowledge it and do nothing).
    pub fn first_time(&self, id: &str) -> bool {
        let mut recent = self.lock();
        if recent.ids.contains(id) {
            return false;
        }
        if recent.order.len() == self.capacity
            && let Some(oldest) = recent.order.pop_front()
        {
            recent.ids.remove(&oldest);
        }
        recent.ids.insert(id.to_owned());
        recent.order.push_back(id.to_owned());
        true
    }

    /// Whether `id` is remembered, without recording it.
    pub fn contains(&self, id: &str) -> bool {
        self.lock().ids.contains(id)
    }

    /// How many ids are remembered.
    pub fn len(&self) -> usize {
        self.lock().order.len()
    }

    /// Whether no id is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The most ids remembered at once.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Recent> {
        // The set stays consistent even if a holder panicked: every mutation
        // above completes before the guard drops.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Default for DeliveryDeduper {
    fn default() -> Self {
        DeliveryDeduper::new(Self::DEFAULT_CAPACITY)
    }
}
