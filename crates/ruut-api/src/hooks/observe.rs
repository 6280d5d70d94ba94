//! Which answer came back: the HTTP status (and operation) of the last request
//! sent inside [`observe`], whatever the generated code then made of the body.
//!
//! The generated client turns a documented error status whose body is not JSON
//! (the HTML page Rails sends for a route the server lacks, say) into
//! [`Error::InvalidResponsePayload`](crate::Error::InvalidResponsePayload),
//! which carries no status. The `exec` hook sees every answer before that:
//! inside [`observe`] it writes the status and the operation into a slot local
//! to the task, which [`observe`] hands back with the output. Outside
//! [`observe`] there is no slot, and the hook records nothing.

use std::cell::Cell;
use std::future::Future;

use crate::operations::Operation;

/// What the hook saw of the answer to the last request sent inside [`observe`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Observed {
    /// The operation the request was, `None` only if the generated client
    /// named it in a way [`Operation::from_client_method`] does not know.
    pub operation: Option<Operation>,
    /// The HTTP status of the answer.
    pub status: u16,
}

tokio::task_local! {
    /// The slot [`observe`] provides and the hook fills.
    static SLOT: Cell<Option<Observed>>;
}

/// Runs `future`, recording (task-locally) the status of the answer the
/// generated client's hook received for the last request `future` sent.
///
/// The generated client turns a documented error status whose body is not
/// JSON (the HTML page Rails sends for a route the server lacks, say) into
/// [`Error::InvalidResponsePayload`](crate::Error::InvalidResponsePayload),
/// which carries no status. The `exec` hook sees every answer before that, and
/// inside `observe` it notes the status and the operation; outside, it notes
/// nothing and costs nothing.
///
/// The second value is `None` when no request was sent, or when the last one
/// got no answer (a refused connection, a timeout). Requests sent from
/// tasks `future` spawns are not seen; a nested `observe` sees its own
/// requests, and the outer one does not.
///
/// ```no_run
/// # async fn demo(client: ruut_api::Client) {
/// use ruut_api::Operation;
/// use ruut_api::hooks::observe;
///
/// let (result, seen) = observe(
///     client.get_conversation().account_id(1).conversation_id(42).send(),
/// )
/// .await;
/// if let (Err(_), Some(seen)) = (&result, seen) {
///     // Even when the body was an HTML page the client could not parse.
///     assert_eq!(seen.operation, Some(Operation::GetConversation));
///     println!("the server answered {}", seen.status);
/// }
/// # }
/// ```
pub async fn observe<F: Future>(future: F) -> (F::Output, Option<Observed>) {
    SLOT.scope(Cell::new(None), async move {
        let output = future.await;
        let observed = SLOT.try_with(Cell::get).ok().flatten();
        (output, observed)
    })
    .await
}

/// Inside [`observe`], replaces what was seen with `observed()`; outside, does
/// nothing (and does not call `observed`).
pub(crate) fn record(observed: impl FnOnce() -> Option<Observed>) {
    let _ = SLOT.try_with(|slot| slot.set(observed()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(status: u16) -> Option<Observed> {
        Some(Observed {
            operation: Some(Operation::GetConversation),
            status,
        })
    }

    #[tokio::test]
    async fn observe_hands_back_the_last_record() {
        let (output, observed) = observe(async {
            record(|| seen(503));
            record(|| seen(404));
            7
        })
        .await;
        assert_eq!(output, 7);
        assert_eq!(observed, seen(404));
    }

    #[tokio::test]
    async fn nothing_recorded_is_none() {
        let ((), observed) = observe(async {}).await;
        assert_eq!(observed, None);
        let ((), cleared) = observe(async {
            record(|| seen(200));
            record(|| None);
        })
        .await;
        assert_eq!(cleared, None, "a request without an answer clears the slot");
    }

    #[tokio::test]
    async fn outside_observe_nothing_is_recorded_or_computed() {
        record(|| unreachable!("no slot, so the record is never built"));
        let ((), observed) = observe(async {}).await;
        assert_eq!(observed, None, "nothing leaks into a later observe");
    }

    #[tokio::test]
    async fn a_nested_observe_keeps_its_requests_to_itself() {
        let (inner, outer) = observe(async {
            record(|| seen(201));
            let ((), inner) = observe(async { record(|| seen(404)) }).await;
            inner
        })
        .await;
        assert_eq!(inner, seen(404));
        assert_eq!(outer, seen(201));
    }

    #[tokio::test]
    async fn concurrent_observes_do_not_mix() {
        let (a, b) = futures::join!(
            observe(async {
                tokio::task::yield_now().await;
                record(|| seen(404));
                tokio::task::yield_now().await;
            }),
            observe(async {
                record(|| seen(200));
                tokio::task::yield_now().await;
            }),
        );
        assert_eq!(a.1, seen(404));
        assert_eq!(b.1, seen(200));
    }

    #[test]
    fn observing_a_send_future_is_send() {
        fn send<T: Send>(_: T) {}
        send(observe(async { 1 }));
    }
}
