//! [`Progress`]: how far the webhook deliveries have got, so that a test can
//! wait until every queued event has been delivered.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tokio::sync::Notify;

/// How many events were queued and how many deliveries have ended.
#[derive(Debug, Default)]
pub(crate) struct Progress {
    queued: AtomicU64,
    ended: AtomicU64,
    changed: Notify,
}

impl Progress {
    /// An event was queued (count it before handing it to the queue).
    pub(crate) fn queue_one(&self) {
        self.queued.fetch_add(1, Ordering::SeqCst);
    }

    /// A delivery ended (answered, failed, timed out), or an event was dropped.
    pub(crate) fn end_one(&self) {
        self.ended.fetch_add(1, Ordering::SeqCst);
        self.changed.notify_waiters();
    }

    fn pending(&self) -> u64 {
        let ended = self.ended.load(Ordering::SeqCst);
        self.queued.load(Ordering::SeqCst).saturating_sub(ended)
    }

    /// Waits until no delivery is pending; `Err` with the number still pending
    /// when `timeout` passes first.
    pub(crate) async fn settled(&self, timeout: Duration) -> Result<(), u64> {
        let wait = async {
            loop {
                // Registered before the check, so no ending slips in between.
                let changed = self.changed.notified();
                if self.pending() == 0 {
                    return;
                }
                changed.await;
            }
        };
        tokio::time::timeout(timeout, wait)
            .await
            .map_err(|_| self.pending())
    }
}
